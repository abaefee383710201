"""Connection use cases: log the people and organisations reached across the system, and count
them by sector month by month. Nothing here shares anything; sharing takes only the counts."""

from __future__ import annotations

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
        connection = Connection(
            id=new_id(),
            name=_checked(" ".join(name.split()), "name", NAME_LIMIT),
            sector=parse_choice(Sector, sector, Msg.BAD_SECTOR),
            met=self._day(met),
            where=_checked(" ".join(where.split()), "place", WHERE_LIMIT),
            note=_checked(note.strip(), "note", NOTE_LIMIT),
            inquiry_id=inquiry_id,
            created=now,
            updated=now,
        )
        if not connection.name:
            raise BadInput(Msg.EMPTY_CONNECTION)
        self._repo.save(connection)
        self._changes.publish(Topic.CONNECTIONS, connection.id)
        return connection

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


def _checked(text: str, field: str, limit: int) -> str:
    if len(text) > limit:
        raise BadInput(Msg.CONNECTION_TOO_LONG, field=field, limit=limit)
    return text
