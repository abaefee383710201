"""The inquiries repository: questions with every wording kept, and their status."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from reflect.core.inquiry import Inquiry, InquiryStatus, Wording
from reflect.storage import search_index
from reflect.storage.database import Store
from reflect.storage.id_prefix import ids_starting

if TYPE_CHECKING:
    from sqlite_utils import Database

_COLUMNS = "seq, id, why, status, status_note, created, updated"


class InquiryRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, inquiry_id: str) -> Inquiry | None:
        found = self._load(f"SELECT {_COLUMNS} FROM inquiries WHERE id = ?", [inquiry_id])
        return found[0] if found else None

    def find(self, status: InquiryStatus | None = None) -> list[Inquiry]:
        if status is None:
            return self._load(f"SELECT {_COLUMNS} FROM inquiries ORDER BY created, seq", [])
        return self._load(
            f"SELECT {_COLUMNS} FROM inquiries WHERE status = ? ORDER BY created, seq",
            [str(status)],
        )

    def ids_starting(self, prefix: str) -> list[str]:
        return ids_starting(self.store, "inquiries", prefix)

    def add(self, inquiry: Inquiry) -> None:
        with self.store.writing() as db:
            _insert(db, inquiry)

    def add_many(self, inquiries: Iterable[Inquiry]) -> int:
        """Insert inquiries whose ids are new, inside the caller's transaction."""
        added = 0
        for inquiry in inquiries:
            exists = self.store.db.conn.execute(
                "SELECT 1 FROM inquiries WHERE id = ?", (inquiry.id,)
            ).fetchone()
            if not exists:
                _insert(self.store.db, inquiry)
                added += 1
        return added

    def add_wording(self, inquiry_id: str, wording: Wording, updated: str) -> None:
        with self.store.writing() as db:
            rowid = _rowid(db, inquiry_id)
            search_index.forget(db, rowid)
            db.conn.execute(
                "INSERT INTO inquiry_wordings (inquiry_id, question, created) VALUES (?, ?, ?)",
                (inquiry_id, wording.question, wording.created),
            )
            db.conn.execute("UPDATE inquiries SET updated = ? WHERE id = ?", (updated, inquiry_id))
            search_index.add(db, rowid)

    def set_status(self, inquiry_id: str, status: InquiryStatus, note: str, updated: str) -> None:
        with self.store.writing() as db:
            db.conn.execute(
                "UPDATE inquiries SET status = ?, status_note = ?, updated = ? WHERE id = ?",
                (str(status), note, updated, inquiry_id),
            )

    def set_why(self, inquiry_id: str, why: str, updated: str) -> None:
        with self.store.writing() as db:
            rowid = _rowid(db, inquiry_id)
            search_index.forget(db, rowid)
            db.conn.execute(
                "UPDATE inquiries SET why = ?, updated = ? WHERE id = ?", (why, updated, inquiry_id)
            )
            search_index.add(db, rowid)

    def _load(self, sql: str, params: list[Any]) -> list[Inquiry]:
        rows = self.store.query(sql, params)
        wordings: dict[str, list[Wording]] = {}
        if rows:
            for row in self.store.query(
                "SELECT inquiry_id, question, created FROM inquiry_wordings ORDER BY id"
            ):
                wordings.setdefault(row["inquiry_id"], []).append(
                    Wording(row["question"], row["created"])
                )
        return [_from_row(row, wordings.get(row["id"], [])) for row in rows]


def _from_row(row: dict[str, Any], wordings: list[Wording]) -> Inquiry:
    return Inquiry(
        id=row["id"],
        wordings=tuple(wordings),
        why=row["why"],
        status=InquiryStatus(row["status"]),
        status_note=row["status_note"],
        created=row["created"],
        updated=row["updated"],
    )


def _insert(db: Database, inquiry: Inquiry) -> None:
    db.conn.execute(
        "INSERT INTO inquiries (id, why, status, status_note, created, updated) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            inquiry.id,
            inquiry.why,
            str(inquiry.status),
            inquiry.status_note,
            inquiry.created,
            inquiry.updated,
        ),
    )
    db.conn.executemany(
        "INSERT INTO inquiry_wordings (inquiry_id, question, created) VALUES (?, ?, ?)",
        [(inquiry.id, w.question, w.created) for w in inquiry.wordings],
    )
    search_index.add(db, _rowid(db, inquiry.id))


def _rowid(db: Database, inquiry_id: str) -> int:
    """An inquiry's row in the search index: its seq, negated (see the schema)."""
    return -int(
        db.conn.execute("SELECT seq FROM inquiries WHERE id = ?", (inquiry_id,)).fetchone()[0]
    )
