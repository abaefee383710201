"""The title bar names Reflect once: "Demo journal — Reflect", never "Reflect — demo journal —
Reflect" (#13, item 9).

Qt appends the application display name to a window title that does not already end with it
(QPlatformWindow::formatWindowTitle, on Linux and Windows); the offscreen platform does not,
so these tests apply that rule to what the window asks for.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reflect.paths import Paths
from reflect.ui import launch
from reflect.ui.main_window import MainWindow


@pytest.fixture
def named(qapp: QApplication) -> Iterator[str]:
    """The display name the app sets at start-up (ui/launch.py make_qt_app)."""
    before = QApplication.applicationDisplayName()
    QApplication.setApplicationDisplayName("Reflect")
    yield "Reflect"
    QApplication.setApplicationDisplayName(before)


def title_bar(window: MainWindow, name: str) -> str:
    asked = window.windowTitle()
    return asked if asked.endswith(name) else f"{asked} — {name}"


def test_the_demo_journal_window_says_reflect_once(
    qtbot: QtBot, qapp: QApplication, paths: Paths, named: str
) -> None:
    session = launch.Session(qapp, paths)
    assert session.open(paths)
    assert session.window is not None
    qtbot.addWidget(session.window)
    assert title_bar(session.window, named) == "Reflect"

    session.open_demo()

    assert session.window is not None
    qtbot.addWidget(session.window)
    try:
        assert title_bar(session.window, named) == "Demo journal — Reflect"
    finally:
        session.close()
