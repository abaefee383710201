"""A programme from a facilitator's pack: its events, and which of them invite a reflection.

The facilitator decides the events (how many, when, what kind); nothing here assumes a count or
a date. Event ids are stable across versions of a pack, so an entry written for an event stays
linked to it when the facilitator sends an update.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from reflect.core.evaluation import EvaluationPlan

NUDGE_DAYS = 7  # a reflection offered for a week after the event, then left alone


class EventKind(StrEnum):
    WORKSHOP = "workshop"
    COACHING = "coaching"  # a peer coaching session of the trio
    OTHER = "other"  # a deadline, a celebration, a drop-in: shown, never nudged

    @property
    def invites_reflection(self) -> bool:
        return self is not EventKind.OTHER


@dataclass(frozen=True)
class Facilitator:
    """Who signed the pack: their name, how to reach them, and their public keys."""

    name: str
    contact: str  # an email address or a line of text; never fetched
    signing_key: str  # ed25519:<base64>
    age_recipient: str = ""


@dataclass(frozen=True)
class Event:
    id: str  # stable across pack versions: derived from the pack id and the event's own id
    pack_id: str
    day: date
    kind: EventKind
    title: str
    time: str = ""  # "14:00", local to the programme; empty for all-day events
    description: str = ""
    framework_id: str | None = None  # suggested for reflecting on this event

    def invites_reflection_on(self, today: date) -> bool:
        """Past, of a kind one reflects on, and recent enough that a nudge is still welcome."""
        return (
            self.kind.invites_reflection
            and self.day < today
            and today - self.day <= timedelta(days=NUDGE_DAYS)
        )


@dataclass(frozen=True)
class Programme:
    pack_id: str
    name: str
    pack_version: int
    welcome: str  # Markdown, rendered safely
    facilitator: Facilitator
    framework_id: str | None = None  # the programme's framework for reflections
    events: tuple[Event, ...] = ()
    installed: str = ""
    updated: str = ""
    evaluation: EvaluationPlan | None = None  # the pack's optional [evaluation] section

    def framework_for(self, event: Event) -> str | None:
        return event.framework_id or self.framework_id


@dataclass(frozen=True)
class LinkedEntry:
    """An entry written for an event, as the programme timeline lists it."""

    event_id: str
    entry_id: str
    title: str
    created: str


@dataclass(frozen=True)
class Nudge:
    """An offer to reflect on a recent event that has no reflection yet."""

    event: Event
    programme_name: str
    framework_id: str | None


def nudges(
    programmes: Iterable[Programme],
    reflected: Collection[str],
    dismissed: Collection[str],
    today: date,
) -> list[Nudge]:
    """Recent events with no entry linked and no "not now", newest first."""
    found = [
        Nudge(event, programme.name, programme.framework_for(event))
        for programme in programmes
        for event in programme.events
        if event.invites_reflection_on(today)
        and event.id not in reflected
        and event.id not in dismissed
    ]
    return sorted(found, key=lambda n: (n.event.day, n.event.time), reverse=True)


def offer(
    programmes: Iterable[Programme],
    reflected: Collection[str],
    dismissed: Collection[str],
    today: date,
) -> Nudge | None:
    """The one reflection to offer: on the newest recent event, while it has no entry and no
    "not now". Older events are never offered instead, so a user who has just reflected on
    yesterday's workshop is not at once asked about last week's session: those wait on the
    Programme page, each with its own "Reflect on this"."""
    recent = [
        Nudge(event, programme.name, programme.framework_for(event))
        for programme in programmes
        for event in programme.events
        if event.invites_reflection_on(today)
    ]
    if not recent:
        return None
    newest = max(recent, key=lambda n: (n.event.day, n.event.time))
    if newest.event.id in reflected or newest.event.id in dismissed:
        return None
    return newest
