"""Turns SQLite's exceptions into the user-facing errors of :mod:`reflect.errors`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from reflect.errors import StorageError
from reflect.messages import Msg
from reflect.storage.cipher import errors

# The backup to suggest when the journal is damaged, or a function finding it (called only then,
# because finding the newest sound backup means checking backups).
NewestBackup = Path | None | Callable[[], Path | None]

# Primary result codes from sqlite3.h; extended codes keep these in their low byte.
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26
# The WAL index (journal.db-shm) could not grow: SQLite's documentation names a full disk as the
# cause, and it is what a full disk gives before any write is tried (reading needs the index).
_IOERR_SHMSIZE = _IOERR | (19 << 8)


def translate(exc: Exception, path: Path, newest_backup: NewestBackup) -> Exception:
    """Return the error to raise instead of ``exc``; unknown SQLite errors stay bugs."""
    extended = getattr(exc, "sqlite_errorcode", 0) or 0
    code = extended & 0xFF
    if code == _FULL or extended == _IOERR_SHMSIZE:
        return StorageError(Msg.DISK_FULL)
    if code in (_BUSY, _LOCKED):
        return StorageError(Msg.DB_LOCKED)
    if code in (_READONLY, _CANTOPEN):
        return StorageError(Msg.READ_ONLY, path=path.parent)
    if code in (_CORRUPT, _NOTADB):
        return corrupt_error(path, newest_backup)
    if code == _IOERR:
        return StorageError(Msg.DATA_DIR_UNUSABLE, path=path.parent, reason=str(exc))
    return exc


def corrupt_error(path: Path, newest_backup: NewestBackup) -> StorageError:
    backup = newest_backup() if callable(newest_backup) else newest_backup
    if backup is None:
        return StorageError(Msg.DB_CORRUPT_NO_BACKUP, path=path)
    return StorageError(Msg.DB_CORRUPT, path=path, backup=backup)


@contextmanager
def translated(path: Path, newest_backup: NewestBackup = None) -> Iterator[None]:
    """Run a block, re-raising known SQLite failures as :class:`StorageError`."""
    try:
        yield
    except errors() as exc:
        replacement = translate(exc, path, newest_backup)
        if replacement is exc:
            raise
        raise replacement from exc
