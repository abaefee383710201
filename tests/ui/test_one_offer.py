"""The reminder bar offers one reflection at a time, never while the editor is open, and only
on the newest recent event; older ones wait on the Programme page (issue #13, item 7)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fakes import FakeClock
from pack_fixtures import signed_plain_pack
from reflect.app import App, open_app
from reflect.exchange.identity import Identity
from reflect.exchange.pack import event_id
from reflect.paths import Paths
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId

PACK_ID = "leading-across-systems-cohort-4"
WORKSHOP_2 = event_id(PACK_ID, "workshop-2")  # 2026-12-02: yesterday
TRIO_1 = event_id(PACK_ID, "trio-1")  # moved to 2026-11-26: a week ago
A_WEEK_BEFORE = ("date = 2026-11-11", "date = 2026-11-26")


@pytest.fixture
def both_waiting(app: App, clock: FakeClock, tmp_path: Path) -> App:
    """Yesterday's workshop and a week-old coaching session, neither reflected on."""
    # No [evaluation]: an evaluation return due would be the bar's next offer.
    app.packs.install(signed_plain_pack(tmp_path, Identity.generate(), A_WEEK_BEFORE))
    clock.now = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
    assert {n.event.id for n in app.programme.nudges()} == {WORKSHOP_2, TRIO_1}
    return app


@pytest.fixture
def windows(qtbot: QtBot, themed_qapp: QApplication) -> Iterator[list[MainWindow]]:
    opened: list[MainWindow] = []
    yield opened
    for window in opened:
        window.close()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def open_window(qtbot: QtBot, app: App, windows: list[MainWindow]) -> MainWindow:
    window = MainWindow(app, lambda exc: pytest.fail(f"crashed: {exc!r}"))
    windows.append(window)
    window.resize(1100, 720)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_reflecting_on_yesterday_leaves_older_offers_to_the_programme_page(
    qtbot: QtBot,
    both_waiting: App,
    window: MainWindow,
    paths: Paths,
    clock: FakeClock,
    windows: list[MainWindow],
) -> None:
    bar = window.nudges
    assert bar.isVisible()
    assert bar.text.text().startswith("Yesterday's workshop, Workshop 2")

    qtbot.mouseClick(bar.reflect, Qt.MouseButton.LeftButton)

    assert window.current_page() is PageId.EDITOR
    assert not bar.isVisible()  # nothing offered while the user writes...
    window.reminders.check()
    assert not bar.isVisible()  # ...not even when the periodic check comes round
    first_prompt = window.editor.responses.boxes()[0]  # What? So what? Now what? is laid out
    qtbot.mouseClick(first_prompt.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(first_prompt, "The system was bigger than the room.")
    assert not bar.isVisible()

    qtbot.keyClick(first_prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert window.current_page() is PageId.JOURNAL
    # The newest event is reflected on, so the week-old session is not pushed forward.
    assert not bar.isVisible()
    window.close()

    # A restart: a new window over the same data folder.
    reopened = open_app(paths, clock)
    try:
        again = open_window(qtbot, reopened, windows)
        assert not again.nudges.isVisible()
        sidebar = again.sidebar
        programme = sidebar.visualItemRect(sidebar.item(1)).center()
        qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=programme)
        assert again.current_page() is PageId.PROGRAMME
        # The older session waits there, with its own Reflect on this.
        assert list(again.programme_page.reflect_buttons) == [
            event_id(PACK_ID, "welcome-session"),
            TRIO_1,
        ]
        assert again.programme_page.reflect_buttons[TRIO_1].isVisible()
    finally:
        for window in windows:
            window.close()
        reopened.close()


def test_the_bar_never_shows_while_the_editor_is_open(
    qtbot: QtBot, both_waiting: App, window: MainWindow
) -> None:
    window.new_entry()  # an entry about nothing in the programme
    assert not window.nudges.isVisible()

    window.reminders.check()

    assert not window.nudges.isVisible()
    window.show_page(PageId.TODAY)  # the editor closes: the offer comes back
    assert window.nudges.isVisible()
    assert window.nudges.nudge is not None and window.nudges.nudge.event.id == WORKSHOP_2


def test_after_reflect_now_typing_and_ctrl_return_keep_the_entry(
    qtbot: QtBot, both_waiting: App, window: MainWindow
) -> None:
    # Keys alone: the click leaves the writing place focused, so a person types at once and
    # Ctrl+Return keeps it, with no click into the text first.
    window.activateWindow()
    qtbot.mouseClick(window.nudges.reflect, Qt.MouseButton.LeftButton)
    writing = QApplication.focusWidget()
    assert writing is not None and window.editor.isAncestorOf(writing)
    qtbot.keyClicks(writing, "The huddle question worked.")
    qtbot.keyClick(writing, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is PageId.JOURNAL
    kept = both_waiting.entries.page(limit=1)[0]
    assert "The huddle question worked." in kept.searchable_body()
