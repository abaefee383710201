"""The peers repository: the people a user exchanges with, and the trios they form."""

from __future__ import annotations

from typing import Any

from reflect.core.peer import Peer, Trio
from reflect.storage.database import Store

_COLUMNS = "id, name, age_recipient, signing_key, verified, added"


class PeerRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def all(self) -> list[Peer]:
        rows = self.store.query(f"SELECT {_COLUMNS} FROM peers ORDER BY name COLLATE NOCASE")
        return [_peer(row) for row in rows]

    def get(self, peer_id: str) -> Peer | None:
        rows = self.store.query(f"SELECT {_COLUMNS} FROM peers WHERE id = ?", (peer_id,))
        return _peer(rows[0]) if rows else None

    def by_name(self, name: str) -> list[Peer]:
        rows = self.store.query(
            f"SELECT {_COLUMNS} FROM peers WHERE name = ? COLLATE NOCASE", (name.strip(),)
        )
        return [_peer(row) for row in rows]

    def by_recipient(self, age_recipient: str) -> Peer | None:
        rows = self.store.query(
            f"SELECT {_COLUMNS} FROM peers WHERE age_recipient = ?", (age_recipient,)
        )
        return _peer(rows[0]) if rows else None

    def by_signing_key(self, signing_key: str) -> Peer | None:
        rows = self.store.query(
            f"SELECT {_COLUMNS} FROM peers WHERE signing_key = ?", (signing_key,)
        )
        return _peer(rows[0]) if rows else None

    def save(self, peer: Peer) -> None:
        """Insert the peer, or update the one with this id in place."""
        # An upsert, not INSERT OR REPLACE: a replace deletes the row first, and the delete
        # would take the peer out of every trio (CASCADE) and detach what they sent (SET NULL).
        with self.store.writing() as db:
            db.conn.execute(
                f"INSERT INTO peers ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                "age_recipient = excluded.age_recipient, signing_key = excluded.signing_key, "
                "verified = excluded.verified, added = excluded.added",
                (
                    peer.id,
                    peer.name,
                    peer.age_recipient,
                    peer.signing_key,
                    int(peer.verified),
                    peer.added,
                ),
            )

    def delete(self, peer_id: str) -> None:
        with self.store.writing() as db:
            db.conn.execute("DELETE FROM peers WHERE id = ?", (peer_id,))

    def trios(self) -> list[Trio]:
        rows = self.store.query("SELECT id, name, created FROM trios ORDER BY created")
        members: dict[str, list[str]] = {}
        for row in self.store.query(
            "SELECT trio_id, peer_id FROM trio_members ORDER BY trio_id, position"
        ):
            members.setdefault(row["trio_id"], []).append(row["peer_id"])
        return [
            Trio(row["id"], row["name"], row["created"], tuple(members.get(row["id"], [])))
            for row in rows
        ]

    def save_trio(self, trio: Trio) -> None:
        with self.store.writing() as db:
            db.conn.execute(
                "INSERT OR REPLACE INTO trios (id, name, created) VALUES (?, ?, ?)",
                (trio.id, trio.name, trio.created),
            )
            db.conn.execute("DELETE FROM trio_members WHERE trio_id = ?", (trio.id,))
            db.conn.executemany(
                "INSERT INTO trio_members (trio_id, peer_id, position) VALUES (?, ?, ?)",
                [(trio.id, peer_id, n) for n, peer_id in enumerate(trio.peer_ids)],
            )


def _peer(row: dict[str, Any]) -> Peer:
    return Peer(
        id=row["id"],
        name=row["name"],
        age_recipient=row["age_recipient"],
        signing_key=row["signing_key"],
        verified=bool(row["verified"]),
        added=row["added"],
    )
