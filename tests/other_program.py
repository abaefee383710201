"""Another program holding the journal's database locked, as a second Reflect or a database
browser would: a child process, since SQLite's locks are between processes and connections.

The child takes the lock, then says so on its standard output; the test reads that line, so it
never sleeps or guesses. The lock is held until :meth:`OtherProgram.release` (or the end of the
``with`` block), when the child rolls back and exits.

Two kinds of lock:

- ``"write"``: ``BEGIN EXCLUSIVE`` in the journal's WAL mode. Others can still read; a write
  waits for the busy timeout, then fails.
- ``"exclusive"``: ``PRAGMA locking_mode = EXCLUSIVE`` as well. Nothing else can even read.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

LockKind = Literal["write", "exclusive"]
READY = "locked"
_CHILD = r"""
import sqlite3, sys
path, kind = sys.argv[1], sys.argv[2]
conn = sqlite3.connect(path, isolation_level=None, timeout=0)
if kind == "exclusive":
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
print("locked", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
conn.close()
"""


class OtherProgram:
    def __init__(self, db_path: Path, kind: LockKind) -> None:
        self._child = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(db_path), kind],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self._child.stdout is not None
        ready = self._child.stdout.readline().strip()
        if ready != READY:
            _, err = self._child.communicate(timeout=60)
            raise AssertionError(f"the other program could not lock {db_path}: {err}")

    def release(self) -> None:
        """Let go of the lock and wait until the other program has exited."""
        if self._child.poll() is None:
            assert self._child.stdin is not None
            self._child.stdin.write("\n")
            self._child.stdin.flush()
        _, err = self._child.communicate(timeout=60)
        assert self._child.returncode == 0, err


@contextmanager
def locked_by_another_program(db_path: Path, kind: LockKind = "write") -> Iterator[OtherProgram]:
    other = OtherProgram(db_path, kind)
    try:
        yield other
    finally:
        other.release()
