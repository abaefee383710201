"""Backups and restores of the journal database, and its health check.

Besides the copies the user asks for, a daily copy is taken when the journal is opened (see
:mod:`reflect.core.backup` for when, and for how long copies are kept).
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
from datetime import datetime
from pathlib import Path

from reflect.core.backup import Backup, BackupReason, daily_due, to_prune
from reflect.core.clock import Clock
from reflect.errors import ReflectError, StorageError
from reflect.files import private_folder, translated_os_errors, write_text
from reflect.messages import Msg
from reflect.paths import Paths
from reflect.services.changes import ChangeFeed, Topic
from reflect.storage import backup_files, restore
from reflect.storage.database import Store, file_identity, open_store, unwritable_place
from reflect.storage.sql_errors import corrupt_error, translated


class BackupService:
    def __init__(self, store: Store, paths: Paths, changes: ChangeFeed, clock: Clock) -> None:
        self._store = store
        self._paths = paths
        self._changes = changes
        self._clock = clock
        # A restore swaps the journal file; a backup running on another thread must not be
        # reading it then. Re-entrant: a restore takes its own pre-restore backup.
        self._lock = threading.RLock()

    def backup(self, out: Path | None = None, reason: str = BackupReason.MANUAL) -> Path:
        """Write a verified copy of the journal; to ``out`` or the backups folder."""
        if out is None:
            self._store.refuse_if_read_only()  # the backups folder is in the journal's folder
        now = self._clock()
        with self._lock, translated(self._store.path):
            path = backup_files.write_backup(
                self._store.db.conn,
                self._paths.backups_dir,
                reason,
                target=out,
                now=now,
                key=self._store.key,
            )
            if out is None:
                self._prune(now)
        return path

    def back_up_if_due(self) -> Path | None:
        """Take today's automatic copy unless there is one already, then prune old copies.

        Returns None when none was due, the journal is still empty or it is read-only (there
        is nowhere to put a copy, and nothing changes to need one). Any thread may call this:
        it reads the journal through a connection of its own.
        """
        if self._store.read_only:
            return None
        with self._lock:
            now = self._clock()
            if not daily_due(backup_files.describe_all(self._paths.backups_dir), now):
                return None
            path = backup_files.back_up_journal(
                self._paths.db_path,
                self._paths.backups_dir,
                BackupReason.DAILY,
                now,
                key=self._store.key,
            )
            if path is not None:
                self._prune(now)
            return path

    def _prune(self, now: datetime) -> None:
        """Called only after a new copy was written and checked, so one good copy remains."""
        backups_dir = self._paths.backups_dir
        backup_files.delete([b.path for b in to_prune(backup_files.describe_all(backups_dir), now)])
        backup_files.remove_stale_partials(backups_dir)

    def available(self) -> list[Path]:
        """Backups, newest first."""
        return list(reversed(backup_files.list_backups(self._paths.backups_dir)))

    def listing(self) -> list[Backup]:
        """Backups with their time, reason and size, newest first."""
        return list_backups(self._paths)

    def check(self) -> list[str]:
        return restore.check_store(self._store)

    def quick_check(self) -> restore.QuickCheck:
        """A quick check of the journal that another thread may stop, for :meth:`check_quickly`."""
        return restore.QuickCheck(self._store)

    def check_quickly(
        self, stamps: Path | None = None, check: restore.QuickCheck | None = None
    ) -> None:
        """Raise DB_CORRUPT, naming the newest sound backup, when a quick look at every page
        of the journal finds damage (DB_CORRUPT_NO_BACKUP when there is none). Changes nothing
        in the journal; any thread may call it. A ``check`` stopped (nobody waits for it any
        more) gives the look up, and it counts as not taken.

        With ``stamps`` (a folder outside the journal's), a file that passed is remembered by
        its identity (device, inode, size, change times of the file and its -wal), and not
        read again until one of those changes.
        """
        path = self._store.path
        identity = file_identity(path)
        stamp = (
            stamps / hashlib.sha256(str(path.resolve()).encode()).hexdigest() if stamps else None
        )
        if stamp is not None and _read_stamp(stamp) == identity:
            return
        problems = (check or self.quick_check()).problems()
        if problems is None:
            return
        if problems:
            raise corrupt_error(path, self._store.newest_good_backup)
        if stamp is not None:
            with contextlib.suppress(ReflectError):  # a cache: without it, the next open checks
                write_text(stamp, identity)

    def restore(self, backup: Path) -> Path | None:
        """Replace the open journal with ``backup``; return where the old one was kept."""
        self._store.refuse_if_read_only()
        restore.verify_backup(backup, self._store.key)
        with self._lock:
            safety = self.backup(reason=BackupReason.PRE_RESTORE)
            self._store.close()
            try:
                restore.replace_database(self._paths.db_path, backup)
            finally:
                self._store.reopen()
        self._changes.publish(Topic.JOURNAL)
        return safety


def _read_stamp(stamp: Path) -> str | None:
    try:
        return stamp.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def list_backups(paths: Paths) -> list[Backup]:
    """Backups, newest first; needs no open journal, so works when the journal is damaged."""
    return list(reversed(backup_files.describe_all(paths.backups_dir)))


def newest_good_backup(paths: Paths, key: bytes | None = None) -> Path | None:
    """The newest backup that would restore (each is checked, newest first, until one passes)."""
    return backup_files.newest_good(paths.backups_dir, key)


def restore_closed_journal(paths: Paths, backup: Path, key: bytes | None = None) -> Path | None:
    """Restore when the journal is not open, perhaps because it is damaged.

    The current file is kept first: as a proper backup when it still opens, else as a raw copy.
    A journal Reflect cannot write to is refused before anything is tried.
    """
    if paths.db_path.exists() and (unwritable := unwritable_place(paths.db_path)) is not None:
        raise StorageError(Msg.JOURNAL_READ_ONLY, path=unwritable)
    restore.verify_backup(backup, key)
    with translated_os_errors(paths.data_dir):
        private_folder(paths.data_dir)
        safety = _keep_current(paths, key)
        restore.replace_database(paths.db_path, backup)
    return safety


def _keep_current(paths: Paths, key: bytes | None) -> Path | None:
    if not paths.db_path.exists():
        return None
    try:
        store = open_store(paths.db_path, paths.backups_dir, key=key)
    except StorageError as exc:
        # An encrypted journal with no key (or the wrong one) is kept as it is, unread.
        unreadable = (Msg.DB_CORRUPT, Msg.DB_CORRUPT_NO_BACKUP, Msg.DB_TOO_NEW)
        if exc.msg in (*unreadable, Msg.JOURNAL_KEY_NEEDED, Msg.JOURNAL_KEY_WRONG):
            return restore.keep_damaged_copy(paths.db_path, paths.backups_dir)
        raise  # read-only, locked or full: restoring would fail too, so say why now
    try:
        return backup_files.write_backup(
            store.db.conn, paths.backups_dir, BackupReason.PRE_RESTORE, key=store.key
        )
    except StorageError as exc:
        # Opens, but damaged inside (its copy failed the check): set aside as it is.
        if exc.msg in (Msg.BACKUP_FAILED_CHECK, Msg.DB_CORRUPT, Msg.DB_CORRUPT_NO_BACKUP):
            return restore.keep_damaged_copy(paths.db_path, paths.backups_dir)
        raise
    finally:
        store.close()
