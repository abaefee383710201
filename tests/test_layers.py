"""Architecture rules, from the code's own imports: only reflect.ui imports Qt, only
reflect.storage imports SQL libraries, packages depend inward in one order, and no module
imports itself round a cycle (imports only for type checking count too)."""

from __future__ import annotations

import ast
from pathlib import Path

import reflect

PACKAGE = Path(reflect.__file__).parent

# Lowest first. A module may import from its own package and from rows above its own; packages
# that share a row are siblings and may not import each other.
LAYERS = (
    ("__init__",),
    ("messages",),
    ("errors",),
    ("core",),
    ("files", "paths", "resources", "crash"),
    ("storage", "formats", "secrets"),
    ("exchange",),
    ("services",),
    ("app",),
    ("ui",),
    ("cli",),
    ("__main__",),
)


def module_name(path: Path, package: Path = PACKAGE) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, package: Path = PACKAGE) -> set[str]:
    """Every module ``path`` names in an import, anywhere in the file (absolute names)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = module_name(path, package).split(".")
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = here if is_package else here[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def internal_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Module -> the package's own modules it imports."""
    files = {module_name(p, package): p for p in package.rglob("*.py")}
    return {
        name: {m for m in imports_of(path, package) if m in files and m != name}
        for name, path in files.items()
    }


def top_package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def rank(package: str) -> int:
    for n, row in enumerate(LAYERS):
        if package in row:
            return n
    raise AssertionError(f"reflect.{package} is in no layer: add it to LAYERS")


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    bad = []
    for module, targets in graph.items():
        mine = top_package(module)
        for target in targets:
            theirs = top_package(target)
            if theirs != mine and rank(theirs) >= rank(mine):
                bad.append(f"{module} imports {target}")
    return sorted(bad)


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def offenders(forbidden: set[str], allowed_package: str) -> list[str]:
    bad = []
    for path in PACKAGE.rglob("*.py"):
        if top_package(module_name(path)) == allowed_package:
            continue
        hits = {name.split(".")[0] for name in imports_of(path)} & forbidden
        if hits:
            bad.append(f"{path.relative_to(PACKAGE).as_posix()}: {sorted(hits)}")
    return bad


def test_only_ui_imports_qt() -> None:
    assert offenders({"PySide6", "shiboken6", "PyQt5", "PyQt6"}, "ui") == []


def test_only_storage_imports_sql() -> None:
    assert offenders({"sqlite3", "sqlite_utils", "sqlcipher3"}, "storage") == []


def test_packages_depend_inward_in_one_order() -> None:
    assert upward_imports(internal_graph()) == []


def test_no_import_cycle() -> None:
    assert cycles(internal_graph()) == []


# The checkers themselves, on small made-up packages -------------------------------------------


def write_package(root: Path, files: dict[str, str]) -> Path:
    package = root / "reflect"
    for name, text in {"__init__.py": "", **files}.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        for parent in path.parents:
            if parent == package:
                break
            (parent / "__init__.py").touch()
        path.write_text(text, encoding="utf-8")
    return package


def test_the_checker_sees_every_kind_of_import(tmp_path: Path) -> None:
    package = write_package(
        tmp_path,
        {
            "ui/page.py": (
                "import sqlite3\nfrom PySide6.QtCore import Qt\nfrom . import theme\n"
                "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                "    from reflect.ui.window import Window\n"
                "def later():\n    from ..services import entries\n"
            ),
            "ui/theme.py": "",
            "ui/window.py": "",
            "services/entries.py": "",
        },
    )
    found = imports_of(package / "ui/page.py", package)
    assert {"sqlite3", "PySide6.QtCore", "reflect.ui.theme", "reflect.ui.window"} <= found
    assert "reflect.services.entries" in found


def test_a_cycle_through_type_checking_imports_is_found(tmp_path: Path) -> None:
    package = write_package(
        tmp_path,
        {
            "ui/window.py": "from reflect.ui.flow import start\n",
            "ui/flow.py": (
                "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                "    from reflect.ui.window import Window\n"
            ),
            "ui/page.py": "from reflect.ui import flow\n",
        },
    )
    assert cycles(internal_graph(package)) == [["reflect.ui.flow", "reflect.ui.window"]]


def test_an_upward_or_sideways_import_is_found(tmp_path: Path) -> None:
    package = write_package(
        tmp_path,
        {
            "storage/entries.py": "from reflect.services.search import find\n",
            "services/search.py": "from reflect.storage.entries import rows\n",
            "formats/jrnl.py": "from reflect.secrets.store import KeyStore\n",
            "secrets/store.py": "",
        },
    )
    assert upward_imports(internal_graph(package)) == [
        "reflect.formats.jrnl imports reflect.secrets.store",
        "reflect.storage.entries imports reflect.services.search",
    ]
