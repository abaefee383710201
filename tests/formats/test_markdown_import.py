"""Importing a folder of Markdown notes (an Obsidian vault) or a single note."""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mounts import small_disk
from reflect.core.clock import to_text
from reflect.core.contents import SkippedItem
from reflect.core.entry import Entry, EntryKind
from reflect.core.ids import stable_id
from reflect.errors import BadInput, InvalidItem
from reflect.formats.markdown_import import read_markdown
from reflect.messages import Msg

SAMPLES = Path(__file__).parent / "samples" / "markdown"
COACHING_ID = "3f2b8c1e-9d4a-4e6b-a7c5-1b2d3e4f5a6b"


def by_title(path: Path) -> dict[str, Entry]:
    return {entry.title: entry for entry in read_markdown(path)}


def mtime_text(path: Path) -> str:
    return to_text(datetime.fromtimestamp(path.stat().st_mtime, UTC))


def write(folder: Path, relative: str, content: str | bytes) -> Path:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def malformed(path: Path) -> BadInput:
    with pytest.raises(BadInput) as exc:
        list(read_markdown(path))
    assert exc.value.msg is Msg.FILE_MALFORMED
    assert exc.value.params["format"] == "Markdown"
    return exc.value


def test_folder_is_read_recursively_in_path_order_skipping_hidden_folders() -> None:
    assert [e.title for e in read_markdown(SAMPLES)] == [
        "Flow huddle with the site team",
        "Coaching: letting go of the detail",
        "Quick note: spread plan",
        "untitled-thoughts",
        "Ward round observations",
    ]


def test_front_matter_title_date_kind_and_tags() -> None:
    huddle = by_title(SAMPLES)["Flow huddle with the site team"]
    assert huddle.kind is EntryKind.REFLECTION
    assert huddle.created == to_text(datetime(2024, 3, 1))
    assert huddle.updated == huddle.created
    assert huddle.tags == ("flow", "huddles", "delegation", "pdsa")
    # The heading repeated the title, so it is not kept twice.
    assert huddle.body.startswith("The 08:30 huddle now starts on time most days.")


def test_reflect_export_keeps_its_id_inquiry_and_times() -> None:
    session = by_title(SAMPLES)["Coaching: letting go of the detail"]
    assert session.id == COACHING_ID
    assert session.inquiry_id == "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
    assert session.kind is EntryKind.COACHING
    assert session.created == "2024-03-05T16:30:00.000000+00:00"
    assert session.updated == "2024-03-06T08:15:00.000000+00:00"
    assert session.tags == ("coaching", "leadership", "system-working")
    assert session.body.startswith('My coach noticed that I described every delay as "mine".')


def test_quoted_title_date_with_time_and_tags_as_text() -> None:
    note = by_title(SAMPLES)["Quick note: spread plan"]
    assert note.created == to_text(datetime(2024, 3, 8, 17, 45))
    assert note.tags == ("spread", "bay-2", "measurement")
    assert note.kind is EntryKind.NOTE
    assert (
        note.body
        == "Agreed with the sponsor that bay 2 starts on the 18th. Same measures, same huddle."
    )


def test_heading_title_inline_tags_outside_code_and_file_time() -> None:
    ward = by_title(SAMPLES)["Ward round observations"]
    assert ward.body.startswith("Shadowed the respiratory consultant on the morning round.")
    assert "## What I noticed" in ward.body
    assert ward.tags == ("discharge", "social-care", "flow")
    assert ward.created == mtime_text(SAMPLES / "ward-round-observations.md")


def test_file_name_is_the_title_when_there_is_nothing_else() -> None:
    note = by_title(SAMPLES)["untitled-thoughts"]
    assert note.tags == ()
    assert note.body.startswith("No heading and no front matter here")


def test_ids_are_stable_across_reads() -> None:
    first, second = list(read_markdown(SAMPLES)), list(read_markdown(SAMPLES))
    assert [e.id for e in first] == [e.id for e in second]
    assert len({e.id for e in first}) == len(first)
    note = by_title(SAMPLES)["Quick note: spread plan"]
    assert note.id == stable_id("markdown", "coaching/quick-note.markdown", note.created)


def test_a_single_file(tmp_path: Path) -> None:
    path = write(tmp_path, "note.md", "---\nid: note-17\ntitle: One\n---\nText #Tag\n")
    (entry,) = read_markdown(path)
    assert (entry.title, entry.body, entry.tags) == ("One", "Text #Tag", ("Tag",))
    assert entry.id == stable_id("markdown", "note-17")


