"""Checking a journal database and replacing it with a backup copy."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path
from typing import Any

from reflect.errors import BadInput
from reflect.files import create_private_file, private_folder, sync_folder
from reflect.messages import Msg
from reflect.storage import backup_files, cipher
from reflect.storage.database import Store
from reflect.storage.sql_errors import translated

_SIDE_FILES = ("-wal", "-shm")


def check_store(store: Store) -> list[str]:
    """Problems in the open journal: page structure, foreign keys and the search index.

    The search index's own check is phrased as a write, so a read-only journal skips it.
    """
    with store.reading() as db:
        problems = backup_files.integrity_problems(db.conn)
        if store.read_only:
            return problems
        try:
            db.conn.execute(
                "INSERT INTO search_index(search_index, rank) VALUES ('integrity-check', 1)"
            )
        except cipher.errors() as exc:
            problems.append(f"search index: {exc}")
        finally:
            # The check is phrased as an INSERT, so the driver opened a transaction for it.
            if db.conn.in_transaction:
                db.conn.rollback()
    return problems


# How many problems the quick check at open lists before it stops (it reads every page anyway;
# one is enough to say the journal is damaged).
QUICK_CHECK_LIMIT = 10


class QuickCheck:
    """``PRAGMA quick_check`` of the journal on a connection of its own, so any thread may run
    it, and another may stop it (the app is quitting and nobody waits for it any more)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._lock = threading.Lock()
        self._conn: Any = None
        self._stopped = False

    def problems(self) -> list[str] | None:
        """Damage found in the journal's pages; an empty list means none, None that the check
        was stopped unfinished.

        Reads the whole file, changes nothing: about 0.2 s for a 100,000-entry journal (270 MB)
        already in the disk cache, a few seconds from a cold disk (docs/reliability.md).
        """
        store = self._store
        with translated(store.path, store.newest_good_backup):
            with self._lock:
                if self._stopped:
                    return None
                self._conn = store.connect_reader(timeout=5.0)
            try:
                rows = self._conn.execute(f"PRAGMA quick_check({QUICK_CHECK_LIMIT})").fetchall()
            except cipher.errors():
                if self._stopped:
                    return None
                raise
            finally:
                with self._lock:
                    self._conn.close()
                    self._conn = None
        return [row[0] for row in rows if row[0] != "ok"]

    def stop(self) -> None:
        """Stop the check now, or before it starts; from any thread."""
        with self._lock:
            self._stopped = True
            if self._conn is not None:
                self._conn.interrupt()


def verify_backup(path: Path, key: bytes | None = None) -> None:
    """Raise BadInput unless ``path`` is a sound Reflect journal this version can open (an
    encrypted one with ``key``)."""
    if not path.is_file():
        raise BadInput(Msg.FILE_NOT_FOUND, path=path)
    reason = backup_files.unusable_because(path, key)
    if reason is not None:
        raise BadInput(Msg.BACKUP_NOT_VALID, path=path, reason=reason)


def replace_database(db_path: Path, backup: Path) -> None:
    """Put a copy of ``backup`` where the journal lives. The journal must be closed."""
    partial = db_path.with_name(db_path.name + ".restoring")
    try:
        create_private_file(partial)  # copyfile keeps an existing file's mode
        shutil.copyfile(backup, partial)
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        # Stale WAL files from the old database must not be replayed into the restored one.
        for suffix in _SIDE_FILES:
            Path(str(db_path) + suffix).unlink(missing_ok=True)
        os.replace(partial, db_path)
        sync_folder(db_path.parent)
    finally:
        partial.unlink(missing_ok=True)


def keep_damaged_copy(db_path: Path, backups_dir: Path) -> Path | None:
    """Copy a journal that cannot be opened aside before it is replaced, just in case."""
    if not db_path.exists():
        return None
    target = backup_files.damaged_path(backups_dir)
    private_folder(target.parent)
    create_private_file(target)
    shutil.copyfile(db_path, target)
    return target
