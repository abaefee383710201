"""Entries: revisions on every edit, trash that can be restored or emptied, paging."""

from __future__ import annotations

from app_fixtures import write_many
from reflect.app import App
from reflect.core.entry import EntryKind, Response
from reflect.core.entry_filter import EntryFilter


def test_every_edit_keeps_the_previous_state(app: App) -> None:
    entry = app.entries.write("First draft.", tags=["one"])
    app.entries.update(entry.id, body="Second draft.", tags=["one", "two"])
    app.entries.update(entry.id, body="Third draft.", kind=EntryKind.PROGRESS)
    revisions = app.entries.revisions(entry.id)
    assert [r.body for r in revisions] == ["Second draft.", "First draft."]
    assert revisions[0].tags == ("one", "two")
    assert revisions[1].kind is EntryKind.REFLECTION
    assert app.entries.get(entry.id).body == "Third draft."


def test_an_edit_that_changes_nothing_makes_no_revision(app: App) -> None:
    entry = app.entries.write("Same.")
    app.entries.update(entry.id, body="Same.")
    assert app.entries.revisions(entry.id) == []


def test_responses_are_kept_per_prompt_and_in_revisions(app: App) -> None:
    entry = app.entries.write(
        "",
        framework_id="wsn",
        responses=(Response("what", "A workshop."), Response("so-what", "It mattered.")),
    )
    app.entries.update(entry.id, responses=(Response("what", "A different workshop."),))
    assert app.entries.get(entry.id).responses == (Response("what", "A different workshop."),)
    [revision] = app.entries.revisions(entry.id)
    assert revision.responses == (
        Response("what", "A workshop."),
        Response("so-what", "It mattered."),
    )


def test_trash_restore_and_empty(app: App) -> None:
    keep = app.entries.write("Keep me.")
    gone = app.entries.write("Bin me.")
    app.entries.update(gone.id, body="Bin me, edited.")
    app.entries.trash(gone.id)
    assert [e.id for e in app.entries.page()] == [keep.id]
    assert [e.id for e in app.entries.trashed()] == [gone.id]

    app.entries.restore(gone.id)
    assert {e.id for e in app.entries.page()} == {keep.id, gone.id}

    app.entries.trash(gone.id)
    assert app.entries.empty_trash() == 1
    assert app.entries.trashed() == []
    assert [e.id for e in app.entries.page()] == [keep.id]
    assert app.store.scalar("SELECT count(*) FROM entry_revisions") == 0


def test_pages_are_newest_first_and_cover_everything_once(app: App) -> None:
    written = write_many(app, 25)
    pages = [app.entries.page(limit=10, offset=n) for n in (0, 10, 20)]
    seen = [e.id for page in pages for e in page]
    assert seen == [e.id for e in reversed(written)]
    assert app.entries.count() == 25


def test_count_and_page_respect_filters(app: App) -> None:
    app.entries.write("a", kind=EntryKind.NOTE, tags=["x"])
    app.entries.write("b", kind=EntryKind.COACHING)
    assert app.entries.count(EntryFilter(kind=EntryKind.NOTE)) == 1
    assert [e.body for e in app.entries.page(EntryFilter(tag="x"))] == ["a"]


def test_tag_counts_ignore_trash(app: App) -> None:
    app.entries.write("a", tags=["trio", "data"])
    app.entries.write("b", tags=["trio"])
    binned = app.entries.write("c", tags=["data", "gone"])
    app.entries.trash(binned.id)
    assert app.entries.tag_counts() == [("trio", 2), ("data", 1)]
