"""GUI fixtures: a real main window over a temporary journal, offscreen.

Every test here is marked ``gui`` by ``pytest_collection_modifyitems`` in tests/conftest.py.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reflect.app import App
from reflect.crash import write_crash_log
from reflect.ui import launch, theme
from reflect.ui.main_window import MainWindow


class CrashRecorder:
    """Stands in for the crash dialog: a test fails if a bug reaches it."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.crashes: list[BaseException] = []

    def __call__(self, exc: BaseException) -> None:
        write_crash_log(self.app.paths.log_dir, exc)
        self.crashes.append(exc)


@pytest.fixture
def crashes(app: App) -> CrashRecorder:
    return CrashRecorder(app)


@pytest.fixture(scope="session")
def themed_qapp(qapp: QApplication) -> QApplication:
    # Once per run: a style sheet change repolishes every widget that still exists.
    theme.apply(qapp, theme.Scheme.LIGHT)
    # As the app starts: the English plural forms ("1 match", "7 events") are a translation.
    launch.install_translation(qapp)
    return qapp


@pytest.fixture
def window(
    qtbot: QtBot, themed_qapp: QApplication, app: App, crashes: CrashRecorder
) -> Iterator[MainWindow]:
    win = MainWindow(app, crashes)
    win.resize(1100, 720)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    win.deleteLater()
    # Delete it now, before the next test's window, so no stale view outlives its model.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert crashes.crashes == []
