"""The journal's words and their stems, so part of a word finds what the whole word finds.

The search index holds stems (Porter), and FTS5 stems a prefix query too: "improvem" becomes a
prefix no stem has ("improvement" is stored as "improv"), so a word part-typed found nothing.
``search_terms`` keeps every word the index has seen with its stem; a typed word is searched
as each distinct stem of the words it begins, so every longer prefix finds a subset of what a
shorter one finds. The table only grows: a word no entry holds any more finds nothing.

Words and stems come from FTS5's own tokenizers (on two scratch tables in ``temp``), so they
are exactly what the index holds, accents and case folded alike.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

# Beyond this many stems (a word's first two or three letters) a stem-prefix query is used
# instead, with the few stems it would miss added.
MANY_STEMS = 32
_TOKENIZE = "unicode61 remove_diacritics 2"
_SCRATCH = (
    f"CREATE VIRTUAL TABLE temp.search_words USING fts5(t, tokenize = '{_TOKENIZE}')",
    f"CREATE VIRTUAL TABLE temp.search_stems USING fts5(t, tokenize = 'porter {_TOKENIZE}')",
    "CREATE VIRTUAL TABLE temp.search_words_seen USING fts5vocab(temp, search_words, instance)",
    "CREATE VIRTUAL TABLE temp.search_stems_seen USING fts5vocab(temp, search_stems, instance)",
)
_LAST = "\U0010ffff"


def learn(conn: sqlite3.Connection, texts: Iterable[str]) -> None:
    """Add every word of ``texts`` (with its stem) that is not known yet."""
    conn.executemany(
        "INSERT OR IGNORE INTO search_terms (word, stem) VALUES (?, ?)", _pairs(conn, texts)
    )


def learn_all(conn: sqlite3.Connection, chunk: int = 500) -> None:
    """Learn every word the search index holds, a chunk of rows at a time."""
    last = None
    while True:
        rows = conn.execute(
            "SELECT rowid, title || ' ' || body || ' ' || tags FROM search_index "
            + ("WHERE rowid > ? " if last is not None else "")
            + "ORDER BY rowid LIMIT ?",
            (last, chunk) if last is not None else (chunk,),
        ).fetchall()
        if not rows:
            return
        learn(conn, [text for _, text in rows])
        last = rows[-1][0]


def alternatives(conn: sqlite3.Connection, typed: str) -> list[str] | None:
    """Words to search for (each standing for its stem) instead of the word part ``typed``.

    None when ``typed`` is not one word to FTS5 (its own tokenizer splits it), or when it
    begins too many: the caller then searches it as a stem prefix."""
    pairs = list(_pairs(conn, [typed]))
    if len(pairs) != 1:
        return None
    word, stem = pairs[0]
    found = conn.execute(
        "SELECT stem, min(word) FROM search_terms WHERE word >= ? AND word < ? GROUP BY stem",
        (word, word + _LAST),
    ).fetchall()
    if len(found) <= MANY_STEMS:
        return [word, *(w for s, w in found if s != stem)]
    return None


def missed_by_prefix(conn: sqlite3.Connection, typed: str) -> list[str]:
    """Words beginning ``typed`` whose stems a stem-prefix query for it would miss."""
    pairs = list(_pairs(conn, [typed]))
    if len(pairs) != 1:
        return []
    word, stem = pairs[0]
    return [
        row[0]
        for row in conn.execute(
            "SELECT min(word) FROM search_terms WHERE word >= ? AND word < ? "
            "AND substr(stem, 1, ?) != ? GROUP BY stem",
            (word, word + _LAST, len(stem), stem),
        )
    ]


def _pairs(conn: sqlite3.Connection, texts: Iterable[str]) -> set[tuple[str, str]]:
    """(word, stem) for every token of ``texts``, as FTS5 tokenizes and stems them."""
    # The scratch tables are written outside any transaction of the caller's (a reader's
    # connection must not be left holding one, which would pin its view of the journal).
    began = conn.in_transaction
    if (
        conn.execute("SELECT 1 FROM temp.sqlite_master WHERE name = 'search_stems_seen'").fetchone()
        is None
    ):
        for statement in _SCRATCH:
            conn.execute(statement)
    rows = [(n, text) for n, text in enumerate(texts, start=1)]
    try:
        conn.executemany("INSERT INTO temp.search_words (rowid, t) VALUES (?, ?)", rows)
        conn.executemany("INSERT INTO temp.search_stems (rowid, t) VALUES (?, ?)", rows)
        words = {
            (doc, offset): term
            for term, doc, offset in conn.execute(
                "SELECT term, doc, offset FROM temp.search_words_seen"
            )
        }
        return {
            (words[(doc, offset)], stem)
            for stem, doc, offset in conn.execute(
                "SELECT term, doc, offset FROM temp.search_stems_seen"
            )
        }
    finally:
        conn.execute("DELETE FROM temp.search_words")
        conn.execute("DELETE FROM temp.search_stems")
        if not began and conn.in_transaction:
            conn.commit()
