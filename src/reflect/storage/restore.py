"""Checking a journal database and replacing it with a backup copy."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from reflect.errors import BadInput
from reflect.files import sync_folder
from reflect.messages import Msg
from reflect.storage import backup_files
from reflect.storage.database import Store

_SIDE_FILES = ("-wal", "-shm")


def check_store(store: Store) -> list[str]:
    """Problems in the open journal: page structure, foreign keys and the search index."""
    with store.reading() as db:
        problems = backup_files.integrity_problems(db.conn)
        try:
            db.conn.execute("INSERT INTO search_index(search_index) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            problems.append(f"search index: {exc}")
        finally:
            # The check is phrased as an INSERT, so the driver opened a transaction for it.
            if db.conn.in_transaction:
                db.conn.rollback()
    return problems


def verify_backup(path: Path) -> None:
    """Raise BadInput unless ``path`` is a sound Reflect journal this version can open."""
    if not path.is_file():
        raise BadInput(Msg.FILE_NOT_FOUND, path=path)
    reason = backup_files.unusable_because(path)
    if reason is not None:
        raise BadInput(Msg.BACKUP_NOT_VALID, path=path, reason=reason)


def replace_database(db_path: Path, backup: Path) -> None:
    """Put a copy of ``backup`` where the journal lives. The journal must be closed."""
    partial = db_path.with_name(db_path.name + ".restoring")
    try:
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
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(db_path, target)
    return target
