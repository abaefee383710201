"""Connections to a journal that may be encrypted: plain files through the standard ``sqlite3``,
encrypted ones through SQLCipher (the ``sqlcipher3`` module, docs/encryption.md).

Whether a file is encrypted is read from its first bytes, never from a note beside it: a plain
SQLite database starts with ``SQLite format 3\\0``, while an SQLCipher one starts with its random
salt. ``sqlcipher3`` is imported only when an encrypted file is opened, so a plain journal
starts as fast as it always did.

The key is the raw 32 bytes (``PRAGMA key = "x'…'"``): SQLCipher then skips its own key
derivation, which the callers have already done (or did not need, for a random key).
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Any

from reflect.errors import StorageError
from reflect.messages import Msg

SQLITE_HEADER = b"SQLite format 3\x00"
KEY_BYTES = 32


def is_encrypted(path: Path) -> bool:
    """True when ``path`` holds a database that is not a plain SQLite file.

    A missing or empty file is plain (a new journal). A damaged plain file whose header was
    overwritten also reads as encrypted; opening it then fails as a wrong key or damage would.
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return False
    return bool(head) and head != SQLITE_HEADER


def key_pragma(key: bytes) -> str:
    """The statement that gives SQLCipher a raw key (hex digits only, so nothing to escape)."""
    if len(key) != KEY_BYTES:
        raise ValueError("a journal key is 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def sqlcipher() -> Any:
    """The SQLCipher module, imported on first use."""
    import sqlcipher3

    return sqlcipher3


def errors() -> tuple[type[Exception], ...]:
    """The exception classes a journal connection may raise: sqlite3's, and SQLCipher's once
    it has been imported (its classes do not derive from sqlite3's)."""
    loaded = sys.modules.get("sqlcipher3")
    if loaded is None:
        return (sqlite3.Error,)
    return (sqlite3.Error, loaded.Error)


def connect(target: str | Path, key: bytes | None, **options: Any) -> Any:
    """A connection to ``target`` (a path, or a URI with ``uri=True``), with ``key`` for an
    encrypted database and the standard ``sqlite3`` for a plain one (``key`` None)."""
    if key is None:
        return sqlite3.connect(str(target), **options)
    conn = sqlcipher().connect(str(target), **options)
    try:
        # Before the key: SQLCipher otherwise writes its own log lines to stderr.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(key_pragma(key))
    except BaseException:
        conn.close()
        raise
    return conn


def connect_file(path: Path, key: bytes | None, **options: Any) -> Any:
    """A connection to the database file at ``path``, plain or encrypted as its header says.

    An encrypted file with no key to hand is refused with JOURNAL_KEY_NEEDED; a plain file is
    opened plainly even when a key is given (a backup taken before the journal was encrypted).
    """
    if not is_encrypted(path):
        return connect(path, None, **options)
    if key is None:
        raise StorageError(Msg.JOURNAL_KEY_NEEDED, path=path)
    return connect(path, key, **options)


def uri_connect(path: Path, query: str, key: bytes | None, **options: Any) -> Any:
    """Like :func:`connect_file`, through a ``file:`` URI with ``query`` (``mode=ro`` …)."""
    uri = f"{path.resolve().as_uri()}?{query}"
    if not is_encrypted(path):
        return connect(uri, None, uri=True, **options)
    if key is None:
        raise StorageError(Msg.JOURNAL_KEY_NEEDED, path=path)
    return connect(uri, key, uri=True, **options)
