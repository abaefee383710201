"""A Markdown export imported again keeps kind, framework, responses, tags and inquiry (#13, 12)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cli_harness import Reflect

pytest_plugins = ("cli_fixtures",)

GIBBS = """\
## Description

The board round ran long again.

## Feelings

Frustrated, then curious.

## Conclusion

Ask the ward manager first.
"""


def _only_entry(reflect: Reflect, data_dir: Path | None = None) -> dict[str, Any]:
    """The journal's one entry as the lossless JSON export holds it."""
    [entry] = reflect.snapshot(data_dir=data_dir)["entries"]
    return dict(entry)


def test_a_gibbs_entry_survives_export_and_import_into_a_fresh_journal(
    reflect: Reflect, tmp_path: Path
) -> None:
    inquiry = reflect.add_inquiry("How might we own discharge delays?")
    reflect.write(
        GIBBS,
        "--framework",
        "gibbs",
        "--tag",
        "board-round",
        "--tag",
        "flow",
        "--inquiry",
        inquiry,
    )
    before = _only_entry(reflect)
    out = tmp_path / "notes"
    reflect.ok("export", "markdown", "--out", str(out))
    fresh = tmp_path / "fresh"

    reflect.ok("import", "markdown", str(out), data_dir=fresh)

    after = _only_entry(reflect, data_dir=fresh)
    assert after == before
    assert after["kind"] == "reflection"
    assert after["framework_id"] == "gibbs"
    assert [r["prompt_id"] for r in after["responses"]] == [
        "description",
        "feelings",
        "conclusion",
    ]
    assert after["tags"] == ["board-round", "flow"]
    assert after["inquiry_id"] == inquiry
    [question] = reflect.json("inquiry", "list", data_dir=fresh)
    assert (question["id"], question["question"]) == (inquiry, "How might we own discharge delays?")


def test_the_inquiry_link_finds_the_inquiry_already_in_the_journal(
    reflect: Reflect, tmp_path: Path
) -> None:
    inquiry = reflect.add_inquiry("How might we own discharge delays?")
    reflect.write("A note.", "--inquiry", inquiry)
    out = tmp_path / "notes"
    reflect.ok("export", "markdown", "--out", str(out))

    reflect.ok("import", "markdown", str(out))

    assert len(reflect.json("inquiry", "list")) == 1
    assert _only_entry(reflect)["inquiry_id"] == inquiry
