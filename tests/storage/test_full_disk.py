"""A full disk under the journal: the message says so, whichever of SQLite's files ran out.

Needs root for a small tmpfs (see ``mounts``); the translation itself is also checked without.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from mounts import fill_disk, small_disk
from reflect.errors import StorageError
from reflect.messages import Msg
from reflect.storage.database import open_store
from reflect.storage.sql_errors import translate

SQLITE_IOERR_SHMSIZE = 10 | (19 << 8)


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    with small_disk(tmp_path / "journal") as folder:
        store = open_store(folder / "journal.db", folder / "backups")
        store.conn.execute(
            "INSERT INTO inquiries (id, status, created, updated) VALUES ('i1', 'active', 'x', 'x')"
        )
        store.conn.commit()
        store.close()
        yield folder


def test_opening_a_journal_on_a_disk_with_no_room_at_all_says_the_disk_is_full(
    disk: Path,
) -> None:
    # Found while filling disks for the import tests: with no room for its shared-memory file,
    # SQLite fails to read at all, with SQLITE_IOERR_SHMSIZE ("disk I/O error").
    filler = fill_disk(disk)

    with pytest.raises(StorageError) as caught:
        open_store(disk / "journal.db", disk / "backups")

    assert caught.value.msg is Msg.DISK_FULL
    filler.unlink()
    store = open_store(disk / "journal.db", disk / "backups")
    assert store.scalar("SELECT id FROM inquiries") == "i1"
    store.close()


def test_a_shared_memory_file_that_cannot_grow_means_a_full_disk(tmp_path: Path) -> None:
    exc = sqlite3.OperationalError("disk I/O error")
    exc.sqlite_errorcode = SQLITE_IOERR_SHMSIZE
    exc.sqlite_errorname = "SQLITE_IOERR_SHMSIZE"

    translated = translate(exc, tmp_path / "journal.db", None)

    assert isinstance(translated, StorageError)
    assert translated.msg is Msg.DISK_FULL
