"""Import and export through the transfer service: lossless JSON, whole-or-nothing imports."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fakes import FakeClock
from reflect.app import App, open_app
from reflect.core.action import ActionKind, ActionStatus
from reflect.core.assessment import Score
from reflect.core.contents import JournalContents, SkippedItem
from reflect.core.entry import Entry, EntryKind, Response
from reflect.core.inquiry import InquiryStatus
from reflect.errors import BadInput, Cancelled, InvalidItem
from reflect.messages import Msg
from reflect.paths import resolve_paths

UNKNOWN_INQUIRY = "0b6f7c52-2b41-4d7e-9d0a-6f1f8f0e5a11"
CREATED = "2026-01-05T09:00:00.000000+00:00"

# Text that has broken exporters before: emoji, right-to-left scripts, newlines, quotes,
# backslashes, Markdown marks and YAML-looking lines.
TRICKY = [
    "Flow through the front door 😀🎉",
    "مرحبا بالعالم، كيف حالك؟",
    "שלום עולם",
    "first line\nsecond line\n\nfourth",
    'She said "stop doing that"',
    "C:\\Users\\me\\notes \\n not a newline",
    "tab\tseparated: value",
    "---\ntitle: not front matter\n---",
    "# looks like a heading",
    "it's 'single' and `code`",
    "\u200fmixed RTL mark and LTR text",
    "ünïcödé ß ǅ",
]
texts = st.one_of(st.sampled_from(TRICKY), st.text(max_size=30))
non_blank = texts.map(lambda s: s if s.strip() else f"q {s}")
tag_lists = st.lists(
    st.one_of(st.sampled_from(["flow", "@people", "#spread", "team work", "Ünï", "😀"]), texts),
    max_size=4,
)
responses = st.lists(
    st.builds(Response, st.sampled_from(["aim", "measure", "change", "learn"]), texts),
    max_size=3,
)
frameworks = st.sampled_from(["pdsa", "gibbs", "model-for-improvement"])
links = st.one_of(st.none(), st.integers(min_value=0, max_value=5))


@dataclass
class PlannedInquiry:
    wordings: list[str]
    why: str
    status: InquiryStatus
    note: str


@dataclass
class PlannedEntry:
    kind: EntryKind
    title: str
    body: str
    tags: list[str]
    inquiry: int | None
    framework: tuple[str, list[Response]] | None
    edits: list[dict[str, Any]] = field(default_factory=list)
    trashed: bool = False


@dataclass
class PlannedAction:
    text: str
    kind: ActionKind
    status: ActionStatus
    due: date | None
    entry: int | None
    inquiry: int | None


@dataclass
class PlannedAssessment:
    framework: str
    scores: list[Score]
    inquiry: int | None
    note: str


@dataclass
class Plan:
    inquiries: list[PlannedInquiry]
    entries: list[PlannedEntry]
    actions: list[PlannedAction]
    assessments: list[PlannedAssessment]


edits = st.fixed_dictionaries(
    {"body": texts.map(lambda s: s + " (edited)")},
    optional={
        "title": texts,
        "tags": tag_lists,
        "kind": st.sampled_from(EntryKind),
        "responses": responses,
    },
)

plans = st.builds(
    Plan,
    inquiries=st.lists(
        st.builds(
            PlannedInquiry,
            wordings=st.lists(non_blank, min_size=1, max_size=3),
            why=texts,
            status=st.sampled_from(InquiryStatus),
            note=texts,
        ),
        max_size=3,
    ),
    entries=st.lists(
        st.builds(
            PlannedEntry,
            kind=st.sampled_from(EntryKind),
            title=texts,
            body=texts,
            tags=tag_lists,
            inquiry=links,
            framework=st.one_of(st.none(), st.tuples(frameworks, responses)),
            edits=st.lists(edits, max_size=2),
            trashed=st.booleans(),
        ),
        max_size=6,
    ),
    actions=st.lists(
        st.builds(
            PlannedAction,
            text=non_blank,
            kind=st.sampled_from(ActionKind),
            status=st.sampled_from(ActionStatus),
            due=st.one_of(st.none(), st.dates(date(2000, 1, 1), date(2100, 12, 31))),
            entry=links,
            inquiry=links,
        ),
        max_size=4,
    ),
    assessments=st.lists(
        st.builds(
            PlannedAssessment,
            framework=frameworks,
            scores=st.lists(
                st.builds(
                    Score,
                    st.sampled_from(["vision", "capability", "cqi"]),
                    st.integers(0, 10),
                    texts,
                ),
                min_size=1,
                max_size=3,
                unique_by=lambda s: s.domain_id,
            ),
            inquiry=links,
            note=texts,
        ),
        max_size=2,
    ),
)


def pick(ids: list[str], index: int | None) -> str | None:
    return ids[index % len(ids)] if ids and index is not None else None


def build(app: App, plan: Plan) -> None:
    """Drive the real services through the plan, as a user would."""
    inquiry_ids = [_inquiry(app, planned) for planned in plan.inquiries]
    entry_ids = [_entry(app, planned, inquiry_ids) for planned in plan.entries]
    # Edits are interleaved across entries, so revisions of different entries alternate.
    for round_ in range(2):
        for planned, entry_id in zip(plan.entries, entry_ids, strict=True):
            if round_ < len(planned.edits):
                app.entries.update(entry_id, **planned.edits[round_])
    for planned, entry_id in zip(plan.entries, entry_ids, strict=True):
        if planned.trashed:
            app.entries.trash(entry_id)
    for action in plan.actions:
        added = app.actions.add(
            action.text,
            action.kind,
            due=action.due.isoformat() if action.due else None,
            entry_id=pick(entry_ids, action.entry),
            inquiry_id=pick(inquiry_ids, action.inquiry),
        )
        if action.status is not ActionStatus.OPEN:
            app.actions.set_status(added.id, action.status)
    for assessment in plan.assessments:
        app.assessments.record(
            assessment.framework,
            assessment.scores,
            inquiry_id=pick(inquiry_ids, assessment.inquiry),
            note=assessment.note,
        )


def _inquiry(app: App, planned: PlannedInquiry) -> str:
    inquiry = app.inquiries.add(planned.wordings[0], planned.why)
    for wording in planned.wordings[1:]:
        app.inquiries.reword(inquiry.id, wording)
    app.inquiries.set_status(inquiry.id, planned.status, planned.note)
    return inquiry.id


def _entry(app: App, planned: PlannedEntry, inquiry_ids: list[str]) -> str:
    framework_id, answers = planned.framework or (None, [])
    has_content = (
        planned.title.strip() or planned.body.strip() or any(a.text.strip() for a in answers)
    )
    return app.entries.write(
        planned.body if has_content else planned.body + "something to keep",
        title=planned.title,
        kind=planned.kind,
        tags=planned.tags,
        inquiry_id=pick(inquiry_ids, planned.inquiry),
        framework_id=framework_id,
        responses=tuple(answers),
    ).id


@contextlib.contextmanager
def fresh_app(folder: Path) -> Iterator[App]:
    opened = open_app(resolve_paths(folder), FakeClock())
    try:
        yield opened
    finally:
        opened.close()


def comparable(contents: JournalContents) -> JournalContents:
    """Contents with revisions grouped by entry and without their storage-local row ids.

    A revision's id is this database's row number; the export leaves it out on purpose, so a
    second journal numbers (and globally orders) them differently.
    """
    revisions = sorted((replace(r, id=0) for r in contents.revisions), key=lambda r: r.entry_id)
    return replace(contents, revisions=tuple(revisions))


def without_exported(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(document.pop("exported"), str)
    return document


def snapshot(app: App) -> JournalContents:
    return app.transfer.contents()


# JSON round trip ---------------------------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(plan=plans)
def test_json_export_import_export_is_lossless(
    tmp_path_factory: pytest.TempPathFactory, plan: Plan
) -> None:
    folder = tmp_path_factory.mktemp("round-trip")
    with fresh_app(folder / "first") as first, fresh_app(folder / "second") as second:
        build(first, plan)
        first.transfer.export("json", folder / "first.json")
        report = second.transfer.import_path("json", folder / "first.json")
        second.transfer.export("json", folder / "second.json")

        original = snapshot(first)
        assert without_exported(folder / "second.json") == without_exported(folder / "first.json")
        assert comparable(snapshot(second)) == comparable(original)
        assert len(original.entries) == len(plan.entries)
        assert sum(e.deleted is not None for e in original.entries) == sum(
            p.trashed for p in plan.entries
        )
        assert report.added == {
            "inquiries": len(plan.inquiries),
            "entries": len(plan.entries),
            "actions": len(plan.actions),
            "assessments": len(plan.assessments),
            "measures": 0,
        }


def small_journal(app: App) -> None:
    inquiry = app.inquiries.add("How do I make time to think?", "Everything is urgent")
    app.inquiries.reword(inquiry.id, "How do I protect time to think?")
    entry = app.entries.write(
        "Blocked Friday mornings.",
        title="Workshop 2 😀",
        tags=["time", "@self"],
        inquiry_id=inquiry.id,
        framework_id="pdsa",
        responses=(Response("plan", "Block Fridays"), Response("study", "It held twice")),
    )
    app.entries.update(entry.id, body="Blocked Friday mornings, mostly.")
    trashed = app.entries.write("A note I no longer want.", kind=EntryKind.NOTE)
    app.entries.trash(trashed.id)
    app.actions.add("Stop the Monday status call", ActionKind.STOP, due="2026-04-01")
    app.assessments.record("csif", [Score("vision", 3, "wrote it down")], inquiry_id=inquiry.id)


def test_importing_the_same_export_twice_adds_nothing_the_second_time(
    app: App, tmp_path: Path
) -> None:
    small_journal(app)
    app.transfer.export("json", tmp_path / "export.json")
    with fresh_app(tmp_path / "second") as second:
        first = second.transfer.import_path("json", tmp_path / "export.json")
        after_first = snapshot(second)
        again = second.transfer.import_path("json", tmp_path / "export.json")

        assert first.total_added == 5
        assert again.total_added == 0
        assert again.seen == first.seen == 5
        assert snapshot(second) == after_first
        assert len(after_first.revisions) == 1


def test_importing_an_export_into_its_own_journal_changes_nothing(app: App, tmp_path: Path) -> None:
    small_journal(app)
    before = snapshot(app)
    app.transfer.export("json", tmp_path / "export.json")

    assert app.transfer.import_path("json", tmp_path / "export.json").total_added == 0
    assert snapshot(app) == before


# Imports that fail part-way ----------------------------------------------------------------


def json_document(**lists: list[dict[str, Any]]) -> dict[str, Any]:
    return {"format": "reflect-journal", "version": 1, **lists}


def raw_entry(entry_id: str, **fields: Any) -> dict[str, Any]:
    return {"id": entry_id, "created": CREATED, "body": f"Entry {entry_id[:8]}", **fields}


def fixed_id(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


def write_json(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def jrnl_text(count: int, broken_at: int | None = None) -> str:
    lines = []
    for n in range(1, count + 1):
        stamp = (
            "2026-02-30 09:00" if n == broken_at else f"2026-01-{n % 28 + 1:02d} 09:{n % 60:02d}"
        )
        lines += [f"[{stamp}] Day {n} @flow", f"Body of entry {n}.", ""]
    return "\n".join(lines)


def test_json_whose_third_entry_is_invalid_imports_nothing(app: App, tmp_path: Path) -> None:
    small_journal(app)
    before = snapshot(app)
    entries = [raw_entry(fixed_id(1)), raw_entry(fixed_id(2)), raw_entry(fixed_id(3), kind="diary")]
    path = write_json(tmp_path / "broken.json", json_document(entries=entries))

    with pytest.raises(BadInput) as exc:
        app.transfer.import_path("json", path)

    assert exc.value.msg is Msg.FILE_MALFORMED
    assert "entries item 3" in exc.value.params["reason"]
    assert snapshot(app) == before


def test_jrnl_file_with_an_error_near_the_end_imports_nothing(app: App, tmp_path: Path) -> None:
    small_journal(app)
    before = snapshot(app)
    path = tmp_path / "journal.txt"
    path.write_text(jrnl_text(40, broken_at=39), encoding="utf-8")

    with pytest.raises(BadInput) as exc:
        app.transfer.import_path("jrnl", path)

    assert exc.value.msg is Msg.FILE_MALFORMED
    assert "line 115" in exc.value.params["reason"]  # 3 lines per entry: entry 39 starts there
    assert snapshot(app) == before


def write_markdown_notes(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        (folder / f"note-{n:02d}.md").write_text(f"# Note {n}\n\nText {n}.\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("format_name", ["jrnl", "markdown", "json"])
def test_cancelling_half_way_leaves_the_journal_as_it_was(
    app: App, tmp_path: Path, format_name: str
) -> None:
    small_journal(app)
    before = snapshot(app)
    live_before = app.entries.count()
    if format_name == "jrnl":
        path = tmp_path / "journal.txt"
        path.write_text(jrnl_text(200), encoding="utf-8")
    elif format_name == "markdown":
        path = write_markdown_notes(tmp_path / "notes", 10)
    else:
        entries = [raw_entry(fixed_id(n)) for n in range(10)]
        path = write_json(tmp_path / "export.json", json_document(entries=entries))
    seen_when_cancelled: list[int] = []

    def cancel_half_way(done: int, total: int) -> None:
        if done * 2 >= total:
            # Inside the import's transaction, so entries written so far are visible here.
            seen_when_cancelled.append(app.entries.count())
            raise Cancelled

    with pytest.raises(Cancelled):
        app.transfer.import_path(format_name, path, cancel_half_way)

    assert len(seen_when_cancelled) == 1
    if format_name != "json":  # the JSON file is read whole before anything is written
        assert seen_when_cancelled[0] > live_before
    assert snapshot(app) == before


@pytest.mark.parametrize(
    "bad_entry",
    [
        pytest.param({"tags": ["Calm", "calm"]}, id="tags-differing-only-in-case"),
        pytest.param(
            {"responses": [{"prompt_id": "plan", "text": "a"}, {"prompt_id": "plan", "text": "b"}]},
            id="two-responses-to-one-prompt",
        ),
        pytest.param({"title": "lone \ud800 surrogate"}, id="lone-surrogate"),
    ],
)
def test_json_the_reader_accepts_is_imported_or_refused_never_a_crash(
    app: App, tmp_path: Path, bad_entry: dict[str, Any]
) -> None:
    small_journal(app)
    before = snapshot(app)
    entries = [raw_entry(fixed_id(1)), raw_entry(fixed_id(2)), raw_entry(fixed_id(3), **bad_entry)]
    path = write_json(tmp_path / "odd.json", json_document(entries=entries))

    try:
        report = app.transfer.import_path("json", path)
    except BadInput:
        assert snapshot(app) == before
    else:
        assert report.added["entries"] == 3


@pytest.mark.parametrize(
    "scores",
    [
        pytest.param([{"domain_id": "vision", "score": 2**70}], id="score-too-big-to-store"),
        pytest.param(
            [{"domain_id": "vision", "score": 1}, {"domain_id": "vision", "score": 2}],
            id="one-domain-scored-twice",
        ),
    ],
)
def test_json_assessment_is_imported_or_refused_never_a_crash(
    app: App, tmp_path: Path, scores: list[dict[str, Any]]
) -> None:
    small_journal(app)
    before = snapshot(app)
    assessment = {"id": fixed_id(9), "framework_id": "csif", "created": CREATED, "scores": scores}
    path = write_json(
        tmp_path / "odd.json",
        json_document(entries=[raw_entry(fixed_id(1))], assessments=[assessment]),
    )

    try:
        app.transfer.import_path("json", path)
    except BadInput:
        assert snapshot(app) == before
    else:
        assert fixed_id(9) in {a.id for a in snapshot(app).assessments}


# Links to items that are not there ---------------------------------------------------------


def test_links_to_an_inquiry_missing_from_file_and_journal_are_dropped(
    app: App, tmp_path: Path
) -> None:
    document = json_document(
        entries=[raw_entry(fixed_id(1), inquiry_id=UNKNOWN_INQUIRY)],
        actions=[
            {
                "id": fixed_id(2),
                "text": "Ask the team",
                "kind": "start",
                "status": "open",
                "created": CREATED,
                "entry_id": fixed_id(404),
                "inquiry_id": UNKNOWN_INQUIRY,
            }
        ],
        assessments=[
            {
                "id": fixed_id(3),
                "framework_id": "csif",
                "created": CREATED,
                "scores": [{"domain_id": "vision", "score": 2}],
                "inquiry_id": UNKNOWN_INQUIRY,
            }
        ],
    )
    report = app.transfer.import_path("json", write_json(tmp_path / "x.json", document))

    contents = snapshot(app)
    assert report.added == {
        "inquiries": 0,
        "entries": 1,
        "actions": 1,
        "assessments": 1,
        "measures": 0,
    }
    assert [(e.id, e.inquiry_id) for e in contents.entries] == [(fixed_id(1), None)]
    assert [(a.entry_id, a.inquiry_id) for a in contents.actions] == [(None, None)]
    assert [a.inquiry_id for a in contents.assessments] == [None]


def test_links_to_an_inquiry_already_in_the_journal_are_kept(app: App, tmp_path: Path) -> None:
    inquiry = app.inquiries.add("What should I stop doing?")
    document = json_document(entries=[raw_entry(fixed_id(1), inquiry_id=inquiry.id)])

    app.transfer.import_path("json", write_json(tmp_path / "x.json", document))

    assert app.entries.get(fixed_id(1)).inquiry_id == inquiry.id


# Markdown round trip -----------------------------------------------------------------------


def markdown_round_trip(app: App, tmp_path: Path) -> dict[str, Entry]:
    app.transfer.export("markdown", tmp_path / "notes")
    with fresh_app(tmp_path / "second") as second:
        second.transfer.import_path("markdown", tmp_path / "notes")
        return {e.id: e for e in snapshot(second).entries}


def kept_fields(entry: Entry) -> tuple[Any, ...]:
    return (entry.id, entry.title, entry.body, entry.tags, entry.kind, entry.created)


def test_markdown_export_then_import_keeps_what_the_files_carry(app: App, tmp_path: Path) -> None:
    inquiry = app.inquiries.add("How do we spread what works?")
    written = [
        app.entries.write(
            'Line one.\n\nLine two with "quotes", a back\\slash and a tab\there.',
            title="Workshop 3: flow 😀",
            kind=EntryKind.REFLECTION,
            tags=["flow", "team work"],
            inquiry_id=inquiry.id,
        ),
        app.entries.write(
            "نص عربي\nשורה שנייה",
            title="مرحبا — trio notes",
            kind=EntryKind.COACHING,
            tags=["trio"],
        ),
        app.entries.write(
            "- item one\n- item two\n\n```\ncode # not a heading\n```\n\n---\n\nafter a rule",
            title="Progress: 'apostrophes' & ampersands",
            kind=EntryKind.PROGRESS,
        ),
        app.entries.write(
            "# A heading of its own\n\nbody under it", title="Key: value", kind=EntryKind.NOTE
        ),
    ]
    trashed = app.entries.write("Gone.", title="Trashed")
    app.entries.trash(trashed.id)

    imported = markdown_round_trip(app, tmp_path)

    assert sorted(imported) == sorted(e.id for e in written)
    for entry in written:
        assert kept_fields(imported[entry.id]) == kept_fields(entry)


def test_markdown_round_trip_keeps_an_entry_without_a_title_untitled(
    app: App, tmp_path: Path
) -> None:
    entry = app.entries.write("Just a quick thought after the huddle.")

    assert kept_fields(markdown_round_trip(app, tmp_path)[entry.id]) == kept_fields(entry)


def test_markdown_round_trip_keeps_a_title_ending_in_a_hash(app: App, tmp_path: Path) -> None:
    entry = app.entries.write("Pairing with the analyst.", title="Learning C#")

    assert kept_fields(markdown_round_trip(app, tmp_path)[entry.id]) == kept_fields(entry)


def test_markdown_round_trip_keeps_a_title_with_a_line_separator(app: App, tmp_path: Path) -> None:
    # U+2028 arrives when text is pasted from web pages; Python's splitlines() breaks on it.
    entry = app.entries.write("Pasted.", title="Before\u2028after")

    assert kept_fields(markdown_round_trip(app, tmp_path)[entry.id]) == kept_fields(entry)


# Skipping the notes that cannot be read --------------------------------------------------


def folder_with_one_bad_date(folder: Path) -> Path:
    (folder / "notes").mkdir(parents=True)
    (folder / "a-good.md").write_text("---\ndate: 2024-02-28\n---\n# Good one\n", "utf-8")
    (folder / "notes" / "bad.md").write_text("---\ndate: 2024-02-30\n---\n# Bad day\n", "utf-8")
    (folder / "z-good.md").write_text("---\ndate: 2024-03-01\n---\n# Good two\n", "utf-8")
    return folder


BAD_DATE = "date '2024-02-30' is not a date (use YYYY-MM-DD, YYYY-MM-DD HH:MM or ISO 8601)"


def test_a_folder_with_one_bad_note_is_refused_whole_by_default(app: App, tmp_path: Path) -> None:
    small_journal(app)
    before = snapshot(app)
    folder = folder_with_one_bad_date(tmp_path / "vault")

    with pytest.raises(InvalidItem) as exc:
        app.transfer.import_path("markdown", folder)

    assert exc.value.msg is Msg.FILE_MALFORMED
    assert exc.value.params["reason"] == f"notes/bad.md: {BAD_DATE}"
    assert snapshot(app) == before


def test_skip_invalid_imports_the_good_notes_and_lists_the_bad_one(
    app: App, tmp_path: Path
) -> None:
    folder = folder_with_one_bad_date(tmp_path / "vault")
    preview = app.transfer.readable("markdown", folder)
    assert app.entries.count() == 0  # looking stores nothing

    report = app.transfer.import_path("markdown", folder, skip_invalid=True)

    assert (preview.seen, preview.skipped) == (2, [SkippedItem("notes/bad.md", BAD_DATE)])
    assert report.added == {"entries": 2} and report.seen == 2
    assert report.skipped == [SkippedItem("notes/bad.md", BAD_DATE)]
    assert sorted(e.title for e in app.entries.page()) == ["Good one", "Good two"]


@pytest.mark.parametrize(
    ("format_name", "sample"),
    [("jrnl", "jrnl/journal.txt"), ("dayone", "dayone/Journal.json"), ("json", None)],
)
def test_skip_invalid_is_refused_for_a_format_imported_whole(
    app: App, tmp_path: Path, format_name: str, sample: str | None
) -> None:
    samples = Path(__file__).parents[1] / "formats" / "samples"
    path = samples / sample if sample else write_json(tmp_path / "e.json", json_document())

    with pytest.raises(BadInput) as exc:
        app.transfer.import_path(format_name, path, skip_invalid=True)

    assert exc.value.msg is Msg.SKIP_INVALID_UNSUPPORTED
    assert app.entries.count() == 0
