"""The entries repository: entries with their tags, framework responses, revisions and trash."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from reflect.core.entry import Entry, Response, Revision
from reflect.core.entry_filter import EntryFilter
from reflect.storage import search_index, search_terms
from reflect.storage.database import Store
from reflect.storage.entry_rows import (
    ENTRY_COLUMNS,
    entry_from_row,
    entry_values,
    revision_from_row,
    state_json,
)
from reflect.storage.filters import where_clause
from reflect.storage.id_prefix import ids_starting

if TYPE_CHECKING:
    from sqlite_utils import Database

_INSERT = f"INSERT INTO entries ({ENTRY_COLUMNS}) VALUES ({', '.join('?' * 10)})"
_CHUNK = 500  # stays well under SQLite's limit on bound parameters
_LEARN_TOGETHER = 3 * 500  # texts (title, body, tags) of 500 entries


class EntryRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    # Reading -----------------------------------------------------------------------------

    def get(self, entry_id: str) -> Entry | None:
        found = self._load(f"SELECT {ENTRY_COLUMNS} FROM entries WHERE id = ?", [entry_id])
        return found[0] if found else None

    def get_many(self, ids: Sequence[str]) -> dict[str, Entry]:
        result: dict[str, Entry] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = list(ids[start : start + _CHUNK])
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT {ENTRY_COLUMNS} FROM entries WHERE id IN ({marks})"
            result.update((e.id, e) for e in self._load(sql, chunk))
        return result

    def ids_starting(self, prefix: str) -> list[str]:
        return ids_starting(self.store, "entries", prefix)

    def page(self, filt: EntryFilter, limit: int, offset: int = 0) -> list[Entry]:
        """Live entries matching ``filt``, newest first."""
        where, params = where_clause(filt)
        sql = (
            f"SELECT {ENTRY_COLUMNS} FROM entries e WHERE {where} "
            "ORDER BY e.created DESC, e.seq DESC LIMIT ? OFFSET ?"
        )
        return self._load(sql, [*params, limit, offset])

    def count(self, filt: EntryFilter) -> int:
        where, params = where_clause(filt)
        return int(self.store.scalar(f"SELECT count(*) FROM entries e WHERE {where}", params))

    def trashed(self) -> list[Entry]:
        sql = f"SELECT {ENTRY_COLUMNS} FROM entries WHERE deleted IS NOT NULL ORDER BY deleted DESC"
        return self._load(sql, [])

    def revisions(self, entry_id: str) -> list[Revision]:
        rows = self.store.query(
            "SELECT id, entry_id, saved, state FROM entry_revisions WHERE entry_id = ? "
            "ORDER BY id DESC",
            (entry_id,),
        )
        return [revision_from_row(row) for row in rows]

    def all_revisions(self) -> list[Revision]:
        """Every revision of every entry, oldest first (for exports)."""
        rows = self.store.query(
            "SELECT id, entry_id, saved, state FROM entry_revisions ORDER BY id"
        )
        return [revision_from_row(row) for row in rows]

    def tag_counts(self) -> list[tuple[str, int]]:
        # Kept current by triggers (see schema_counts.py): counting every tag each time took
        # 151 ms at 100,000 entries.
        rows = self.store.query("SELECT tag, n FROM tag_counts ORDER BY n DESC, tag")
        return [(row["tag"], row["n"]) for row in rows]

    def latest_framework_id(self, kind: str) -> str | None:
        """The framework of the newest live entry of ``kind`` written with one."""
        found = self.store.scalar(
            "SELECT framework_id FROM entries WHERE deleted IS NULL AND kind = ? "
            "AND framework_id IS NOT NULL ORDER BY created DESC LIMIT 1",
            (kind,),
        )
        return None if found is None else str(found)

    def all_including_trash(self) -> list[Entry]:
        return self._load(f"SELECT {ENTRY_COLUMNS} FROM entries ORDER BY created, seq", [])

    # Writing -----------------------------------------------------------------------------

    def add(self, entry: Entry) -> None:
        with self.store.writing() as db:
            _insert(db, entry)

    def add_many(self, entries: Iterable[Entry]) -> int:
        """Insert entries whose ids are new, inside the caller's transaction; count them."""
        added = 0
        db = self.store.db
        unlearnt: list[str] = []  # words for search_terms, learnt many entries at a time
        learnt: set[str] = set()  # words the batches before learnt: not looked up again
        for entry in entries:
            if db.conn.execute("SELECT 1 FROM entries WHERE id = ?", (entry.id,)).fetchone():
                continue
            _insert(db, entry, unlearnt)
            added += 1
            if len(unlearnt) >= _LEARN_TOGETHER:
                search_terms.learn(db.conn, unlearnt, learnt)
                unlearnt.clear()
        search_terms.learn(db.conn, unlearnt, learnt)
        return added

    def update(self, entry: Entry) -> None:
        """Save a new state of an entry, keeping the previous state as a revision."""
        with self.store.writing() as db:
            previous = self.get(entry.id)
            if previous is None:
                raise LookupError(entry.id)
            db.conn.execute(
                "INSERT INTO entry_revisions (entry_id, saved, state) VALUES (?, ?, ?)",
                (entry.id, previous.updated, state_json(previous)),
            )
            _write_fields(db, entry)

    def add_revision(self, revision: Revision) -> None:
        """Store an imported revision unless an identical one is there (caller's transaction)."""
        conn = self.store.db.conn
        state = state_json(revision)
        exists = conn.execute(
            "SELECT 1 FROM entry_revisions WHERE entry_id = ? AND saved = ? AND state = ?",
            (revision.entry_id, revision.saved, state),
        ).fetchone()
        if not exists:
            conn.execute(
                "INSERT INTO entry_revisions (entry_id, saved, state) VALUES (?, ?, ?)",
                (revision.entry_id, revision.saved, state),
            )

    def set_deleted(self, entry_id: str, deleted: str | None) -> None:
        """Move an entry to the trash (a timestamp) or back out of it (None)."""
        with self.store.writing() as db:
            seq = _seq(db, entry_id)
            search_index.forget(db, seq)
            db.conn.execute("UPDATE entries SET deleted = ? WHERE id = ?", (deleted, entry_id))
            search_index.add(db, seq)  # nothing when it went to the trash

    def empty_trash(self) -> int:
        with self.store.writing() as db:
            cursor = db.conn.execute("DELETE FROM entries WHERE deleted IS NOT NULL")
            search_terms.forget_unused(db.conn)
            return int(cursor.rowcount)

    # Loading -----------------------------------------------------------------------------

    def _load(self, sql: str, params: list[Any]) -> list[Entry]:
        rows = self.store.query(sql, params)
        if not rows:
            return []
        ids = [row["id"] for row in rows]
        tags, responses = self._children(ids)
        return [
            entry_from_row(row, tags.get(row["id"], []), responses.get(row["id"], []))
            for row in rows
        ]

    def _children(self, ids: list[str]) -> tuple[dict[str, list[str]], dict[str, list[Response]]]:
        tags: dict[str, list[str]] = {}
        responses: dict[str, list[Response]] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            for row in self.store.query(
                f"SELECT entry_id, tag FROM entry_tags WHERE entry_id IN ({marks}) "
                "ORDER BY entry_id, position",
                chunk,
            ):
                tags.setdefault(row["entry_id"], []).append(row["tag"])
            for row in self.store.query(
                f"SELECT entry_id, prompt_id, text FROM entry_responses "
                f"WHERE entry_id IN ({marks}) ORDER BY entry_id, position",
                chunk,
            ):
                responses.setdefault(row["entry_id"], []).append(
                    Response(row["prompt_id"], row["text"])
                )
        return tags, responses


