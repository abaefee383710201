"""Drafts survive until kept or discarded; keeping one makes an entry or a revision."""

from __future__ import annotations

from dataclasses import replace

from reflect.app import App, open_app
from reflect.core.entry import EntryKind
from reflect.paths import Paths


def test_autosaved_draft_survives_reopening_the_journal(app: App, paths: Paths) -> None:
    draft = app.drafts.autosave(replace(app.drafts.start(), body="Half a thought", tags=("x",)))
    app.close()
    reopened = open_app(paths)
    try:
        [recovered] = reopened.drafts.unfinished()
        assert (recovered.id, recovered.body, recovered.tags) == (
            draft.id,
            "Half a thought",
            ("x",),
        )
    finally:
        reopened.close()


def test_keeping_a_new_draft_writes_one_entry_and_forgets_the_draft(app: App) -> None:
    draft = app.drafts.autosave(replace(app.drafts.start(), title="T", body="Body"))
    entry = app.drafts.keep(draft)
    assert entry is not None and (entry.title, entry.body) == ("T", "Body")
    assert app.drafts.unfinished() == []
    assert app.entries.count() == 1


def test_keeping_an_edit_makes_a_revision(app: App) -> None:
    entry = app.entries.write("Before")
    draft = replace(app.drafts.start(entry), body="After", kind=EntryKind.NOTE)
    app.drafts.autosave(draft)
    kept = app.drafts.keep(draft)
    assert kept is not None and kept.body == "After" and kept.kind is EntryKind.NOTE
    assert [r.body for r in app.entries.revisions(entry.id)] == ["Before"]


def test_blank_new_draft_is_not_kept(app: App) -> None:
    draft = app.drafts.autosave(replace(app.drafts.start(), body="x"))
    draft = app.drafts.autosave(replace(draft, body="   "))
    assert app.drafts.unfinished() == []
    assert app.drafts.keep(draft) is None
    assert app.entries.count() == 0


def test_discard(app: App) -> None:
    draft = app.drafts.autosave(replace(app.drafts.start(), body="Nope"))
    app.drafts.discard(draft)
    assert app.drafts.unfinished() == []
