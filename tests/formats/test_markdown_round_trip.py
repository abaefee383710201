"""Reflect's Markdown export read back by its Markdown importer: the same entry (#13, item 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.core.entry import Entry, EntryKind, Response
from reflect.errors import InvalidItem
from reflect.formats.markdown_export import entry_markdown
from reflect.formats.markdown_import import Inquiries, read_markdown

CREATED = "2026-03-01T09:00:00.000000+00:00"
INQUIRY_ID = "8a1e2f3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b"
PROMPTS = ("description", "feelings", "evaluation", "analysis", "conclusion", "action-plan")

# Lines of words: no Markdown heading marks, no leading or trailing blanks (the importer
# trims those around a body and a response, as documented).
_line = st.from_regex(r"[A-Za-z][A-Za-z ,.]{0,30}[a-z.]", fullmatch=True)
_text = st.lists(st.one_of(_line, st.just("")), max_size=6).map(
    lambda lines: "\n".join(lines).strip("\n")
)


@st.composite
def entries(draw: st.DrawFn) -> Entry:
    prompts = draw(st.lists(st.sampled_from(PROMPTS), unique=True, max_size=4))
    responses = tuple(Response(p, draw(_text)) for p in prompts)
    return Entry(
        id="00000000-0000-4000-8000-000000000001",
        kind=draw(st.sampled_from(EntryKind)),
        title=draw(st.one_of(st.just(""), _line)),
        body=draw(_text),
        created=CREATED,
        updated=CREATED,
        tags=tuple(draw(st.lists(st.from_regex(r"[a-z][a-z-]{0,8}", fullmatch=True), unique=True))),
        inquiry_id=draw(st.sampled_from([None, INQUIRY_ID])),
        event_id=draw(st.sampled_from([None, "workshop-3"])),
        framework_id="gibbs" if responses else draw(st.sampled_from([None, "gibbs"])),
        responses=responses,
    )


def read_back(folder: Path, text: str) -> tuple[Entry, Inquiries]:
    note = folder / "note.md"
    note.write_text(text, encoding="utf-8")
    inquiries: Inquiries = {}
    [entry] = read_markdown(note, inquiries=inquiries)
    return entry, inquiries


@settings(max_examples=150)
@given(entries())
def test_an_exported_entry_reads_back_as_the_same_entry(
    tmp_path_factory: pytest.TempPathFactory, entry: Entry
) -> None:
    if not (entry.title or entry.body or entry.responses):
        entry = Entry(**{**entry.__dict__, "body": "Something."})
    folder = tmp_path_factory.mktemp("note")

    back, inquiries = read_back(folder, entry_markdown(entry, {INQUIRY_ID: "Why stop?"}))

    assert back == entry
    if entry.inquiry_id:
        assert inquiries[INQUIRY_ID].question == "Why stop?"


def test_a_body_may_hold_a_heading_named_like_a_prompt(tmp_path: Path) -> None:
    entry = Entry(
        id="00000000-0000-4000-8000-000000000001",
        kind=EntryKind.REFLECTION,
        title="",
        body="Before.\n\n## feelings\n\nMine, not the framework's.",
        created=CREATED,
        updated=CREATED,
        framework_id="gibbs",
        responses=(Response("feelings", "Curious."),),
    )

    back, _ = read_back(tmp_path, entry_markdown(entry, {}))

    assert (back.body, back.responses) == (entry.body, entry.responses)


def test_an_export_from_before_version_2_keeps_its_sections_in_the_body(tmp_path: Path) -> None:
    text = (
        '---\nid: "00000000-0000-4000-8000-000000000001"\ntitle: ""\nkind: "reflection"\n'
        f'created: "{CREATED}"\nupdated: "{CREATED}"\nframework: "gibbs"\ntags: []\n---\n\n'
        "\n## description\n\nWhat happened.\n"
    )

    back, _ = read_back(tmp_path, text)

    assert (back.framework_id, back.responses) == (None, ())
    assert back.body == "## description\n\nWhat happened."


@pytest.mark.parametrize(
    ("lines", "reason"),
    [
        ('reflect-markdown: "3"', "written by a newer version of Reflect (Markdown format 3)"),
        ('reflect-markdown: "two"', "is not a format version"),
        ('reflect-markdown: "2"\nresponses: ["goal", "goal"]', "names a prompt twice"),
        ('reflect-markdown: "2"\nresponses: "goal"', "should be a list of prompt ids"),
        ('reflect-markdown: "2"\nresponses: ["goal"]', "“## goal” is missing"),
    ],
)
def test_a_note_with_a_bad_format_or_responses_is_refused_saying_why(
    tmp_path: Path, lines: str, reason: str
) -> None:
    note = tmp_path / "note.md"
    note.write_text(f"---\n{lines}\n---\nText.\n", encoding="utf-8")

    with pytest.raises(InvalidItem) as caught:
        list(read_markdown(note))

    assert reason in caught.value.text
