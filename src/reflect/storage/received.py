"""Bundles received from peers, the comments feedback brings, and the user's private notes."""

from __future__ import annotations

from typing import Any

from reflect.core.peer import Comment, PrivateNote, ReceivedBundle
from reflect.storage.database import Store

_COLUMNS = "id, kind, sender_name, peer_id, signing_key, verified, created, received, raw_json"


class ReceivedRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, bundle: ReceivedBundle, comments: list[Comment]) -> bool:
        """Store a bundle and its comments in one transaction; False if it was already here."""
        with self.store.writing() as db:
            cursor = db.conn.execute(
                f"INSERT OR IGNORE INTO received ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    bundle.id,
                    bundle.kind,
                    bundle.sender_name,
                    bundle.peer_id,
                    bundle.signing_key,
                    int(bundle.signed_by_peer),  # stored in the column named verified
                    bundle.created,
                    bundle.received,
                    bundle.raw_json,
                ),
            )
            if not cursor.rowcount:
                return False
            db.conn.executemany(
                "INSERT INTO comments (id, entry_id, bundle_id, author, text, created) "
                "SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM entries WHERE id = ?)",
                [
                    (c.id, c.entry_id, c.bundle_id, c.author, c.text, c.created, c.entry_id)
                    for c in comments
                ],
            )
            return True

    def get(self, bundle_id: str) -> ReceivedBundle | None:
        rows = self.store.query(f"SELECT {_COLUMNS} FROM received WHERE id = ?", (bundle_id,))
        return _bundle(rows[0]) if rows else None

    def all(self) -> list[ReceivedBundle]:
        """Newest first."""
        rows = self.store.query(f"SELECT {_COLUMNS} FROM received ORDER BY created DESC")
        return [_bundle(row) for row in rows]

    def comments_on(self, entry_id: str) -> list[Comment]:
        rows = self.store.query(
            "SELECT id, entry_id, bundle_id, author, text, created FROM comments "
            "WHERE entry_id = ? ORDER BY created",
            (entry_id,),
        )
        return [Comment(**row) for row in rows]

    def save_note(self, note: PrivateNote) -> None:
        with self.store.writing() as db:
            db.conn.execute(
                "INSERT OR REPLACE INTO private_notes (id, bundle_id, text, created, updated) "
                "VALUES (?, ?, ?, ?, ?)",
                (note.id, note.bundle_id, note.text, note.created, note.updated),
            )

    def notes_on(self, bundle_id: str) -> list[PrivateNote]:
        rows = self.store.query(
            "SELECT id, bundle_id, text, created, updated FROM private_notes "
            "WHERE bundle_id = ? ORDER BY created",
            (bundle_id,),
        )
        return [PrivateNote(**row) for row in rows]


def _bundle(row: dict[str, Any]) -> ReceivedBundle:
    return ReceivedBundle(
        id=row["id"],
        kind=row["kind"],
        sender_name=row["sender_name"],
        peer_id=row["peer_id"],
        signing_key=row["signing_key"],
        signed_by_peer=bool(row["verified"]),  # the column kept its first name
        created=row["created"],
        received=row["received"],
        raw_json=row["raw_json"],
    )
