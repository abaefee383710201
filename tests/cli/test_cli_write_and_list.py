"""``reflect write`` (argument or stdin, heading as title, kind, tags, inquiry) and ``list``."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

from cli_harness import Reflect, assert_one_error

from reflect.messages import Msg

pytest_plugins = ("cli_fixtures",)

ENTRY_FIELDS = {"id", "created", "kind", "title", "tags", "inquiry_id"}


def utc_text(local: datetime) -> str:
    """How a naive local time is stored: UTC ISO 8601 with offset and microseconds."""
    return local.astimezone().astimezone(UTC).isoformat(timespec="microseconds")


def test_write_from_an_argument_prints_the_new_id(reflect: Reflect) -> None:
    result = reflect.ok("write", "Relationships first, measures second.")

    new_id = result.out.strip()
    assert result.out == new_id + "\n"
    assert str(uuid.UUID(new_id)) == new_id
    (entry,) = reflect.entries()
    assert entry.keys() >= ENTRY_FIELDS
    assert entry["id"] == new_id
    assert entry["body"] == "Relationships first, measures second."
    assert entry["title"] == "Relationships first, measures second."  # shown from the first line
    assert (entry["kind"], entry["tags"], entry["inquiry_id"]) == ("reflection", [], None)
    assert datetime.fromisoformat(entry["created"]).utcoffset() is not None


def test_a_leading_heading_becomes_the_title(reflect: Reflect) -> None:
    new_id = reflect.write("# After workshop 3\nRelationships first.\n\nMeasures second.")

    (entry,) = reflect.entries()
    assert entry["id"] == new_id
    assert entry["title"] == "After workshop 3"
    assert entry["body"] == "Relationships first.\n\nMeasures second."


def test_a_heading_alone_is_enough_for_an_entry(reflect: Reflect) -> None:
    reflect.write("## Just a title")

    (entry,) = reflect.entries()
    assert (entry["title"], entry["body"]) == ("Just a title", "")


def test_write_reads_standard_input_when_text_is_absent(reflect: Reflect) -> None:
    result = reflect.ok("write", "--tag", "stdin", stdin="# From a pipe\n\nLine one\nLine two\n")

    (entry,) = reflect.entries()
    assert entry["id"] == result.out.strip()
    assert entry["title"] == "From a pipe"
    assert entry["body"] == "Line one\nLine two"
    assert entry["tags"] == ["stdin"]


def test_kind_tags_and_inquiry_are_stored(reflect: Reflect) -> None:
    inquiry_id = reflect.add_inquiry("How might we own discharge delays together?")

    new_id = reflect.write(
        "Trio session notes.",
        "--kind",
        "coaching",
        "--tag",
        "trio",
        "--tag",
        "#Trust",
        "--tag",
        "@trio",
        "--inquiry",
        inquiry_id[:5],
    )

    (entry,) = reflect.entries()
    assert entry["id"] == new_id
    assert entry["kind"] == "coaching"
    assert entry["tags"] == ["trio", "Trust"]  # sigils dropped, repeats merged
    assert entry["inquiry_id"] == inquiry_id


def test_empty_text_is_rejected_with_a_clear_message(reflect: Reflect) -> None:
    for args, stdin in ((("write", ""), None), (("write", "  \n\n "), None), (("write",), "\n \n")):
        assert_one_error(reflect(*args, stdin=stdin), Msg.EMPTY_ENTRY)

    assert reflect.entries() == []


def test_an_unknown_inquiry_is_rejected_and_nothing_is_written(reflect: Reflect) -> None:
    result = reflect("write", "Orphan thought.", "--inquiry", "0000dead")

    assert_one_error(result, Msg.INQUIRY_NOT_FOUND, id="0000dead")
    assert result.out == ""
    assert reflect.entries() == []


def test_an_unknown_kind_is_rejected(reflect: Reflect) -> None:
    result = reflect("write", "Some text.", "--kind", "diary")

    assert result.code != 0
    assert "Traceback" not in result.err
    assert "diary" in result.err and "reflection" in result.err
    assert reflect.entries() == []


def test_list_is_newest_first_and_limited(reflect: Reflect, tmp_path: Path) -> None:
    # Out of date order in the file, so the list must sort rather than keep file order.
    journal = tmp_path / "journal.txt"
    journal.write_text(
        "[2024-03-02 09:00] Second\nb\n\n"
        "[2024-03-04 18:30] Fourth\nd\n\n"
        "[2024-03-01 07:15] First\na\n\n"
        "[2024-03-03 12:00] Third\nc\n",
        encoding="utf-8",
    )
    reflect.ok("import", "jrnl", str(journal))

    listed = reflect.json("list")
    assert [e["title"] for e in listed] == ["Fourth", "Third", "Second", "First"]
    moments = [(4, 18, 30), (3, 12, 0), (2, 9, 0), (1, 7, 15)]
    expected = [utc_text(datetime(2024, 3, day, hour, minute)) for day, hour, minute in moments]
    assert [e["created"] for e in listed] == expected
    assert all(e.keys() >= ENTRY_FIELDS for e in listed)

    assert [e["title"] for e in reflect.json("list", "--limit", "2")] == ["Fourth", "Third"]
    assert len(reflect.json("list", "--limit", "1")) == 1


def test_new_writing_comes_before_older_writing(reflect: Reflect) -> None:
    ids = [reflect.write(f"Entry number {n}.") for n in range(3)]

    assert [e["id"] for e in reflect.entries()] == list(reversed(ids))
    assert [e["id"] for e in reflect.json("list", "--limit", "2")] == [ids[2], ids[1]]


def test_plain_list_shows_one_line_per_entry(reflect: Reflect) -> None:
    new_id = reflect.write("# Huddle notes\nBody.", "--kind", "progress", "--tag", "huddle")

    (line,) = reflect.ok("list").out.splitlines()

    created = datetime.fromisoformat(reflect.entries()[0]["created"]).astimezone()
    assert line.split() == [
        new_id[:8],
        *created.strftime("%Y-%m-%d %H:%M").split(),
        "progress",
        "Huddle",
        "notes",
        "#huddle",
    ]


def test_an_empty_journal_lists_nothing(reflect: Reflect) -> None:
    assert reflect.ok("list", "--json").json() == []
    assert reflect.ok("list").out == ""


def test_limit_must_be_positive(reflect: Reflect) -> None:
    reflect.write("Something.")

    result = reflect("list", "--limit", "0")

    assert result.code != 0
    assert "Traceback" not in result.err
    assert "--limit" in result.err
