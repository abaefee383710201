"""Crash safety of migration m012 (the search index rebuilt over the journal's own text): a
process killed at any point of it leaves a journal that opens, migrates, passes every check and
finds what it found before."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from random import Random

import pytest
from kill_harness import Child, integrity_problems

import search_journals
from reflect.storage.database import open_store

pytestmark = [
    pytest.mark.crash,
    pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL and select() on pipes"),
]

SEED = 16
ROUNDS = 6
COPIES = 20  # of the demo journal's entries: a migration of a few seconds' SQLite steps


def _results(db: Path, backups: Path) -> tuple[int, dict[str, list[tuple[object, ...]]]]:
    store = open_store(db, backups)
    try:
        search_journals.check_index(store)
        entries = store.scalar("SELECT count(*) FROM entries")
        return entries, {
            q: search_journals.raw_results(store.conn, q) for q in search_journals.QUERIES
        }
    finally:
        store.close()


def test_a_migration_killed_part_way_loses_nothing(tmp_path: Path) -> None:
    pristine = tmp_path / "pristine"
    pristine.mkdir()
    db, backups = search_journals.old_journal(pristine, copies=COPIES)
    reference = tmp_path / "reference"
    shutil.copytree(pristine, reference)
    expected = _results(reference / db.name, reference / backups.name)
    assert expected[0] > 0 and expected[1]["team"]

    rng = Random(SEED)
    steps = _steps_to_migrate(pristine, tmp_path / "counted")
    for n in range(ROUNDS):
        work = tmp_path / f"round{n}"
        shutil.copytree(pristine, work)
        child = Child("migrate_child.py", str(work / db.name), str(work / backups.name))
        try:
            assert child.next_event()["event"] == "started"
            for _ in range(rng.randint(1, steps)):
                child.next_event()
            child.kill()
        finally:
            child.close()
        assert integrity_problems(work / db.name) == [], f"round {n}"
        assert _results(work / db.name, work / backups.name) == expected, f"round {n}"


def _steps_to_migrate(pristine: Path, work: Path) -> int:
    """How many lines a migration left alone prints (kills are spread over them)."""
    shutil.copytree(pristine, work)
    child = Child("migrate_child.py", str(work / "j.db"), str(work / "backups"))
    try:
        events = 0
        while child.next_event()["event"] != "done":
            events += 1
        return events
    finally:
        child.close()
