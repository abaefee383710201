"""Entry rules enforced by the service: content required, tags cleaned, ids typed short."""

from __future__ import annotations

import pytest

from reflect.app import App
from reflect.core.entry import EntryKind, Response
from reflect.errors import BadInput, NotFound
from reflect.messages import Msg
from reflect.services.changes import Change, Topic


def test_empty_entry_is_refused(app: App) -> None:
    with pytest.raises(BadInput) as caught:
        app.entries.write("  \n\n ")
    assert caught.value.msg is Msg.EMPTY_ENTRY
    assert app.entries.count() == 0


def test_blank_responses_are_dropped(app: App) -> None:
    entry = app.entries.write(
        "", framework_id="gibbs", responses=(Response("a", "  "), Response("b", "Said."))
    )
    assert entry.responses == (Response("b", "Said."),)


def test_tags_are_cleaned_and_deduplicated(app: App) -> None:
    entry = app.entries.write("x", tags=["@Trio", "#trio", " data ", "", "care home"])
    assert entry.tags == ("Trio", "data", "care-home")


def test_unknown_kind_names_the_choices(app: App) -> None:
    with pytest.raises(BadInput) as caught:
        app.entries.write("x", kind="diary")
    assert caught.value.msg is Msg.BAD_KIND
    assert "reflection" in caught.value.text


def test_short_ids_resolve_and_ambiguity_is_reported(app: App) -> None:
    entry = app.entries.write("x")
    assert app.entries.get(entry.id[:6]).id == entry.id
    assert app.entries.get(entry.id.upper()).id == entry.id
    with pytest.raises(NotFound) as caught:
        app.entries.get("ffffffff-none")
    assert caught.value.msg is Msg.ENTRY_NOT_FOUND
    with pytest.raises(NotFound):
        app.entries.get("abc")  # too short to guess from


def test_ambiguous_prefix(app: App) -> None:
    app.store.db.conn.executemany(
        "INSERT INTO entries (id, kind, created, updated) VALUES (?, 'note', 'x', 'x')",
        [("abcd1111",), ("abcd2222",)],
    )
    with pytest.raises(BadInput) as caught:
        app.entries.get("abcd")
    assert caught.value.msg is Msg.AMBIGUOUS_ID


def test_trashed_entries_cannot_be_edited_and_restoring_live_is_refused(app: App) -> None:
    entry = app.entries.write("x")
    with pytest.raises(BadInput) as caught:
        app.entries.restore(entry.id)
    assert caught.value.msg is Msg.NOT_IN_TRASH
    app.entries.trash(entry.id)
    with pytest.raises(NotFound):
        app.entries.update(entry.id, body="y")


def test_changes_are_announced(app: App) -> None:
    heard: list[Change] = []
    app.changes.subscribe(heard.append)
    entry = app.entries.write("x")
    app.entries.update(entry.id, kind=EntryKind.NOTE)
    app.entries.trash(entry.id)
    assert heard == [Change(Topic.ENTRIES, (entry.id,))] * 3


def test_last_framework_is_the_newest_used_for_that_kind(app: App) -> None:
    assert app.entries.last_framework_id() is None
    app.entries.write("a", framework_id="gibbs", responses=(Response("what", "x"),))
    app.entries.write("b")  # no framework: does not hide the last one used
    app.entries.write("c", kind=EntryKind.COACHING, framework_id="grow")
    assert app.entries.last_framework_id() == "gibbs"
    assert app.entries.last_framework_id(EntryKind.COACHING) == "grow"


def test_known_tags_are_counted_once_and_follow_new_writing(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    app.entries.write("x", tags=["trio", "workshop"])
    app.entries.write("y", tags=["trio"])
    assert app.entries.known_tags() == ["trio", "workshop"]  # most used first

    def no_more_counting() -> list[tuple[str, int]]:
        raise AssertionError("counted every tag again")

    monkeypatch.setattr(app.entries, "tag_counts", no_more_counting)
    entry = app.entries.write("z", tags=["Huddles", "TRIO"])
    app.entries.update(entry.id, tags=["huddles", "flow"])
    assert app.entries.known_tags() == ["trio", "workshop", "Huddles", "flow"]
    monkeypatch.undo()

    app.changes.publish(Topic.JOURNAL)  # an import or a restore: counted again
    assert sorted(app.entries.known_tags()) == ["flow", "huddles", "trio", "workshop"]
