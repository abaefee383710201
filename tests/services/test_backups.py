"""Backups are sound single files taken daily and pruned; restore swaps the journal and keeps
the old one."""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import date
from pathlib import Path

import pytest

from fakes import FakeClock
from reflect.app import App
from reflect.core.backup import BackupReason
from reflect.errors import BadInput, StorageError
from reflect.messages import Msg
from reflect.services.backups import newest_good_backup
from reflect.storage import backup_files
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


def test_a_new_empty_journal_gets_no_daily_copy(app: App) -> None:
    assert app.backups.back_up_if_due() is None
    assert app.backups.listing() == []


def test_the_daily_copy_is_taken_once_a_day_and_verified(app: App, clock: FakeClock) -> None:
    app.entries.write("Worth a copy.")

    first = app.backups.back_up_if_due()
    again = app.backups.back_up_if_due()
    clock.advance(hours=23)  # 08:00 the next day
    next_day = app.backups.back_up_if_due()

    assert first is not None and next_day is not None and again is None
    [newer, older] = app.backups.listing()
    assert (older.path, older.reason, older.taken.date()) == (
        first,
        BackupReason.DAILY,
        date(2026, 3, 1),
    )
    assert (newer.path, newer.taken.date()) == (next_day, date(2026, 3, 2))
    assert newer.size == next_day.stat().st_size > 0
    assert check_file(first) == [] and check_file(next_day) == []


def test_daily_copies_are_pruned_after_each_new_one(app: App, clock: FakeClock) -> None:
    app.entries.write("Written in March.")
    manual = app.backups.backup()
    for _ in range(45):  # 1 March to 14 April
        assert app.backups.back_up_if_due() is not None
        clock.advance(days=1)

    listing = app.backups.listing()

    dailies = [b.taken.date().isoformat() for b in listing if b.reason is BackupReason.DAILY]
    assert dailies == [f"2026-04-{day:02d}" for day in range(14, 7, -1)] + ["2026-03-31"]
    assert manual in [b.path for b in listing]


def test_a_copy_that_fails_its_check_is_not_kept(
    app: App, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app.entries.write("Precious.")
    good = app.backups.back_up_if_due()
    clock.advance(days=1)
    monkeypatch.setattr(backup_files, "check_file", lambda path, key=None: ["page 3 is never used"])

    with pytest.raises(StorageError) as caught:
        app.backups.back_up_if_due()

    assert caught.value.msg is Msg.BACKUP_FAILED_CHECK
    assert caught.value.params == {"reason": "page 3 is never used"}
    assert app.backups.available() == [good]
    assert [p.name for p in app.paths.backups_dir.iterdir()] == [good.name]  # no .partial


def test_a_daily_copy_that_cannot_be_written_raises_a_known_error(app: App) -> None:
    app.entries.write("Still here.")
    app.paths.backups_dir.write_text("a file where the folder should be")

    with pytest.raises(StorageError):
        app.backups.back_up_if_due()

    assert [e.body for e in app.entries.page()] == ["Still here."]


def test_half_copies_left_by_a_killed_process_are_tidied_once_stale(app: App) -> None:
    app.entries.write("Something.")
    app.paths.backups_dir.mkdir()
    stale = app.paths.backups_dir / "journal-20260101T000000000000Z-daily.db.partial"
    fresh = app.paths.backups_dir / "journal-20260301T085959000000Z-manual.db.partial"
    for partial in (stale, fresh):
        partial.write_bytes(b"half a copy")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))

    app.backups.back_up_if_due()

    assert not stale.exists()
    assert fresh.exists()  # perhaps another Reflect is still writing it


def test_the_newest_good_backup_skips_damaged_ones(app: App, clock: FakeClock) -> None:
    app.entries.write("Kept safe.")
    good = app.backups.backup()
    clock.advance(minutes=5)
    damaged = app.backups.backup()
    with damaged.open("r+b") as handle:
        handle.seek(100)
        handle.write(b"\xff" * 4000)

    assert app.backups.available()[0] == damaged
    assert newest_good_backup(app.paths) == good
    damaged.unlink()
    good.unlink()
    assert newest_good_backup(app.paths) is None


def test_a_quick_check_given_up_is_not_remembered_as_passed(app: App, tmp_path: Path) -> None:
    app.entries.write("Enough to check.")
    stamps = tmp_path / "stamps"
    stamps.mkdir()
    check = app.backups.quick_check()
    check.stop()  # the app is quitting: nobody waits for it
    app.backups.check_quickly(stamps, check)
    assert list(stamps.iterdir()) == []
    app.backups.check_quickly(stamps)
    assert len(list(stamps.iterdir())) == 1


def test_a_quick_check_told_to_stop_says_it_did_not_look(app: App) -> None:
    from reflect.storage.restore import QuickCheck

    app.entries.write("Enough to check.")
    assert QuickCheck(app.store).problems() == []
    stopped = QuickCheck(app.store)
    stopped.stop()
    assert stopped.problems() is None
