"""Cold start of the desktop app to its first painted window, beside a bare PySide6 window.

Each run is a whole new process (``reflect --data-dir D --quit-after-paint``, offscreen), timed
from spawn to exit; the bare window runs before each, so both see the same machine. "Cold"
means a new process, not an emptied OS file cache: the first run of each is a warm-up. The app's
peak memory with the largest journal open is reported too, beside the bare window's.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks import processes
from benchmarks.journals import Workspace
from benchmarks.measure import Figure, Target, median, megabytes

BARE_WINDOW = Path(__file__).parent / "scripts" / "bare_window.py"
TARGET = Target("≤ 4× bare window", 4.0)
MEMORY_TARGET = Target("< 200 MB", 200.0, on="value")
OFFSCREEN = {"QT_QPA_PLATFORM": "offscreen"}


def run(workspace: Workspace, sizes: dict[str, int], repeats: int, python: str) -> list[Figure]:
    """Start-up on an empty journal and on each journal in ``sizes``."""
    journals = {"empty": workspace.scratch("startup-empty")}
    journals.update({label: workspace.journal(size) for label, size in sizes.items()})
    bare: list[processes.Run] = []
    app: dict[str, list[processes.Run]] = {label: [] for label in journals}
    for round_number in range(repeats + 1):
        bare_run = processes.run([python, str(BARE_WINDOW)], OFFSCREEN)
        runs = {label: _start(python, path) for label, path in journals.items()}
        if round_number == 0:
            continue  # warm-up: the empty journal is created, files reach the OS cache
        bare.append(bare_run)
        for label, started in runs.items():
            app[label].append(started)
    floor = median([r.seconds for r in bare])
    figures = [
        Figure(
            f"startup.{label}",
            f"cold start to first paint, {label} journal",
            median([r.seconds for r in runs]),
            "s",
            floor,
            "bare PySide6 window",
            TARGET if label != "empty" else None,
            samples=len(runs),
        )
        for label, runs in app.items()
    ]
    largest = list(app)[-1]
    figures.append(
        Figure(
            f"memory.app.{largest}",
            f"app peak memory, {largest} journal open",
            megabytes(max(r.max_rss_kb for r in app[largest])),
            "MB",
            megabytes(max(r.max_rss_kb for r in bare)),
            "bare PySide6 window",
            MEMORY_TARGET,
            samples=len(app[largest]),
        )
    )
    return figures


def _start(python: str, data_dir: Path) -> processes.Run:
    command = processes.reflect(python, "--data-dir", str(data_dir), "--quit-after-paint")
    return processes.run(command, OFFSCREEN)
