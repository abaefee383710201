"""Backups and restores of the journal database, and its health check."""

from __future__ import annotations

from pathlib import Path

from reflect.atomic_file import translated_os_errors
from reflect.errors import StorageError
from reflect.messages import Msg
from reflect.paths import Paths
from reflect.services.changes import ChangeFeed, Topic
from reflect.storage import backup_files, restore
from reflect.storage.database import Store, open_store
from reflect.storage.sql_errors import translated


class BackupService:
    def __init__(self, store: Store, paths: Paths, changes: ChangeFeed) -> None:
        self._store = store
        self._paths = paths
        self._changes = changes

    def backup(self, out: Path | None = None, reason: str = "manual") -> Path:
        """Write a verified copy of the journal; to ``out`` or the backups folder."""
        with translated(self._store.path):
            return backup_files.write_backup(
                self._store.db.conn, self._paths.backups_dir, reason, target=out
            )

    def available(self) -> list[Path]:
        """Backups, newest first."""
        return list(reversed(backup_files.list_backups(self._paths.backups_dir)))

    def check(self) -> list[str]:
        return restore.check_store(self._store)

    def restore(self, backup: Path) -> Path | None:
        """Replace the open journal with ``backup``; return where the old one was kept."""
        restore.verify_backup(backup)
        safety = self.backup(reason="pre-restore")
        self._store.close()
        try:
            restore.replace_database(self._paths.db_path, backup)
        finally:
            self._store.reopen()
        self._changes.publish(Topic.JOURNAL)
        return safety


def restore_closed_journal(paths: Paths, backup: Path) -> Path | None:
    """Restore when the journal is not open, perhaps because it is damaged.

    The current file is kept first: as a proper backup when it still opens, else as a raw copy.
    """
    restore.verify_backup(backup)
    with translated_os_errors(paths.data_dir):
        paths.data_dir.mkdir(parents=True, exist_ok=True)
        safety = _keep_current(paths)
        restore.replace_database(paths.db_path, backup)
    return safety


def _keep_current(paths: Paths) -> Path | None:
    if not paths.db_path.exists():
        return None
    try:
        store = open_store(paths.db_path, paths.backups_dir)
    except StorageError as exc:
        if exc.msg in (Msg.DB_CORRUPT, Msg.DB_CORRUPT_NO_BACKUP, Msg.DB_TOO_NEW):
            return restore.keep_damaged_copy(paths.db_path, paths.backups_dir)
        raise  # read-only, locked or full: restoring would fail too, so say why now
    try:
        return backup_files.write_backup(store.db.conn, paths.backups_dir, "pre-restore")
    finally:
        store.close()
