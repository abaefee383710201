"""The demo journal's programme: a pack like a facilitator's, dated around today, with some
demo entries linked to its events and yesterday's workshop still waiting for a reflection."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from reflect.core.clock import to_text
from reflect.core.entry import Entry
from reflect.core.programme import Event, EventKind
from reflect.exchange.identity import Identity
from reflect.exchange.pack import pack_bytes
from reflect.formats.pack_spec import EventSpec, PackSpec
from reflect.services.entries import EntryService
from reflect.services.packs import PackService

WELCOME = """# Welcome to Leading Across Systems

Over nine months you will hold **one inquiry question** about your work across organisations,
reflect after each workshop, and meet your coaching trio between them.

Your entries stay on your computer. Only what you choose to share with your trio leaves it.
"""

# (days from today, kind, title, framework): the facilitator's schedule, in our own words.
SCHEDULE = (
    (-240, EventKind.WORKSHOP, "Welcome session: your inquiry question", None),
    (-215, EventKind.COACHING, "Coaching trio 1", "grow"),
    (-180, EventKind.WORKSHOP, "Workshop 2: seeing the system", "what-so-what-now-what"),
    (-150, EventKind.COACHING, "Coaching trio 2", "grow"),
    (-110, EventKind.WORKSHOP, "Workshop 3: stopping as well as starting", None),
    (-80, EventKind.COACHING, "Coaching trio 3", "grow"),
    (-45, EventKind.WORKSHOP, "Workshop 4: measuring learning", "pdsa"),
    (-20, EventKind.COACHING, "Coaching trio 4", "grow"),
    (-1, EventKind.WORKSHOP, "Workshop 5: relational leadership", "what-so-what-now-what"),
    (14, EventKind.COACHING, "Coaching trio 5", "grow"),
    (30, EventKind.OTHER, "Optional huddle: bring one thing you stopped", None),
    (45, EventKind.WORKSHOP, "Closing workshop: what we learned", None),
)


def add_demo_programme(
    packs: PackService, entries: EntryService, folder: Path, now: datetime
) -> None:
    today = now.astimezone().date()
    spec = PackSpec(
        id="demo-leading-across-systems",
        name="Leading Across Systems (demo cohort)",
        version=1,
        welcome=WELCOME,
        facilitator_name="Sam Okafor",
        contact="sam.okafor@example.org",
        framework_id="csif",
        uses=("csif", "grow", "pdsa", "what-so-what-now-what"),
        frameworks=(),
        events=tuple(_event(n, today, *row) for n, row in enumerate(SCHEDULE, start=1)),
    )
    path = folder / "demo.reflectpack"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pack_bytes(spec, Identity.generate(), to_text(now)))
    programme = packs.install(path).programme
    _link_entries(entries, [e for e in programme.events if e.day < today - timedelta(days=1)])


def _event(
    n: int, today: date, days: int, kind: EventKind, title: str, framework: str | None
) -> EventSpec:
    return EventSpec(
        key=f"event-{n}",
        day=today + timedelta(days=days),
        kind=kind,
        title=title,
        time="10:00" if kind is EventKind.WORKSHOP else "14:00",
        framework_id=framework,
    )


def _link_entries(entries: EntryService, events: list[Event]) -> None:
    """Link the first demo entry written within three days after each past event."""
    page = entries.page(limit=1000)
    for event in events:
        last_day = event.day + timedelta(days=3)
        match = next(
            (e for e in reversed(page) if e.event_id is None and event.day <= _day(e) <= last_day),
            None,
        )
        if match is not None:
            entries.update(match.id, event_id=event.id)


def _day(entry: Entry) -> date:
    return datetime.fromisoformat(entry.created).astimezone().date()
