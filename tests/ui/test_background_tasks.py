"""Slow work runs off the UI thread with progress; cancel and failures change nothing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from reflect.app import App
from reflect.errors import Cancelled
from reflect.formats.progress import Progress
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


def test_pressing_cancel_stops_the_work_at_its_next_progress_report(
    qtbot: QtBot, window: MainWindow, crashes, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    told: list[str] = []
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    reported, pressed = threading.Event(), threading.Event()
    raised: list[BaseException] = []
    reports_after_cancel: list[int] = []
    succeeded: list[object] = []

    def work(progress: Progress) -> str:
        progress(0, 3)  # before the user presses Cancel: reported as usual
        reported.set()
        assert pressed.wait(10)
        try:
            progress(1, 3)
        except BaseException as exc:
            raised.append(exc)
            raise
        reports_after_cancel.append(1)
        return "finished anyway"

    task = window.run_task("Working…", work, succeeded.append)
    assert reported.wait(10)
    with qtbot.waitSignal(task.finished, timeout=20000):
        task.dialog.findChild(QPushButton).click()  # the progress dialog's Cancel button
        pressed.set()

    assert [type(exc) for exc in raised] == [Cancelled]
    assert reports_after_cancel == [] and succeeded == [] and warned == []
    assert told == ["Stopped. Nothing was changed."]
    assert crashes.crashes == []


def test_latest_only_runs_one_at_a_time_and_gives_only_the_newest_result(qtbot: QtBot) -> None:
    from reflect.ui.tasks import LatestOnly

    follow = LatestOnly()
    release = threading.Event()
    ran: list[str] = []
    results: list[object] = []
    follow.done.connect(results.append)

    def work(name: str, wait: bool = False) -> str:
        if wait:
            release.wait(10)
        ran.append(name)
        return name

    follow.request(lambda: work("first", wait=True))
    follow.request(lambda: work("second"))  # replaced before it starts
    follow.request(lambda: work("third"))
    release.set()

    qtbot.waitUntil(lambda: results == ["third"])
    assert ran == ["first", "third"] and not follow.busy


def test_latest_only_hands_back_a_failure_and_drops_what_is_no_longer_wanted(
    qtbot: QtBot,
) -> None:
    from reflect.ui.tasks import LatestOnly

    follow = LatestOnly()
    failures: list[BaseException] = []
    results: list[object] = []
    follow.failed.connect(failures.append)
    follow.done.connect(results.append)

    follow.request(lambda: 1 / 0)
    qtbot.waitUntil(lambda: len(failures) == 1)
    follow.request(lambda: "stale")
    follow.drop()
    qtbot.waitUntil(lambda: not follow.busy)

    assert isinstance(failures[0], ZeroDivisionError) and results == []


def test_closing_the_window_stops_and_waits_for_work_still_running(
    qtbot: QtBot, window: MainWindow
) -> None:
    # A running QThread destroyed with its window aborts the whole process (quitting during
    # an export did): closing asks the work to stop and waits for it to end first.
    started = threading.Event()

    def endless(progress: Progress) -> None:
        started.set()
        while True:
            progress(0, 0)  # raises Cancelled once the window asks the work to stop

    task = window.run_task("Working…", endless, lambda _: None)
    assert started.wait(timeout=10)

    window.close()

    assert not task.running
