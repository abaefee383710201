"""Opening the journal database: durable settings, schema migrations and refusal of newer files.

A :class:`Store` owns one connection. Repositories borrow it and wrap every statement in
:meth:`Store.reading` or :meth:`Store.writing`, which turn SQLite failures into user errors.
Reads go straight to the connection: sqlite-utils, slow to import, is loaded only for writes
and migrations, so a command that only reads starts sooner.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reflect.errors import StorageError
from reflect.messages import Msg
from reflect.storage import backup_files, schema
from reflect.storage.sql_errors import NewestBackup, translated

if TYPE_CHECKING:
    from sqlite_utils import Database

DB_FILENAME = "journal.db"
# How long a write waits for another program (a second Reflect, a backup tool) to finish with
# the journal before giving up with DB_LOCKED.
BUSY_TIMEOUT_MS = 5000


class Store:
    """One open journal database."""

    def __init__(self, conn: sqlite3.Connection, path: Path, backups_dir: Path) -> None:
        self.conn = conn
        self.path = path
        self.backups_dir = backups_dir
        self._db: Database | None = None

    @property
    def db(self) -> Database:
        """The connection as sqlite-utils sees it (transactions, migrations), made on first use."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    def newest_good_backup(self) -> Path | None:
        return backup_files.newest_good(self.backups_dir)

    @contextmanager
    def reading(self) -> Iterator[Database]:
        # The backup to suggest is looked for only if the file turns out to be damaged.
        with translated(self.path, self.newest_good_backup):
            yield self.db

    @contextmanager
    def writing(self) -> Iterator[Database]:
        """One transaction: every change inside commits durably together, or none does."""
        with translated(self.path, self.newest_good_backup), self.db.atomic():
            yield self.db

    def query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        with translated(self.path, self.newest_good_backup):
            cursor = self.conn.execute(sql, params)
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor]

    def scalar(self, sql: str, params: Any = ()) -> Any:
        with translated(self.path, self.newest_good_backup):
            row = self.conn.execute(sql, params).fetchone()
            return None if row is None else row[0]

    def close(self) -> None:
        self.conn.close()

    def reopen(self) -> None:
        """Open the file at ``path`` again (after a restore replaced it), migrating if needed."""
        self.close()
        fresh = open_store(self.path, self.backups_dir)
        self.conn, self._db = fresh.conn, fresh._db


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
    newest = partial(backup_files.newest_good, backups_dir)  # looked for only on damage
    with translated(path, newest):
        store = Store(_connect(path), path, backups_dir)
        try:
            _check_readable(store, newest)
            _refuse_newer(store, len(steps))
            _configure(store.conn)
            _migrate(store, existed, steps)
        except BaseException:
            store.close()
            raise
    return store


def _connect(path: Path) -> sqlite3.Connection:
    # check_same_thread=False: the UI hands the store to one worker thread at a time.
    return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)


def _check_readable(store: Store, newest_backup: NewestBackup) -> None:
    # Only damage says "damaged"; a read-only folder or a busy file gets its own message.
    with translated(store.path, newest_backup):
        store.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()


def _version(store: Store) -> int:
    return int(store.conn.execute("PRAGMA user_version").fetchone()[0])


def _refuse_newer(store: Store, known_version: int) -> None:
    if _version(store) > known_version:
        raise StorageError(Msg.DB_TOO_NEW, path=store.path)


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    # FULL, not NORMAL: in WAL mode NORMAL can lose the last commits on power failure.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _migrate(store: Store, existed: bool, steps: Sequence[schema.Step]) -> None:
    # Every step records the version it reaches in the same transaction (see schema), so a
    # journal at the newest version has nothing pending, and sqlite-utils need not load.
    if _version(store) == len(steps):
        return
    migrations = schema.build_migrations(steps)
    if not migrations.pending(store.db):
        return
    backup = None
    if existed:
        backup = backup_files.write_backup(store.conn, store.backups_dir, "pre-migration")
    try:
        migrations.apply(store.db)
    except sqlite3.Error as exc:
        raise StorageError(
            Msg.MIGRATION_FAILED, backup=backup or "(none needed)", reason=str(exc)
        ) from exc
