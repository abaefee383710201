"""Architecture rules: only reflect.ui imports Qt, only reflect.storage imports SQL libraries."""

from __future__ import annotations

import ast
from pathlib import Path

import reflect

PACKAGE = Path(reflect.__file__).parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def offenders(forbidden: set[str], allowed_package: str) -> list[str]:
    bad = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith(allowed_package + "/"):
            continue
        hits = imported_modules(path) & forbidden
        if hits:
            bad.append(f"{relative}: {sorted(hits)}")
    return bad


def test_only_ui_imports_qt() -> None:
    assert offenders({"PySide6", "shiboken6", "PyQt5", "PyQt6"}, "ui") == []


def test_only_storage_imports_sql() -> None:
    assert offenders({"sqlite3", "sqlite_utils"}, "storage") == []


def test_the_checker_sees_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import sqlite3\nfrom PySide6.QtCore import Qt\n", encoding="utf-8")
    assert imported_modules(sample) == {"sqlite3", "PySide6"}
