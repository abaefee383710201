"""The daily reminder to write, with the clock injected: it comes due at the chosen time, only
on a day with nothing written, never while the editor is open, and Write now opens a new entry.
Nothing sleeps: the clock is set a moment before the time, so the real timer fires at once."""

from __future__ import annotations

from datetime import datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from fakes import FakeClock
from reflect.app import App
from reflect.ui.dialogs.preferences import PreferencesDialog
from reflect.ui.flows.daily_timer import RECHECK_MS, DailyTimer
from reflect.ui.flows.reminders import daily_text
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId

EVENING = time(20, 0)


def local(day: int, hour: int, minute: int = 0, second: int = 0, ms: int = 0) -> datetime:
    """A moment on the computer's own clock in December 2026."""
    return datetime(2026, 12, day, hour, minute, second, ms * 1000).astimezone()


def remind_at(window: MainWindow, at: time) -> None:
    window.prefs.daily_reminder = True
    window.prefs.daily_time = at
    window.apply_preferences()


def about_to_be_due(window: MainWindow, clock: FakeClock) -> None:
    """Choose 20:00 a tenth of a second before it, then let the clock pass it."""
    clock.now = local(3, 19, 59, 59, 900)
    remind_at(window, EVENING)
    assert window.reminders.daily.due_at == local(3, 20)
    clock.now = local(3, 20, 0, 1)


def test_at_the_time_with_nothing_written_the_bar_offers_to_write(
    window: MainWindow, clock: FakeClock, app: App, qtbot: QtBot
) -> None:
    window.show_page(PageId.TODAY)
    bar = window.nudges
    about_to_be_due(window, clock)

    qtbot.waitUntil(bar.isVisible)

    assert bar.text.text() == daily_text()
    assert bar.reflect.text() == "Write now"
    assert window.reminders.daily.due_at == local(4, 20)  # and again tomorrow
    qtbot.mouseClick(bar.reflect, Qt.MouseButton.LeftButton)
    assert window.current_page() is PageId.EDITOR
    assert not bar.isVisible()
    qtbot.keyClicks(window.editor.body, "A quiet day; one good conversation.")
    qtbot.keyClick(window.editor.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is PageId.JOURNAL
    assert app.entries.count() == 1
    assert not bar.isVisible()  # written today: nothing more to remind


def test_a_day_with_an_entry_gets_no_reminder(
    window: MainWindow, clock: FakeClock, app: App, qtbot: QtBot
) -> None:
    clock.now = local(3, 8)
    app.entries.write("Wrote this morning.")
    window.show_page(PageId.TODAY)

    with qtbot.waitSignal(window.reminders.daily.due):
        about_to_be_due(window, clock)

    assert not window.nudges.isVisible()


def test_while_the_editor_is_open_the_reminder_waits_until_it_closes(
    window: MainWindow, clock: FakeClock, qtbot: QtBot
) -> None:
    window.new_entry()

    with qtbot.waitSignal(window.reminders.daily.due):
        about_to_be_due(window, clock)

    assert not window.nudges.isVisible()
    sidebar = window.sidebar
    today = sidebar.visualItemRect(sidebar.item(0)).center()
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=today)
    assert window.current_page() is PageId.TODAY
    assert window.nudges.isVisible()
    assert window.nudges.text.text() == daily_text()
    qtbot.mouseClick(window.nudges.later, Qt.MouseButton.LeftButton)  # Not now: gone for today
    assert not window.nudges.isVisible()


def test_the_tray_shows_it_too_and_clicking_opens_a_new_entry(
    window: MainWindow, clock: FakeClock, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    shown: list[str] = []
    monkeypatch.setattr(
        QSystemTrayIcon, "showMessage", lambda tray, title, text: shown.append(text)
    )
    window.prefs.tray_reminders = True
    window.show_page(PageId.TODAY)

    with qtbot.waitSignal(window.reminders.daily.due):
        about_to_be_due(window, clock)

    assert shown == [daily_text()]
    tray = window.reminders.tray
    assert tray is not None
    tray.messageClicked.emit()  # what the system sends when the message is clicked
    assert window.current_page() is PageId.EDITOR
    window.reminders.use_tray(False)


def test_turned_off_it_never_comes(window: MainWindow, clock: FakeClock) -> None:
    about_to_be_due(window, clock)
    window.prefs.daily_reminder = False
    window.apply_preferences()

    assert not window.reminders.daily.timer.isActive()
    assert window.reminders.daily.due_at is None


def test_the_timer_waits_for_the_time_looking_again_hourly(qtbot: QtBot, clock: FakeClock) -> None:
    timer = DailyTimer(clock)
    clock.now = local(3, 9)

    timer.set_time(EVENING)

    assert timer.due_at == local(3, 20)
    assert RECHECK_MS - 1000 < timer.timer.remainingTime() <= RECHECK_MS
    clock.now = local(3, 19, 30)
    timer.set_time(EVENING)
    assert 30 * 60_000 - 1000 < timer.timer.remainingTime() <= 30 * 60_000


def test_a_reminder_slept_through_is_skipped_not_shown_next_morning(
    qtbot: QtBot, clock: FakeClock
) -> None:
    timer = DailyTimer(clock)
    came: list[bool] = []
    timer.due.connect(lambda: came.append(True))
    clock.now = local(3, 19, 59, 59, 900)
    timer.set_time(EVENING)
    clock.now = local(4, 8)  # the lid closed before 20:00 and opened next morning

    qtbot.waitUntil(lambda: timer.due_at == local(4, 20))

    assert came == []
    timer.set_time(None)


def test_preferences_set_the_reminder_and_its_time_by_keyboard(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = PreferencesDialog(window.prefs, window, reminders=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.daily_time.isEnabled() and not dialog.tray.isEnabled()

    dialog.daily.setFocus()
    qtbot.keyClick(dialog.daily, Qt.Key.Key_Space)
    assert dialog.daily_time.isEnabled()
    assert dialog.tray.isEnabled()  # the tray can show the daily reminder alone
    assert dialog.daily.nextInFocusChain() is dialog.daily_time  # Tab goes on to the time
    dialog.daily_time.setFocus()
    dialog.daily_time.setSelectedSection(dialog.daily_time.Section.HourSection)
    qtbot.keyClicks(dialog.daily_time, "07")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    assert window.prefs.daily_reminder
    assert window.prefs.daily_time == time(7, 0)


def test_a_locked_window_says_nothing_in_the_tray(
    window: MainWindow, clock: FakeClock, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The tray shows outside the window, so a reminder there (an event's name, a prompt to
    # write) while the window is locked would show what the lock hides, and open the journal.
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    shown: list[str] = []
    monkeypatch.setattr(
        QSystemTrayIcon, "showMessage", lambda tray, title, text: shown.append(text)
    )
    window.prefs.tray_reminders = True
    window.apply_preferences()
    window.show_page(PageId.TODAY)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_L, modifiers)
    qtbot.waitUntil(lambda: window.app_lock.locked)

    with qtbot.waitSignal(window.reminders.daily.due):
        about_to_be_due(window, clock)
    window.reminders.check()

    assert shown == []
    window.reminders.use_tray(False)
