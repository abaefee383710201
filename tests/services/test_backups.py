"""Backups are sound single files; restore swaps the journal and keeps the old one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reflect.app import App
from reflect.errors import BadInput
from reflect.messages import Msg
from reflect.storage.backup_files import check_file


def test_backup_is_a_sound_standalone_copy(app: App) -> None:
    app.entries.write("Kept safe.")
    path = app.backups.backup()
    assert check_file(path) == []
    assert not Path(str(path) + "-wal").exists()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT body FROM entries").fetchall() == [("Kept safe.",)]
    conn.close()
    assert app.backups.available() == [path]


def test_restore_replaces_journal_and_keeps_previous(app: App) -> None:
    first = app.entries.write("Before the backup.")
    path = app.backups.backup()
    app.entries.write("After the backup.")
    kept = app.backups.restore(path)
    assert [e.id for e in app.entries.page()] == [first.id]
    assert kept is not None and "pre-restore" in kept.name
    assert check_file(kept) == []
    # The journal is usable after the swap, search included.
    app.entries.write("Written after restoring.")
    assert app.entries.count() == 2


def test_restore_refuses_a_file_that_is_not_a_journal(app: App, tmp_path: Path) -> None:
    app.entries.write("Precious.")
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"nope" * 100)
    for bad in (other, garbage, tmp_path / "missing.db"):
        with pytest.raises(BadInput) as caught:
            app.backups.restore(bad)
        assert caught.value.msg in (Msg.BACKUP_NOT_VALID, Msg.FILE_NOT_FOUND)
    assert [e.body for e in app.entries.page()] == ["Precious."]


def test_check_reports_ok_on_a_healthy_journal(app: App) -> None:
    app.entries.write("Fine.")
    assert app.backups.check() == []
