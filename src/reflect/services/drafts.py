"""Draft use cases: autosave what is being typed, keep it as an entry, or recover it later."""

from __future__ import annotations

from dataclasses import replace

from reflect.core.clock import Clock, to_text
from reflect.core.draft import Draft
from reflect.core.entry import Entry
from reflect.core.ids import new_id
from reflect.services.entries import EntryService
from reflect.storage.drafts import DraftRepository


class DraftService:
    def __init__(self, repo: DraftRepository, entries: EntryService, clock: Clock) -> None:
        self._repo = repo
        self._entries = entries
        self._clock = clock

    def start(self, entry: Entry | None = None) -> Draft:
        """A new draft, empty or holding an existing entry's current state (not yet stored)."""
        now = to_text(self._clock())
        if entry is None:
            return Draft(id=new_id(), updated=now)
        return Draft(
            id=new_id(),
            updated=now,
            entry_id=entry.id,
            title=entry.title,
            body=entry.body,
            kind=entry.kind,
            tags=entry.tags,
            inquiry_id=entry.inquiry_id,
            event_id=entry.event_id,
            framework_id=entry.framework_id,
            responses=entry.responses,
        )

    def autosave(self, draft: Draft) -> Draft:
        """Store the draft durably; a blank new draft is not worth keeping."""
        saved = replace(draft, updated=to_text(self._clock()))
        if saved.is_blank and saved.entry_id is None:
            self._repo.delete(saved.id)
        else:
            self._repo.save(saved)
        return saved

    def keep(self, draft: Draft) -> Entry | None:
        """Turn the draft into an entry (new, or a new state of its entry) and forget it.

        A blank new draft is simply discarded; None is returned.
        """
        entry = None
        if draft.entry_id is not None:
            entry = self._entries.update(
                draft.entry_id,
                title=draft.title,
                body=draft.body,
                kind=draft.kind,
                tags=draft.tags,
                inquiry_id=draft.inquiry_id,
                event_id=draft.event_id,
                framework_id=draft.framework_id,
                responses=draft.responses,
            )
        elif not draft.is_blank:
            entry = self._entries.write(
                draft.body,
                title=draft.title,
                kind=draft.kind,
                tags=draft.tags,
                inquiry_id=draft.inquiry_id,
                event_id=draft.event_id,
                framework_id=draft.framework_id,
                responses=draft.responses,
            )
        self._repo.delete(draft.id)
        return entry

    def discard(self, draft: Draft) -> None:
        self._repo.delete(draft.id)

    def unfinished(self) -> list[Draft]:
        """Drafts left behind by a crash or a kill, oldest first: offer them on start."""
        return self._repo.all()
