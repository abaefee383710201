"""Ranked full-text search over entries and inquiries with FTS5, with snippets and filters."""

from __future__ import annotations

from typing import Any

from reflect.core.entry import derive_title
from reflect.core.entry_filter import EntryFilter
from reflect.core.search import MARK_END, MARK_START, SearchHit, Terms
from reflect.storage.database import Store
from reflect.storage.filters import where_clause

# Title matches count most, then tags, then body text.
_RANK = "bm25(search_index, 8.0, 1.0, 4.0)"
# An entry's snippet comes from its body (column 1): a match in its title or tags shows there
# already. An inquiry's comes from whichever column matched (its question is its title).
_SNIPPET = (
    f"CASE WHEN search_index.rowid < 0 "
    f"THEN snippet(search_index, -1, '{MARK_START}', '{MARK_END}', '…', 24) "
    f"ELSE snippet(search_index, 1, '{MARK_START}', '{MARK_END}', '…', 24) END"
)


def match_expression(terms: Terms) -> str:
    """An FTS5 query: every word as a stem or a prefix, every phrase exactly, all required."""
    parts = [f'("{w}" OR "{w}"*)' for w in terms.words]
    parts += ['"' + " ".join(p) + '"' for p in terms.phrases]
    return " AND ".join(parts)


class SearchRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def search(self, terms: Terms, filt: EntryFilter, limit: int) -> list[SearchHit]:
        if terms.is_empty:
            return []
        match = match_expression(terms)
        # Inquiries carry no tags, kinds or dates, so only an unfiltered search shows them.
        sql, params = _unfiltered(match) if filt.is_empty else _filtered(match, filt)
        rows = self.store.query(sql + " ORDER BY score LIMIT ?", [*params, limit])
        tags = self._tags([row["id"] for row in rows if row["kind"] != "inquiry"])
        return [_hit(row, tags.get(row["id"], ())) for row in rows]

    def _tags(self, ids: list[str]) -> dict[str, tuple[str, ...]]:
        if not ids:
            return {}
        rows = self.store.query(
            f"SELECT entry_id, tag FROM entry_tags WHERE entry_id IN ({', '.join('?' * len(ids))})"
            " ORDER BY entry_id, position",
            ids,
        )
        found: dict[str, list[str]] = {}
        for row in rows:
            found.setdefault(row["entry_id"], []).append(row["tag"])
        return {key: tuple(value) for key, value in found.items()}


_ENTRY_FIELDS = (
    "e.id AS id, e.kind AS kind, e.title AS title, e.body AS body, e.created AS created, "
    "e.inquiry_id AS inquiry_id"
)


def _filtered(match: str, filt: EntryFilter) -> tuple[str, list[Any]]:
    where, params = where_clause(filt)
    sql = (
        f"SELECT {_ENTRY_FIELDS}, {_SNIPPET} AS snippet, {_RANK} AS score "
        "FROM search_index JOIN entries e ON e.seq = search_index.rowid "
        f"WHERE search_index MATCH ? AND {where}"
    )
    return sql, [match, *params]


def _unfiltered(match: str) -> tuple[str, list[Any]]:
    sql = (
        "SELECT coalesce(e.id, i.id) AS id, coalesce(e.kind, 'inquiry') AS kind, "
        "coalesce(e.title, search_index.title) AS title, coalesce(e.body, '') AS body, "
        "coalesce(e.created, i.created) AS created, coalesce(e.inquiry_id, i.id) AS inquiry_id, "
        f"{_SNIPPET} AS snippet, {_RANK} AS score "
        "FROM search_index "
        "LEFT JOIN entries e ON search_index.rowid > 0 AND e.seq = search_index.rowid "
        "LEFT JOIN inquiries i ON search_index.rowid < 0 AND i.seq = -search_index.rowid "
        "WHERE search_index MATCH ?"
    )
    return sql, [match]


def _hit(row: dict[str, Any], tags: tuple[str, ...]) -> SearchHit:
    return SearchHit(
        id=row["id"],
        kind=row["kind"],
        title=row["title"] or derive_title(row["body"]),
        snippet=row["snippet"],
        created=row["created"],
        tags=tags,
        inquiry_id=row["inquiry_id"],
        score=row["score"],
    )
