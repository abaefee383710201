"""The Actions page: start, stop and continue columns, added to and followed through by keyboard."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reflect.app import App
from reflect.core.action import Action, ActionKind, ActionStatus
from reflect.errors import BadInput
from reflect.messages import Msg
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId
from reflect.ui.pages.actions.action_list import (
    DueTextRole,
    InquiryTextRole,
    OverdueRole,
    StatusTextRole,
)
from reflect.ui.pages.actions.page import ActionColumn, ActionsPage
from reflect.ui.texts import error_text


@pytest.fixture
def page(window: MainWindow, qtbot: QtBot) -> ActionsPage:
    window.show_page(PageId.ACTIONS)
    window.activateWindow()
    qtbot.waitActive(window)
    return window.actions_page


def texts(column: ActionColumn) -> list[str]:
    return [column.model.index(row).data() for row in range(column.model.rowCount())]


def row_of(column: ActionColumn, action: Action) -> int:
    row = column.model.row_of(action.id)
    assert row is not None
    return row


def focus_on(qtbot: QtBot, column: ActionColumn, action: Action) -> None:
    column.view.setFocus()
    qtbot.waitUntil(column.view.hasFocus)
    column.view.setCurrentIndex(column.model.index(row_of(column, action)))


def type_action(qtbot: QtBot, column: ActionColumn, text: str) -> None:
    qtbot.keyClicks(column.add_field, text)
    qtbot.keyClick(column.add_field, Qt.Key.Key_Return)


def test_add_rows_put_actions_in_their_own_columns(
    qtbot: QtBot, page: ActionsPage, app: App
) -> None:
    start, stop = page.columns[ActionKind.START], page.columns[ActionKind.STOP]
    type_action(qtbot, start, "Ask the trio for feedback")
    type_action(qtbot, stop, "Stop chairing the weekly huddle")
    assert texts(start) == ["Ask the trio for feedback"]
    assert texts(stop) == ["Stop chairing the weekly huddle"]
    assert texts(page.columns[ActionKind.CONTINUE]) == []
    assert [a.text for a in app.actions.find(kind=ActionKind.STOP)] == [
        "Stop chairing the weekly huddle"
    ]
    assert start.add_field.text() == ""
    assert stop.count.text() == "1 open"


def test_add_row_takes_an_optional_due_date(qtbot: QtBot, page: ActionsPage, app: App) -> None:
    stop = page.columns[ActionKind.STOP]
    assert stop.due_text() is None
    stop.due_edit.setFocus()
    qtbot.keyClick(stop.due_edit, Qt.Key.Key_Up)  # from "No due date" to today
    qtbot.keyClicks(stop.add_field, "Stop the Friday report")
    qtbot.keyClick(stop.due_edit, Qt.Key.Key_Return)  # Enter in the date field adds too
    (added,) = app.actions.find(kind=ActionKind.STOP)
    assert added.due == date.today().isoformat()
    assert stop.model.index(0).data(DueTextRole) == "due today"
    assert stop.due_text() is None  # the add row is ready for the next one


def test_empty_text_is_refused_with_the_catalogue_message(
    qtbot: QtBot, page: ActionsPage, window: MainWindow, app: App
) -> None:
    qtbot.keyClick(page.columns[ActionKind.START].add_field, Qt.Key.Key_Return)
    assert window.statusBar().currentMessage() == error_text(BadInput(Msg.EMPTY_ACTION))
    assert app.actions.find() == []


def test_marking_done_leaves_the_open_list_and_shows_under_finished(
    qtbot: QtBot, page: ActionsPage, app: App
) -> None:
    first = app.actions.add("Meet the discharge team", ActionKind.START)
    app.actions.add("Write up the huddle", ActionKind.START)
    start = page.columns[ActionKind.START]
    focus_on(qtbot, start, first)
    qtbot.keyClick(start.view, Qt.Key.Key_Space)
    assert app.actions.get(first.id).status is ActionStatus.DONE
    assert texts(start) == ["Write up the huddle"]
    assert start.current_action() is not None  # the keyboard keeps a place in the list
    page.show_finished.setChecked(True)
    assert texts(start) == ["Write up the huddle", "Meet the discharge team"]
    assert start.model.index(1).data(StatusTextRole) == "✓ done"


def test_delete_drops_and_the_done_key_reopens(qtbot: QtBot, page: ActionsPage, app: App) -> None:
    action = app.actions.add("Stop copying everyone in", ActionKind.STOP)
    stop = page.columns[ActionKind.STOP]
    focus_on(qtbot, stop, action)
    qtbot.keyClick(stop.view, Qt.Key.Key_Delete)
    assert app.actions.get(action.id).status is ActionStatus.DROPPED
    assert texts(stop) == []
    page.show_finished.setChecked(True)
    focus_on(qtbot, stop, action)
    assert stop.model.index(0).data(StatusTextRole) == "dropped"
    assert stop.done_action.text() == "Reopen"
    assert not stop.drop_action.isEnabled()
    qtbot.keyClick(stop.view, Qt.Key.Key_Return)
    assert app.actions.get(action.id).status is ActionStatus.OPEN
    assert stop.done_action.text() == "Mark done"


def test_buttons_do_what_the_keys_do(page: ActionsPage, app: App) -> None:
    action = app.actions.add("Keep the Thursday thinking time", ActionKind.CONTINUE)
    keep = page.columns[ActionKind.CONTINUE]
    keep.view.setCurrentIndex(keep.model.index(0))
    keep.done_action.trigger()
    assert app.actions.get(action.id).status is ActionStatus.DONE


def test_overdue_is_said_plainly_and_only_for_open_actions(page: ActionsPage, app: App) -> None:
    today = date.today()
    late = app.actions.add("Book the room", due=(today - timedelta(days=3)).isoformat())
    later = app.actions.add("Send the note", due=(today + timedelta(days=9)).isoformat())
    finished = app.actions.add("Old one", due=(today - timedelta(days=30)).isoformat())
    app.actions.set_status(finished.id, ActionStatus.DONE)
    page.show_finished.setChecked(True)
    start = page.columns[ActionKind.START]

    def at(action: Action, role: int) -> object:
        return start.model.index(row_of(start, action)).data(role)

    assert at(late, OverdueRole) is True
    assert str(at(late, DueTextRole)).startswith("overdue since ")
    assert at(later, OverdueRole) is False
    assert str(at(later, DueTextRole)).startswith("due ")
    assert at(finished, OverdueRole) is False
    assert texts(start) == ["Book the room", "Send the note", "Old one"]


def test_single_active_inquiry_is_linked_and_shown_shortened(
    qtbot: QtBot, page: ActionsPage, app: App
) -> None:
    question = "What would it take for three organisations to share one discharge list " * 2
    inquiry = app.inquiries.add(question)
    page.refresh()
    assert page.link.currentData() == inquiry.id
    start = page.columns[ActionKind.START]
    type_action(qtbot, start, "Map who owns each step")
    (added,) = app.actions.find()
    assert added.inquiry_id == inquiry.id
    shown = start.model.index(0).data(InquiryTextRole)
    assert shown.endswith("…") and len(shown) < len(inquiry.question)


def test_open_entry_goes_to_the_editor(
    qtbot: QtBot, page: ActionsPage, window: MainWindow, app: App
) -> None:
    entry = app.entries.write("After the workshop I decided to stop the weekly report.")
    action = app.actions.add("Stop the weekly report", ActionKind.STOP, entry_id=entry.id)
    unlinked = app.actions.add("Stop saying yes at once", ActionKind.STOP)
    stop = page.columns[ActionKind.STOP]
    focus_on(qtbot, stop, unlinked)
    assert not stop.open_action.isEnabled()
    focus_on(qtbot, stop, action)
    assert stop.open_action.isEnabled()
    qtbot.keyClick(stop.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is PageId.EDITOR
    assert window.editor.draft is not None
    assert window.editor.draft.entry_id == entry.id
    assert app.actions.get(action.id).status is ActionStatus.OPEN


def test_keyboard_only_tab_to_the_stop_column_and_add(
    qtbot: QtBot, page: ActionsPage, app: App
) -> None:
    start, stop = page.columns[ActionKind.START], page.columns[ActionKind.STOP]
    start.add_field.setFocus()
    qtbot.waitUntil(start.add_field.hasFocus)
    for _ in range(6):  # the due date, Add and the list lie between them
        if QApplication.focusWidget() is stop.add_field:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is stop.add_field
    qtbot.keyClicks(stop.add_field, "Stop the duplicate spreadsheet")
    qtbot.keyClick(stop.add_field, Qt.Key.Key_Enter)
    assert texts(stop) == ["Stop the duplicate spreadsheet"]
    assert [a.kind for a in app.actions.find()] == [ActionKind.STOP]
    assert stop.add_field.hasFocus()


def test_select_shows_a_finished_action(page: ActionsPage, app: App) -> None:
    action = app.actions.add("Stop the 8am call", ActionKind.STOP)
    app.actions.set_status(action.id, ActionStatus.DONE)
    page.refresh()
    assert not page.show_finished.isChecked()
    page.select(action.id)
    assert page.show_finished.isChecked()
    assert page.columns[ActionKind.STOP].current_action() == app.actions.get(action.id)


def test_columns_are_named_for_assistive_technology(page: ActionsPage) -> None:
    for column in page.columns.values():
        for widget in (column.add_field, column.due_edit, column.add_button, column.view):
            assert widget.accessibleName()
        assert column.view.accessibleDescription()
