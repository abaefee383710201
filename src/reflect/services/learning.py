"""Learning log use cases: link a learning entry to the PDSA cycle entry, and to the measure,
it learned from."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Literal

from reflect.core.entry import Entry, EntryKind
from reflect.core.measure import Measure
from reflect.errors import BadInput
from reflect.messages import Msg
from reflect.services.changes import ChangeFeed, Topic
from reflect.services.entries import EntryService
from reflect.services.measures import MeasureService
from reflect.storage.learning_links import LearningLinkRepository


class _Unchanged(Enum):
    UNCHANGED = "unchanged"


UNCHANGED = _Unchanged.UNCHANGED  # a link not mentioned in ``link`` stays as it is
Choice = str | None | Literal[_Unchanged.UNCHANGED]


class LearningService:
    def __init__(
        self,
        repo: LearningLinkRepository,
        entries: EntryService,
        measures: MeasureService,
        changes: ChangeFeed,
    ) -> None:
        self._repo = repo
        self._entries = entries
        self._measures = measures
        self._changes = changes

    def check_cycle(self, typed_cycle_id: str) -> Entry:
        """The entry a PDSA cycle link would point at, before anything is written."""
        return self._entries.get(typed_cycle_id)

    def check_measure(self, typed_measure_id: str) -> Measure:
        """The measure a link would point at, before anything is written."""
        return self._measures.get(typed_measure_id)

    def link(
        self,
        typed_entry_id: str,
        typed_cycle_id: Choice = UNCHANGED,
        *,
        measure_id: Choice = UNCHANGED,
    ) -> None:
        """Link a learning log entry to a cycle entry and/or a measure (None: unlink that
        one; a link not given stays). Everything is checked before anything is written."""
        entry = self._entries.get(typed_entry_id)
        if entry.kind is not EntryKind.LEARNING:
            wrong = Msg.NOT_A_LEARNING_ENTRY
            if typed_cycle_id is UNCHANGED:
                wrong = Msg.NOT_A_LEARNING_ENTRY_FOR_MEASURE
            raise BadInput(wrong, id=typed_entry_id)
        cycle = measure = None
        if isinstance(typed_cycle_id, str):
            cycle = self.check_cycle(typed_cycle_id)
            if cycle.id == entry.id:
                raise BadInput(Msg.LEARNING_LINK_TO_ITSELF)
        if isinstance(measure_id, str):
            measure = self.check_measure(measure_id)
        if typed_cycle_id is not UNCHANGED:
            self._repo.link(entry.id, cycle.id if cycle else None)
        if measure_id is not UNCHANGED:
            self._repo.link_measure(entry.id, measure.id if measure else None)
        self._changes.publish(Topic.ENTRIES, entry.id)

    def cycles_of(self, entry_ids: Iterable[str]) -> dict[str, str]:
        """Cycle entry ids by learning entry id, for those linked."""
        return self._repo.cycles_of(entry_ids)

    def measures_of(self, entry_ids: Iterable[str]) -> dict[str, str]:
        """Measure ids by learning entry id, for those linked."""
        return self._repo.measures_of(entry_ids)
