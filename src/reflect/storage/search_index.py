"""Keeps the FTS5 ``search_index`` in step with entries and inquiries.

Entries sit at rowid ``seq`` and inquiries at ``-seq`` (see the schema), so one MATCH ranks both.
The index reads its text from the view ``search_content`` (see schema_search.py) and keeps no
copy, so taking a row out of it needs the text it was indexed with: callers :func:`forget` a
row *before* changing what the view shows for it, and :func:`add` it again after.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from reflect.storage import search_terms

if TYPE_CHECKING:
    from sqlite_utils import Database

_COLUMNS = "title, body, tags"


def forget(db: Database, rowid: int) -> None:
    """Take a row out of the index, while the view still shows what was indexed (a no-op for
    a row the view does not show: a trashed or not yet written entry)."""
    db.conn.execute(
        f"INSERT INTO search_index (search_index, rowid, {_COLUMNS}) "
        f"SELECT 'delete', rid, {_COLUMNS} FROM search_content WHERE rid = ?",
        (rowid,),
    )


def add(db: Database, rowid: int, unlearnt: list[str] | None = None) -> None:
    """Index a row as the view now shows it (nothing for a trashed entry). Its words are
    learnt (search_terms) now, or, given ``unlearnt``, added to it for the caller to learn in
    one go with many others' (an import)."""
    conn = db.conn
    row = conn.execute(f"SELECT {_COLUMNS} FROM search_content WHERE rid = ?", (rowid,)).fetchone()
    if row is None:
        return
    conn.execute(f"INSERT INTO search_index (rowid, {_COLUMNS}) VALUES (?, ?, ?, ?)", (rowid, *row))
    if unlearnt is None:
        search_terms.learn(conn, list(row))
    else:
        unlearnt.extend(row)


def rebuild(conn: sqlite3.Connection) -> None:
    """Index every live entry and inquiry again from scratch, and check the result."""
    conn.execute("INSERT INTO search_index (search_index) VALUES ('rebuild')")
    conn.execute("INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)")
    search_terms.learn_all(conn)
