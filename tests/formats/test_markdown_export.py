"""Exporting entries to a folder of Markdown files with front matter."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from reflect.core.contents import JournalContents
from reflect.core.entry import Entry, EntryKind, Response
from reflect.core.inquiry import Inquiry, Wording
from reflect.errors import BadInput
from reflect.formats.front_matter import split_front_matter
from reflect.formats.markdown_export import entry_markdown, quote, write_markdown_folder
from reflect.messages import Msg

CREATED = "2026-03-01T09:00:00.000000+00:00"
INQUIRY_ID = "8a1e2f3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b"


def make_entry(n: int, title: str = "Same title", **fields: Any) -> Entry:
    entry = Entry(
        id=f"00000000-0000-4000-8000-{n:012d}",
        kind=EntryKind.REFLECTION,
        title=title,
        body=f"Body {n}",
        created=CREATED,
        updated=CREATED,
    )
    return replace(entry, **fields)


def exported(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}


def front_matter_of(text: str) -> dict[str, object]:
    return split_front_matter(text)[0]


# quote() -----------------------------------------------------------------------------------


@given(st.text())
@example("")
@example('"quoted" and \\backslash\\')
@example("line\nbreak\ttab")
@example("# not a comment: not a key")
@example("a\u2028b")  # Python's splitlines() also breaks on U+2028, U+2029, U+0085, \x1c-\x1e
@example("a\x85b")
@example("carriage\rreturn")
@example("nul\x00byte")
@example("c1\x80\x9fcontrols")  # YAML cannot hold these unescaped
@example("\ufeffbom\ufffe\uffff")
def test_quoted_text_reads_back_as_the_same_string(text: str) -> None:
    fields = front_matter_of(f"---\nvalue: {quote(text)}\n---\nbody\n")

    assert fields == {"value": text}


# Control characters and line separators are covered above; here, the list and key handling.
printable = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")))


@given(title=printable, tags=st.lists(printable))
def test_entry_front_matter_reads_back_title_and_tags(title: str, tags: list[str]) -> None:
    text = entry_markdown(make_entry(1, title, tags=tuple(tags)), {})
    fields = front_matter_of(text)

    assert (fields["title"], fields["tags"]) == (title, tags)


# The files ---------------------------------------------------------------------------------


def test_front_matter_and_response_sections(tmp_path: Path) -> None:
    inquiry = Inquiry(INQUIRY_ID, (Wording('Why "stop"?', CREATED),), created=CREATED)
    entry = make_entry(
        1,
        "Workshop 3",
        kind=EntryKind.COACHING,
        body="What happened.\n",
        tags=("flow", "team-work"),
        inquiry_id=INQUIRY_ID,
        framework_id="grow",
        event_id="workshop-3",
        responses=(Response("goal", "Less firefighting"), Response("will", "Block Fridays")),
    )

    assert write_markdown_folder(JournalContents((inquiry,), (entry,)), tmp_path / "out") == 1
    [(name, text)] = exported(tmp_path / "out").items()
    fields, body = split_front_matter(text)

    assert name == "2026-03-01-workshop-3.md"
    assert fields == {
        "reflect-markdown": "2",
        "id": entry.id,
        "title": "Workshop 3",
        "kind": "coaching",
        "created": CREATED,
        "updated": CREATED,
        "inquiry": INQUIRY_ID,
        "question": 'Why "stop"?',
        "framework": "grow",
        "event": "workshop-3",
        "tags": ["flow", "team-work"],
        "responses": ["goal", "will"],
    }
    assert body == (
        "# Workshop 3\n\nWhat happened.\n"
        "\n## goal\n\nLess firefighting\n"
        "\n## will\n\nBlock Fridays\n"
    )


def test_file_names_are_unique_for_the_same_title_and_day(tmp_path: Path) -> None:
    entries = (
        make_entry(1),
        make_entry(2),
        make_entry(3),
        make_entry(4, "😀"),
        make_entry(5, "🎉"),
        make_entry(6, ""),
        make_entry(7, "Same title", created="2026-03-02T09:00:00.000000+00:00"),
    )

    assert write_markdown_folder(JournalContents(entries=entries), tmp_path / "out") == 7
    files = exported(tmp_path / "out")

    assert sorted(files) == [
        "2026-03-01-body-6.md",
        "2026-03-01-entry-2.md",
        "2026-03-01-entry.md",
        "2026-03-01-same-title-2.md",
        "2026-03-01-same-title-3.md",
        "2026-03-01-same-title.md",
        "2026-03-02-same-title.md",
    ]
    ids = {front_matter_of(text)["id"] for text in files.values()}
    assert ids == {e.id for e in entries}


def test_a_slug_that_looks_like_a_numbered_duplicate_does_not_collide(tmp_path: Path) -> None:
    entries = (make_entry(1, "Plan"), make_entry(2, "Plan"), make_entry(3, "Plan 2"))

    write_markdown_folder(JournalContents(entries=entries), tmp_path / "out")

    assert len(exported(tmp_path / "out")) == 3


def test_trashed_entries_are_not_exported(tmp_path: Path) -> None:
    live = make_entry(1, "Kept")
    trashed = make_entry(2, "Thrown away", deleted=CREATED)

    written = write_markdown_folder(JournalContents(entries=(trashed, live)), tmp_path / "out")
    files = exported(tmp_path / "out")

    assert written == 1
    assert [front_matter_of(text)["id"] for text in files.values()] == [live.id]
    assert "Thrown away" not in "".join(files.values())


def test_an_existing_empty_folder_is_used(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()

    write_markdown_folder(JournalContents(entries=(make_entry(1),)), tmp_path / "out")

    assert list(exported(tmp_path / "out")) == ["2026-03-01-same-title.md"]


def test_a_journal_with_no_live_entries_gives_an_empty_folder(tmp_path: Path) -> None:
    trashed = make_entry(1, deleted=CREATED)

    assert write_markdown_folder(JournalContents(entries=(trashed,)), tmp_path / "out") == 0
    assert exported(tmp_path / "out") == {}


@pytest.mark.parametrize("hidden", [False, True])
def test_a_folder_that_is_not_empty_is_refused_and_left_alone(tmp_path: Path, hidden: bool) -> None:
    out = tmp_path / "out"
    out.mkdir()
    name = ".obsidian" if hidden else "my notes.md"
    (out / name).write_text("precious", encoding="utf-8")

    with pytest.raises(BadInput) as exc:
        write_markdown_folder(JournalContents(entries=(make_entry(1),)), out)

    assert exc.value.msg is Msg.EXPORT_FOLDER_NOT_EMPTY
    assert exc.value.params["path"] == out
    assert exported(out) == {name: "precious"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_file_in_the_way_is_refused_and_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.write_text("precious", encoding="utf-8")

    with pytest.raises(BadInput) as exc:
        write_markdown_folder(JournalContents(entries=(make_entry(1),)), out)

    assert exc.value.msg is Msg.EXPORT_FOLDER_NOT_EMPTY
    assert out.read_text(encoding="utf-8") == "precious"


def test_a_failure_while_writing_leaves_no_folder_behind(tmp_path: Path) -> None:
    entries = tuple(make_entry(n) for n in range(1, 5))

    def fail_on_third(done: int, total: int) -> None:
        if done == 3:
            raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        write_markdown_folder(JournalContents(entries=entries), tmp_path / "out", fail_on_third)

    assert list(tmp_path.iterdir()) == []


def test_titles_and_bodies_keep_their_text(tmp_path: Path) -> None:
    entry = replace(make_entry(1, 'Say "hi" — مرحبا 😀'), body="line one\n\nline two\n\n\n")

    write_markdown_folder(JournalContents(entries=(entry,)), tmp_path / "out")
    [text] = exported(tmp_path / "out").values()

    assert front_matter_of(text)["title"] == entry.title
    assert text.endswith('\n# Say "hi" — مرحبا 😀\n\nline one\n\nline two\n')
