"""Opening, migrating and refusing journal databases."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from reflect.core.backup import BackupReason
from reflect.errors import StorageError
from reflect.messages import Msg
from reflect.storage import backup_files, schema
from reflect.storage.database import open_store


def test_new_journal_is_durable_wal_with_foreign_keys(tmp_path: Path) -> None:
    store = open_store(tmp_path / "j.db", tmp_path / "backups")
    conn = store.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(schema.STEPS)
    applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert applied == [step.__name__ for step in schema.STEPS]
    store.close()


def test_a_fresh_journal_takes_no_pre_migration_backup(tmp_path: Path) -> None:
    open_store(tmp_path / "j.db", tmp_path / "backups").close()
    assert backup_files.list_backups(tmp_path / "backups") == []


def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    open_store(tmp_path / "j.db", tmp_path / "backups").close()
    store = open_store(tmp_path / "j.db", tmp_path / "backups")
    count = store.db.conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    assert count == len(schema.STEPS)
    store.close()


def test_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    open_store(path, tmp_path / "backups").close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(schema.STEPS) + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StorageError) as caught:
        open_store(path, tmp_path / "backups")
    assert caught.value.msg is Msg.DB_TOO_NEW
    assert path.read_bytes() == before


def _add_column(db: Database) -> None:
    db.execute("ALTER TABLE entries ADD COLUMN mood TEXT")


def _half_then_fail(db: Database) -> None:
    db.execute("CREATE TABLE half_done (x INTEGER)")
    db.execute("INSERT INTO entries_missing_table VALUES (1)")


def test_pending_migration_backs_up_first_and_records_version(tmp_path: Path) -> None:
    path, backups = tmp_path / "j.db", tmp_path / "backups"
    store = open_store(path, backups)
    store.db.conn.execute(
        "INSERT INTO inquiries (id, status, created, updated) VALUES ('i1', 'active', 'x', 'x')"
    )
    store.db.conn.commit()
    store.close()

    store = open_store(path, backups, steps=(*schema.STEPS, _add_column))
    assert "mood" in store.db["entries"].columns_dict
    assert store.db.conn.execute("PRAGMA user_version").fetchone()[0] == len(schema.STEPS) + 1
    store.close()
    [backup] = backup_files.list_backups(backups)
    described = backup_files.describe(backup)
    assert described is not None and described.reason is BackupReason.PRE_MIGRATION
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT id FROM inquiries").fetchall() == [("i1",)]
    assert copy.execute("PRAGMA user_version").fetchone()[0] == len(schema.STEPS)
    copy.close()


def test_migration_failing_half_way_is_rolled_back(tmp_path: Path) -> None:
    path, backups = tmp_path / "j.db", tmp_path / "backups"
    open_store(path, backups).close()

    with pytest.raises(StorageError) as caught:
        open_store(path, backups, steps=(*schema.STEPS, _half_then_fail))
    assert caught.value.msg is Msg.MIGRATION_FAILED

    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "half_done" not in tables
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(schema.STEPS)
    names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
    assert "_half_then_fail" not in names
    conn.close()
    # The journal still opens with the released schema.
    open_store(path, backups).close()


def test_garbage_file_is_reported_as_damaged_with_newest_backup(tmp_path: Path) -> None:
    path, backups = tmp_path / "j.db", tmp_path / "backups"
    store = open_store(path, backups)
    made = backup_files.write_backup(store.db.conn, backups, "manual")
    store.close()
    for side in ("-wal", "-shm"):
        Path(str(path) + side).unlink(missing_ok=True)
    path.write_bytes(b"this is not a database, it is a shopping list\n" * 200)

    with pytest.raises(StorageError) as caught:
        open_store(path, backups)
    assert caught.value.msg is Msg.DB_CORRUPT
    assert str(made) in caught.value.text
    assert "reflect restore" in caught.value.text


def test_damage_is_reported_with_the_newest_backup_that_is_sound(tmp_path: Path) -> None:
    path, backups = tmp_path / "j.db", tmp_path / "backups"
    store = open_store(path, backups)
    sound = backup_files.write_backup(store.db.conn, backups, "manual")
    newer = backup_files.write_backup(store.db.conn, backups, "daily")
    store.close()
    newer.write_bytes(newer.read_bytes()[:2048])  # cut short, as by a failing disk
    path.write_bytes(b"not a database" * 500)

    with pytest.raises(StorageError) as caught:
        open_store(path, backups)

    assert caught.value.msg is Msg.DB_CORRUPT
    assert caught.value.params["backup"] == sound


def test_damaged_without_backups_says_so(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    path.write_bytes(b"\x00garbage" * 1000)
    with pytest.raises(StorageError) as caught:
        open_store(path, tmp_path / "backups")
    assert caught.value.msg is Msg.DB_CORRUPT_NO_BACKUP
