"""Links from learning log entries to the PDSA cycle entries, and the measures, they learned
from: one of each at most per entry."""

from __future__ import annotations

from collections.abc import Iterable

from reflect.storage.database import Store

_INSERT = "INSERT OR IGNORE INTO learning_links (entry_id, cycle_id) VALUES (?, ?)"
_INSERT_MEASURE = "INSERT OR IGNORE INTO learning_measures (entry_id, measure_id) VALUES (?, ?)"


class LearningLinkRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def link(self, entry_id: str, cycle_id: str | None) -> None:
        """Link ``entry_id`` to ``cycle_id``, replacing any link; None removes it."""
        with self.store.writing() as db:
            db.conn.execute("DELETE FROM learning_links WHERE entry_id = ?", (entry_id,))
            if cycle_id is not None:
                db.conn.execute(_INSERT, (entry_id, cycle_id))

    def link_measure(self, entry_id: str, measure_id: str | None) -> None:
        """Link ``entry_id`` to ``measure_id``, replacing any; None removes the link."""
        with self.store.writing() as db:
            db.conn.execute("DELETE FROM learning_measures WHERE entry_id = ?", (entry_id,))
            if measure_id is not None:
                db.conn.execute(_INSERT_MEASURE, (entry_id, measure_id))

    def cycles_of(self, entry_ids: Iterable[str]) -> dict[str, str]:
        """The cycle each of ``entry_ids`` is linked to, for those that have one."""
        return self._linked("learning_links", "cycle_id", entry_ids)

    def measures_of(self, entry_ids: Iterable[str]) -> dict[str, str]:
        """The measure each of ``entry_ids`` is linked to, for those that have one."""
        return self._linked("learning_measures", "measure_id", entry_ids)

    def _linked(self, table: str, column: str, entry_ids: Iterable[str]) -> dict[str, str]:
        wanted = list(entry_ids)
        found: dict[str, str] = {}
        for start in range(0, len(wanted), 500):  # well under SQLite's limit on parameters
            part = wanted[start : start + 500]
            rows = self.store.query(
                f"SELECT entry_id, {column} FROM {table} "
                f"WHERE entry_id IN ({', '.join('?' * len(part))})",
                part,
            )
            found.update({row["entry_id"]: row[column] for row in rows})
        return found

    def all(self) -> list[tuple[str, str]]:
        rows = self.store.query("SELECT entry_id, cycle_id FROM learning_links ORDER BY entry_id")
        return [(row["entry_id"], row["cycle_id"]) for row in rows]

    def all_measures(self) -> list[tuple[str, str]]:
        rows = self.store.query(
            "SELECT entry_id, measure_id FROM learning_measures ORDER BY entry_id"
        )
        return [(row["entry_id"], row["measure_id"]) for row in rows]

    def add_many_measures(self, links: Iterable[tuple[str, str]]) -> int:
        """Insert links to measures between an entry and a measure the journal has, inside the
        caller's transaction; an entry that already names a measure keeps it."""
        conn = self.store.db.conn
        added = 0
        for entry_id, measure_id in links:
            known = conn.execute(
                "SELECT (SELECT count(*) FROM entries WHERE id = ?)"
                " + (SELECT count(*) FROM measures WHERE id = ?)",
                (entry_id, measure_id),
            ).fetchone()[0]
            if known == 2:
                added += conn.execute(_INSERT_MEASURE, (entry_id, measure_id)).rowcount
        return added

    def add_many(self, links: Iterable[tuple[str, str]]) -> int:
        """Insert links between entries the journal has, inside the caller's transaction;
        an entry that already has a link keeps it."""
        conn = self.store.db.conn
        added = 0
        for entry_id, cycle_id in links:
            known = conn.execute(
                "SELECT count(*) FROM entries WHERE id IN (?, ?)", (entry_id, cycle_id)
            ).fetchone()[0]
            if known == 2 and entry_id != cycle_id:
                added += conn.execute(_INSERT, (entry_id, cycle_id)).rowcount
        return added
