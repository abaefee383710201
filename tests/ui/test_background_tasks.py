"""Slow work runs off the UI thread with progress; cancel and failures change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reflect.app import App
from reflect.errors import Cancelled
from reflect.ui.main_window import MainWindow

SAMPLES = Path(__file__).parents[1] / "formats" / "samples"


def test_import_runs_in_the_background_and_reports(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    task = window.files.start_import("jrnl", SAMPLES / "jrnl" / "journal.txt")
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert app.entries.count() == 8
    assert "Imported 8" in window.statusBar().currentMessage()


def test_a_bad_file_shows_one_message_and_imports_nothing(
    qtbot: QtBot, window: MainWindow, app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    bad = tmp_path / "bad.txt"
    bad.write_text("no date here\n[2026-01-01 10:00] fine\n", encoding="utf-8")
    task = window.files.start_import("jrnl", bad)
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert len(shown) == 1 and "not a valid jrnl file" in shown[0]
    assert app.entries.count() == 0


def test_cancel_rolls_back(
    qtbot: QtBot, window: MainWindow, app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    task = window.files.start_import("jrnl", SAMPLES / "jrnl" / "journal.txt")
    task.cancel()  # before the first progress report, so the import stops at once
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert app.entries.count() == 0
    assert told == ["Stopped. Nothing was changed."]


def test_a_bug_in_background_work_reaches_the_crash_handler(
    qtbot: QtBot, window: MainWindow, crashes
) -> None:
    def broken(progress: object) -> None:
        raise RuntimeError("boom")

    task = window.run_task("Working…", broken, lambda result: None)
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert [str(e) for e in crashes.crashes] == ["boom"]
    assert any(crashes.app.paths.log_dir.glob("crash-*.log"))
    crashes.crashes.clear()  # expected here; the fixture fails tests on unexpected crashes


def test_backup_and_restore_from_the_window(qtbot: QtBot, window: MainWindow, app: App) -> None:
    first = app.entries.write("before")
    task = window.files.back_up()
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    [backup] = app.backups.available()
    app.entries.write("after")
    task = window.files.start_restore(backup)
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert [e.id for e in app.entries.page()] == [first.id]


def test_cancelled_is_what_progress_raises(window: MainWindow) -> None:
    assert issubclass(Cancelled, Exception)
