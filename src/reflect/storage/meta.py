"""The meta repository: small named facts about this journal (its id, the user's name)."""

from __future__ import annotations

from reflect.storage.database import Store


class MetaRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, key: str) -> str | None:
        value = self.store.scalar("SELECT value FROM meta WHERE key = ?", (key,))
        return None if value is None else str(value)

    def set(self, key: str, value: str) -> None:
        with self.store.writing() as db:
            db.conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def get_or_set(self, key: str, value: str) -> str:
        """The value saved under ``key``, saving ``value`` first if there is none."""
        with self.store.writing() as db:
            db.conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", (key, value))
        return self.get(key) or value
