"""Kill tests: a child process writes to a journal and is SIGKILLed at a random moment, again and
again; then the journal must pass its integrity checks and hold every acknowledged change.

The children print a line when something has happened; the parent waits for those lines (with a
deadline, never a sleep) and kills at a point chosen by a seeded random number generator, so a
failing run can be repeated with its seed. ``test_kill.py`` runs a few rounds in every test run;
``kill.py`` runs hundreds (see docs/reliability.md).
"""

from __future__ import annotations

import hashlib
import json
import os
import select
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from random import Random
from typing import Any

HERE = Path(__file__).resolve().parent
SRC = HERE.parents[1] / "src"
LINE_DEADLINE_S = 120.0  # a child silent this long is stuck: fail instead of hanging

Report = Callable[[str], None]


class Child:
    """A child Python process whose stdout is read as JSON lines."""

    def __init__(self, script: str, *args: str) -> None:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SRC), env.get("PYTHONPATH")) if p)
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close())
        self.proc = subprocess.Popen(
            [sys.executable, str(HERE / script), *args],
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            stdin=subprocess.DEVNULL,
            env=env,
        )
        assert self.proc.stdout is not None
        self._fd = self.proc.stdout.fileno()
        self._buffer = b""
        self.events: list[dict[str, Any]] = []  # every line read so far

    def next_event(self) -> dict[str, Any]:
        """The child's next line, waiting for it; fails if the child exits or goes quiet."""
        deadline = time.monotonic() + LINE_DEADLINE_S
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            ready, _, _ = select.select([self._fd], [], [], max(remaining, 0))
            if not ready:
                raise AssertionError(f"no output for {LINE_DEADLINE_S}s{self._stderr_text()}")
            chunk = os.read(self._fd, 1 << 16)
            if not chunk:
                self.proc.wait()
                raise AssertionError(
                    f"the child exited ({self.proc.returncode}){self._stderr_text()}"
                )
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        event: dict[str, Any] = json.loads(line)
        self.events.append(event)
        return event

    def read_to_end(self) -> list[dict[str, Any]]:
        """Every complete line the child printed, read now if not before (after a kill; a
        line the kill cut short is dropped)."""
        assert self.proc.stdout is not None
        rest = self._buffer + self.proc.stdout.read()
        self._buffer = b""
        self.events += [json.loads(line) for line in rest.split(b"\n")[:-1]]
        return self.events

    def kill(self) -> float:
        """SIGKILL the child (no clean-up runs in it); return the moment, monotonic seconds."""
        moment = time.monotonic()
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        return moment

    def close(self) -> None:
        if self.proc.poll() is None:
            self.kill()
        assert self.proc.stdout is not None
        self.proc.stdout.close()
        self._stderr.close()

    def _stderr_text(self) -> str:
        self._stderr.seek(0)
        text = self._stderr.read().decode("utf-8", "replace").strip()
        return f"; its stderr:\n{text}" if text else ""


def integrity_problems(db_path: Path) -> list[str]:
    """``PRAGMA integrity_check`` and ``foreign_key_check`` on the file, read-only."""
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
        problems += [str(row) for row in conn.execute("PRAGMA foreign_key_check")]
        return problems
    finally:
        conn.close()


# The writer ------------------------------------------------------------------------------


