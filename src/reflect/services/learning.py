"""Learning log use cases: link a learning entry to the PDSA cycle entry it learned from."""

from __future__ import annotations

from collections.abc import Iterable

from reflect.core.entry import Entry, EntryKind
from reflect.errors import BadInput
from reflect.messages import Msg
from reflect.services.changes import ChangeFeed, Topic
from reflect.services.entries import EntryService
from reflect.storage.learning_links import LearningLinkRepository


class LearningService:
    def __init__(
        self, repo: LearningLinkRepository, entries: EntryService, changes: ChangeFeed
    ) -> None:
        self._repo = repo
        self._entries = entries
        self._changes = changes

    def check_cycle(self, typed_cycle_id: str) -> Entry:
        """The entry a PDSA cycle link would point at, before anything is written."""
        return self._entries.get(typed_cycle_id)

    def link(self, typed_entry_id: str, typed_cycle_id: str | None) -> None:
        """Link a learning log entry to a cycle entry (None: unlink)."""
        entry = self._entries.get(typed_entry_id)
        if entry.kind is not EntryKind.LEARNING:
            raise BadInput(Msg.NOT_A_LEARNING_ENTRY, id=typed_entry_id)
        cycle = self.check_cycle(typed_cycle_id) if typed_cycle_id is not None else None
        if cycle is not None and cycle.id == entry.id:
            raise BadInput(Msg.LEARNING_LINK_TO_ITSELF)
        self._repo.link(entry.id, cycle.id if cycle else None)
        self._changes.publish(Topic.ENTRIES, entry.id)

    def cycles_of(self, entry_ids: Iterable[str]) -> dict[str, str]:
        """Cycle entry ids by learning entry id, for those linked."""
        return self._repo.cycles_of(entry_ids)
