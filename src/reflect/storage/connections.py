"""The connections repository: people and organisations reached across the system."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reflect.core.connection import Connection, Sector
from reflect.storage.database import Store
from reflect.storage.id_prefix import ids_starting

# "where" is an SQL keyword, so the column is called place.
_COLUMNS = "id, name, sector, met, place, note, inquiry_id, created, updated"
_INSERT = f"INSERT OR IGNORE INTO connections ({_COLUMNS}) VALUES ({', '.join('?' * 9)})"


class ConnectionRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, connection_id: str) -> Connection | None:
        rows = self.store.query(
            f"SELECT {_COLUMNS} FROM connections WHERE id = ?", (connection_id,)
        )
        return _from_row(rows[0]) if rows else None

    def all(self) -> list[Connection]:
        """Every connection, most recently met first."""
        rows = self.store.query(
            f"SELECT {_COLUMNS} FROM connections ORDER BY met DESC, created DESC"
        )
        return [_from_row(row) for row in rows]

    def ids_starting(self, prefix: str) -> list[str]:
        return ids_starting(self.store, "connections", prefix)

    def save(self, connection: Connection) -> None:
        """Insert or replace the connection with this id."""
        with self.store.writing() as db:
            db.conn.execute(
                f"INSERT OR REPLACE INTO connections ({_COLUMNS}) VALUES ({', '.join('?' * 9)})",
                _values(connection),
            )

    def delete(self, connection_id: str) -> None:
        with self.store.writing() as db:
            db.conn.execute("DELETE FROM connections WHERE id = ?", (connection_id,))

    def add_many(self, connections: Iterable[Connection]) -> int:
        """Insert connections whose ids are new, inside the caller's transaction."""
        conn = self.store.db.conn
        return sum(conn.execute(_INSERT, _values(c)).rowcount for c in connections)


def _values(connection: Connection) -> tuple[Any, ...]:
    c = connection
    return (
        c.id, c.name, str(c.sector), c.met, c.where, c.note, c.inquiry_id, c.created, c.updated
    )  # fmt: skip


def _from_row(row: dict[str, Any]) -> Connection:
    return Connection(
        id=row["id"],
        name=row["name"],
        sector=Sector(row["sector"]),
        met=row["met"],
        where=row["place"],
        note=row["note"],
        inquiry_id=row["inquiry_id"],
        created=row["created"],
        updated=row["updated"],
    )
