"""Opens (so migrates) a journal for the kill test, printing a JSON line every so many SQLite
steps, so the parent can kill it part-way through a migration without guessing at times.

``python migrate_child.py DB_PATH BACKUPS_DIR``
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path

from reflect.storage import database

STEPS_PER_LINE = 20_000


def _say(event: str) -> None:
    os.write(1, (json.dumps({"event": event}) + "\n").encode())


def _configured(conn: sqlite3.Connection) -> None:
    _configure(conn)

    def progress() -> int:
        _say("step")
        return 0

    conn.set_progress_handler(progress, STEPS_PER_LINE)


_configure = database._configure
database._configure = _configured

_say("started")
database.open_store(Path(sys.argv[1]), Path(sys.argv[2])).close()
_say("done")
