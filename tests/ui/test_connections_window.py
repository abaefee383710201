"""Connections in the window: Insights lists them and counts them by sector per month, and
“Add connection…” logs one by keyboard alone, refusing bad input with one message."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reflect.app import App
from reflect.core.connection import Sector
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId
from reflect.ui.pages.insights.connections_panel import ConnectionsPanel


def panel(window: MainWindow) -> ConnectionsPanel:
    window.show_page(PageId.INSIGHTS)
    return window.insights.connections


def test_connections_are_listed_and_counted_by_sector_per_month(
    window: MainWindow, app: App
) -> None:
    app.connections.add("Ana Price, Age Well", Sector.VCSE, where="Workshop 3", met="2026-02-14")
    app.connections.add("Fenmoor Council", Sector.LOCAL_AUTHORITY, met="2026-02-20")
    app.connections.add("Dr Lee", Sector.PRIMARY_CARE, met="2026-03-02")

    shown = panel(window)

    assert not shown.empty.isVisibleTo(shown)
    rows = shown.table_cells(shown.list)
    assert [r[:3] for r in rows] == [
        ["2026-03-02", "Dr Lee", "Primary care"],
        ["2026-02-20", "Fenmoor Council", "Local authority"],
        ["2026-02-14", "Ana Price, Age Well", "Voluntary and community (VCSE)"],
    ]
    assert rows[2][3] == "Workshop 3"
    assert shown.table_cells(shown.counts) == [
        ["2026-03", "0", "0", "0", "1", "0", "0", "1"],
        ["2026-02", "0", "0", "1", "0", "1", "0", "2"],
        ["All", "0", "0", "1", "1", "1", "0", "3"],
    ]


def test_a_connection_is_added_by_keyboard_and_shows_at_once(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    shown = panel(window)
    assert shown.empty.isVisibleTo(shown) and not shown.list.isVisibleTo(shown)
    shown.add_button.setFocus()
    qtbot.keyClick(shown.add_button, Qt.Key.Key_Space)
    dialog = shown.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)

    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Return)  # no name yet: refused, stays open
    assert dialog.isVisible() and "needs a name" in dialog.error.text()
    assert app.connections.all() == []

    dialog.name.setFocus()
    qtbot.keyClicks(dialog.name, "Ward 7 sister, the Royal")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.sector
    qtbot.keyClick(dialog.sector, Qt.Key.Key_Home)
    assert dialog.sector.currentText() == "NHS trust"
    dialog.met.setDate(QDate(2026, 2, 27))
    dialog.where.setFocus()
    qtbot.keyClicks(dialog.where, "discharge huddle")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.where, Qt.Key.Key_Return)

    [added] = app.connections.all()
    assert (added.name, added.sector, added.met, added.where) == (
        "Ward 7 sister, the Royal",
        Sector.TRUST,
        "2026-02-27",
        "discharge huddle",
    )
    assert shown.table_cells(shown.list)[0][:2] == ["2026-02-27", "Ward 7 sister, the Royal"]
    assert shown.table_cells(shown.counts)[0] == ["2026-02", "1", "0", "0", "0", "0", "0", "1"]
    assert window.statusBar().currentMessage() == "Connection added."
