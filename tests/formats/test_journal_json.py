"""Reading and writing Reflect's own JSON export: clear errors, lenient with older input."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.core.action import Action, ActionKind, ActionStatus
from reflect.core.assessment import Assessment, Score
from reflect.core.connection import Connection, Sector
from reflect.core.contents import JournalContents
from reflect.core.entry import Entry, EntryKind, Response, Revision
from reflect.core.inquiry import Inquiry, InquiryStatus, Wording
from reflect.errors import BadInput
from reflect.formats.journal_json import FORMAT, VERSION, dumps, read_journal_json
from reflect.messages import Msg

ENTRY_ID = "5d0f4b8e-1c2a-4f3e-9b7d-6a5c4e3d2b1a"
INQUIRY_ID = "8a1e2f3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b"
CREATED = "2026-01-05T09:00:00.000000+00:00"
LATER = "2026-01-06T10:30:00.000000+00:00"


def document(**fields: Any) -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, **fields}


def entry(**fields: Any) -> dict[str, Any]:
    return {"id": ENTRY_ID, "created": CREATED, **fields}


def write(tmp_path: Path, content: Any) -> Path:
    path = tmp_path / "export.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        text = content if isinstance(content, str) else json.dumps(content)
        path.write_text(text, encoding="utf-8")
    return path


def refused(tmp_path: Path, content: Any, msg: Msg = Msg.FILE_MALFORMED) -> BadInput:
    path = write(tmp_path, content)
    with pytest.raises(BadInput) as exc:
        read_journal_json(path)
    assert exc.value.msg is msg
    assert exc.value.params["path"] == path
    return exc.value


# Errors ------------------------------------------------------------------------------------


def test_text_that_is_not_json_names_the_line(tmp_path: Path) -> None:
    error = refused(tmp_path, '{\n "format": "reflect-journal",\n oops\n}')

    assert "line 3" in error.params["reason"]
    assert error.params["format"] == "Reflect JSON"


@pytest.mark.parametrize("content", [[], "a string", 1, None, [{"format": FORMAT}]])
def test_json_that_is_not_an_object_is_refused(tmp_path: Path, content: Any) -> None:
    refused(tmp_path, content)


@pytest.mark.parametrize("value", ["jrnl", "Reflect-Journal", None, 1])
def test_wrong_format_names_the_field(tmp_path: Path, value: Any) -> None:
    error = refused(tmp_path, {"format": value, "version": 1})

    assert '"format"' in error.params["reason"]


def test_missing_format_names_the_field(tmp_path: Path) -> None:
    assert '"format"' in refused(tmp_path, {"version": 1}).params["reason"]


@pytest.mark.parametrize(
    "version",
    [
        pytest.param(None, id="null"),
        pytest.param(-1, id="negative"),
        pytest.param(0, id="zero"),
        pytest.param("1", id="text"),
        pytest.param(1.5, id="fraction"),
        pytest.param(1.0, id="float"),
        pytest.param(True, id="bool"),
    ],
)
def test_bad_version_names_the_field(tmp_path: Path, version: Any) -> None:
    error = refused(tmp_path, {"format": FORMAT, "version": version})

    assert '"version"' in error.params["reason"]


def test_missing_version_names_the_field(tmp_path: Path) -> None:
    assert '"version"' in refused(tmp_path, {"format": FORMAT}).params["reason"]


def test_newer_version_is_refused_as_too_new(tmp_path: Path) -> None:
    error = refused(tmp_path, document(version=VERSION + 1), Msg.FILE_TOO_NEW)

    assert error.params["version"] == VERSION + 1


@pytest.mark.parametrize("key", ["inquiries", "entries", "actions", "assessments", "connections"])
def test_a_list_that_is_not_a_list_names_it(tmp_path: Path, key: str) -> None:
    error = refused(tmp_path, document(**{key: {"id": ENTRY_ID}}))

    assert f'"{key}" is not a list' in error.params["reason"]


def reason_for(tmp_path: Path, content: Any) -> str:
    return str(refused(tmp_path, content).params["reason"])


def test_an_entry_missing_its_id_names_the_item_and_field(tmp_path: Path) -> None:
    reason = reason_for(tmp_path, document(entries=[entry(), {"created": CREATED}]))

    assert "entries item 2" in reason
    assert '"id"' in reason


def test_an_entry_that_is_not_an_object_names_the_item(tmp_path: Path) -> None:
    assert "entries item 1" in reason_for(tmp_path, document(entries=["just text"]))


@pytest.mark.parametrize("value", ["yesterday", "2026-13-01T00:00:00+00:00", "", 1767600000])
def test_a_bad_timestamp_names_the_item_and_field(tmp_path: Path, value: Any) -> None:
    reason = reason_for(tmp_path, document(entries=[entry(created=value)]))

    assert "entries item 1" in reason
    assert '"created"' in reason


def test_a_timestamp_without_offset_is_refused(tmp_path: Path) -> None:
    reason = reason_for(tmp_path, document(entries=[entry(updated="2026-01-05T09:00:00")]))

    assert "entries item 1" in reason
    assert '"updated"' in reason
    assert "offset" in reason


def test_a_wording_timestamp_without_offset_names_the_inquiry(tmp_path: Path) -> None:
    inquiry = {
        "id": INQUIRY_ID,
        "created": CREATED,
        "wordings": [{"question": "Why?", "created": "2026-01-05 09:00"}],
    }
    reason = reason_for(tmp_path, document(inquiries=[inquiry]))

    assert "inquiries item 1" in reason
    assert "offset" in reason


def test_a_bad_kind_names_the_item_and_value(tmp_path: Path) -> None:
    reason = reason_for(tmp_path, document(entries=[entry(kind="diary")]))

    assert "entries item 1" in reason
    assert "diary" in reason


@pytest.mark.parametrize("tags", ["flow", ["flow", 3], [None], {"flow": True}])
def test_tags_that_are_not_a_list_of_text_are_refused(tmp_path: Path, tags: Any) -> None:
    reason = reason_for(tmp_path, document(entries=[entry(tags=tags)]))

    assert "entries item 1" in reason
    assert '"tags"' in reason


@pytest.mark.parametrize("score", [True, False, 2.5, "3", None])
def test_a_score_that_is_not_a_whole_number_is_refused(tmp_path: Path, score: Any) -> None:
    assessment = {
        "id": ENTRY_ID,
        "framework_id": "csif",
        "created": CREATED,
        "scores": [{"domain_id": "vision", "score": score}],
    }
    reason = reason_for(tmp_path, document(assessments=[assessment]))

    assert "assessments item 1" in reason
    assert '"score"' in reason


def test_an_inquiry_without_wordings_is_refused(tmp_path: Path) -> None:
    inquiry = {"id": INQUIRY_ID, "created": CREATED, "wordings": []}

    assert "inquiries item 1" in reason_for(tmp_path, document(inquiries=[inquiry]))


def test_a_bad_action_status_names_the_item(tmp_path: Path) -> None:
    action = {"id": ENTRY_ID, "text": "x", "kind": "stop", "status": "maybe", "created": CREATED}
    reason = reason_for(tmp_path, document(actions=[action]))

    assert "actions item 1" in reason
    assert "maybe" in reason


@pytest.mark.parametrize(
    ("field", "value"),
    [("sector", "nhs"), ("met", "2026-02-30"), ("met", None), ("name", " "), ("name", "x" * 201)],
)
def test_a_bad_connection_names_the_item(tmp_path: Path, field: str, value: Any) -> None:
    connection = {"id": ENTRY_ID, "name": "Dr Lee", "sector": "icb", "met": "2026-01-04"}
    connection |= {"created": CREATED, field: value}
    reason = reason_for(tmp_path, document(connections=[connection]))

    assert "connections item 1" in reason


def test_a_version_1_file_reads_with_no_connections(tmp_path: Path) -> None:
    contents = read_journal_json(write(tmp_path, document(version=1, entries=[entry()])))

    assert contents.connections == () and len(contents.entries) == 1


def test_a_bad_revision_names_its_entry(tmp_path: Path) -> None:
    reason = reason_for(tmp_path, document(entries=[entry(revisions=[{"title": "no saved"}])]))

    assert ENTRY_ID in reason
    assert '"saved"' in reason


def test_bytes_that_are_not_utf8_are_refused(tmp_path: Path) -> None:
    error = refused(
        tmp_path, b'{"format": "reflect-journal", "version": 1, "x": "\xff"}', Msg.FILE_NOT_UTF8
    )

    assert error.params["offset"] == 50


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BadInput) as exc:
        read_journal_json(tmp_path / "nowhere.json")

    assert exc.value.msg is Msg.FILE_NOT_FOUND


def test_a_number_too_long_to_convert_is_refused(tmp_path: Path) -> None:
    # Python refuses to convert integers longer than 4300 digits with a ValueError.
    refused(tmp_path, '{"format": "reflect-journal", "version": ' + "1" * 5000 + "}")


def test_nesting_too_deep_to_parse_is_refused(tmp_path: Path) -> None:
    refused(tmp_path, '{"format": "reflect-journal", "version": 1, "x": ' + "[" * 100_000 + "}")


def test_a_lone_surrogate_is_refused_like_the_other_importers(tmp_path: Path) -> None:
    # "\ud800" is valid JSON but not text: such a title could never be stored or written out.
    reason = reason_for(tmp_path, document(entries=[entry(title="bad \ud800 title")]))

    assert "entries item 1" in reason


@pytest.mark.parametrize("field", ["inquiry_id", "event_id", "framework_id", "deleted"])
def test_a_lone_surrogate_in_an_optional_field_is_refused(tmp_path: Path, field: str) -> None:
    # Found by fuzzing: it reached the database, whose driver cannot encode it.
    reason = reason_for(tmp_path, document(entries=[entry(**{field: "\ud800"})]))

    assert "entries item 1" in reason
    assert f'"{field}"' in reason


@pytest.mark.parametrize(
    "value",
    [
        "0001-01-01T00:00:00+14:00",
        "0001-01-01T12:00:00+00:00",
        "9999-12-31T12:00:00+00:00",
        "9999-12-31T23:59:59-14:00",
    ],
)
def test_a_timestamp_at_the_ends_of_the_calendar_is_refused(tmp_path: Path, value: str) -> None:
    # Found by fuzzing: no clock can show it, as moving it to local time runs off the calendar
    # (an import that succeeded made every later "reflect list" crash).
    reason = reason_for(tmp_path, document(entries=[entry(created=value)]))

    assert "entries item 1" in reason
    assert '"created" is too far in the past or the future' in reason


@pytest.mark.parametrize("value", ["yesterday", "2026-01-05", "0001-01-01T00:00:00+00:00", 5])
def test_a_deleted_that_is_not_a_timestamp_is_refused(tmp_path: Path, value: Any) -> None:
    # Found by fuzzing: the trash shows when each entry was deleted.
    reason = reason_for(tmp_path, document(entries=[entry(deleted=value)]))

    assert "entries item 1" in reason
    assert '"deleted"' in reason


@pytest.mark.parametrize("value", ["tomorrow", "2026-02-30", "2026-W14-3", "20260401", "", 5])
def test_a_due_that_is_not_a_day_is_refused(tmp_path: Path, value: Any) -> None:
    # Found by fuzzing: the actions page reads the due day as YYYY-MM-DD.
    action = {"id": "a1", "text": "Try", "kind": "start", "status": "open", "created": CREATED}
    reason = reason_for(tmp_path, document(actions=[{**action, "due": value}]))

    assert "actions item 1" in reason
    assert '"due"' in reason


# Older and lenient input -------------------------------------------------------------------


def test_an_entry_with_only_id_and_created_gets_defaults(tmp_path: Path) -> None:
    contents = read_journal_json(write(tmp_path, document(entries=[entry()])))

    assert contents.entries == (
        Entry(
            id=ENTRY_ID,
            kind=EntryKind.NOTE,
            title="",
            body="",
            created=CREATED,
            updated=CREATED,
        ),
    )
    assert contents.revisions == ()


def test_an_inquiry_and_action_with_only_required_fields_get_defaults(tmp_path: Path) -> None:
    inquiry = {
        "id": INQUIRY_ID,
        "created": CREATED,
        "wordings": [{"question": "Why?", "created": CREATED}],
    }
    action = {
        "id": ENTRY_ID,
        "text": "Stop it",
        "kind": "stop",
        "status": "open",
        "created": CREATED,
    }
    contents = read_journal_json(write(tmp_path, document(inquiries=[inquiry], actions=[action])))

    assert contents.inquiries == (
        Inquiry(INQUIRY_ID, (Wording("Why?", CREATED),), created=CREATED, updated=CREATED),
    )
    assert contents.actions == (
        Action(ENTRY_ID, "Stop it", ActionKind.STOP, ActionStatus.OPEN, CREATED, CREATED),
    )


def test_a_document_with_only_its_header_is_an_empty_journal(tmp_path: Path) -> None:
    assert read_journal_json(write(tmp_path, document())) == JournalContents()


def test_unknown_fields_are_ignored(tmp_path: Path) -> None:
    content = document(mood="calm", entries=[entry(colour="blue", title="Kept")])

    assert read_journal_json(write(tmp_path, content)).entries[0].title == "Kept"


def test_timestamps_with_any_offset_are_kept_as_written(tmp_path: Path) -> None:
    created = "2026-01-05T10:00:00+01:00"

    assert (
        read_journal_json(write(tmp_path, document(entries=[entry(created=created)])))
        .entries[0]
        .created
        == created
    )


def test_a_leading_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + json.dumps(document(entries=[entry()])).encode()

    assert len(read_journal_json(write(tmp_path, data)).entries) == 1


# Writing -----------------------------------------------------------------------------------


def full_contents() -> JournalContents:
    wording = Wording('How do I "stop" well? 🛑', CREATED)
    inquiry = Inquiry(
        INQUIRY_ID, (wording,), "why\nnot", InquiryStatus.STOPPED, "done", CREATED, LATER
    )
    live = Entry(
        id=ENTRY_ID,
        kind=EntryKind.COACHING,
        title="مرحبا",
        body="line\\one\nline two",
        created=CREATED,
        updated=LATER,
        tags=("flow", "trio"),
        inquiry_id=INQUIRY_ID,
        event_id="workshop-3",
        framework_id="grow",
        responses=(Response("goal", "Less"), Response("will", "Now")),
        deleted=LATER,
    )
    revision = Revision(
        0, ENTRY_ID, CREATED, "old", "older", EntryKind.NOTE, ("x",), None, None, ()
    )
    action = Action(
        ENTRY_ID, "Stop", ActionKind.STOP, ActionStatus.DROPPED, CREATED, LATER, "2026-02-01"
    )
    assessment = Assessment(ENTRY_ID, "csif", CREATED, (Score("vision", 4, "said so"),), None, "n")
    connection = Connection(
        ENTRY_ID, "Ana Price, Age Well", Sector.VCSE, "2026-01-04", CREATED, LATER,
        "Workshop 3", "née Öz", INQUIRY_ID
    )  # fmt: skip
    return JournalContents(
        inquiries=(inquiry,), entries=(live,), revisions=(revision,), actions=(action,),
        assessments=(assessment,), connections=(connection,),
    )  # fmt: skip


def test_what_is_written_reads_back_the_same(tmp_path: Path) -> None:
    contents = full_contents()

    assert read_journal_json(write(tmp_path, dumps(contents, LATER))) == contents


def test_the_writer_describes_the_file_first(tmp_path: Path) -> None:
    written = json.loads(dumps(full_contents(), LATER))

    assert list(written)[:4] == ["format", "version", "exported", "generator"]
    assert (written["format"], written["version"], written["exported"]) == (FORMAT, 2, LATER)
    assert written["entries"][0]["revisions"][0]["title"] == "old"
    assert "id" not in written["entries"][0]["revisions"][0]


# Anything at all gives contents or BadInput ------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4)
    ),
    max_leaves=10,
)


def maybe(valid: Any) -> st.SearchStrategy[Any]:
    """Mostly the valid value (three times in four), sometimes anything at all."""
    return st.one_of(st.just(valid), st.just(valid), st.just(valid), json_values)


def shaped(required: dict[str, Any], optional: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Objects close to a valid item, each field valid or replaced by any JSON value."""
    item = st.fixed_dictionaries(
        {k: maybe(v) for k, v in required.items()},
        optional={k: maybe(v) for k, v in optional.items()},
    )
    items = st.lists(item, max_size=3)
    return st.one_of(items, items, items, json_values)


