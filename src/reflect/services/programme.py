"""The programme as the user lives it: events on a timeline, what was written for each, and
the gentle offer to reflect the day after a workshop or coaching session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reflect.core.clock import Clock, to_text
from reflect.core.entry import EntryKind
from reflect.core.programme import (
    Event,
    EventKind,
    LinkedEntry,
    Nudge,
    Programme,
    nudges,
    offer,
)
from reflect.errors import NotFound
from reflect.messages import Msg
from reflect.services.changes import ChangeFeed, Topic
from reflect.services.typed_input import resolve
from reflect.storage.meta import MetaRepository
from reflect.storage.programmes import ProgrammeRepository

REMINDERS = "reminders"
_OFF = "off"


@dataclass(frozen=True)
class Reflection:
    """What the editor needs to start writing about an event."""

    event: Event
    kind: EntryKind
    framework_id: str | None


class ProgrammeService:
    def __init__(
        self,
        programmes: ProgrammeRepository,
        meta: MetaRepository,
        changes: ChangeFeed,
        clock: Clock,
    ) -> None:
        self._programmes = programmes
        self._meta = meta
        self._changes = changes
        self._clock = clock

    def all(self) -> list[Programme]:
        return self._programmes.all()

    def today(self) -> date:
        return self._clock().astimezone().date()

    def event(self, event_id: str) -> Event:
        found = self._programmes.event(event_id)
        if found is None:
            raise NotFound(Msg.EVENT_NOT_FOUND, id=event_id)
        return found

    def resolve(self, typed: str) -> str:
        """The event id that ``typed`` (a full id or its first few characters) names."""
        return resolve(typed, self._programmes.event_ids_starting, Msg.EVENT_NOT_FOUND)

    def written_for(self) -> dict[str, list[LinkedEntry]]:
        """Entries by the event they were written for."""
        found: dict[str, list[LinkedEntry]] = {}
        for linked in self._programmes.linked_entries():
            found.setdefault(linked.event_id, []).append(linked)
        return found

    def nudges(self) -> list[Nudge]:
        """Recent events waiting for a reflection; none when reminders are off."""
        if not self.reminders_on():
            return []
        reflected = self._programmes.reflected_event_ids()
        return nudges(self.all(), reflected, self._programmes.dismissed(), self.today())

    def offer(self) -> Nudge | None:
        """The one reflection the window offers now (see ``core.programme.offer``)."""
        if not self.reminders_on():
            return None
        reflected = self._programmes.reflected_event_ids()
        return offer(self.all(), reflected, self._programmes.dismissed(), self.today())

    def not_now(self, event_id: str) -> None:
        """Stop offering a reflection on this event."""
        self.event(event_id)
        self._programmes.dismiss(event_id, to_text(self._clock()))
        self._changes.publish(Topic.PROGRAMME, event_id)

    def reflection_on(self, event_id: str) -> Reflection:
        event = self.event(event_id)
        programme = self._programmes.get(event.pack_id)
        framework_id = programme.framework_for(event) if programme else event.framework_id
        kind = EntryKind.COACHING if event.kind is EventKind.COACHING else EntryKind.REFLECTION
        return Reflection(event, kind, framework_id)

    def reminders_on(self) -> bool:
        return self._meta.get(REMINDERS) != _OFF

    def set_reminders(self, on: bool) -> None:
        self._meta.set(REMINDERS, "on" if on else _OFF)
        self._changes.publish(Topic.PROGRAMME)
