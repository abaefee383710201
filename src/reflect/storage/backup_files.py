"""Backup copies of the journal: taken with SQLite's online backup API, verified, listed.

Backups are named ``journal-<UTC stamp>-<reason>.db`` so that sorting by name sorts by age.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from reflect.atomic_file import sync_folder

PREFIX = "journal-"
SUFFIX = ".db"


def path_for(backups_dir: Path, reason: str, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")
    return backups_dir / f"{PREFIX}{stamp}-{reason}{SUFFIX}"


def damaged_path(backups_dir: Path, now: datetime | None = None) -> Path:
    """Where a damaged journal is set aside; named so it is never offered as a backup."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")
    return backups_dir / f"damaged-{stamp}{SUFFIX}"


def list_backups(backups_dir: Path) -> list[Path]:
    """Backups, oldest first."""
    if not backups_dir.is_dir():
        return []
    return sorted(
        p for p in backups_dir.iterdir() if p.name.startswith(PREFIX) and p.suffix == SUFFIX
    )


def newest(backups_dir: Path) -> Path | None:
    found = list_backups(backups_dir)
    return found[-1] if found else None


def write_backup(
    source: sqlite3.Connection, backups_dir: Path, reason: str, target: Path | None = None
) -> Path:
    """Copy the open database to a new backup file, atomically; return its path."""
    target = target or path_for(backups_dir, reason)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        copy_into(source, partial)
        os.replace(partial, target)
        sync_folder(target.parent)
    finally:
        partial.unlink(missing_ok=True)
    return target


def copy_into(source: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of ``source`` written to ``target``, in rollback-journal mode."""
    dest = sqlite3.connect(str(target))
    try:
        source.backup(dest)
        # A copy in WAL mode would need its -wal file beside it; a backup must be one file.
        dest.execute("PRAGMA journal_mode = DELETE")
        dest.commit()
    finally:
        dest.close()


def check_file(path: Path) -> list[str]:
    """Problems found in the database file at ``path``; an empty list means it is sound."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        return integrity_problems(conn)
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    problems = [row[0] for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
    problems += [
        f"row {row[1]} of {row[0]} points at a missing {row[2]}"
        for row in conn.execute("PRAGMA foreign_key_check")
    ]
    return problems
