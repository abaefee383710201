"""The table of frameworks' sources in docs/frameworks.md, made from the framework files.

Where each framework comes from, and what was and was not checked against it, is data in the
files' ``[source]`` tables; the docs show the same facts, so they are generated here rather
than typed twice. ``python -m reflect.formats.framework_table docs/frameworks.md`` rewrites the
table between its two marker lines; tests/formats/test_framework_table.py fails when the docs
and the files disagree.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from reflect.core.framework import Framework, Origin
from reflect.files import write_text
from reflect.formats.framework_toml import read_framework
from reflect.resources import resource_path

START = "<!-- frameworks table: generated from resources/frameworks, do not edit by hand -->"
END = "<!-- end of frameworks table -->"
COMMAND = "python -m reflect.formats.framework_table docs/frameworks.md"
_HEADER = (
    "| id | name | source | verified | checked | not checked |",
    "|---|---|---|---|---|---|",
)


def shipped_frameworks() -> list[Framework]:
    """Every shipped framework file, in file-name order."""
    folder = resource_path("frameworks")
    return [read_framework(path, Origin.SHIPPED) for path in sorted(folder.glob("*.toml"))]


def source_table(frameworks: Iterable[Framework]) -> str:
    """A Markdown table: one row per framework, its source and what was (not) checked."""
    rows = [_row(f) for f in frameworks]
    return "\n".join((*_HEADER, *rows)) + "\n"


def _row(framework: Framework) -> str:
    source = framework.source
    cited = ", ".join(str(part) for part in (source.title, source.publisher, source.year) if part)
    # Links stay in the files (the app shows them as text): the docs point nowhere outside.
    cells = (
        f"`{framework.id}`",
        framework.name,
        cited,
        "yes" if framework.verified else "no",
        source.checked or "—",
        source.not_checked or "—",
    )
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def with_table(document: str, table: str) -> str:
    """``document`` with the text between the marker lines replaced by ``table``."""
    head, found, rest = document.partition(START + "\n")
    _, found_end, tail = rest.partition(END)
    if not (found and found_end):
        raise ValueError(f"the document has no lines {START!r} and {END!r}")
    return head + START + "\n" + table + END + tail


def main(argv: list[str]) -> int:
    """Rewrite the table in the Markdown file named by ``argv[0]``."""
    path = Path(argv[0])
    document = path.read_text(encoding="utf-8")
    write_text(path, with_table(document, source_table(shipped_frameworks())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
