"""Kill tests for turning encryption on and off: a child converts the journal, both ways in
turn, and is SIGKILLed at a random moment (seeded); after every kill the journal must open,
pass its checks, hold every entry as it was, and every listed backup must open with its key.
"""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path
from random import Random

from kill_harness import Child, Report

PASSPHRASE = "kill test passphrase"
ENTRIES = 200


def digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def make_journal(data_dir: Path, seed: int) -> dict[str, str]:
    """A journal of ENTRIES entries of varied length; their ids and text digests."""
    from reflect.app import open_app
    from reflect.paths import resolve_paths

    rng = Random(seed)
    app = open_app(resolve_paths(data_dir))
    try:
        words = ("ward", "flow", "trust", "coaching", "discharge", "data", "teams", "notice")
        written = [
            app.entries.write(" ".join(rng.choice(words) for _ in range(rng.choice((5, 300)))))
            for _ in range(ENTRIES)
        ]
        app.backups.backup()
    finally:
        app.close()
    return {e.id: digest(e.body) for e in written}


def conversion_round(data_dir: Path, rng: Random) -> str:
    """Run one converter and kill it at a random moment; return where it was."""
    child = Child("converter_child.py", str(data_dir), PASSPHRASE)
    try:
        assert child.next_event()["event"] == "started"
        # After which line to kill: opening; taking the backup and (on) the swap; the first
        # backup converted; the last (then, off, the swap); or not at all, so the next round
        # goes the other way.
        stop = rng.choice(("started", "opened", "first step", "last step", "done", "done"))
        while not reached(child.events[-1], stop):
            child.next_event()
        # A random moment after that line: the child exits first only if it finishes.
        try:
            child.proc.wait(timeout=None if stop == "done" else rng.uniform(0, 0.4))
        except subprocess.TimeoutExpired:
            child.kill()
        events = child.read_to_end()
    finally:
        child.close()
    last = events[-1]
    return "finished" if last["event"] == "done" else f"killed after {last['event']}"


def reached(event: dict[str, object], stop: str) -> bool:
    if event["event"] == "done" or event["event"] == stop:
        return True
    if event["event"] != "step":
        return False
    return event["done"] == (1 if stop == "first step" else event["total"])


def check_journal(data_dir: Path, expected: dict[str, str]) -> bool:
    """Everything is there and sound; returns whether the journal is now encrypted."""
    from reflect.app import open_app
    from reflect.core.entry_filter import EntryFilter
    from reflect.paths import resolve_paths
    from reflect.storage.backup_files import list_backups, unusable_because

    paths = resolve_paths(data_dir)
    app = open_app(paths, unlock=lambda: PASSPHRASE)
    try:
        assert app.backups.check() == []
        found = {e.id: digest(e.body) for e in app.entries.page(EntryFilter(), limit=10**6)}
        key = app.store.key
    finally:
        app.close()
    assert found == expected, f"{len(set(expected) - set(found))} entries lost or changed"
    assert leftovers(data_dir) == [], "a half-made copy (perhaps plain) was left behind"
    for backup in list_backups(paths.backups_dir):
        assert unusable_because(backup, key) is None, f"a listed backup does not open: {backup}"
    return key is not None


def run_conversion_kills(data_dir: Path, rounds: int, seed: int, report: Report) -> list[str]:
    rng = Random(seed)
    expected = make_journal(data_dir, seed)
    where = []
    for n in range(rounds):
        at = conversion_round(data_dir, rng)
        encrypted = check_journal(data_dir, expected)
        where.append(at)
        state = "encrypted" if encrypted else "plain"
        report(f"conversion round {n + 1}/{rounds}: {at}, journal {state}")
    return where


def leftovers(data_dir: Path) -> list[Path]:
    """Half-made copies still there after the journal was opened (which removes them)."""
    return [p for p in data_dir.rglob("*") if ".converting" in p.name]
