"""On a narrow window (a laptop at 150%) a page's long one-line texts are cut short with "…"
rather than giving the page a sideways scroll bar."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot

from reflect.app import App
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId
from reflect.ui.widgets.eliding_button import ElidingButton

LONG = "Joanne's huddle summary ended with a plan nobody had asked for, " * 3


def test_todays_latest_entries_are_cut_short_not_scrolled_sideways(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    app.entries.write(LONG)
    window.resize(700, 600)
    window.show_page(PageId.TODAY)
    qtbot.waitExposed(window)
    [area] = [a for a in window.today.findChildren(QScrollArea) if a.isVisible()]
    qtbot.waitUntil(lambda: area.viewport().width() < 600)
    assert area.horizontalScrollBar().maximum() == 0
    [button] = [b for b in window.today.findChildren(ElidingButton) if LONG[:40] in b.toolTip()]
    assert button.text().endswith("…") and len(button.text()) < len(button.full_text())
    assert button.width() <= area.viewport().width()
