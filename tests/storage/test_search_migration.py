"""m012: a journal from before it keeps every entry findable, and part-typed words find them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import search_journals
from reflect.core.entry_filter import EntryFilter
from reflect.core.search import parse_terms
from reflect.storage.database import open_store
from reflect.storage.search import SearchRepository

QUERIES = search_journals.QUERIES


def test_the_migration_keeps_every_result_and_part_typed_words_find_more(
    tmp_path: Path,
) -> None:
    path, backups = search_journals.old_journal(tmp_path)
    conn = sqlite3.connect(path)
    before = {q: search_journals.raw_results(conn, q) for q in QUERIES}
    conn.close()
    assert before["team"] and before["improvem"] == []

    store = open_store(path, backups)
    after = {q: search_journals.raw_results(store.conn, q) for q in QUERIES}
    assert after == before
    found = SearchRepository(store).search(parse_terms("improvem"), EntryFilter(), 1000)
    assert found and all("improv" in h.plain_snippet.lower() for h in found)
    assert any(rowid < 0 for rowid, *_ in after["discharge"])  # inquiries too
    search_journals.check_index(store)
    # The text is stored once: the index keeps no copy of its own.
    tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
    assert "search_index_content" not in tables
    store.close()
