"""Ranked full-text search over entries and inquiries with FTS5, with snippets and filters."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any

from reflect.core.entry import title_of
from reflect.core.entry_filter import EntryFilter
from reflect.core.search import MARK_END, MARK_START, SearchHit, Terms
from reflect.storage import search_terms
from reflect.storage.database import Store
from reflect.storage.filters import where_clause
from reflect.storage.response_texts import response_texts

# Title matches count most, then tags, then body text.
_WEIGHTS = "8.0, 1.0, 4.0"
_RANK = f"bm25(search_index, {_WEIGHTS})"
# An entry's snippet comes from its body (column 1): a match in its title or tags shows there
# already. An inquiry's comes from whichever column matched (its question is its title).
_SNIPPET = (
    f"CASE WHEN search_index.rowid < 0 "
    f"THEN snippet(search_index, -1, '{MARK_START}', '{MARK_END}', '…', 24) "
    f"ELSE snippet(search_index, 1, '{MARK_START}', '{MARK_END}', '…', 24) END"
)


Alternatives = Callable[[str], "list[str] | None"]


def match_expression(terms: Terms, alternatives: Alternatives = lambda word: None) -> str:
    """An FTS5 query: every phrase exactly, every word as what it may be the start of, all
    required. ``alternatives`` gives the words a typed word stands for (see search_terms);
    without them a word is its stem or a stem prefix."""
    parts = [_word(w, alternatives(w)) for w in terms.words]
    parts += ['"' + " ".join(p) + '"' for p in terms.phrases]
    return " AND ".join(parts)


def _word(word: str, alternatives: list[str] | None) -> str:
    if alternatives is None:
        return f'("{word}" OR "{word}"*)'
    # A word ending in * is a stem prefix; no typed word holds one (parse_terms keeps \w only).
    quoted = (f'"{w[:-1]}"*' if w.endswith("*") else f'"{w}"' for w in dict.fromkeys(alternatives))
    return "(" + " OR ".join(quoted) + ")"


class Plan(Enum):
    """Two ways to find the best matches with their snippets; each is faster for some queries
    (measured in docs/benchmarks.md, "Query plans")."""

    # Rank every match in the index alone, then make snippets for the best rows in a pass over
    # their range: fastest for words, however many entries hold them.
    RANK_THEN_SNIPPETS = "rank, then snippets"
    # FTS5's own plan for ORDER BY rank: it ranks every match, then makes the snippets of the
    # rows it keeps, in one statement: fastest for phrases (a third faster at 100,000
    # entries), which match few entries even when their words are common.
    FTS5_SORTED = "FTS5's sorted plan"


def plan_for(terms: Terms, filt: EntryFilter) -> Plan:
    """The faster plan for this query. FTS5 sorts by rank itself only for the index alone: a
    filter joins the entries table, and SQLite sorts."""
    return Plan.FTS5_SORTED if terms.phrases and filt.is_empty else Plan.RANK_THEN_SNIPPETS


class SearchRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def search(
        self, terms: Terms, filt: EntryFilter, limit: int, plan: Plan | None = None
    ) -> list[SearchHit]:
        """The best ``limit`` matches, best first. ``plan`` is chosen by :func:`plan_for`
        unless given, and only an unfiltered search can use FTS5's (both give the same hits)."""
        if terms.is_empty:
            return []
        match = self.expression(terms)
        if plan is None or not filt.is_empty:
            plan = plan_for(terms, filt)
        if plan is Plan.FTS5_SORTED:
            return self._search_sorted(match, limit)
        # Inquiries carry no tags, kinds or dates, so only an unfiltered search shows them
        # (``_search_sorted`` is only ever unfiltered).
        ranked, params = _ranked(match) if filt.is_empty else _ranked_filtered(match, filt)
        rows = self.store.query(_WITH_FIELDS.format(ranked=ranked), [*params, limit])
        snippets = self._snippets(match, [row["rid"] for row in rows])
        return [_hit(self.store, row, snippets.get(row["rid"], "")) for row in rows]

    def expression(self, terms: Terms) -> str:
        """The FTS5 query that :meth:`search` runs for ``terms``."""
        return match_expression(_needed(terms), self._alternatives)

    def _search_sorted(self, match: str, limit: int) -> list[SearchHit]:
        rows = self.store.query(_WITH_FIELDS.format(ranked=_SORTED), [match, limit])
        return [_hit(self.store, row, row["snippet"]) for row in rows]

    def _snippets(self, match: str, rowids: list[int]) -> dict[int, str]:
        """The snippets of the best rows only: made from the text the view reads, which for
        every match of a common word would take longer than the search. One pass over the
        rowids' range (asking FTS5 row by row re-runs the query each time); ``+rowid`` keeps
        the list a filter, not a lookup."""
        if not rowids:
            return {}
        wanted = ", ".join(str(int(rowid)) for rowid in rowids)
        rows = self.store.query(
            f"SELECT rowid AS rid, {_SNIPPET} AS snippet FROM search_index "
            f"WHERE search_index MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN ({wanted})",
            [match, min(rowids), max(rowids)],
        )
        return {row["rid"]: row["snippet"] for row in rows}

    def _alternatives(self, word: str) -> list[str] | None:
        return search_terms.alternatives(self.store.conn, word)