def test_unknown_kind_and_non_uuid_inquiry_are_ignored(tmp_path: Path) -> None:
    write(tmp_path, "a.md", "---\nkind: meeting\ninquiry: flow\ncreated: 2024-05-01\n---\nx\n")
    (entry,) = read_markdown(tmp_path)
    assert entry.kind is EntryKind.NOTE
    assert entry.inquiry_id is None
    assert entry.id == stable_id("markdown", "a.md", to_text(datetime(2024, 5, 1)))


def test_progress_counts_files() -> None:
    calls: list[tuple[int, int]] = []
    list(read_markdown(SAMPLES, lambda done, total: calls.append((done, total))))
    assert calls == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]


# Errors


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(BadInput) as exc:
        list(read_markdown(tmp_path / "vault"))
    assert exc.value.msg is Msg.FILE_NOT_FOUND


def test_folder_without_markdown(tmp_path: Path) -> None:
    write(tmp_path, ".obsidian/hidden.md", "# hidden\n")
    write(tmp_path, "notes.txt", "not markdown\n")
    assert malformed(tmp_path).params["reason"].startswith("no Markdown files")


def test_blank_files_are_skipped(tmp_path: Path) -> None:
    write(tmp_path, "Untitled.md", " \n\n")
    write(tmp_path, "kept.md", "---\ntitle: Only front matter\n---\n")
    assert [e.title for e in read_markdown(tmp_path)] == ["Only front matter"]


@pytest.mark.parametrize("content", [b"", b"\n  \n", b"\xef\xbb\xbf"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    error = malformed(write(tmp_path, "Untitled.md", content))
    assert error.params["reason"].startswith("no entries found")


def test_not_utf8_names_the_file(tmp_path: Path) -> None:
    write(tmp_path, "good.md", "# fine\n")
    bad = write(tmp_path, "notes/bad.md", b"# caf\xe9\n")
    with pytest.raises(BadInput) as exc:
        list(read_markdown(tmp_path))
    assert exc.value.msg is Msg.FILE_NOT_UTF8
    assert (exc.value.params["path"], exc.value.params["offset"]) == (bad, 5)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("---\ntitle: x\n\nNo closing fence\n", "notes/a.md line 1: front matter is not closed"),
        ("---\ncreated: 2024-13-01\n---\n", "notes/a.md: created '2024-13-01' is not a date"),
        ("---\ndate: next week\n---\n", "notes/a.md: date 'next week' is not a date"),
        ("---\ncreated: 0001-01-01T00:00:00+00:00\n---\n",
         "notes/a.md: created '0001-01-01T00:00:00+00:00' is too far in the past or the future"),
        ("---\ndate: 9999-12-31\n---\n",
         "notes/a.md: date '9999-12-31' is too far in the past or the future"),
        ("---\nupdated: [2024-01-01]\n---\n", "notes/a.md: updated in the front matter should"),
        ("---\ndate: 2024-02-30\n---\n", "notes/a.md: date '2024-02-30' is not a date"),
        ("---\ntitle:\n  nested: map\n---\n",
         "notes/a.md: title in the front matter should be one value, not a map"),
        ("---\nkind: [note]\n---\n",
         "notes/a.md: kind in the front matter should be one value, not a list"),
        ("---\ntags: [flow, [nested]]\n---\n",
         "notes/a.md: tags in the front matter should be a list of words"),
        ("---\ntags: {a: b}\n---\n", "notes/a.md: tags in the front matter should be a list"),
        ("---\nwhen: &w 2024-01-01\n---\n", "notes/a.md line 2: YAML anchors (&) and aliases"),
        ("---\ntitle: Re: meeting\n---\n", "notes/a.md line 2: this is not valid YAML"),
    ],
)  # fmt: skip
def test_malformed_notes_name_the_file_and_line(tmp_path: Path, content: str, reason: str) -> None:
    write(tmp_path, "notes/a.md", content)
    assert malformed(tmp_path).params["reason"].startswith(reason)


def test_yaml_front_matter_the_old_reader_refused(tmp_path: Path) -> None:
    write(
        tmp_path,
        "a.md",
        "---\n"
        "title: 'Board round: \"what matters\" to Jo'\n"
        "created: 2024-03-01 09:30\n"
        "summary: |\n"
        "  Two lines,\n"
        "  kept as written.\n"
        "links: {site: https://example.org, also: [a, b]}\n"
        "tags:\n"
        "  - flow\n"
        "  - 2024\n"
        "kind: Reflection\n"
        "---\n"
        "Body.\n",
    )
    (entry,) = read_markdown(tmp_path)
    assert entry.title == 'Board round: "what matters" to Jo'
    assert entry.created == to_text(datetime(2024, 3, 1, 9, 30))
    assert entry.tags == ("flow", "2024")
    assert entry.kind is EntryKind.REFLECTION
    assert entry.body == "Body."


