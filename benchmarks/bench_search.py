"""Search through Reflect's SearchService beside one raw FTS5 query, on the same entries.

Every query runs once untimed (so both sides read from a warm page cache), then each repeat
times the floor and Reflect back to back, so a busy machine slows both alike. Percentiles are
over every timed run of every query; each kind of query also gets its own line in the details.
"""

from __future__ import annotations

from functools import partial

from benchmarks import raw_fts
from benchmarks.journals import Workspace, opened
from benchmarks.measure import Figure, Target, median, p95, timed
from benchmarks.queries import KINDS, Query
from reflect.core.search import SearchRequest

LIMIT = 50
TARGET = Target("≤ 2× raw FTS5", 2.0)


def run(
    workspace: Workspace, size: int, label: str, query_list: list[Query], repeats: int
) -> list[Figure]:
    floor_db, journal = workspace.floor_db(size), workspace.journal(size)
    conn = raw_fts.connect(floor_db)
    samples: dict[str, tuple[list[float], list[float]]] = {k: ([], []) for k in KINDS}
    with opened(journal) as app:
        for query in query_list:
            request = SearchRequest(query.reflect, limit=LIMIT)
            raw_fts.search(conn, query.fts, LIMIT)
            app.search.search(request)
            mine, floor = samples[query.kind]
            for _ in range(repeats):
                floor.append(timed(partial(raw_fts.search, conn, query.fts, LIMIT)))
                mine.append(timed(partial(app.search.search, request)))
    conn.close()
    return _figures(label, samples)


def _figures(label: str, samples: dict[str, tuple[list[float], list[float]]]) -> list[Figure]:
    mine = [t for kind in KINDS for t in samples[kind][0]]
    floor = [t for kind in KINDS for t in samples[kind][1]]
    details = {
        kind: {
            "p50": median(samples[kind][0]),
            "p95": p95(samples[kind][0]),
            "floor_p50": median(samples[kind][1]),
            "floor_p95": p95(samples[kind][1]),
        }
        for kind in KINDS
    }
    return [
        Figure(
            f"search.{label}.{name}",
            f"search {label} entries, {name}",
            pick(mine),
            "s",
            pick(floor),
            f"raw FTS5 {name}",
            TARGET,
            samples=len(mine),
            details=details if name == "p95" else {},
        )
        for name, pick in (("p50", median), ("p95", p95))
    ]
