"""Opening the journal database: durable settings, schema migrations and refusal of newer files.

A :class:`Store` owns one connection. Repositories borrow it and wrap every statement in
:meth:`Store.reading` or :meth:`Store.writing`, which turn SQLite failures into user errors.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from reflect.errors import StorageError
from reflect.messages import Msg
from reflect.storage import backup_files, schema
from reflect.storage.sql_errors import translated

DB_FILENAME = "journal.db"
# How long a write waits for another program (a second Reflect, a backup tool) to finish with
# the journal before giving up with DB_LOCKED.
BUSY_TIMEOUT_MS = 5000


class Store:
    """One open journal database."""

    def __init__(self, db: Database, path: Path, backups_dir: Path) -> None:
        self.db = db
        self.path = path
        self.backups_dir = backups_dir

    @contextmanager
    def reading(self) -> Iterator[Database]:
        with translated(self.path, backup_files.newest(self.backups_dir)):
            yield self.db

    @contextmanager
    def writing(self) -> Iterator[Database]:
        """One transaction: every change inside commits durably together, or none does."""
        with translated(self.path, backup_files.newest(self.backups_dir)), self.db.atomic():
            yield self.db

    def query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        with self.reading():
            cursor = self.db.conn.execute(sql, params)
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor]

    def scalar(self, sql: str, params: Any = ()) -> Any:
        with self.reading():
            row = self.db.conn.execute(sql, params).fetchone()
            return None if row is None else row[0]

    def close(self) -> None:
        self.db.close()

    def reopen(self) -> None:
        """Open the file at ``path`` again (after a restore replaced it), migrating if needed."""
        self.db.close()
        self.db = open_store(self.path, self.backups_dir).db


def open_store(
    path: Path,
    backups_dir: Path,
    *,
    steps: Sequence[schema.Step] = schema.STEPS,
) -> Store:
    """Open (creating if needed) and migrate the journal at ``path``.

    An existing journal with pending migrations is backed up first. A journal from a newer
    Reflect is refused untouched.
    """
    existed = path.exists() and path.stat().st_size > 0
    newest = backup_files.newest(backups_dir)
    with translated(path, newest):
        store = Store(_connect(path), path, backups_dir)
        try:
            _check_readable(store, newest)
            _refuse_newer(store, len(steps))
            _configure(store.db)
            _migrate(store, existed, steps)
        except BaseException:
            store.close()
            raise
    return store


def _connect(path: Path) -> Database:
    # check_same_thread=False: the UI hands the store to one worker thread at a time.
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    return Database(conn, execute_plugins=False)


def _check_readable(store: Store, newest_backup: Path | None) -> None:
    # Only damage says "damaged"; a read-only folder or a busy file gets its own message.
    with translated(store.path, newest_backup):
        store.db.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()


def _refuse_newer(store: Store, known_version: int) -> None:
    version = store.db.conn.execute("PRAGMA user_version").fetchone()[0]
    if version > known_version:
        raise StorageError(Msg.DB_TOO_NEW, path=store.path)


def _configure(db: Database) -> None:
    conn = db.conn
    conn.execute("PRAGMA journal_mode = WAL")
    # FULL, not NORMAL: in WAL mode NORMAL can lose the last commits on power failure.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _migrate(store: Store, existed: bool, steps: Sequence[schema.Step]) -> None:
    migrations = schema.build_migrations(steps)
    if not migrations.pending(store.db):
        return
    backup = None
    if existed:
        backup = backup_files.write_backup(store.db.conn, store.backups_dir, "pre-migration")
    try:
        migrations.apply(store.db)
    except sqlite3.Error as exc:
        raise StorageError(
            Msg.MIGRATION_FAILED, backup=backup or "(none needed)", reason=str(exc)
        ) from exc
