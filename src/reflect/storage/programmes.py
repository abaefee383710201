"""The programmes repository: installed packs, their events, and what was written for them.

A programme's evaluation plan has no columns of its own: it is read back from the pack document
kept verbatim, by a reader passed in (``exchange`` knows the format; storage does not).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from typing import Any

from reflect.core.entry import title_of
from reflect.core.evaluation import EvaluationPlan
from reflect.core.programme import Event, EventKind, Facilitator, LinkedEntry, Programme
from reflect.storage.database import Store
from reflect.storage.response_texts import response_texts

_PROGRAMME_COLUMNS = (
    "pack_id, name, pack_version, welcome, framework_id, facilitator_name, facilitator_contact, "
    "signing_key, age_recipient, installed, updated"
)
_EVENT_COLUMNS = "id, pack_id, day, time, kind, title, description, framework_id"


PlanReader = Callable[[bytes], EvaluationPlan | None]


class ProgrammeRepository:
    def __init__(self, store: Store, plan_of: PlanReader | None = None) -> None:
        self.store = store
        self._plan_of = plan_of
        # By (pack_id, pack_version, updated): the window lists programmes on every page change,
        # and a document is read again only when an install or update saved a new one.
        self._plans: dict[tuple[str, int, str], EvaluationPlan | None] = {}

    def all(self) -> list[Programme]:
        rows = self.store.query(
            f"SELECT {_PROGRAMME_COLUMNS} FROM programmes ORDER BY installed, pack_id"
        )
        events = self._current_events()
        return [self._with_plan(_programme(row, events.get(row["pack_id"], ()))) for row in rows]

    def _with_plan(self, programme: Programme) -> Programme:
        if self._plan_of is None:
            return programme
        key = (programme.pack_id, programme.pack_version, programme.updated)
        if key not in self._plans:
            sql = "SELECT document FROM programmes WHERE pack_id = ?"
            document = self.store.scalar(sql, (programme.pack_id,))
            self._plans[key] = self._plan_of(bytes(document)) if document else None
        plan = self._plans[key]
        return programme if plan is None else replace(programme, evaluation=plan)

    def get(self, pack_id: str) -> Programme | None:
        return next((p for p in self.all() if p.pack_id == pack_id), None)

    def event(self, event_id: str) -> Event | None:
        """The event, withdrawn or not (an entry may link to one a newer pack dropped)."""
        rows = self.store.query(
            f"SELECT {_EVENT_COLUMNS} FROM programme_events WHERE id = ?", (event_id,)
        )
        return _event(rows[0]) if rows else None

    def event_ids_starting(self, prefix: str) -> list[str]:
        rows = self.store.query(
            "SELECT id FROM programme_events WHERE id >= ? AND id < ? ORDER BY id",
            (prefix, prefix + "\uffff"),
        )
        return [row["id"] for row in rows]

    def _current_events(self) -> dict[str, tuple[Event, ...]]:
        found: dict[str, list[Event]] = {}
        for row in self.store.query(
            f"SELECT {_EVENT_COLUMNS} FROM programme_events WHERE withdrawn = 0 "
            "ORDER BY day, time, title"
        ):
            found.setdefault(row["pack_id"], []).append(_event(row))
        return {pack_id: tuple(events) for pack_id, events in found.items()}

    def save(self, programme: Programme, document: bytes, now: str) -> None:
        """Install or update a programme in one transaction. Events keep their "not now";
        dropped events go, unless an entry links to one: that one is kept, withdrawn."""
        with self.store.writing() as db:
            conn = db.conn
            conn.execute(
                f"INSERT INTO programmes ({_PROGRAMME_COLUMNS}, document) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(pack_id) DO UPDATE SET name = excluded.name, "
                "pack_version = excluded.pack_version, welcome = excluded.welcome, "
                "framework_id = excluded.framework_id, "
                "facilitator_name = excluded.facilitator_name, "
                "facilitator_contact = excluded.facilitator_contact, "
                "age_recipient = excluded.age_recipient, document = excluded.document, "
                "updated = excluded.updated",
                (*_programme_row(programme, now), document),
            )
            for event in programme.events:
                conn.execute(
                    f"INSERT INTO programme_events ({_EVENT_COLUMNS}, withdrawn) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0) "
                    "ON CONFLICT(id) DO UPDATE SET day = excluded.day, time = excluded.time, "
                    "kind = excluded.kind, title = excluded.title, "
                    "description = excluded.description, framework_id = excluded.framework_id, "
                    "withdrawn = 0",
                    _event_row(event),
                )
            kept = [event.id for event in programme.events]
            marks = ", ".join("?" for _ in kept) or "NULL"
            stale = f"pack_id = ? AND id NOT IN ({marks})"
            linked = "id IN (SELECT event_id FROM entries WHERE event_id IS NOT NULL)"
            conn.execute(
                f"UPDATE programme_events SET withdrawn = 1 WHERE {stale} AND {linked}",
                (programme.pack_id, *kept),
            )
            conn.execute(
                f"DELETE FROM programme_events WHERE {stale} AND NOT {linked}",
                (programme.pack_id, *kept),
            )

    def signing_key(self, pack_id: str) -> str | None:
        sql = "SELECT signing_key FROM programmes WHERE pack_id = ?"
        value = self.store.scalar(sql, (pack_id,))
        return None if value is None else str(value)

    def reflected_event_ids(self) -> set[str]:
        """Events with a live entry written for them: the reminder bar asks at start-up, on
        every page change and after every save."""
        # "+deleted" keeps SQLite on the small entries_event index: left to choose, it walks
        # every live entry in date order (entries_live_created), 50 ms in a 100,000-entry journal.
        rows = self.store.query(
            "SELECT DISTINCT event_id FROM entries WHERE event_id IS NOT NULL AND +deleted IS NULL"
        )
        return {row["event_id"] for row in rows}

    def linked_entries(self) -> list[LinkedEntry]:
        """Live entries that name an event, oldest first, each called by its title_of."""
        # "+deleted": as in reflected_event_ids.
        rows = self.store.query(
            "SELECT event_id, id, title, substr(body, 1, 300) AS opening, created FROM entries "
            "WHERE event_id IS NOT NULL AND +deleted IS NULL ORDER BY created"
        )
        return [
            LinkedEntry(
                r["event_id"],
                r["id"],
                title_of(r["title"], r["opening"], response_texts(self.store, r["id"])),
                r["created"],
            )
            for r in rows
        ]

    def dismiss(self, event_id: str, when: str) -> None:
        with self.store.writing() as db:
            db.conn.execute(
                "UPDATE programme_events SET nudge_dismissed = ? WHERE id = ?", (when, event_id)
            )

    def dismissed(self) -> set[str]:
        rows = self.store.query("SELECT id FROM programme_events WHERE nudge_dismissed IS NOT NULL")
        return {row["id"] for row in rows}


def _programme_row(programme: Programme, now: str) -> tuple[Any, ...]:
    facilitator = programme.facilitator
    return (
        programme.pack_id,
        programme.name,
        programme.pack_version,
        programme.welcome,
        programme.framework_id,
        facilitator.name,
        facilitator.contact,
        facilitator.signing_key,
        facilitator.age_recipient,
        now,
        now,
    )


def _event_row(event: Event) -> tuple[Any, ...]:
    return (
        event.id,
        event.pack_id,
        event.day.isoformat(),
        event.time,
        event.kind.value,
        event.title,
        event.description,
        event.framework_id,
    )


def _programme(row: dict[str, Any], events: Iterable[Event]) -> Programme:
    return Programme(
        pack_id=row["pack_id"],
        name=row["name"],
        pack_version=row["pack_version"],
        welcome=row["welcome"],
        facilitator=Facilitator(
            row["facilitator_name"],
            row["facilitator_contact"],
            row["signing_key"],
            row["age_recipient"],
        ),
        framework_id=row["framework_id"],
        events=tuple(events),
        installed=row["installed"],
        updated=row["updated"],
    )


def _event(row: dict[str, Any]) -> Event:
    return Event(
        id=row["id"],
        pack_id=row["pack_id"],
        day=date.fromisoformat(row["day"]),
        kind=EventKind(row["kind"]),
        title=row["title"],
        time=row["time"],
        description=row["description"],
        framework_id=row["framework_id"],
    )
