"""docs/frameworks.md's table of sources is the framework files' own [source] tables (#18)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reflect.formats.framework_table import (
    COMMAND,
    END,
    START,
    main,
    shipped_frameworks,
    source_table,
    with_table,
)

DOCS = Path(__file__).resolve().parents[2] / "docs" / "frameworks.md"


def test_the_docs_table_is_the_one_the_files_make() -> None:
    document = DOCS.read_text(encoding="utf-8")
    expected = with_table(document, source_table(shipped_frameworks()))
    assert document == expected, f"docs/frameworks.md is out of step: run {COMMAND}"


def test_every_shipped_framework_has_a_row_saying_what_was_checked() -> None:
    table = source_table(shipped_frameworks())
    for framework in shipped_frameworks():
        (row,) = [line for line in table.splitlines() if line.startswith(f"| `{framework.id}` |")]
        assert framework.source.title in row and str(framework.source.year) in row
        assert " ".join(framework.source.checked.split()) in row
    assert "https://" not in table  # the docs point nowhere outside the repository


def test_a_changed_file_changes_the_table(tmp_path: Path) -> None:
    frameworks = shipped_frameworks()
    first = frameworks[0]
    changed = replace(first, source=replace(first.source, checked="Only the | name."))
    table = source_table([changed, *frameworks[1:]])
    assert table != source_table(frameworks) and "Only the \\| name." in table


def test_the_command_rewrites_only_the_table(tmp_path: Path) -> None:
    path = tmp_path / "frameworks.md"
    path.write_text(f"# Before\n\n{START}\n| stale |\n{END}\n\nAfter.\n", encoding="utf-8")
    assert main([str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# Before\n\n{START}\n| id |") and text.endswith(f"{END}\n\nAfter.\n")
    assert "| stale |" not in text


def test_a_document_without_the_markers_is_refused() -> None:
    with pytest.raises(ValueError):
        with_table("# No table here\n", "| id |\n")