WORDINGS = [{"question": "Why?", "created": CREATED}]
documents = st.fixed_dictionaries(
    {"format": st.just(FORMAT), "version": st.sampled_from([1, 1, 1, 1, 1, 1, 2, 0])},
    optional={
        "inquiries": shaped(
            {"id": INQUIRY_ID, "created": CREATED, "wordings": WORDINGS},
            {"why": "", "status": "paused", "status_note": "", "updated": LATER},
        ),
        "entries": shaped(
            {"id": ENTRY_ID, "created": CREATED},
            {
                "kind": "note",
                "title": "t",
                "body": "b",
                "tags": ["a"],
                "inquiry_id": INQUIRY_ID,
                "event_id": "e",
                "framework_id": "f",
                "responses": [{"prompt_id": "p", "text": "t"}],
                "deleted": LATER,
                "updated": LATER,
                "revisions": [{"saved": CREATED, "kind": "note", "tags": []}],
            },
        ),
        "actions": shaped(
            {"id": ENTRY_ID, "text": "x", "kind": "stop", "status": "open", "created": CREATED},
            {"due": "2026-01-01", "entry_id": ENTRY_ID, "inquiry_id": None, "updated": LATER},
        ),
        "assessments": shaped(
            {
                "id": ENTRY_ID,
                "framework_id": "csif",
                "created": CREATED,
                "scores": [{"domain_id": "vision", "score": 3, "evidence": ""}],
            },
            {"inquiry_id": INQUIRY_ID, "note": ""},
        ),
    },
)


def contents_or_bad_input(path: Path) -> None:
    with contextlib.suppress(BadInput):
        assert isinstance(read_journal_json(path), JournalContents)


@settings(max_examples=200, deadline=None)
@given(data=st.binary())
def test_any_bytes_give_contents_or_bad_input(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    contents_or_bad_input(write(tmp_path_factory.mktemp("json"), data))


@settings(max_examples=200, deadline=None)
@given(value=json_values)
def test_any_json_value_gives_contents_or_bad_input(
    tmp_path_factory: pytest.TempPathFactory, value: Any
) -> None:
    contents_or_bad_input(write(tmp_path_factory.mktemp("json"), value))


@settings(max_examples=200, deadline=None)
@given(value=documents)
def test_any_journal_shaped_json_gives_contents_or_bad_input(
    tmp_path_factory: pytest.TempPathFactory, value: dict[str, Any]
) -> None:
    contents_or_bad_input(write(tmp_path_factory.mktemp("json"), value))
