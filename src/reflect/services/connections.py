"""Connection use cases: log the people and organisations reached across the system, and count
them by sector month by month. Nothing here shares anything; sharing takes only the counts."""

from __future__ import annotations

from dataclasses import replace

from reflect.core.clock import Clock, to_text
from reflect.core.connection import (
    NAME_LIMIT,
    NOTE_LIMIT,
    WHERE_LIMIT,
    Connection,
    Sector,
    SectorCounts,
    counts_by_month,
)
from reflect.core.ids import new_id
from reflect.errors import BadInput, NotFound
from reflect.messages import Msg
from reflect.services import typed_input
from reflect.services.changes import ChangeFeed, Topic
from reflect.services.typed_input import parse_choice, parse_date
from reflect.storage.connections import ConnectionRepository


class ConnectionService:
    def __init__(self, repo: ConnectionRepository, changes: ChangeFeed, clock: Clock) -> None:
        self._repo = repo
        self._changes = changes
        self._clock = clock

    def add(
        self,
        name: str,
        sector: Sector | str,
        *,
        where: str = "",
        met: str | None = None,
        note: str = "",
        inquiry_id: str | None = None,
    ) -> Connection:
        """Log a connection; ``met`` (YYYY-MM-DD) defaults to today, local time."""
        now = to_text(self._clock())
        connection = self._checked(
            Connection(
                id=new_id(),
                name=name,
                sector=Sector.OTHER,  # replaced by the checked ``sector`` below
                met=self._day(met),
                where=where,
                note=note,
                inquiry_id=inquiry_id,
                created=now,
                updated=now,
            ),
            sector,
        )
        self._repo.save(connection)
        self._changes.publish(Topic.CONNECTIONS, connection.id)
        return connection

    def update(
        self,
        typed_id: str,
        *,
        name: str | None = None,
        sector: Sector | str | None = None,
        where: str | None = None,
        met: str | None = None,
        note: str | None = None,
    ) -> Connection:
        """Change what is given and keep the rest, with the same checks as :meth:`add`; all of
        it is checked before anything is saved, so a bad field changes nothing."""
        old = self.get(typed_id)
        edited = self._checked(
            replace(
                old,
                name=old.name if name is None else name,
                met=old.met if met is None else parse_date(met).isoformat(),
                where=old.where if where is None else where,
                note=old.note if note is None else note,
                updated=to_text(self._clock()),
            ),
            old.sector if sector is None else sector,
        )
        self._repo.save(edited)
        self._changes.publish(Topic.CONNECTIONS, edited.id)
        return edited

    def get(self, typed_id: str) -> Connection:
        found = self._repo.get(
            typed_input.resolve(typed_id, self._repo.ids_starting, Msg.CONNECTION_NOT_FOUND)
        )
        if found is None:
            raise NotFound(Msg.CONNECTION_NOT_FOUND, id=typed_id)
        return found

    def delete(self, typed_id: str) -> None:
        connection = self.get(typed_id)
        self._repo.delete(connection.id)
        self._changes.publish(Topic.CONNECTIONS, connection.id)

    def all(self) -> list[Connection]:
        """Every connection, most recently met first."""
        return self._repo.all()

    def counts(self) -> list[SectorCounts]:
        """How many of each sector were met, per month, oldest month first."""
        return counts_by_month(self._repo.all())

    def _day(self, met: str | None) -> str:
        if met is None or not met.strip():
            return self._clock().astimezone().date().isoformat()
        return parse_date(met).isoformat()

    @staticmethod
    def _checked(draft: Connection, sector: Sector | str) -> Connection:
        """The draft tidied and checked: one name, place and note within their limits."""
        connection = replace(
            draft,
            name=_within(" ".join(draft.name.split()), "name", NAME_LIMIT),
            sector=parse_choice(Sector, sector, Msg.BAD_SECTOR),
            where=_within(" ".join(draft.where.split()), "place", WHERE_LIMIT),
            note=_within(draft.note.strip(), "note", NOTE_LIMIT),
        )
        if not connection.name:
            raise BadInput(Msg.EMPTY_CONNECTION)
        return connection


def _within(text: str, field: str, limit: int) -> str:
    if len(text) > limit:
        raise BadInput(Msg.CONNECTION_TOO_LONG, field=field, limit=limit)
    return text
