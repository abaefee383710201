"""Turning a journal file encrypted or plain: a verified copy beside it, swapped in atomically.

The steps, each safe to be interrupted (docs/encryption.md, "Converting"):

1. The old journal's WAL is checkpointed into the file, so the file alone holds everything.
2. ``sqlcipher_export`` writes a copy, ``journal.db.converting`` beside the journal, under the
   new key (or none): SQLCipher can read a plain file and write an encrypted one, and back.
3. The copy is checked while both are open (the same tables, row for row), then opened alone
   and checked again (``integrity_check``, foreign keys, schema version), and fsynced.
4. ``os.replace`` puts it where the journal was, and the folder is fsynced.

Until step 4 the old journal is untouched and opens as before; after it the new one is
complete. A copy left by a process killed half way is removed the next time.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from reflect.errors import StorageError
from reflect.files import create_private_file, sync_folder, translated_os_errors
from reflect.messages import Msg
from reflect.storage import backup_files, cipher

CONVERTING = ".converting"
_SIDE_FILES = ("-wal", "-shm", "-journal")


def copy_path(path: Path) -> Path:
    return path.with_name(path.name + CONVERTING)


def remove_leftovers(path: Path) -> None:
    """Delete a half-made copy (and its rollback journal) left by an interrupted conversion."""
    for suffix in ("", "-journal"):
        Path(f"{copy_path(path)}{suffix}").unlink(missing_ok=True)


def remove_all_leftovers(path: Path, backups_dir: Path) -> None:
    """Delete what an interrupted conversion left, beside the journal and its backups: a
    half-made copy may be a plain copy of an encrypted journal. A read-only folder keeps them
    (nothing can be removed there, and nothing can be converted either)."""
    found = [copy_path(path), Path(f"{copy_path(path)}-journal")]
    if backups_dir.is_dir():
        found += backups_dir.glob(f"*{CONVERTING}*")
    for leftover in found:
        with contextlib.suppress(OSError):
            leftover.unlink(missing_ok=True)


def convert(path: Path, old_key: bytes | None, new_key: bytes | None) -> None:
    """Re-write the closed database at ``path`` under ``new_key`` (None: plain), in place.

    Raises StorageError(JOURNAL_CONVERSION_FAILED) when the copy does not check out, leaving
    the journal as it was; JOURNAL_KEY_WRONG when ``old_key`` does not open it.
    """
    target = copy_path(path)
    with translated_os_errors(path):
        remove_leftovers(path)
        try:
            _export(path, old_key, target, new_key)
            _check_alone(target, new_key)
            with open(target, "rb+") as handle:
                os.fsync(handle.fileno())
            _drop_empty_side_files(path)
            os.replace(target, path)
            sync_folder(path.parent)
        finally:
            remove_leftovers(path)


def convert_file(path: Path, old_key: bytes | None, new_key: bytes | None) -> bool:
    """Convert one backup file the same way, if its header says it needs it; True if it did.
    A backup ``old_key`` cannot open is left as it is (it belongs to another key)."""
    if cipher.is_encrypted(path) == (new_key is not None):
        return False
    try:
        convert(path, old_key, new_key)
    except StorageError:
        return False
    return True


def _open_source(path: Path, key: bytes | None) -> Any:
    # Always SQLCipher, even for a plain file: only it has sqlcipher_export.
    conn = cipher.sqlcipher().connect(str(path), isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        conn.execute(cipher.key_pragma(key))
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except cipher.errors() as exc:
        conn.close()
        raise StorageError(Msg.JOURNAL_KEY_WRONG) from exc
    return conn


def _export(path: Path, old_key: bytes | None, target: Path, new_key: bytes | None) -> None:
    conn = _open_source(path, old_key)
    try:
        # The file alone must hold everything: the copy is read from it and it may be
        # swapped out from under its -wal.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        create_private_file(target)
        new = "" if new_key is None else f"x'{new_key.hex()}'"
        conn.execute("ATTACH DATABASE ? AS converted KEY ?", (str(target), new))
        conn.execute("SELECT sqlcipher_export('converted')")
        version = int(conn.execute("PRAGMA main.user_version").fetchone()[0])
        conn.execute(f"PRAGMA converted.user_version = {version}")
        _compare(conn)
        conn.execute("DETACH DATABASE converted")
    except cipher.errors() as exc:
        raise StorageError(Msg.JOURNAL_CONVERSION_FAILED, reason=str(exc)) from exc
    finally:
        conn.close()


def _compare(conn: Any) -> None:
    """Every table of the journal in the copy, with the same rows (search index's too)."""
    schema = (
        "SELECT type, name, sql FROM {}.sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
    )
    if (
        conn.execute(schema.format("main")).fetchall()
        != conn.execute(schema.format("converted")).fetchall()
    ):
        raise StorageError(Msg.JOURNAL_CONVERSION_FAILED, reason="the copy's tables differ")
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
        )
    ]
    for table in tables:
        counts = [
            conn.execute(f'SELECT count(*) FROM {db}."{table}"').fetchone()[0]
            for db in ("main", "converted")
        ]
        missing = conn.execute(
            f'SELECT count(*) FROM (SELECT * FROM main."{table}" '
            f'EXCEPT SELECT * FROM converted."{table}")'
        ).fetchone()[0]
        if counts[0] != counts[1] or missing:
            raise StorageError(Msg.JOURNAL_CONVERSION_FAILED, reason=f"the copy's {table} differs")


def _check_alone(target: Path, key: bytes | None) -> None:
    if cipher.is_encrypted(target) != (key is not None):
        raise StorageError(Msg.JOURNAL_CONVERSION_FAILED, reason="the copy's header is wrong")
    problems = backup_files.check_file(target, key)
    if problems:
        raise StorageError(Msg.JOURNAL_CONVERSION_FAILED, reason=problems[0])


def _drop_empty_side_files(path: Path) -> None:
    """The old journal's -wal must not be replayed into the new file: after the checkpoint and
    close it is gone or empty; a non-empty one means another program has the journal open."""
    for suffix in _SIDE_FILES:
        side = Path(f"{path}{suffix}")
        try:
            size = side.stat().st_size
        except FileNotFoundError:
            continue
        if suffix == "-wal" and size > 0:
            raise StorageError(Msg.DB_LOCKED)
        side.unlink(missing_ok=True)
