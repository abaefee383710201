"""The journal's words and their stems, so part of a word finds what the whole word finds.

The search index holds stems (Porter), and FTS5 stems a prefix query too: "improvem" becomes a
prefix no stem has ("improvement" is stored as "improv"), so a word part-typed found nothing.
``search_terms`` keeps every word the index has seen with its stem; a typed word is searched
as each distinct stem of the words it begins, so every longer prefix finds a subset of what a
shorter one finds. The table grows as entries are written (a word no entry holds any more
finds nothing) and forgets, when the trash is emptied, every word whose stem the index no
longer holds: words are private, and a name deleted for good should not stay behind.

Words and stems come from FTS5's own tokenizers (on two scratch tables in ``temp``), so they
are exactly what the index holds, accents and case folded alike.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterable

# A word FTS5 shortens is searched as the stems of the words it begins, up to this many; an OR
# of more terms is slower than a stem prefix, used instead (with the stems it would miss).
MANY_STEMS = 32
_TOKENIZE = "unicode61 remove_diacritics 2"
_SCRATCH = (
    # Contentless, so 'delete-all' empties them at once (a DELETE would leave tombstones that
    # every later read of the vocabulary walks through).
    f"CREATE VIRTUAL TABLE temp.search_words USING fts5(t, content = '', tokenize = '{_TOKENIZE}')",
    "CREATE VIRTUAL TABLE temp.search_stems USING fts5("
    f"t, content = '', tokenize = 'porter {_TOKENIZE}')",
    "CREATE VIRTUAL TABLE temp.search_words_seen USING fts5vocab(temp, search_words, instance)",
    "CREATE VIRTUAL TABLE temp.search_stems_seen USING fts5vocab(temp, search_stems, instance)",
)
_LAST = "\U0010ffff"
_WORD = re.compile(r"\w+")
_CHUNK = 500


def learn(conn: sqlite3.Connection, texts: Iterable[str], known: set[str] | None = None) -> None:
    """Add every word of ``texts`` (with its stem) that is not known yet.

    Only words not already in the table go through FTS5's tokenizers (most of an entry's words
    are known after the first few hundred entries). Python's own split of the text only picks
    those candidates: a word it shapes differently from FTS5 is simply tokenized again.
    ``known``, kept by a caller learning many texts a batch at a time (an import), holds the
    words learnt by earlier batches, so they are not looked up again."""
    candidates = {_folded(word) for word in set(_WORD.findall(" ".join(texts).lower()))}
    if known is not None:
        candidates -= known
    if not candidates:
        return
    found: set[str] = set()
    listed = sorted(candidates)
    for start in range(0, len(listed), _CHUNK):
        chunk = listed[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        found.update(
            row[0]
            for row in conn.execute(f"SELECT word FROM search_terms WHERE word IN ({marks})", chunk)
        )
    new = [word for word in listed if word not in found]
    if new:
        conn.executemany(
            "INSERT OR IGNORE INTO search_terms (word, stem) VALUES (?, ?)", _pairs(conn, new)
        )
    if known is not None:
        known |= candidates


def forget_unused(conn: sqlite3.Connection) -> None:
    """Forget the words whose stem no live entry or inquiry holds (one pass over the index's
    vocabulary: run when entries are deleted for good, not on every save)."""
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_index_stems "
        "USING fts5vocab(main, search_index, row)"
    )
    conn.execute(
        "DELETE FROM search_terms WHERE stem NOT IN (SELECT term FROM temp.search_index_stems)"
    )


def _folded(word: str) -> str:
    """A word as unicode61 with remove_diacritics folds it, near enough to pick candidates."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def learn_all(conn: sqlite3.Connection, chunk: int = 500) -> None:
    """Learn every word of what the search index holds, a chunk of rows at a time."""
    # Made first: making them while the rows are being read would abort the read.
    _make_scratch(conn)
    rows = conn.execute("SELECT title || ' ' || body || ' ' || tags FROM search_content")
    while texts := [text for (text,) in rows.fetchmany(chunk)]:
        learn(conn, texts)


def alternatives(conn: sqlite3.Connection, typed: str) -> list[str] | None:
    """The terms to search for the word part ``typed``, any of which may match: words (each
    standing for its stem, as FTS5 stems a query word) and stem prefixes (ending in ``*``).

    A word FTS5 leaves as it is (a part-typed word, mostly: "improvem") is its stem prefix,
    plus the words it begins whose stems that prefix misses ("improvement", stored as
    "improv"). A word FTS5 shortens ("working", stem "work") is the stems of the words it
    begins, and not its stem prefix, which would find "workshop" where "worki" does not.
    None when ``typed`` is not one word to FTS5's tokenizer."""
    pair = _pair(conn, typed)
    if pair is None:
        return None
    word, stem = pair
    end = word + _LAST
    if stem != word:
        found = conn.execute(
            "SELECT stem, min(word) FROM search_terms WHERE word >= ? AND word < ? "
            f"GROUP BY stem LIMIT {MANY_STEMS + 1}",
            (word, end),
        ).fetchall()
        if len(found) <= MANY_STEMS:
            return [word, *(w for s, w in found if s != stem)]
    missed = conn.execute(
        "SELECT min(word) FROM search_terms WHERE word >= ? AND word < ? "
        "AND substr(stem, 1, ?) != ? GROUP BY stem",
        (word, end, len(stem), stem),
    ).fetchall()
    return [word, f"{word}*", *(w for (w,) in missed)]


def _pair(conn: sqlite3.Connection, typed: str) -> tuple[str, str] | None:
    """A typed word as FTS5 folds and stems it; None if FTS5 would make it several words."""
    known = conn.execute(
        "SELECT word, stem FROM search_terms WHERE word = ?", (_folded(typed.lower()),)
    ).fetchone()
    if known is not None:
        return known[0], known[1]
    if conn.execute("PRAGMA query_only").fetchone()[0]:
        # A read-only journal's own connection may not write even its scratch tables: the
        # word is taken as it is (its stem prefix, as before m012, and the words it begins).
        folded = _folded(typed.lower())
        return (folded, folded) if _WORD.fullmatch(folded) else None
    pairs = _pairs(conn, [typed])
    return pairs.pop() if len(pairs) == 1 else None


def _pairs(conn: sqlite3.Connection, texts: Iterable[str]) -> set[tuple[str, str]]:
    """(word, stem) for every token of ``texts``, as FTS5 tokenizes and stems them."""
    # The scratch tables are written outside any transaction of the caller's (a reader's
    # connection must not be left holding one, which would pin its view of the journal).
    began = conn.in_transaction
    _make_scratch(conn)
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
        conn.execute("INSERT INTO temp.search_words (search_words) VALUES ('delete-all')")
        conn.execute("INSERT INTO temp.search_stems (search_stems) VALUES ('delete-all')")
        if not began and conn.in_transaction:
            conn.commit()


def _make_scratch(conn: sqlite3.Connection) -> None:
    made = "SELECT 1 FROM temp.sqlite_master WHERE name = 'search_stems_seen'"
    if conn.execute(made).fetchone() is None:
        for statement in _SCRATCH:
            conn.execute(statement)
