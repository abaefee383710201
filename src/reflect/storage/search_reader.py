"""Search on a read connection of its own, for a worker thread while the UI thread keeps the
journal's connection; a query running there can be interrupted when a newer one is asked for.

The journal is in WAL mode, so this reader sees every committed write without waiting for, or
blocking, the writer. After a restore replaces the file (``Store.reopen`` makes a new
connection) the reader opens the new file on its next query.
"""

from __future__ import annotations

import sqlite3
import threading

from reflect.core.entry_filter import EntryFilter
from reflect.core.search import SearchHit, Terms
from reflect.storage import cipher
from reflect.storage.database import BUSY_TIMEOUT_MS, Store
from reflect.storage.search import SearchRepository

_INTERRUPTED = 9  # SQLITE_INTERRUPT, from sqlite3.h


class SearchInterrupted(Exception):
    """The query was stopped by :meth:`SearchReader.interrupt`: its answer is not wanted."""


class SearchReader:
    """Runs one search at a time on its own connection; ``interrupt`` may come from any thread."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._lock = threading.Lock()
        self._reader: Store | None = None
        self._for: sqlite3.Connection | None = None  # the journal connection it was opened for

    def search(self, terms: Terms, filt: EntryFilter, limit: int) -> list[SearchHit]:
        reader = self._current()
        try:
            return SearchRepository(reader).search(terms, filt, limit)
        except cipher.errors() as exc:  # sqlite3's, or SQLCipher's for an encrypted journal
            if getattr(exc, "sqlite_errorcode", 0) == _INTERRUPTED:
                raise SearchInterrupted() from exc
            raise

    def interrupt(self) -> None:
        """Stop the query running now, if any (a no-op between queries)."""
        with self._lock:
            if self._reader is not None:
                self._reader.conn.interrupt()

    def close(self) -> None:
        with self._lock:
            if self._reader is not None:
                self._reader.close()
            self._reader = self._for = None

    def _current(self) -> Store:
        with self._lock:
            store = self._store
            if self._reader is None or self._for is not store.conn:
                if self._reader is not None:
                    self._reader.close()
                conn = store.connect_reader(  # with the key, for an encrypted journal
                    timeout=BUSY_TIMEOUT_MS / 1000,
                    check_same_thread=False,  # one query at a time, from whichever pool thread
                )
                self._reader = Store(conn, store.path, store.backups_dir, store.path, store.key)
                self._for = store.conn
            return self._reader
