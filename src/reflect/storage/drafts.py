"""The drafts repository: one row per open editor, replaced on every autosave."""

from __future__ import annotations

import json
from typing import Any

from reflect.core.draft import Draft
from reflect.storage.database import Store
from reflect.storage.entry_rows import state_fields, state_json


class DraftRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def save(self, draft: Draft) -> None:
        with self.store.writing() as db:
            db.conn.execute(
                "INSERT OR REPLACE INTO drafts (id, entry_id, state, updated) VALUES (?, ?, ?, ?)",
                (draft.id, draft.entry_id, state_json(draft), draft.updated),
            )

    def delete(self, draft_id: str) -> None:
        with self.store.writing() as db:
            db.conn.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))

    def all(self) -> list[Draft]:
        rows = self.store.query("SELECT id, entry_id, state, updated FROM drafts ORDER BY updated")
        return [_from_row(row) for row in rows]


def _from_row(row: dict[str, Any]) -> Draft:
    event_id = json.loads(row["state"]).get("event_id")
    return Draft(
        id=row["id"],
        updated=row["updated"],
        entry_id=row["entry_id"],
        event_id=event_id,
        **state_fields(row["state"]),
    )