def _seq(db: Database, entry_id: str) -> int:
    return int(db.conn.execute("SELECT seq FROM entries WHERE id = ?", (entry_id,)).fetchone()[0])


def _insert(db: Database, entry: Entry, unlearnt: list[str] | None = None) -> None:
    db.conn.execute(_INSERT, entry_values(entry))
    _write_children(db, entry)
    search_index.add(db, _seq(db, entry.id), unlearnt)  # nothing for a trashed entry


def _write_fields(db: Database, entry: Entry) -> None:
    seq = _seq(db, entry.id)
    search_index.forget(db, seq)  # while the rows still hold what was indexed
    db.conn.execute(
        "UPDATE entries SET kind = ?, title = ?, body = ?, updated = ?, inquiry_id = ?, "
        "event_id = ?, framework_id = ? WHERE id = ?",
        (
            str(entry.kind),
            entry.title,
            entry.body,
            entry.updated,
            entry.inquiry_id,
            entry.event_id,
            entry.framework_id,
            entry.id,
        ),
    )
    db.conn.execute("DELETE FROM entry_tags WHERE entry_id = ?", (entry.id,))
    db.conn.execute("DELETE FROM entry_responses WHERE entry_id = ?", (entry.id,))
    _write_children(db, entry)
    search_index.add(db, seq)


def _write_children(db: Database, entry: Entry) -> None:
    db.conn.executemany(
        "INSERT INTO entry_tags (entry_id, tag, position) VALUES (?, ?, ?)",
        [(entry.id, tag, n) for n, tag in enumerate(entry.tags)],
    )
    db.conn.executemany(
        "INSERT INTO entry_responses (entry_id, prompt_id, text, position) VALUES (?, ?, ?, ?)",
        [(entry.id, r.prompt_id, r.text, n) for n, r in enumerate(entry.responses)],
    )
