"""Opening the journal database: durable settings, schema migrations and refusal of newer files.

A :class:`Store` owns one connection. Repositories borrow it and wrap every statement in
:meth:`Store.reading` or :meth:`Store.writing`, which turn SQLite failures into user errors.
Reads go straight to the connection: sqlite-utils, slow to import, is loaded only for writes
and migrations, so a command that only reads starts sooner.

A journal whose folder (or file) Reflect cannot write to, such as a backup on a read-only drive,
is opened read-only: found out at open by trying to make a nameless file in the folder, never
by a write failing. SQLite then opens it with ``mode=ro``, adding ``immutable=1`` when there is
no ``-wal`` or ``-shm`` file (SQLite reads a read-only WAL journal only if those files exist, can
be made, or the file is declared immutable; see docs/reliability.md). Every write is refused
with JOURNAL_READ_ONLY before SQLite is asked.

An encrypted journal (its header says so, see :mod:`reflect.storage.cipher`) is opened the same
way through SQLCipher with the key the caller hands in; everything above the connection is the
same for both.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reflect.errors import StorageError
from reflect.files import create_private_file, translated_os_errors
from reflect.messages import Msg
from reflect.storage import backup_files, cipher, schema
from reflect.storage.sql_errors import NewestBackup, translated

if TYPE_CHECKING:
    from sqlite_utils import Database

DB_FILENAME = "journal.db"
# How long a write waits for another program (a second Reflect, a backup tool) to finish with
# the journal before giving up with DB_LOCKED.
BUSY_TIMEOUT_MS = 5000
# What an attempt to make a file says when the place is read-only (rather than full or broken).
_READ_ONLY_ERRNOS = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})
_NOTADB = 26  # SQLite's primary result code for "file is not a database"


class Store:
    """One open journal database."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        backups_dir: Path,
        unwritable: Path | None = None,
        key: bytes | None = None,
    ) -> None:
        self.conn = conn
        self.path = path
        self.backups_dir = backups_dir
        # The raw key of an encrypted journal; None for a plain one.
        self.key = key
        # The folder (or the file) Reflect cannot write to, when the journal is read-only.
        self.unwritable = unwritable
        self._reader_uri = f"{path.resolve().as_uri()}?mode=ro"
        self._db: Database | None = None

    @property
    def reader_uri(self) -> str:
        """A URI for a second, read-only connection to this journal (another thread's)."""
        return self._reader_uri

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    def connect_reader(self, **options: Any) -> sqlite3.Connection:
        """A second, read-only connection to this journal (another thread's), with its key."""
        conn: sqlite3.Connection = cipher.connect(self._reader_uri, self.key, uri=True, **options)
        return conn

    @property
    def read_only(self) -> bool:
        return self.unwritable is not None

    def refuse_if_read_only(self) -> None:
        """Raise JOURNAL_READ_ONLY, before anything is tried, when the journal is read-only."""
        if self.unwritable is not None:
            raise StorageError(Msg.JOURNAL_READ_ONLY, path=self.unwritable)

    @property
    def db(self) -> Database:
        """The connection as sqlite-utils sees it (transactions, migrations), made on first use."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    def newest_good_backup(self) -> Path | None:
        return backup_files.newest_good(self.backups_dir, key=self.key)

    @contextmanager
    def reading(self) -> Iterator[Database]:
        # The backup to suggest is looked for only if the file turns out to be damaged.
        with translated(self.path, self.newest_good_backup):
            yield self.db

    @contextmanager
    def writing(self) -> Iterator[Database]:
        """One transaction: every change inside commits durably together, or none does."""
        self.refuse_if_read_only()
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
        fresh = open_store(self.path, self.backups_dir, key=self.key)
        self.conn, self._db, self.unwritable = fresh.conn, fresh._db, fresh.unwritable
        self.key = fresh.key
        self._reader_uri = fresh._reader_uri


def open_store(
    path: Path,
    backups_dir: Path,
    *,
    steps: Sequence[schema.Step] = schema.STEPS,
    key: bytes | None = None,
) -> Store:
    """Open (creating if needed) and migrate the journal at ``path``.

    An encrypted journal needs its raw ``key`` (JOURNAL_KEY_NEEDED without one, and
    JOURNAL_KEY_WRONG, changing nothing, for the wrong one); a plain journal ignores ``key``.

    An existing journal with pending migrations is backed up first. A journal from a newer
    Reflect is refused untouched. A journal Reflect cannot write to is opened read-only (see the
    module's documentation); one that would need migrating is refused untouched.
    """
    existed = path.exists() and path.stat().st_size > 0
    # Without a key, a file that is not plain SQLite is opened plainly and reported as damaged.
    key = key if cipher.is_encrypted(path) else None
    # Looked for only on damage.
    newest = partial(backup_files.newest_good, backups_dir, key=key)
    unwritable = unwritable_place(path) if existed else None
    if unwritable is not None:
        return _open_read_only(path, backups_dir, unwritable, len(steps), newest, key)
    with translated(path, newest):
        store = Store(_connect(path, key), path, backups_dir, key=key)
        try:
            _check_readable(store, newest)
            _refuse_newer(store, len(steps))
            _configure(store.conn)
            _migrate(store, existed, steps)
        except BaseException:
            store.close()
            raise
    return store


def _connect(path: Path, key: bytes | None) -> sqlite3.Connection:
    if not path.exists():
        with translated_os_errors(path):
            create_private_file(path)  # owner-only; SQLite gives its WAL and journal the same mode
    # check_same_thread=False: the UI hands the store to one worker thread at a time.
    conn: sqlite3.Connection = cipher.connect(
        path, key, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
    )
    return conn


def unwritable_place(path: Path) -> Path | None:
    """The folder of ``path``, or the file itself, when Reflect cannot write there; else None.

    A nameless temporary file (O_TMPFILE where the system has it) is made and dropped in the
    folder, so nothing is left behind even if the process is killed; the file is opened for
    writing and closed, which changes nothing. A full disk or a failing one is not read-only:
    it is left for the open itself to report.
    """
    folder = path.parent
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        if exc.errno in _READ_ONLY_ERRNOS:
            return folder
        return None
    try:
        os.close(os.open(path, os.O_RDWR))
    except OSError as exc:
        if exc.errno in _READ_ONLY_ERRNOS:
            return path
    return None


def file_identity(path: Path) -> str:
    """Which file ``path`` and its ``-wal`` are, and when they last changed: any write to
    either (flipped bytes too) changes it. An empty -wal (made by opening) counts as none."""
    parts = []
    for each in (path, path.with_name(path.name + "-wal")):
        try:
            st = each.stat()
        except FileNotFoundError:
            parts.append("-")
            continue
        if each != path and st.st_size == 0:
            parts.append("-")
            continue
        parts.append(f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}")
    return f"{path.resolve()} " + " ".join(parts)


def _open_read_only(
    path: Path,
    backups_dir: Path,
    unwritable: Path,
    known_version: int,
    newest: NewestBackup,
    key: bytes | None = None,
) -> Store:
    wal, shm = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))
    folder_read_only = unwritable == path.parent
    if folder_read_only and wal.exists() and not shm.exists():
        # SQLite cannot read the -wal without its index, and cannot make one here; reading the
        # file alone (immutable) would silently show the journal without those changes.
        raise StorageError(
            Msg.JOURNAL_READ_ONLY_UNFINISHED, path=path, wal=wal.name, folder=path.parent
        )
    # immutable=1 only when nothing can be writing: the folder is read-only (so no -wal or -shm
    # can be made by anyone opening it normally) and none is there (else SQLite would ignore a
    # -wal holding the newest changes).
    immutable = folder_read_only and not wal.exists() and not shm.exists()
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
    with translated(path, newest):
        conn = cipher.connect(
            uri, key, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )
        store = Store(conn, path, backups_dir, unwritable, key)
        store._reader_uri = uri
        try:
            _check_readable(store, newest)
            _refuse_newer(store, known_version)
            if _version(store) < known_version:
                raise StorageError(Msg.JOURNAL_READ_ONLY_OLD, path=path, folder=unwritable)
            conn.execute("PRAGMA query_only = ON")  # a second guard behind refuse_if_read_only
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        except BaseException:
            store.close()
            raise
    return store


def _check_readable(store: Store, newest_backup: NewestBackup) -> None:
    # Only damage says "damaged"; a read-only folder or a busy file gets its own message.
    if store.key is not None:
        try:
            store.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except cipher.errors() as exc:
            # SQLCipher checks every page against the key: the first read with a wrong key
            # fails as "not a database", and reading changes nothing.
            if (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF == _NOTADB:
                raise StorageError(Msg.JOURNAL_KEY_WRONG) from exc
            raise
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
        backup = backup_files.write_backup(
            store.conn, store.backups_dir, "pre-migration", key=store.key
        )
    try:
        migrations.apply(store.db)
    except cipher.errors() as exc:
        raise StorageError(
            Msg.MIGRATION_FAILED, backup=backup or "(none needed)", reason=str(exc)
        ) from exc