def digest(body: str) -> str:
    """As writer_child.py reports a text."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


@dataclass
class Ledger:
    """What the writers were told was committed, and what was in flight when one was killed.

    Texts are kept as digests. An entry or draft may hold any of the texts in its set: the
    acknowledged one, or one whose change was in flight at a kill ("" for none: not there).

    The promise is about acknowledged changes only. A write in flight at a kill may have
    committed without a "done" line, and a later writer may then pick that entry to edit: such
    an entry is held to nothing until a change to it is acknowledged, beyond holding a text some
    writer began (``unacknowledged``).
    """

    entries: dict[str, set[str]] = field(default_factory=dict)
    drafts: dict[str, set[str]] = field(default_factory=dict)
    unacknowledged: set[str] = field(default_factory=set)  # texts of changes in flight
    acknowledged: int = 0
    # For a failure's message: where each text came from, and what happened to each item.
    origins: dict[str, str] = field(default_factory=dict)
    histories: dict[str, list[str]] = field(default_factory=dict)

    def record(self, events: list[dict[str, Any]], day: int | None = None) -> str:
        """Take in everything one writer printed (the writer of round ``day``); return what it
        was doing when killed."""
        in_flight = None
        for event in events:
            if event["event"] == "begin":
                in_flight = event
            elif event["event"] == "done":
                kept = self.drafts if event["op"] == "draft" else self.entries
                kept[event["id"]] = {event["body"]}
                self.acknowledged += 1
                self._note(event, day, "acknowledged")
                in_flight = None
        if in_flight is None:
            return events[-1]["event"] if events else "start"
        self.unacknowledged.add(in_flight["body"])
        self._note(in_flight, day, "in flight")
        if in_flight["op"] == "draft":
            # A draft's first autosave may be the one in flight: then there may be no draft.
            self.drafts.setdefault(in_flight["id"], {""}).add(in_flight["body"])
        elif in_flight["op"] == "edit" and in_flight["id"] in self.entries:
            self.entries[in_flight["id"]].add(in_flight["body"])
        return f"{in_flight['op']} in flight"

    def _note(self, event: dict[str, Any], day: int | None, outcome: str) -> None:
        change = f"round {day if day is not None else '?'} change {event.get('change', '?')}"
        what = f"{change}: {event['op']} {outcome}"
        self.origins.setdefault(event["body"], what)
        if "id" in event:
            self.histories.setdefault(event["id"], []).append(f"{what} ({event['body']})")

    def describe(self, text: str | None) -> str:
        """A text digest, with where it came from, for a failure's message."""
        if not text:
            return "nothing"
        return f"{text} ({self.origins.get(text, 'no writer began this text')})"

    def explain(self, kind: str, item_id: str, found: str | None) -> str:
        """Why ``found`` (None: no such item) is not what was acknowledged for the item."""
        expected = " or ".join(sorted(self.describe(t) for t in self._kept(kind)[item_id]))
        history = "; ".join(self.histories.get(item_id, [])) or "none recorded"
        return (
            f"acknowledged {kind} {item_id} lost or wrong: found {self.describe(found)}, "
            f"expected {expected}; its changes: {history}"
        )

    def _kept(self, kind: str) -> dict[str, set[str]]:
        return self.drafts if kind == "draft" else self.entries


def writer_round(data_dir: Path, seed: int, day: int, rng: Random, ledger: Ledger) -> str:
    """Run one writer, kill it at a random point, and record what it acknowledged; return
    where it was killed."""
    child = Child("writer_child.py", str(data_dir), str(seed), str(day))
    try:
        # Where to kill: while opening (recovery, migrations), while taking the day's backup
        # (copy, check, pruning), just after, or after some number of lines.
        stops = ("started", "opened", "ready")
        stop = rng.choices((*stops, "lines"), weights=(10, 15, 5, 70))[0]
        for expected in stops[: stops.index(stop) + 1] if stop in stops else stops:
            assert child.next_event()["event"] == expected
        for _ in range(rng.randint(1, 80) if stop == "lines" else 0):
            child.next_event()
        child.kill()
        # Whatever it printed before it died, read or not, was acknowledged.
        events = child.read_to_end()
    finally:
        child.close()
    return ledger.record(events, day)


def check_writer_journal(data_dir: Path, ledger: Ledger) -> None:
    """The journal opens, passes every check and holds every acknowledged change."""
    from reflect.app import open_app
    from reflect.core.entry_filter import EntryFilter
    from reflect.paths import resolve_paths
    from reflect.storage.backup_files import list_backups, unusable_because

    paths = resolve_paths(data_dir)
    assert integrity_problems(paths.db_path) == []
    app = open_app(paths)
    try:
        assert app.backups.check() == []  # structure, foreign keys and the search index
        found = {e.id: digest(e.body) for e in app.entries.page(EntryFilter(), limit=10**6)}
        drafts = {d.id: digest(d.body) for d in app.drafts.unfinished()}
    finally:
        app.close()
    problems = [
        ledger.explain("entry", entry_id, found.get(entry_id))
        for entry_id, texts in ledger.entries.items()
        if found.get(entry_id, "") not in texts
    ]
    problems += [
        ledger.explain("draft", draft_id, drafts.get(draft_id))
        for draft_id, texts in ledger.drafts.items()
        if drafts.get(draft_id, "") not in texts
    ]
    # Entries nobody was told about are writes that were in flight (perhaps edited since, by
    # edits in flight too); every draft's id was printed by the writer autosaving it.
    problems += [
        f"entry from nowhere: {entry_id} holds {ledger.describe(text)}"
        for entry_id, text in found.items()
        if entry_id not in ledger.entries and text not in ledger.unacknowledged
    ]
    problems += [
        f"draft from nowhere: {draft_id} holds {ledger.describe(text)}"
        for draft_id, text in drafts.items()
        if draft_id not in ledger.drafts
    ]
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems[:20])
    for backup in list_backups(paths.backups_dir):
        assert unusable_because(backup) is None, f"a listed backup is damaged: {backup}"