# Ranking reads only the index; the entry or inquiry behind each of the best rows is joined
# afterwards. Joined first, every match's row (body included) would be carried through the sort,
# which doubles the time a common word takes in a large journal. The index keeps no text of its
# own (it reads the view search_content), so snippets, made from that text, are made afterwards
# for the best rows only (see SearchRepository._snippets).
_RANKED_COLUMNS = f"search_index.rowid AS rid, {_RANK} AS score"
_BEST = "{ranked} ORDER BY score, rid LIMIT ?"
# ORDER BY rank, alone, is what lets FTS5 choose its sorted plan (a second key, or bm25()
# written out, leaves the sorting to SQLite); the rows it keeps are put in order afterwards.
_SORTED = (
    f"SELECT search_index.rowid AS rid, rank AS score, {_SNIPPET} AS snippet FROM search_index "
    f"WHERE search_index MATCH ? AND rank MATCH 'bm25({_WEIGHTS})' ORDER BY rank LIMIT ?"
)
_WITH_FIELDS = (
    "SELECT coalesce(e.id, i.id) AS id, coalesce(e.kind, 'inquiry') AS kind, "
    "coalesce(e.title, (SELECT question FROM inquiry_wordings w WHERE w.inquiry_id = i.id "
    "ORDER BY w.id DESC LIMIT 1)) AS title, "
    # The body only names an entry with no title (core.entry.title_of): not read otherwise.
    "CASE WHEN e.title = '' THEN e.body ELSE '' END AS body, "
    "coalesce(e.created, i.created) AS created, coalesce(e.inquiry_id, i.id) AS inquiry_id, "
    "coalesce((SELECT group_concat(tag, ' ') FROM (SELECT tag FROM entry_tags t "
    "WHERE t.entry_id = e.id ORDER BY position)), '') AS tags, ranked.* "
    "FROM ({ranked}) AS ranked "
    "LEFT JOIN entries e ON ranked.rid > 0 AND e.seq = ranked.rid "
    "LEFT JOIN inquiries i ON ranked.rid < 0 AND i.seq = -ranked.rid "
    "ORDER BY ranked.score, ranked.rid"
)


def _ranked(match: str) -> tuple[str, list[Any]]:
    sql = f"SELECT {_RANKED_COLUMNS} FROM search_index WHERE search_index MATCH ?"
    return _BEST.format(ranked=sql), [match]


def _ranked_filtered(match: str, filt: EntryFilter) -> tuple[str, list[Any]]:
    where, params = where_clause(filt)
    sql = (
        f"SELECT {_RANKED_COLUMNS} FROM search_index "
        "JOIN entries e ON e.seq = search_index.rowid "
        f"WHERE search_index MATCH ? AND {where}"
    )
    return _BEST.format(ranked=sql), [match, *params]


def _needed(terms: Terms) -> Terms:
    """The terms without words that change no result: a repeated word, or one that begins
    another word of the query (every entry the longer word finds, the shorter finds too:
    tests/storage/test_search_prefixes.py), which would only make FTS5 read more."""
    folded = [w.casefold() for w in terms.words]
    kept = tuple(
        word
        for n, (word, low) in enumerate(zip(terms.words, folded, strict=True))
        if low not in folded[:n] and not any(o != low and o.startswith(low) for o in folded)
    )
    return Terms(kept, terms.phrases)


def _hit(store: Store, row: dict[str, Any], snippet: str) -> SearchHit:
    responses = response_texts(store, row["id"]) if row["kind"] != "inquiry" else iter(())
    return SearchHit(
        id=row["id"],
        kind=row["kind"],
        title=title_of(row["title"], row["body"], responses),
        snippet=snippet,
        created=row["created"],
        tags=tuple(row["tags"].split()),
        inquiry_id=row["inquiry_id"],
        score=row["score"],
    )
