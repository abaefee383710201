"""Saving one entry durably through EntryService, beside a raw INSERT and COMMIT.

Reflect's side writes entries of the corpus's shapes into a copy of a built journal (so the
search index has the size it would have), each save its own transaction; the floor inserts the
same text into a one-table database in WAL mode with ``synchronous = FULL`` and commits each.
Both pay for an fsync per commit, which is most of the floor. Saves alternate, floor first.
"""

from __future__ import annotations

import shutil
import sqlite3
from functools import partial
from pathlib import Path

from benchmarks import corpus
from benchmarks.journals import Workspace, opened
from benchmarks.measure import Figure, Target, median, p95, timed
from reflect.core.entry import EntryKind

TARGET = Target("p95 < 10 ms", 0.010, on="value")


def run(workspace: Workspace, size: int, label: str, saves: int) -> list[Figure]:
    samples = list(corpus.generate(saves, workspace.seed + 2))
    journal = workspace.scratch("save-reflect")
    shutil.copy(workspace.journal(size) / "journal.db", journal / "journal.db")
    floor_conn = _floor_connection(workspace.scratch("save-floor") / "floor.db")
    mine: list[float] = []
    floor: list[float] = []
    with opened(journal) as app:
        for entry in samples:
            floor.append(timed(partial(_floor_save, floor_conn, entry)))
            mine.append(
                timed(
                    partial(
                        app.entries.write,
                        entry.body,
                        title=entry.title,
                        kind=EntryKind(entry.kind),
                        tags=list(entry.tags),
                    )
                )
            )
    floor_conn.close()
    return [
        Figure(
            f"save.{label}.{name}",
            f"save an entry ({label} journal), {name}",
            pick(mine),
            "s",
            pick(floor),
            f"raw INSERT + COMMIT, {name}",
            TARGET if name == "p95" else None,
            samples=saves,
        )
        for name, pick in (("p50", median), ("p95", p95))
    ]


def _floor_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE entries (id INTEGER PRIMARY KEY, title TEXT, body TEXT, tags TEXT)")
    return conn


def _floor_save(conn: sqlite3.Connection, entry: corpus.CorpusEntry) -> None:
    conn.execute("BEGIN")
    conn.execute(
        "INSERT INTO entries (title, body, tags) VALUES (?, ?, ?)",
        (entry.title, entry.body, " ".join(entry.tags)),
    )
    conn.execute("COMMIT")
