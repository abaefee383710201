"""Keeps the FTS5 ``search_index`` in step with entries and inquiries.

Entries sit at rowid ``seq`` and inquiries at ``-seq`` (see the schema), so one MATCH ranks both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reflect.storage import search_terms

if TYPE_CHECKING:
    from sqlite_utils import Database


def put_entry(db: Database, seq: int, title: str, body: str, tags: tuple[str, ...]) -> None:
    _put(db, seq, title, body, " ".join(tags))


def put_inquiry(db: Database, seq: int, wordings: list[str], why: str) -> None:
    # Every wording is searchable, so a half-remembered old phrasing still finds the inquiry.
    _put(db, -seq, wordings[-1], "\n".join([why, *wordings[:-1]]), "")


def remove(db: Database, rowid: int) -> None:
    db.conn.execute("DELETE FROM search_index WHERE rowid = ?", (rowid,))


def rebuild(db: Database) -> None:
    """Index every live entry and inquiry again from scratch."""
    conn = db.conn
    conn.execute("DELETE FROM search_index")
    conn.execute(
        """
        INSERT INTO search_index (rowid, title, body, tags)
        SELECT e.seq, e.title,
               e.body || coalesce(char(10) || char(10) ||
                 (SELECT group_concat(text, char(10) || char(10)) FROM
                   (SELECT text FROM entry_responses r WHERE r.entry_id = e.id
                    ORDER BY position)), ''),
               coalesce((SELECT group_concat(tag, ' ') FROM
                   (SELECT tag FROM entry_tags t WHERE t.entry_id = e.id ORDER BY position)), '')
        FROM entries e WHERE e.deleted IS NULL
        """
    )
    for row in conn.execute("SELECT seq, id, why FROM inquiries").fetchall():
        wordings = [
            w[0]
            for w in conn.execute(
                "SELECT question FROM inquiry_wordings WHERE inquiry_id = ? ORDER BY id", (row[1],)
            )
        ]
        put_inquiry(db, row[0], wordings, row[2])
    search_terms.learn_all(conn)


def _put(db: Database, rowid: int, title: str, body: str, tags: str) -> None:
    conn = db.conn
    conn.execute("DELETE FROM search_index WHERE rowid = ?", (rowid,))
    conn.execute(
        "INSERT INTO search_index (rowid, title, body, tags) VALUES (?, ?, ?, ?)",
        (rowid, title, body, tags),
    )
    search_terms.learn(conn, [title, body, tags])
