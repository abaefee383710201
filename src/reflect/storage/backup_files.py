"""Backup copies of the journal: taken with SQLite's online backup API, verified, listed.

Backups are named ``journal-<UTC stamp>-<reason>.db`` so that sorting by name sorts by age.
A copy is checked before it gets that name, so every file listed here was sound when written.
A backup of an encrypted journal is encrypted with the same key (the backup API copies pages
through SQLCipher, which encrypts the copy's pages as it writes them); ``key`` is that raw key,
used only for files whose header says they are encrypted.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from reflect.core.backup import Backup, BackupReason
from reflect.errors import StorageError
from reflect.files import create_private_file, private_folder, sync_folder, translated_os_errors
from reflect.messages import Msg
from reflect.storage import cipher, schema
from reflect.storage.sql_errors import translated

PREFIX = "journal-"
SUFFIX = ".db"
PARTIAL = ".partial"
_STAMP = "%Y%m%dT%H%M%S%fZ"
_NAME = re.compile(r"^journal-(\d{8}T\d{12}Z)-([a-z-]+)\.db$")
# A .partial left by a process killed while copying; younger ones may still be being written.
STALE_PARTIAL_SECONDS = 3600


def path_for(backups_dir: Path, reason: str, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime(_STAMP)
    return backups_dir / f"{PREFIX}{stamp}-{reason}{SUFFIX}"


def damaged_path(backups_dir: Path, now: datetime | None = None) -> Path:
    """Where a damaged journal is set aside; named so it is never offered as a backup."""
    stamp = (now or datetime.now(UTC)).strftime(_STAMP)
    return backups_dir / f"damaged-{stamp}{SUFFIX}"


def list_backups(backups_dir: Path) -> list[Path]:
    """Backups, oldest first."""
    if not backups_dir.is_dir():
        return []
    return sorted(
        p for p in backups_dir.iterdir() if p.name.startswith(PREFIX) and p.suffix == SUFFIX
    )


def newest_good(backups_dir: Path, key: bytes | None = None) -> Path | None:
    """The newest backup that passes the checks a restore makes (damaged ones are skipped)."""
    for path in reversed(list_backups(backups_dir)):
        if unusable_because(path, key) is None:
            return path
    return None


def describe_all(backups_dir: Path) -> list[Backup]:
    """Every backup with its time, reason and size, oldest first; files that vanish are left
    out (another Reflect may be pruning)."""
    found = (describe(path) for path in list_backups(backups_dir))
    return sorted((b for b in found if b is not None), key=lambda b: b.taken)


def describe(path: Path) -> Backup | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    match = _NAME.match(path.name)
    if match is None:
        taken = datetime.fromtimestamp(stat.st_mtime, UTC)
        return Backup(path, taken, BackupReason.OTHER, stat.st_size)
    taken = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
    reason = match.group(2)
    known = reason in BackupReason.__members__.values()
    return Backup(path, taken, BackupReason(reason) if known else BackupReason.OTHER, stat.st_size)


def write_backup(
    source: sqlite3.Connection,
    backups_dir: Path,
    reason: str,
    target: Path | None = None,
    now: datetime | None = None,
    key: bytes | None = None,
) -> Path:
    """Copy the open database to a new backup file, check the copy, then give it its name.

    A copy that fails the check is deleted and StorageError(BACKUP_FAILED_CHECK) raised.
    """
    target = target or path_for(backups_dir, reason, now)
    partial = target.with_name(target.name + PARTIAL)
    with translated_os_errors(target), translated(target):
        private_folder(target.parent)
        try:
            copy_into(source, partial, key)
            problems = check_file(partial, key)
            if problems:
                raise StorageError(Msg.BACKUP_FAILED_CHECK, reason=problems[0])
            os.replace(partial, target)
            sync_folder(target.parent)
        finally:
            partial.unlink(missing_ok=True)
    return target


def back_up_journal(
    db_path: Path,
    backups_dir: Path,
    reason: str,
    now: datetime | None = None,
    key: bytes | None = None,
) -> Path | None:
    """Like :func:`write_backup`, through a connection of its own, so any thread may call it.

    Returns None, writing nothing, when the journal holds nothing yet (a new, empty one).
    """
    with translated(db_path, lambda: newest_good(backups_dir, key)):
        # mode=rw: never create a journal just to back it up.
        conn = cipher.uri_connect(db_path, "mode=rw", key, timeout=5.0)
        key = key if cipher.is_encrypted(db_path) else None
        try:
            if not holds_anything(conn):
                return None
            return write_backup(conn, backups_dir, reason, now=now, key=key)
        finally:
            conn.close()


def holds_anything(conn: sqlite3.Connection) -> bool:
    """True when any table of the journal has a row (bookkeeping and search tables aside)."""
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_%' ESCAPE '\\' "
            "AND name NOT LIKE 'search\\_index%' ESCAPE '\\'"
        )
    ]
    return any(
        conn.execute(f'SELECT EXISTS (SELECT 1 FROM "{name}")').fetchone()[0] for name in tables
    )


def delete(backups: list[Path]) -> None:
    """Remove backups the retention rules no longer keep.

    One that cannot be removed now (a read-only file, say) is left for the next pruning:
    keeping a copy too long loses nothing, and the new backup was already written.
    """
    for path in backups:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            continue


def remove_stale_partials(backups_dir: Path, clock: Callable[[], float] = time.time) -> None:
    """Delete half-written copies left by a process that was killed while writing one."""
    if not backups_dir.is_dir():
        return
    # The copy and its rollback journal (``.partial-journal``) both go.
    for path in backups_dir.glob(f"{PREFIX}*{SUFFIX}{PARTIAL}*"):
        try:
            if clock() - path.stat().st_mtime > STALE_PARTIAL_SECONDS:
                path.unlink(missing_ok=True)
        except FileNotFoundError:
            continue  # another process tidied it first


def copy_into(source: sqlite3.Connection, target: Path, key: bytes | None = None) -> None:
    """A consistent copy of ``source`` written to ``target``, in rollback-journal mode,
    encrypted with ``key`` when ``source`` is an encrypted journal opened with it."""
    create_private_file(target)
    dest = cipher.connect(target, key)
    try:
        source.backup(dest)
        # A copy in WAL mode would need its -wal file beside it; a backup must be one file.
        dest.execute("PRAGMA journal_mode = DELETE")
        dest.commit()
    finally:
        dest.close()


def unusable_because(path: Path, key: bytes | None = None) -> str | None:
    """Why the file at ``path`` cannot be restored, or None when it is a sound journal."""
    problems = check_file(path, key)
    if problems:
        return problems[0]
    try:
        version, has_entries = _describe_schema(path, key)
    except cipher.errors() as exc:
        return str(exc)
    if not has_entries or version < 1:
        return "it is not a Reflect journal"
    if version > len(schema.STEPS):
        return "it was made by a newer version of Reflect"
    return None


def check_file(path: Path, key: bytes | None = None) -> list[str]:
    """Problems found in the database file at ``path``; an empty list means it is sound.
    An encrypted file that ``key`` does not open is not sound (for this journal)."""
    try:
        conn = cipher.uri_connect(path, "mode=ro", key)
    except StorageError as exc:  # encrypted, and no key to hand
        return [exc.text]
    except cipher.errors() as exc:
        return [str(exc)]
    try:
        return integrity_problems(conn)
    except cipher.errors() as exc:
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


def _describe_schema(path: Path, key: bytes | None) -> tuple[int, bool]:
    conn = cipher.uri_connect(path, "mode=ro", key)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        has_entries = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'entries'"
        ).fetchone()
        return version, has_entries is not None
    finally:
        conn.close()
