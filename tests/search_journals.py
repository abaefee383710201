"""Journals as the schema before m012 left them (the search index holding its own copy of the
text), for the migration's tests and its kill test."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from reflect.core.search import parse_terms
from reflect.services.demo import demo_folder
from reflect.storage import schema
from reflect.storage.database import Store, open_store

BEFORE = schema.STEPS[: schema.STEPS.index(schema.m012_search_external_content)]
QUERIES = (
    "discharge",
    "organisations",
    "team",
    "improvem",
    "participa",
    "flow",
    '"care home"',
    "staff huddle",
    "partner",
)


def old_journal(tmp_path: Path, copies: int = 1) -> tuple[Path, Path]:
    """A journal as the schema before m012 left it, holding the demo journal's entries and
    inquiries (``copies`` times over)."""
    path, backups = tmp_path / "j.db", tmp_path / "backups"
    old = open_store(path, backups, steps=BEFORE)
    conn = old.conn
    journal = json.loads((demo_folder() / "journal.json").read_text())
    for seq, q in enumerate(journal["inquiries"], start=1):
        conn.execute(
            "INSERT INTO inquiries (seq, id, why, status, created, updated) "
            "VALUES (?, ?, ?, 'active', ?, ?)",
            (seq, q["id"], q.get("why", ""), q["created"], q["updated"]),
        )
        wordings = [w["question"] for w in q["wordings"]]
        for w in q["wordings"]:
            conn.execute(
                "INSERT INTO inquiry_wordings (inquiry_id, question, created) VALUES (?, ?, ?)",
                (q["id"], w["question"], w["created"]),
            )
        conn.execute(
            "INSERT INTO search_index (rowid, title, body, tags) VALUES (?, ?, ?, '')",
            (-seq, wordings[-1], "\n".join([q.get("why", ""), *wordings[:-1]])),
        )
    # Copies (new ids) make a longer migration, for the kill test to stop part-way.
    entries = [
        {**e, "id": e["id"] if k == 0 else f"{e['id']}-{k}"}
        for k in range(copies)
        for e in journal["entries"]
    ]
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
        for n, r in enumerate(e.get("responses", [])):
            conn.execute(
                "INSERT INTO entry_responses VALUES (?, ?, ?, ?)",
                (e["id"], r["prompt_id"], r["text"], n),
            )
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


def check_index(store: Store) -> None:
    """FTS5's own check of the index, against the text it reads (rank 1)."""
    store.conn.execute(
        "INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)"
    )
