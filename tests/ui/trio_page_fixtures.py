"""Two people (Dana, whose window it is, and Asha, a peer) and Dana's window on the Trio page:
the fixtures of the Trio page's tests. A render still in flight lands before the window goes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from people import Person, open_person, shared_keyring
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId
from reflect.ui.pages.trio.page import TrioPage


@pytest.fixture
def people(tmp_path: Path) -> Iterator[tuple[Person, Person]]:
    keyring = shared_keyring()
    pair = [open_person(n, tmp_path, keyring) for n in ("Dana Reed", "Asha Patel")]
    yield pair[0], pair[1]
    for person in pair:
        person.app.close()


@pytest.fixture
def page(
    qtbot: QtBot, themed_qapp: QApplication, people: tuple[Person, Person]
) -> Iterator[TrioPage]:
    crashes: list[BaseException] = []
    win = MainWindow(people[0].app, crashes.append)
    win.resize(1100, 720)
    win.show()
    qtbot.waitExposed(win)
    win.show_page(PageId.TRIO)
    yield win.trio
    browser = win.trio.inbox.browser
    if browser.rendering:  # let a render in flight land before the window goes
        qtbot.waitSignal(browser.shown, timeout=60_000).wait()
    win.close()
    win.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert crashes == []
