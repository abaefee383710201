"""Start-up and backups: the day's copy is taken behind the window, and a damaged journal is
offered the newest backup that is sound."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app_fixtures import flip_middle
from fakes import FakeClock
from reflect.app import open_app
from reflect.core.backup import BackupReason
from reflect.paths import Paths
from reflect.services.backups import list_backups
from reflect.ui import launch


def journal_with_writing(paths: Paths, clock: FakeClock) -> list[Path]:
    """A journal holding one entry and two backups, oldest first."""
    app = open_app(paths, clock)
    app.entries.write("Worth keeping.")
    made = [app.backups.backup()]
    clock.advance(hours=1)
    made.append(app.backups.backup())
    app.close()
    return made


def damage(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.write(bytes(range(256)) * 16)


def start(qtbot: QtBot, qapp: QApplication, paths: Paths) -> launch.Session:
    session = launch.Session(qapp, paths)
    assert session.open(paths)
    assert session.window is not None
    qtbot.addWidget(session.window)
    return session


def test_the_day_s_backup_is_taken_after_the_window_shows(
    qtbot: QtBot, qapp: QApplication, paths: Paths, clock: FakeClock
) -> None:
    journal_with_writing(paths, clock)

    session = start(qtbot, qapp, paths)
    [daily] = session.daily_backups
    with qtbot.waitSignal(daily.done, timeout=20000) as taken:
        pass
    session.close()

    newest = list_backups(paths)[0]
    assert newest.reason is BackupReason.DAILY
    assert taken.args == [newest.path]


def test_a_failed_daily_backup_is_one_quiet_line_and_the_app_carries_on(
    qtbot: QtBot, qapp: QApplication, paths: Paths, clock: FakeClock
) -> None:
    app = open_app(paths, clock)
    app.entries.write("Written before the disk filled.")
    app.close()
    paths.backups_dir.write_text("a file where the backups folder should be")

    session = start(qtbot, qapp, paths)
    window = session.window
    assert window is not None
    with qtbot.waitSignal(window.statusBar().messageChanged, timeout=20000) as told:
        pass

    assert str(told.args[0]).startswith("Today's automatic backup was not made")
    assert session.app is not None
    assert session.app.entries.write("And the journal still works.").body
    session.close()


def test_a_damaged_journal_is_offered_the_newest_sound_backup(
    qapp: QApplication, paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    older, newer = journal_with_writing(paths, clock)
    damage(newer)
    damage(paths.db_path)
    offered: list[str] = []

    def click_restore(box: QMessageBox) -> int:
        offered.append(box.informativeText())
        [restore] = [
            b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.AcceptRole
        ]
        restore.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_restore)

    app = launch.open_journal(paths)

    assert app is not None
    assert offered == [f"Restore the newest sound backup ({older.name})?"]
    assert [e.body for e in app.entries.page()] == ["Worth keeping."]
    app.close()


def test_the_first_run_demo_opens_with_its_programme(
    qtbot: QtBot, qapp: QApplication, paths: Paths
) -> None:
    session = start(qtbot, qapp, paths)
    session.open_demo()
    assert session.window is not None and session.app is not None
    qtbot.addWidget(session.window)
    try:
        assert session.paths.data_dir.name == paths.data_dir.name + "-demo"
        (programme,) = session.app.programme.all()
        assert "nine months" in programme.welcome
        assert session.app.programme.written_for()
        assert [n.event.title for n in session.app.programme.nudges()] == [
            "Workshop 4: inquiry report-backs"
        ]
        assert (session.paths.data_dir / "demo" / "demo.reflectpack").is_file()
        assert not (paths.data_dir / "demo").exists()  # the user's own journal is untouched
    finally:
        session.close()


def test_damage_inside_the_journal_is_found_behind_the_window_and_a_backup_offered(
    qtbot: QtBot,
    qapp: QApplication,
    paths: Paths,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = open_app(paths, clock)
    for n in range(300):
        app.entries.write(f"Entry {n}: a reflection on the ward huddle, day {n}. " * 8)
    backup = app.backups.backup()
    app.close()
    flip_middle(paths.db_path)
    damaged = paths.db_path.read_bytes()
    offered: list[str] = []

    def decline(box: QMessageBox) -> int:
        offered.append(box.informativeText())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", decline)

    session = start(qtbot, qapp, paths)
    [daily] = session.daily_backups
    with qtbot.waitSignal(daily.damaged, timeout=20000):
        pass
    session.close()

    assert offered == [f"Restore the newest sound backup ({backup.name})?"]
    assert paths.db_path.read_bytes() == damaged  # the check changed nothing


def test_a_read_only_journal_opens_read_only_with_writing_turned_off(
    qtbot: QtBot, qapp: QApplication, paths: Paths, clock: FakeClock
) -> None:
    from mounts import ReadOnlySwitch

    app = open_app(paths, clock)
    app.entries.write("Written before the drive was made read-only.")
    app.close()
    before = sorted(p.name for p in paths.data_dir.iterdir())
    switch = ReadOnlySwitch(paths.data_dir)
    switch.on()
    try:
        session = start(qtbot, qapp, paths)
        window = session.window
        assert window is not None and window.read_only
        assert "Read-only" in window.read_only_note.text()
        assert window.read_only_note.isVisible()
        assert not any(action.isEnabled() for action in window.write_actions)
        window.new_entry()
        assert window.current_page() is not launch.PageId.EDITOR
        assert "read-only" in window.statusBar().currentMessage()
        [daily] = session.daily_backups
        daily.wait()
        qapp.processEvents()
        assert [e.body for e in window.app.entries.page()] == [
            "Written before the drive was made read-only."
        ]
        window.close()
        session.close()
    finally:
        switch.off()
    assert sorted(p.name for p in paths.data_dir.iterdir()) == before
