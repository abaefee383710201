"""m012: a journal from before it keeps every entry findable, and part-typed words find them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from reflect.core.entry_filter import EntryFilter
from reflect.core.search import parse_terms
from reflect.services.demo import demo_folder
from reflect.storage import schema
from reflect.storage.database import Store, open_store
from reflect.storage.search import SearchRepository

BEFORE = schema.STEPS[: schema.STEPS.index(schema.m012_search_external_content)]
QUERIES = ("team", "improvem", "participa", "flow", '"care home"', "staff huddle", "partner")


def old_journal(tmp_path: Path) -> tuple[Path, Path]:
    """A journal as the schema before m012 left it, holding the demo journal's entries."""
    path, backups = tmp_path / "j.db", tmp_path / "backups"
    old = open_store(path, backups, steps=BEFORE)
    conn = old.conn
    entries = json.loads((demo_folder() / "journal.json").read_text())["entries"]
    for seq, e in enumerate(entries, start=1):
        body = "\n\n".join([e.get("body", ""), *(r["text"] for r in e.get("responses", []))])
        conn.execute(
            "INSERT INTO entries (seq, id, kind, title, body, created, updated) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                seq,
                e["id"],
                e["kind"],
                e.get("title", ""),
                e.get("body", ""),
                e["created"],
                e["updated"],
            ),
        )
        for n, tag in enumerate(e.get("tags", [])):
            conn.execute("INSERT INTO entry_tags VALUES (?, ?, ?)", (e["id"], tag, n))
        conn.execute(
            "INSERT INTO search_index (rowid, title, body, tags) VALUES (?, ?, ?, ?)",
            (seq, e.get("title", ""), body.strip(), " ".join(e.get("tags", []))),
        )
    conn.commit()
    old.close()
    return path, backups


def raw_results(conn: sqlite3.Connection, query: str) -> list[tuple[object, ...]]:
    """What the index alone answers: rows, ranks, snippets and stored columns."""
    terms = parse_terms(query)
    match = " AND ".join(
        [f'("{w}" OR "{w}"*)' for w in terms.words]
        + ['"' + " ".join(p) + '"' for p in terms.phrases]
    )
    return conn.execute(
        "SELECT rowid, title, tags, bm25(search_index, 8.0, 1.0, 4.0), "
        "snippet(search_index, 1, '[', ']', '…', 24) FROM search_index "
        "WHERE search_index MATCH ? ORDER BY rowid",
        (match,),
    ).fetchall()


def test_the_migration_keeps_every_result_and_part_typed_words_find_more(
    tmp_path: Path,
) -> None:
    path, backups = old_journal(tmp_path)
    conn = sqlite3.connect(path)
    before = {q: raw_results(conn, q) for q in QUERIES}
    conn.close()
    assert before["team"] and before["improvem"] == []

    store = open_store(path, backups)
    after = {q: raw_results(store.conn, q) for q in QUERIES}
    assert after == before
    found = SearchRepository(store).search(parse_terms("improvem"), EntryFilter(), 1000)
    assert found and all("improv" in h.plain_snippet.lower() for h in found)
    check_index(store)
    store.close()


def check_index(store: Store) -> None:
    store.conn.execute("INSERT INTO search_index (search_index) VALUES ('integrity-check')")
