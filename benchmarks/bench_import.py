"""Importing a jrnl text file through Reflect, beside a raw bulk insert of the same file.

Reflect's side is :meth:`TransferService.import_path` into a new journal (opening it is not
timed). The floor reads the same file with the least parsing that splits it into entries, one
``executemany`` into a table shaped like Reflect's, and one FTS5 ``'rebuild'``, durably
(:mod:`benchmarks.raw_fts`). Runs alternate, floor first.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks import raw_fts
from benchmarks.journals import Workspace, opened
from benchmarks.measure import Figure, Target, median, timed

TARGET = Target("≤ 3× raw insert + FTS rebuild", 3.0)


def run(workspace: Workspace, size: int, label: str, repeats: int) -> list[Figure]:
    source = workspace.jrnl_file(size)
    mine: list[float] = []
    floor: list[float] = []
    for _ in range(repeats):
        floor.append(_floor(workspace, source))
        mine.append(_reflect(workspace, source))
    return [
        Figure(
            f"import.{label}",
            f"import a {label}-entry jrnl file",
            median(mine),
            "s",
            median(floor),
            "raw executemany + FTS rebuild",
            TARGET,
            samples=repeats,
            details={"file_mb": source.stat().st_size / 2**20},
        )
    ]


def _floor(workspace: Workspace, source: Path) -> float:
    floor_db = workspace.scratch("import-floor") / "floor.db"
    return timed(lambda: raw_fts.build(source, floor_db))


def _reflect(workspace: Workspace, source: Path) -> float:
    with opened(workspace.scratch("import-reflect")) as app:
        return timed(lambda: app.transfer.import_path("jrnl", source))
