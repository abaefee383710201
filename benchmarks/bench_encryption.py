"""What encryption costs: search, save, cold start and import on an encrypted journal beside the
same work on the plain journal, in the same run (docs/encryption.md, docs/benchmarks.md).

Both journals are copies of the same built journal; the encrypted one is converted with
``EncryptionService.encrypt`` under a passphrase, so opening it pays for scrypt as a user's
would. Measurements alternate, plain first, so a busy machine slows both alike. The targets
(search and save within 1.5× of plain, start-up within 1.3×) are reported, never asserted.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from benchmarks import corpus, processes
from benchmarks.journals import Workspace
from benchmarks.measure import Figure, Target, median, p95, timed
from benchmarks.queries import Query
from reflect.app import App, open_app
from reflect.core.entry import EntryKind
from reflect.core.search import SearchRequest
from reflect.paths import resolve_paths

PASSPHRASE = "benchmark passphrase"
SPEED = Target("≤ 1.5× plain (reported)", 1.5, binding=False)
START = Target("≤ 1.3× plain (reported)", 1.3, binding=False)
OFFSCREEN = {"QT_QPA_PLATFORM": "offscreen"}
UNLOCKED = {**OFFSCREEN, "REFLECT_JOURNAL_PASSPHRASE": PASSPHRASE}


@dataclass(frozen=True)
class Effort:
    queries: list[Query]
    search_repeats: int
    saves: int
    startup_repeats: int
    import_repeats: int


@contextmanager
def opened(data_dir: Path) -> Iterator[App]:
    app = open_app(resolve_paths(data_dir), unlock=lambda: PASSPHRASE)
    try:
        yield app
    finally:
        app.close()


def copies(workspace: Workspace, size: int, name: str) -> tuple[Path, Path]:
    """A plain and an encrypted copy of the built journal of ``size`` entries."""
    plain, encrypted = workspace.scratch(f"{name}-plain"), workspace.scratch(f"{name}-encrypted")
    for folder in (plain, encrypted):
        shutil.copy(workspace.journal(size) / "journal.db", folder / "journal.db")
    with opened(encrypted) as app:
        app.encryption.encrypt(PASSPHRASE)
    shutil.rmtree(encrypted / "backups", ignore_errors=True)  # the copies taken on the way
    return plain, encrypted


def run(workspace: Workspace, size: int, label: str, effort: Effort, python: str) -> list[Figure]:
    plain, encrypted = copies(workspace, size, "encryption")
    figures = _search(plain, encrypted, label, effort)
    figures += _save(workspace, plain, encrypted, label, effort.saves)
    figures += _startup(python, plain, encrypted, label, effort.startup_repeats)
    figures += _import(workspace, size, label, effort.import_repeats)
    return figures


def _pair(
    key: str, text: str, on: list[float], off: list[float], target: Target | None
) -> list[Figure]:
    return [
        Figure(
            f"encryption.{key}.{name}",
            f"{text}, encrypted, {name}",
            pick(on),
            "s",
            pick(off),
            f"plain journal, {name}",
            target if name == "p95" else None,
            samples=len(on),
        )
        for name, pick in (("p50", median), ("p95", p95))
    ]


def _search(plain: Path, encrypted: Path, label: str, effort: Effort) -> list[Figure]:
    on: list[float] = []
    off: list[float] = []
    with opened(plain) as plain_app, opened(encrypted) as encrypted_app:
        for query in effort.queries:
            request = SearchRequest(query.reflect, limit=50)
            plain_app.search.search(request)  # warm both page caches
            encrypted_app.search.search(request)
            for _ in range(effort.search_repeats):
                off.append(timed(partial(plain_app.search.search, request)))
                on.append(timed(partial(encrypted_app.search.search, request)))
    return _pair(f"search.{label}", f"search {label} entries", on, off, SPEED)


def _save(
    workspace: Workspace, plain: Path, encrypted: Path, label: str, saves: int
) -> list[Figure]:
    samples = list(corpus.generate(saves, workspace.seed + 2))
    on: list[float] = []
    off: list[float] = []
    with opened(plain) as plain_app, opened(encrypted) as encrypted_app:
        for entry in samples:
            for app, into in ((plain_app, off), (encrypted_app, on)):
                write = partial(
                    app.entries.write,
                    entry.body,
                    title=entry.title,
                    kind=EntryKind(entry.kind),
                    tags=list(entry.tags),
                )
                into.append(timed(write))
    return _pair(f"save.{label}", f"save an entry ({label} journal)", on, off, SPEED)


def _startup(python: str, plain: Path, encrypted: Path, label: str, repeats: int) -> list[Figure]:
    on: list[float] = []
    off: list[float] = []
    for round_number in range(repeats + 1):
        plain_run = processes.run(_start(python, plain), OFFSCREEN)
        encrypted_run = processes.run(_start(python, encrypted), UNLOCKED)
        if round_number:  # the first is a warm-up
            off.append(plain_run.seconds)
            on.append(encrypted_run.seconds)
    return [
        Figure(
            f"encryption.startup.{label}",
            f"cold start to first paint, {label} journal, encrypted (passphrase, scrypt included)",
            median(on),
            "s",
            median(off),
            "plain journal",
            START,
            samples=len(on),
        )
    ]


def _start(python: str, data_dir: Path) -> list[str]:
    return processes.reflect(python, "--data-dir", str(data_dir), "--quit-after-paint")


def _import(workspace: Workspace, size: int, label: str, repeats: int) -> list[Figure]:
    source = workspace.jrnl_file(size)
    on: list[float] = []
    off: list[float] = []
    for _ in range(repeats):
        for encrypt, into in ((False, off), (True, on)):
            folder = workspace.scratch("encryption-import")
            with opened(folder) as app:
                if encrypt:
                    app.encryption.encrypt(PASSPHRASE)
                into.append(timed(lambda app=app: app.transfer.import_path("jrnl", source)))
    return [
        Figure(
            f"encryption.import.{label}",
            f"import a {label}-entry jrnl file, encrypted",
            median(on),
            "s",
            median(off),
            "plain journal",
            None,
            samples=repeats,
        )
    ]