def test_skipping_lists_each_unreadable_note_and_reads_the_rest(tmp_path: Path) -> None:
    write(tmp_path, "a-good.md", "---\ncreated: 2024-02-28\n---\n# Good one\n")
    write(tmp_path, "notes/bad-date.md", "---\ndate: 2024-02-30\n---\n# Bad date\n")
    write(tmp_path, "notes/bad-bytes.md", b"# caf\xe9\n")
    write(tmp_path, "z-good.md", "# Good two\n")
    skipped: list[SkippedItem] = []

    entries = list(read_markdown(tmp_path, skip=skipped.append))

    assert [e.title for e in entries] == ["Good one", "Good two"]
    assert [item.where for item in skipped] == ["notes/bad-bytes.md", "notes/bad-date.md"]
    assert "not UTF-8 text (problem at byte 5)" in skipped[0].reason
    assert skipped[1].reason.startswith(
        "date '2024-02-30' is not a date (use YYYY-MM-DD, YYYY-MM-DD HH:MM or ISO 8601)"
    )


def test_without_skipping_the_first_bad_note_refuses_the_folder(tmp_path: Path) -> None:
    write(tmp_path, "a-good.md", "# Good one\n")
    write(tmp_path, "b-bad.md", "---\ndate: 2024-02-30\n---\n")
    error = malformed(tmp_path)
    assert isinstance(error, InvalidItem)
    assert error.params["reason"].startswith("b-bad.md: date '2024-02-30' is not a date")


def test_skipping_when_no_note_can_be_read_refuses_with_the_first_reason(tmp_path: Path) -> None:
    write(tmp_path, "a.md", "---\ndate: 2024-02-30\n---\n")
    write(tmp_path, "b.md", "---\ndate: soon\n---\n")
    with pytest.raises(BadInput) as exc:
        list(read_markdown(tmp_path, skip=lambda item: None))
    assert exc.value.params["reason"].startswith("a.md: date '2024-02-30' is not a date")


@pytest.mark.parametrize("seconds", [253402300800, 253402214400])  # years 10000 and 9999
def test_a_file_time_no_clock_can_show_is_refused(tmp_path: Path, seconds: int) -> None:
    # A note with no date takes its file's time, which a device with a broken clock (or an
    # archive) can set anywhere; tmpfs keeps such times, as ext4 does not.
    with small_disk(tmp_path / "vault", size="1m") as vault:
        note = write(vault, "note.md", "# Undated\n")
        os.utime(note, (seconds, seconds))

        reason = malformed(vault).params["reason"]

    assert reason == (
        "note.md: there is no date in its front matter and its file time is not a usable date; "
        "add a line such as created: 2026-03-01"
    )


@pytest.mark.parametrize("name", [b"caf\xe9.md", b"notes/\x80\x81.md"])
def test_a_file_name_that_is_not_utf8_is_refused_by_name(tmp_path: Path, name: bytes) -> None:
    # Found by fuzzing: such a name (from an old zip or USB stick) crashed deriving the entry's
    # id, and would have become the title of an entry that could not be stored.
    write(tmp_path, "good.md", "# fine\n")
    write(tmp_path, os.fsdecode(name), "# An old note\n")

    reason = malformed(tmp_path).params["reason"]

    shown = name.decode("utf-8", "backslashreplace")
    assert reason == f"{shown}: the file name is not UTF-8; rename the file and try again"


@settings(max_examples=200, deadline=None)
@given(data=st.binary())
def test_any_bytes_give_entries_or_bad_input(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("markdown") / "note.md"
    path.write_bytes(data)
    with contextlib.suppress(BadInput):
        assert all(isinstance(e, Entry) for e in read_markdown(path))


@settings(max_examples=200, deadline=None)
@given(text=st.text())
def test_any_front_matter_gives_entries_or_bad_input(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    path = tmp_path_factory.mktemp("markdown") / "note.md"
    path.write_bytes(("---\n" + text).encode("utf-8", "surrogatepass"))
    with contextlib.suppress(BadInput):
        assert all(isinstance(e, Entry) for e in read_markdown(path))
