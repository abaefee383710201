"""Editing and deleting connections on Insights, by keyboard alone and by mouse: Tab into the
list, arrows to a row, Enter (or a double-click, or “Edit…”) opens the dialog filled in, Delete
(the key or the button) asks, naming the connection; the counts by sector follow at once."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QTableWidget
from pytestqt.qtbot import QtBot

from reflect.app import App
from reflect.core.connection import Sector
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId
from reflect.ui.pages.insights.connection_dialog import ConnectionDialog
from reflect.ui.pages.insights.connections_panel import ConnectionsPanel


def three(app: App) -> None:
    app.connections.add("Ana Price, Age Well", Sector.VCSE, where="Workshop 3", met="2026-02-14")
    app.connections.add("Fenmoor Council", Sector.LOCAL_AUTHORITY, met="2026-02-20", note="Kim")
    app.connections.add("Dr Lee", Sector.PRIMARY_CARE, met="2026-03-02")


def shown_panel(window: MainWindow) -> ConnectionsPanel:
    window.show_page(PageId.INSIGHTS)
    return window.insights.connections


def tab_into_list(qtbot: QtBot, panel: ConnectionsPanel) -> None:
    """From “Add connection…”, Tab as a person would until the list has focus."""
    panel.add_button.setFocus()
    qtbot.waitUntil(panel.add_button.hasFocus)
    for _ in range(2):  # past the counts table
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.list


def opened_dialog(qtbot: QtBot, panel: ConnectionsPanel) -> ConnectionDialog:
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.isVisible())
    dialog = panel.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def confirmation(qtbot: QtBot, panel: ConnectionsPanel) -> QMessageBox:
    qtbot.waitUntil(lambda: panel.confirm is not None and panel.confirm.isVisible())
    box = panel.confirm
    assert box is not None
    qtbot.waitExposed(box)
    return box


def names(panel: ConnectionsPanel) -> list[str]:
    return [row[1] for row in panel.table_cells(panel.list)]


def test_enter_on_a_row_opens_it_filled_in_and_saving_updates_list_and_counts(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    panel = shown_panel(window)
    three(app)
    tab_into_list(qtbot, panel)
    assert panel.list.currentRow() == 0  # Tab in lands on the first row
    assert not panel.edit_button.isHidden() and panel.edit_button.isEnabled()
    qtbot.keyClick(panel.list, Qt.Key.Key_Down)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)

    dialog = opened_dialog(qtbot, panel)
    assert dialog.windowTitle() == "Edit connection"
    assert dialog.name.text() == "Fenmoor Council"
    assert dialog.sector.currentText() == "Local authority"
    assert dialog.met.date() == QDate(2026, 2, 20)
    assert (dialog.where.text(), dialog.note.text()) == ("", "Kim")
    assert QApplication.focusWidget() is dialog.name

    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, "Fenmoor brokerage team")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.sector, Qt.Key.Key_Home)  # NHS trust
    dialog.met.setDate(QDate(2026, 3, 9))
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.sector, Qt.Key.Key_Return)

    assert len(app.connections.all()) == 3
    edited = next(c for c in app.connections.all() if c.name == "Fenmoor brokerage team")
    assert (edited.sector, edited.met, edited.note) == (Sector.TRUST, "2026-03-09", "Kim")
    assert names(panel) == ["Fenmoor brokerage team", "Dr Lee", "Ana Price, Age Well"]
    assert panel.table_cells(panel.counts) == [
        ["2026-03", "1", "0", "0", "1", "0", "0", "2"],
        ["2026-02", "0", "0", "0", "0", "1", "0", "1"],
        ["All", "1", "0", "0", "1", "1", "0", "3"],
    ]
    assert window.statusBar().currentMessage() == "Connection saved."
    window.activateWindow()  # as a window manager does when a dialog over it closes
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.list)
    assert panel.list.currentRow() == 0  # the edited one, now first, stays chosen


def test_double_click_and_the_edit_button_open_the_dialog_and_bad_input_changes_nothing(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    panel = shown_panel(window)
    three(app)
    assert not panel.edit_button.isEnabled() and not panel.delete_button.isEnabled()
    before = app.connections.all()
    cell = panel.list.visualItemRect(panel.list.item(2, 1)).center()
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=cell)

    dialog = opened_dialog(qtbot, panel)
    assert dialog.name.text() == "Ana Price, Age Well"
    assert dialog.where.text() == "Workshop 3"
    dialog.name.clear()
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Return)
    assert dialog.isVisible() and "needs a name" in dialog.error.text()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert app.connections.all() == before

    assert panel.list.currentRow() == 2 and panel.edit_button.isEnabled()
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    again = opened_dialog(qtbot, panel)
    assert again.name.text() == "Ana Price, Age Well"
    assert again.sector.currentText() == "Voluntary and community (VCSE)"
    again.reject()


def test_the_delete_key_asks_naming_the_connection_and_counts_follow_at_once(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    panel = shown_panel(window)
    three(app)
    tab_into_list(qtbot, panel)
    qtbot.keyClick(panel.list, Qt.Key.Key_Down)
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)

    box = confirmation(qtbot, panel)
    assert "Fenmoor Council" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # no: nothing changes
    qtbot.waitUntil(lambda: not box.isVisible())
    assert len(app.connections.all()) == 3

    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.list)
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    box = confirmation(qtbot, panel)
    assert "Fenmoor Council" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # yes

    qtbot.waitUntil(lambda: len(app.connections.all()) == 2)
    assert names(panel) == ["Dr Lee", "Ana Price, Age Well"]
    assert panel.table_cells(panel.counts) == [
        ["2026-03", "0", "0", "0", "1", "0", "0", "1"],
        ["2026-02", "0", "0", "0", "0", "1", "0", "1"],
        ["All", "0", "0", "0", "1", "1", "0", "2"],
    ]
    assert window.statusBar().currentMessage() == "Deleted “Fenmoor Council”."
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.list)
    assert panel.list.currentRow() == 1  # the next one down, ready for another key


def test_the_delete_button_deletes_the_last_one_and_the_panel_says_there_are_none(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    panel = shown_panel(window)
    app.connections.add("Dr Lee", Sector.PRIMARY_CARE, met="2026-03-02")
    cell = panel.list.visualItemRect(panel.list.item(0, 0)).center()
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)

    box = confirmation(qtbot, panel)
    assert "Dr Lee" in box.text()
    yes = box.defaultButton()
    assert yes is not None
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: app.connections.all() == [])
    assert panel.empty.isVisibleTo(panel) and not panel.list.isVisibleTo(panel)
    assert not panel.counts.isVisibleTo(panel)
    assert not panel.edit_button.isEnabled() and not panel.delete_button.isEnabled()


def test_a_change_made_elsewhere_reaches_the_open_panel_through_the_change_feed(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    panel = shown_panel(window)
    three(app)  # each add is announced on the feed: no refresh called here
    assert names(panel) == ["Dr Lee", "Fenmoor Council", "Ana Price, Age Well"]
    tab_into_list(qtbot, panel)
    qtbot.keyClick(panel.list, Qt.Key.Key_Down)
    qtbot.keyClick(panel.list, Qt.Key.Key_Down)
    ana = app.connections.all()[2]

    app.connections.update(ana.id, name="Ana Price", sector="trust")

    assert names(panel) == ["Dr Lee", "Fenmoor Council", "Ana Price"]
    assert panel.table_cells(panel.counts)[-1] == ["All", "1", "0", "1", "1", "0", "0", "3"]
    assert panel.list.currentRow() == 2 and panel.chosen_id() == ana.id


def test_the_tables_still_fill_their_width_after_a_change_while_shown(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    panel = shown_panel(window)
    three(app)  # each one a refresh of the page on show

    def filled(table: QTableWidget) -> bool:
        used = sum(table.columnWidth(c) for c in range(table.columnCount()))
        return used >= table.viewport().width() - 1  # no blank band on the right

    for table in (panel.list, panel.counts):
        qtbot.waitUntil(lambda table=table: filled(table))  # type: ignore[misc]
