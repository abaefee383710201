"""The actions repository: things to start, stop and continue."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reflect.core.action import Action, ActionKind, ActionStatus
from reflect.storage.database import Store
from reflect.storage.id_prefix import ids_starting

_COLUMNS = "id, text, kind, status, due, entry_id, inquiry_id, created, updated"
_INSERT = f"INSERT OR IGNORE INTO actions ({_COLUMNS}) VALUES ({', '.join('?' * 9)})"


class ActionRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, action_id: str) -> Action | None:
        rows = self.store.query(f"SELECT {_COLUMNS} FROM actions WHERE id = ?", (action_id,))
        return _from_row(rows[0]) if rows else None

    def find(
        self,
        status: ActionStatus | None = None,
        kind: ActionKind | None = None,
        inquiry_id: str | None = None,
    ) -> list[Action]:
        """Actions in due order (undated last), then oldest first."""
        conditions, params = ["1 = 1"], []
        for column, value in (("status", status), ("kind", kind), ("inquiry_id", inquiry_id)):
            if value is not None:
                conditions.append(f"{column} = ?")
                params.append(str(value))
        rows = self.store.query(
            f"SELECT {_COLUMNS} FROM actions WHERE {' AND '.join(conditions)} "
            "ORDER BY due IS NULL, due, created",
            params,
        )
        return [_from_row(row) for row in rows]

    def ids_starting(self, prefix: str) -> list[str]:
        return ids_starting(self.store, "actions", prefix)

    def save(self, action: Action) -> None:
        """Insert or replace the action with this id."""
        with self.store.writing() as db:
            db.conn.execute(
                f"INSERT OR REPLACE INTO actions ({_COLUMNS}) VALUES ({', '.join('?' * 9)})",
                _values(action),
            )

    def add_many(self, actions: Iterable[Action]) -> int:
        """Insert actions whose ids are new, inside the caller's transaction."""
        conn = self.store.db.conn
        return sum(conn.execute(_INSERT, _values(a)).rowcount for a in actions)


def _values(action: Action) -> tuple[Any, ...]:
    return (
        action.id,
        action.text,
        str(action.kind),
        str(action.status),
        action.due,
        action.entry_id,
        action.inquiry_id,
        action.created,
        action.updated,
    )


def _from_row(row: dict[str, Any]) -> Action:
    return Action(
        id=row["id"],
        text=row["text"],
        kind=ActionKind(row["kind"]),
        status=ActionStatus(row["status"]),
        due=row["due"],
        entry_id=row["entry_id"],
        inquiry_id=row["inquiry_id"],
        created=row["created"],
        updated=row["updated"],
    )
