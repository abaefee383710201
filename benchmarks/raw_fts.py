"""The floors for importing and searching: plain sqlite3 and FTS5, with nothing of Reflect.

:func:`build` reads a jrnl text file with the least parsing that splits it into entries,
inserts them with one ``executemany`` into a table shaped like Reflect's, and builds an
external-content FTS5 index over them with one ``'rebuild'``; the database is durable (WAL,
``synchronous = FULL``) as Reflect's is. :func:`search` is one ranked query with snippets,
weighted and tokenized as Reflect's search index is. Run as a script, it searches once (the
floor for ``reflect search`` as a whole process).
"""

from __future__ import annotations

import re
import sqlite3
import sys
import uuid
from pathlib import Path

_DATE_LINE = re.compile(r"\[(\d{4}-\d{2}-\d{2} \d{2}:\d{2})\] (.*)")
_TAG = re.compile(r"(?<!\S)@([-+*#/\w]+)")
_SCHEMA = """
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = FULL;
    CREATE TABLE entries (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        tags TEXT NOT NULL,
        created TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE fts USING fts5(
        title, body, tags,
        content = 'entries', content_rowid = 'seq',
        tokenize = 'porter unicode61 remove_diacritics 2',
        prefix = '2 3'
    );
"""
_SEARCH = """
    SELECT rowid, title, snippet(fts, 1, '\x02', '\x03', '…', 24), bm25(fts, 8.0, 1.0, 4.0) AS score
    FROM fts WHERE fts MATCH ? ORDER BY score LIMIT ?
"""


def read_rows(path: Path) -> list[tuple[str, str, str, str, str]]:
    """``(id, title, body, tags, created)`` for each entry of a jrnl text file."""
    rows: list[tuple[str, str, str, str, str]] = []
    created, title, lines = "", "", list[str]()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            start = _DATE_LINE.fullmatch(line.rstrip("\n")) if line.startswith("[") else None
            if start is None:
                lines.append(line)
                continue
            if created:
                rows.append(_row(created, title, lines))
            created, title, lines = start.group(1), start.group(2), []
    if created:
        rows.append(_row(created, title, lines))
    return rows


def _row(created: str, title: str, lines: list[str]) -> tuple[str, str, str, str, str]:
    body = "".join(lines).strip()
    tags = " ".join(_TAG.findall(title + "\n" + body))
    return (str(uuid.uuid4()), title, body, tags, created)


def build(jrnl_file: Path, db_path: Path) -> int:
    """A new floor database at ``db_path`` holding ``jrnl_file``; returns the entry count."""
    rows = read_rows(jrnl_file)
    insert_and_index(rows, db_path)
    return len(rows)


def insert_and_index(rows: list[tuple[str, str, str, str, str]], db_path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    conn = sqlite3.connect(db_path, isolation_level=None)
    try:
        conn.executescript(_SCHEMA)
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO entries (id, title, body, tags, created) VALUES (?, ?, ?, ?, ?)", rows
        )
        conn.execute("INSERT INTO fts(fts) VALUES ('rebuild')")
        conn.execute("COMMIT")
    finally:
        conn.close()


def connect(db_path: Path) -> sqlite3.Connection:
    return sqlite3.connect(db_path)


def search(conn: sqlite3.Connection, expression: str, limit: int = 50) -> list[tuple[object, ...]]:
    return conn.execute(_SEARCH, (expression, limit)).fetchall()


if __name__ == "__main__":
    # python3 raw_fts.py DB EXPRESSION: one search, its hits printed as Reflect's CLI would.
    connection = connect(Path(sys.argv[1]))
    for found in search(connection, sys.argv[2]):
        print(found[1], str(found[2]).replace("\x02", "").replace("\x03", ""), sep="\n  ")
