"""The drafts repository: one row per open editor, replaced on every autosave."""

from __future__ import annotations

import json
from typing import Any

from reflect.core.draft import Draft
from reflect.core.entry import EntryKind, Response
from reflect.storage.database import Store


class DraftRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def save(self, draft: Draft) -> None:
        with self.store.writing() as db:
            db.conn.execute(
                "INSERT OR REPLACE INTO drafts (id, entry_id, state, updated) VALUES (?, ?, ?, ?)",
                (draft.id, draft.entry_id, _state(draft), draft.updated),
            )

    def delete(self, draft_id: str) -> None:
        with self.store.writing() as db:
            db.conn.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))

    def all(self) -> list[Draft]:
        rows = self.store.query("SELECT id, entry_id, state, updated FROM drafts ORDER BY updated")
        return [_from_row(row) for row in rows]


def _state(draft: Draft) -> str:
    return json.dumps(
        {
            "title": draft.title,
            "body": draft.body,
            "kind": str(draft.kind),
            "tags": list(draft.tags),
            "inquiry_id": draft.inquiry_id,
            "event_id": draft.event_id,
            "framework_id": draft.framework_id,
            "responses": [[r.prompt_id, r.text] for r in draft.responses],
        },
        ensure_ascii=False,
    )


def _from_row(row: dict[str, Any]) -> Draft:
    state = json.loads(row["state"])
    return Draft(
        id=row["id"],
        updated=row["updated"],
        entry_id=row["entry_id"],
        title=state["title"],
        body=state["body"],
        kind=EntryKind(state["kind"]),
        tags=tuple(state["tags"]),
        inquiry_id=state["inquiry_id"],
        event_id=state["event_id"],
        framework_id=state["framework_id"],
        responses=tuple(Response(p, t) for p, t in state["responses"]),
    )