def run_writer_kills(data_dir: Path, rounds: int, seed: int, report: Report) -> Ledger:
    rng = Random(seed)
    ledger = Ledger()
    db_path = data_dir / "journal.db"
    for day in range(rounds):
        where = writer_round(data_dir, seed, day, rng, ledger)
        if db_path.exists():
            problems = integrity_problems(db_path)
            assert problems == [], f"round {day} (killed at {where}): {problems[:3]}"
        report(f"writer round {day + 1}/{rounds}: killed at {where}")
    check_writer_journal(data_dir, ledger)
    return ledger


# The editor ------------------------------------------------------------------------------


@dataclass
class EditorRound:
    """What one typist typed and had saved, when it was killed, and what survived."""

    typed: list[tuple[float, str]]  # (moment, text) in the order typed
    saved_lengths: list[int]  # lengths of the autosaves acknowledged
    killed_at: float
    kept: str  # the draft found afterwards ("" when none)

    def typed_before(self, moment: float) -> str:
        return "".join(text for at, text in self.typed if at <= moment)

    @property
    def lost_seconds(self) -> float:
        """How far before the kill the oldest lost text was typed (0 when nothing was lost)."""
        position = 0
        for at, text in self.typed:
            position += len(text)
            if position > len(self.kept):
                return self.killed_at - at
        return 0.0


def editor_round(data_dir: Path, seed: int, rng: Random) -> EditorRound:
    """Start the app on a new journal, let it type, kill it, and read back the draft."""
    child = Child("editor_child.py", str(data_dir), str(seed))
    try:
        assert child.next_event()["event"] == "ready"
        pieces = rng.randint(1, 40)  # about four seconds of typing at most
        while sum(e["event"] == "typing" for e in child.events) < pieces:
            child.next_event()
        killed_at = child.kill()
        events = child.read_to_end()
    finally:
        child.close()
    return EditorRound(
        typed=[(e["at"], e["text"]) for e in events if e["event"] == "typing"],
        saved_lengths=[e["length"] for e in events if e["event"] == "saved"],
        killed_at=killed_at,
        kept=draft_left_in(data_dir),
    )


def draft_left_in(data_dir: Path) -> str:
    from reflect.app import open_app
    from reflect.paths import resolve_paths

    paths = resolve_paths(data_dir)
    if not paths.db_path.exists():
        return ""  # killed before the journal was first written
    assert integrity_problems(paths.db_path) == []
    app = open_app(paths)
    try:
        drafts = app.drafts.unfinished()
    finally:
        app.close()
    assert len(drafts) <= 1, drafts
    return drafts[0].body if drafts else ""


def check_editor_round(result: EditorRound, loss_limit_s: float) -> None:
    everything = result.typed_before(result.killed_at)
    assert everything.startswith(result.kept), "the draft is not what was typed"
    # Every acknowledged autosave survived (typing only adds, so the draft never shrinks).
    assert len(result.kept) >= max(result.saved_lengths, default=0)
    must_keep = result.typed_before(result.killed_at - loss_limit_s)
    assert len(result.kept) >= len(must_keep), (
        f"lost text typed {result.lost_seconds:.2f}s before the kill "
        f"(allowed: {loss_limit_s}s): kept {len(result.kept)} of {len(everything)} characters"
    )


def run_editor_kills(workdir: Path, rounds: int, seed: int, report: Report) -> list[EditorRound]:
    from reflect.ui.editor.entry_editor import AUTOSAVE_MAX_WAIT_MS

    # The autosave's deadline, plus a second for the save itself on a busy machine.
    loss_limit_s = AUTOSAVE_MAX_WAIT_MS / 1000 + 1.0
    rng = Random(seed)
    results = []
    for n in range(rounds):
        result = editor_round(workdir / f"typist-{n}", seed + n, rng)
        check_editor_round(result, loss_limit_s)
        results.append(result)
        report(
            f"editor round {n + 1}/{rounds}: typed {len(''.join(t for _, t in result.typed))}, "
            f"kept {len(result.kept)}, oldest loss {result.lost_seconds:.2f}s before the kill"
        )
    return results
