"""Fuzzing every importer through the service: any file imports cleanly or is refused clearly.

Each example imports into a fresh copy of a small journal. A refusal must be a ReflectError with
a message, and must leave the journal byte for byte as it was; anything else is a crash. An
import that succeeds must leave a journal whose every view still works and whose JSON export
imports again. Inputs are pure random bytes and valid files changed a little (see
``fuzz_support``), so the fuzz reaches the checks deep inside each format.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuzz_support import (
    NASTY_MOMENTS,
    SHORT_NASTY_TEXT,
    TIME_ZONES,
    damaged,
    deeply_nested_json,
    fuzz_settings,
    json_bytes,
    local_time_zone,
    mutated,
    retexted,
)
from journal_snapshot import Example, JournalTemplate
from reflect.app import App
from reflect.errors import ReflectError

SAMPLES = Path(__file__).resolve().parent.parent / "formats" / "samples"
FUZZ = fuzz_settings(quick=40)

KNOWN_INQUIRY = "aaaaaaaa-0000-4000-8000-000000000001"
KNOWN_ENTRY = "aaaaaaaa-0000-4000-8000-000000000002"
INQUIRY = "bbbbbbbb-0000-4000-8000-000000000001"
ENTRY = "bbbbbbbb-0000-4000-8000-000000000002"
T1, T2 = "2026-01-05T09:00:00.000000+00:00", "2026-01-06T10:30:00.000000+00:00"


def journal_document(inquiries: list[Any], entries: list[Any], **more: Any) -> dict[str, Any]:
    return {
        "format": "reflect-journal",
        "version": 1,
        "exported": T2,
        "generator": "Reflect 0.1.0",
        "inquiries": inquiries,
        "entries": entries,
        **more,
    }


def an_inquiry(inquiry_id: str) -> dict[str, Any]:
    return {
        "id": inquiry_id,
        "wordings": [{"question": "How might we?", "created": T1}],
        "why": "Because.",
        "status": "active",
        "status_note": "",
        "created": T1,
        "updated": T1,
    }


def an_entry(entry_id: str, **fields: Any) -> dict[str, Any]:
    return {"id": entry_id, "kind": "note", "body": "Text @flow.", "created": T1, **fields}


# What every example's journal starts with: the file below links to it and repeats one entry.
STARTING_JOURNAL = journal_document([an_inquiry(KNOWN_INQUIRY)], [an_entry(KNOWN_ENTRY)])

REFLECT_JSON = journal_document(
    [
        {
            **an_inquiry(INQUIRY),
            "wordings": [
                {"question": "How might we own delays?", "created": T1},
                {"question": "What would shared ownership look like?", "created": T2},
            ],
            "status": "stopped",
            "status_note": "The dashboard was the wrong goal.",
            "updated": T2,
        }
    ],
    [
        an_entry(
            ENTRY,
            kind="reflection",
            title="Workshop 3",
            updated=T2,
            tags=["flow", "team work"],
            inquiry_id=INQUIRY,
            event_id="workshop-3",
            framework_id="gibbs",
            responses=[{"prompt_id": "feelings", "text": "Unsure."}],
            revisions=[
                {"saved": T1, "title": "W3", "body": "First go.", "kind": "note", "tags": []},
            ],
        ),
        an_entry("bbbbbbbb-0000-4000-8000-000000000003", inquiry_id=KNOWN_INQUIRY, deleted=T2),
        an_entry(KNOWN_ENTRY, body="Already in the journal."),
    ],
    actions=[
        {
            "id": "bbbbbbbb-0000-4000-8000-000000000004",
            "text": "Chair the huddle",
            "kind": "start",
            "status": "open",
            "created": T1,
            "updated": T2,
            "due": "2026-04-01",
            "entry_id": ENTRY,
            "inquiry_id": INQUIRY,
        }
    ],
    assessments=[
        {
            "id": "bbbbbbbb-0000-4000-8000-000000000005",
            "framework_id": "csif",
            "created": T2,
            "scores": [{"domain_id": "vision", "score": 3, "evidence": "PDSA 4 worked"}],
            "inquiry_id": INQUIRY,
            "note": "",
        }
    ],
)
JRNL_JSON = json.loads((SAMPLES / "jrnl" / "journal.json").read_text(encoding="utf-8"))
JRNL_TEXT = (SAMPLES / "jrnl" / "journal.txt").read_bytes()
DAYONE_JSON = json.loads((SAMPLES / "dayone" / "Journal.json").read_text(encoding="utf-8"))
MARKDOWN_NOTE = (SAMPLES / "markdown" / "2024-03-01-flow-huddle.md").read_bytes()
# "Billion laughs": nine levels of nine aliases, 9**9 strings if a reader expanded them.
ALIAS_BOMB_NOTE = (
    "---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    + "".join(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]\n" for n in range(1, 9))
    + "---\n# Laughs\n"
).encode()

VIEWS = (
    ("list", "--limit", "100000"),
    ("list", "--json", "--limit", "100000"),
    ("inquiry", "list"),
    ("search", "flow"),
    ("check",),
)


class Journals:
    """The journal every example imports into, and an empty one to import its export into."""

    def __init__(self, folder: Path) -> None:
        self.starting = JournalTemplate(folder / "starting", self._fill)
        self.empty = JournalTemplate(folder / "empty")

    @staticmethod
    def _fill(app: App) -> None:
        source = app.paths.data_dir.parent / "start.json"
        source.write_text(json.dumps(STARTING_JOURNAL), encoding="utf-8")
        app.transfer.import_path("json", source)


@pytest.fixture(scope="module")
def journals(tmp_path_factory: pytest.TempPathFactory) -> Journals:
    return Journals(tmp_path_factory.mktemp("imports"))


def imported(journals: Journals, format_name: str, name: str, data: bytes, zone: str) -> None:
    """Import one file into a fresh journal; check the refusal, or that the journal works."""
    with local_time_zone(zone), journals.starting.example() as example:
        path = example.file(name, data)
        outcome = example.attempt(lambda: example.app.transfer.import_path(format_name, path))
        if not isinstance(outcome, ReflectError):
            assert_usable(example, journals.empty)


def imported_folder(
    journals: Journals, files: dict[str, bytes], zone: str, skip_invalid: bool = False
) -> None:
    with local_time_zone(zone), journals.starting.example() as example:
        folder = example.scratch / "vault"
        folder.mkdir()
        for name, data in files.items():
            example.file(f"vault/{name}", data)
        outcome = example.attempt(
            lambda: example.app.transfer.import_path("markdown", folder, skip_invalid=skip_invalid)
        )
        if not isinstance(outcome, ReflectError):
            # Each note left out is named by its path in the folder, with a reason.
            assert all(item.reason for item in outcome.skipped)
            assert {item.where for item in outcome.skipped} <= {
                path.relative_to(folder)
                .as_posix()
                .encode("utf-8", "surrogateescape")
                .decode("utf-8", "backslashreplace")
                for path in folder.rglob("*")
            }
            assert_usable(example, journals.empty)


def assert_usable(example: Example, empty: JournalTemplate) -> None:
    """Every view of the journal works, and its lossless export imports into a new journal."""
    app = example.app
    app.actions.find()
    app.entries.tag_counts()
    app.insights.activity_by_day()
    app.insights.actions_by_month()
    for framework_id in app.insights.frameworks_assessed():
        app.insights.assessment_series(framework_id)
    export = example.scratch / "export.json"
    example.assert_views_work(
        *VIEWS,
        ("export", "json", "--out", str(export)),
        ("export", "markdown", "--out", str(example.scratch / "markdown")),
    )
    with empty.example() as again:
        again.app.transfer.import_path("json", export)


# Reflect's own JSON ------------------------------------------------------------------------


@FUZZ
@given(
    zone=TIME_ZONES,
    data=st.binary()
    | json_bytes(mutated(REFLECT_JSON))
    | json_bytes(retexted(REFLECT_JSON, keep=frozenset({"format"})))
    | damaged(json_bytes(mutated(REFLECT_JSON, max_changes=1)))
    | damaged(json.dumps(REFLECT_JSON).encode()),
)
def test_reflect_json(journals: Journals, zone: str, data: bytes) -> None:
    imported(journals, "json", "journal.json", data, zone)


def test_reflect_json_nested_too_deeply(journals: Journals) -> None:
    imported(journals, "json", "journal.json", deeply_nested_json(), "UTC0")


# jrnl ----------------------------------------------------------------------------------------

JRNL_LINES = (
    st.sampled_from(
        [
            "[2024-01-01 09:00] Title @flow",
            "[2024-01-01 09:00 PM] Starred *",
            "[2024-01-01 9:05:59pm]",
            "[0002-01-01 00:00] far past",
            "[9998-12-31 23:59] far future",
            "[2024-02-30 09:00] no such day",
            "[2024-01-01 13:00 PM] no such hour",
            "[٢٠٢٤-٠١-٠١ ٠٩:٠٠] other digits",
            "body @tag and *stars* #hash",
            "",
            "\x00",
        ]
    )
    | SHORT_NASTY_TEXT
)


@FUZZ
@given(
    zone=TIME_ZONES,
    data=st.binary()
    | damaged(JRNL_TEXT)
    | st.lists(JRNL_LINES, max_size=12).map(
        lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass")
    ),
)
def test_jrnl_text(journals: Journals, zone: str, data: bytes) -> None:
    imported(journals, "jrnl", "journal.txt", data, zone)


@FUZZ
@given(
    zone=TIME_ZONES,
    data=json_bytes(mutated(JRNL_JSON) | retexted(JRNL_JSON))
    | damaged(json_bytes(mutated(JRNL_JSON, 1))),
)
def test_jrnl_json(journals: Journals, zone: str, data: bytes) -> None:
    imported(journals, "jrnl", "journal.json", data, zone)


JRNL_FROM_JRNL = SAMPLES / "jrnl" / "from_jrnl"
JRNL_ENCRYPTED = [
    (JRNL_FROM_JRNL / "encrypted_v2.txt").read_bytes(),
    (JRNL_FROM_JRNL / "encrypted_v3.txt").read_bytes(),
    (SAMPLES / "jrnl" / "legacy_encrypted_v1.bin").read_bytes(),
]
JRNL_TIME_FORMATS = st.sampled_from(
    [None, "%d.%m.%Y %I:%M %p", "%H:%M", "%Y-%m-%d %H:%M:%S %z", "%d %B %Y %H:%M", "%%"]
)
JRNL_LEGACY_LINES = st.sampled_from(
    [
        "2013-04-02 09:30 Title @flow",
        "2013-04-02 9:30 PM Starred *",
        "01.03.2024 09:15 AM Day first",
        "2013-02-30 09:30 no such day",
        "[2013-04-02 09:30] bracketed",
        "09:30 time only",
    ]
)


def imported_jrnl(
    journals: Journals, path_name: str, files: dict[str, bytes], zone: str, **options: Any
) -> None:
    """Import a jrnl file or folder (``path_name`` of the files written) with jrnl options."""
    from reflect.formats.jrnl_import import JrnlOptions

    with local_time_zone(zone), journals.starting.example() as example:
        for name, data in files.items():
            example.file(name, data)
        path = example.scratch / path_name
        if not path.exists():
            path.mkdir()
        outcome = example.attempt(
            lambda: example.app.transfer.import_path("jrnl", path, jrnl=JrnlOptions(**options))
        )
        if not isinstance(outcome, ReflectError):
            assert_usable(example, journals.empty)


@FUZZ
@given(
    zone=TIME_ZONES,
    data=st.sampled_from(JRNL_ENCRYPTED).flatmap(lambda data: damaged(data, most=2))
    | st.sampled_from([b"gAAAAA", b"JRNLv3"]).flatmap(lambda head: st.binary().map(head.__add__))
    | st.binary(min_size=32, max_size=32),
    password=st.sampled_from(["correct horse", "wrong", ""]) | st.text(max_size=8),
)
def test_jrnl_encrypted(journals: Journals, zone: str, data: bytes, password: str) -> None:
    imported_jrnl(journals, "journal.txt", {"journal.txt": data}, zone, password=password)


@FUZZ
@given(
    zone=TIME_ZONES,
    time_format=JRNL_TIME_FORMATS,
    lines=st.lists(JRNL_LINES | JRNL_LEGACY_LINES, max_size=12),
)
def test_jrnl_text_in_other_time_formats(
    journals: Journals, zone: str, time_format: str | None, lines: list[str]
) -> None:
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    imported_jrnl(journals, "journal.txt", {"journal.txt": data}, zone, time_format=time_format)


JRNL_DAY_NAMES = st.sampled_from(
    [
        "2024/03/01.txt",
        "2024/02/29.txt",
        "2023/02/29.txt",
        "2024/13/01.txt",
        "0001/01/01.txt",
        "9999/12/31.txt",
        "2024/03/1.txt",
        "2024/03/01.md",
        "notes.txt",
    ]
)


@FUZZ
@given(
    zone=TIME_ZONES,
    time_format=JRNL_TIME_FORMATS,
    days=st.dictionaries(
        JRNL_DAY_NAMES,
        st.lists(JRNL_LINES | JRNL_LEGACY_LINES | st.just("[09:30] time only"), max_size=4).map(
            lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass")
        )
        | damaged(JRNL_TEXT, most=1),
        max_size=4,
    ),
)
def test_jrnl_folder(
    journals: Journals, zone: str, time_format: str | None, days: dict[str, bytes]
) -> None:
    files = {f"folder/{name}": data for name, data in days.items()}
    imported_jrnl(journals, "folder", files, zone, time_format=time_format)


# Day One -------------------------------------------------------------------------------------

ZIP_NAMES = st.sampled_from(
    ["Journal.json", "Other Journal.json", "photos/a.jpeg", "__MACOSX/._Journal.json", "a/b.JSON"]
) | st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1)


@st.composite
def dayone_zips(draw: st.DrawFn) -> bytes:
    """An export zip of mutated journals (and other members), possibly damaged after."""
    buffer = io.BytesIO()
    method = draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_LZMA]))
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        for name in draw(st.lists(ZIP_NAMES, min_size=1, max_size=3, unique=True)):
            member = draw(json_bytes(mutated(DAYONE_JSON, 2)) | st.binary(max_size=64))
            archive.writestr(name, member)
    return draw(damaged(buffer.getvalue(), most=1))


@FUZZ
@given(
    zone=TIME_ZONES,
    data=st.binary()
    | json_bytes(mutated(DAYONE_JSON) | retexted(DAYONE_JSON))
    | damaged(json_bytes(mutated(DAYONE_JSON, 1))),
)
def test_dayone_json(journals: Journals, zone: str, data: bytes) -> None:
    imported(journals, "dayone", "Journal.json", data, zone)


@FUZZ
@given(zone=TIME_ZONES, data=dayone_zips())
def test_dayone_zip(journals: Journals, zone: str, data: bytes) -> None:
    imported(journals, "dayone", "export.zip", data, zone)


# Markdown ------------------------------------------------------------------------------------

FRONT_MATTER_KEYS = st.sampled_from(
    ["id", "title", "kind", "created", "date", "updated", "modified", "tags", "inquiry"]
) | st.text(max_size=8)
FRONT_MATTER_VALUES = (
    NASTY_MOMENTS
    | SHORT_NASTY_TEXT
    | st.sampled_from([KNOWN_INQUIRY, INQUIRY, "Reflection", "coaching", "[a, b]", "'q'", "[]"])
)


@st.composite
def front_matter_value(draw: st.DrawFn) -> str:
    value = draw(FRONT_MATTER_VALUES)
    # After the old hand-written subset's forms, YAML beyond it: block strings, maps, anchors.
    forms = ["plain", "double", "single", "inline list", "block list", "literal", "folded"]
    form = draw(st.sampled_from([*forms, "flow map", "nested map", "anchor", "alias", "deep"]))
    if form in ("literal", "folded"):
        indented = "\n".join("  " + line for line in value.splitlines() or [""])
        return (" |" if form == "literal" else " >-") + "\n" + indented
    if form == "flow map":
        return " {k: " + value + ", " + draw(FRONT_MATTER_VALUES) + ": x}"
    if form == "nested map":
        return "\n  sub: " + value + "\n  more:\n    - " + draw(FRONT_MATTER_VALUES)
    if form == "anchor":
        return " &a " + value
    if form == "alias":
        return " *a"
    if form == "deep":
        depth = draw(st.integers(1, 40))
        return " " + "[" * depth + value + "]" * depth
    if form == "double":
        return " " + json.dumps(value, ensure_ascii=draw(st.booleans()))
    if form == "single":
        return " '" + value.replace("'", "''") + "'"
    if form == "inline list":
        return " [" + ", ".join([value, *draw(st.lists(FRONT_MATTER_VALUES, max_size=3))]) + "]"
    if form == "block list":
        return "\n  - " + value
    return " " + value


@st.composite
def markdown_notes(draw: st.DrawFn) -> bytes:
    keys = draw(st.lists(FRONT_MATTER_KEYS, max_size=6))
    lines = [f"{key}:{draw(front_matter_value())}" for key in keys]
    body = draw(st.sampled_from(["# Heading\n\nText #tag", "", "`#no` #yes", "---", "\r\n"]))
    closing = draw(st.sampled_from(["---", "...", ""]))
    text = "\n".join(["---", *lines, closing, body]) if keys or closing else body
    return text.encode("utf-8", "surrogatepass")


NOTE_NAMES = st.sampled_from(
    [
        "note.md",
        "Ünïcode näme.md",
        "sub/folder/deep.markdown",
        ".hidden.md",
        "UPPER.MD",
        "x.txt",
        os.fsdecode(b"caf\xe9.md"),  # a name from an old zip: not UTF-8
    ]
) | st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="/\x00"), min_size=1, max_size=12
).map(lambda name: name + ".md")


@FUZZ
@given(
    zone=TIME_ZONES,
    data=st.binary()
    | markdown_notes()
    | damaged(MARKDOWN_NOTE)
    | damaged(markdown_notes(), most=1),
)
def test_markdown_file(journals: Journals, zone: str, data: bytes) -> None:
    imported(journals, "markdown", "note.md", data, zone)


@FUZZ
@given(
    zone=TIME_ZONES,
    files=st.dictionaries(
        NOTE_NAMES,
        markdown_notes() | damaged(MARKDOWN_NOTE, most=1) | st.just(ALIAS_BOMB_NOTE),
        max_size=4,
    ),
    skip_invalid=st.booleans(),
)
def test_markdown_folder(
    journals: Journals, zone: str, files: dict[str, bytes], skip_invalid: bool
) -> None:
    imported_folder(journals, files, zone, skip_invalid)
