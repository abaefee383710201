"""``reflect search`` as a whole process, beside jrnl searching the same entries.

Both print their first 50 matches: ``reflect --data-dir D search TEXT --limit 50`` over the
journal built from the corpus, and ``jrnl -contains TEXT -n 50`` over the corpus's jrnl file
(jrnl's search is a case-insensitive substring match over a journal it parses in full on every
run). A one-shot raw FTS5 search in a bare Python process is a second reference: the floor
that Python's start-up and one query set. One query of each kind runs; every command runs once
untimed first. The command's peak memory is reported too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from benchmarks import processes
from benchmarks.journals import Workspace
from benchmarks.measure import Figure, Target, median, megabytes
from benchmarks.queries import Query
from benchmarks.venvs import JRNL_REQUIREMENT

RAW_SEARCH = Path(__file__).parent / "raw_fts.py"
JRNL_TARGET = Target("≥ 20× faster than jrnl (ratio ≤ 0.05)", 0.05)
JRNL_TARGET_FROM = 100_000  # the target is set for large journals; jrnl is quick on small ones
MEMORY_TARGET = Target("< 200 MB", 200.0, on="value")
LIMIT = "50"


def run(
    workspace: Workspace,
    size: int,
    label: str,
    query_list: list[Query],
    repeats: int,
    python: str,
    jrnl: str,
) -> list[Figure]:
    journal, config = workspace.journal(size), jrnl_config(workspace, size)
    floor_db = workspace.floor_db(size)
    commands: dict[str, Callable[[Query], list[str]]] = {
        "reflect": lambda q: processes.reflect(
            python, "--data-dir", str(journal), "search", q.reflect, "--limit", LIMIT
        ),
        "jrnl": lambda q: [jrnl, "--config-file", str(config), "-contains", q.jrnl, "-n", LIMIT],
        "raw": lambda q: [python, str(RAW_SEARCH), str(floor_db), q.fts],
    }
    runs: dict[str, list[processes.Run]] = {name: [] for name in commands}
    for query in query_list:
        for command in commands.values():
            processes.run(command(query))  # untimed: the files reach the OS cache
        for _ in range(repeats):
            for name, command in commands.items():
                runs[name].append(processes.run(command(query)))
    return _figures(label, runs, JRNL_TARGET if size >= JRNL_TARGET_FROM else None)


def _figures(
    label: str, runs: dict[str, list[processes.Run]], jrnl_target: Target | None
) -> list[Figure]:
    seconds = {name: median([r.seconds for r in found]) for name, found in runs.items()}
    memory = {name: megabytes(max(r.max_rss_kb for r in found)) for name, found in runs.items()}
    count = len(runs["reflect"])
    return [
        Figure(
            f"cli.{label}.jrnl",
            f"`reflect search` process, {label} entries",
            seconds["reflect"],
            "s",
            seconds["jrnl"],
            "jrnl -contains, same entries",
            jrnl_target,
            samples=count,
            details={"jrnl_peak_mb": memory["jrnl"]},
        ),
        Figure(
            f"cli.{label}.raw",
            f"`reflect search` process, {label} entries",
            seconds["reflect"],
            "s",
            seconds["raw"],
            "raw FTS5 search in a bare Python process",
            None,
            samples=count,
        ),
        Figure(
            f"memory.cli.{label}",
            f"`reflect search` peak memory, {label} entries",
            memory["reflect"],
            "MB",
            memory["raw"],
            "raw FTS5 search in a bare Python process",
            MEMORY_TARGET,
            samples=count,
        ),
    ]


def jrnl_config(workspace: Workspace, size: int) -> Path:
    """A jrnl configuration for the corpus file, written in full so jrnl never asks or
    rewrites it: plain text, no colours, the corpus's time format, ``@`` for tags."""
    path = workspace.root / "jrnl" / f"{workspace.name(size)}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        _JRNL_CONFIG.format(journal=workspace.jrnl_file(size), version=_jrnl_version()),
        encoding="utf-8",
    )
    return path


def _jrnl_version() -> str:
    return JRNL_REQUIREMENT.split("==")[1]


_JRNL_CONFIG = """\
colors:
  body: none
  date: none
  tags: none
  title: none
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
linewrap: 79
tagsymbols: '@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: '{version}'
"""
