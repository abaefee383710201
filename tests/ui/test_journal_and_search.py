"""Journal filters and trash, search as you type, and the keyboard-only path through them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fakes import FakeClock
from reflect.app import App
from reflect.core.entry import EntryKind
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId
from reflect.ui.pages.journal.journal_model import EntryRole
from reflect.ui.widgets.hit_delegate import RowRole


def shown_bodies(window: MainWindow) -> list[str]:
    model = window.journal.model
    return [model.data(model.index(row), EntryRole).body for row in range(model.rowCount())]


def test_journal_lists_newest_first_and_filters(window: MainWindow, app: App) -> None:
    inquiry = app.inquiries.add("Q?")
    app.entries.write("one", kind=EntryKind.NOTE, tags=["trio"])
    app.entries.write("two", inquiry_id=inquiry.id)
    app.entries.write("three", kind=EntryKind.COACHING, tags=["trio"])
    window.show_page(PageId.JOURNAL)
    assert shown_bodies(window) == ["three", "two", "one"]
    page = window.journal
    page.tag.setCurrentIndex(page.tag.findData("trio"))
    assert shown_bodies(window) == ["three", "one"]
    page.kind.setCurrentIndex(page.kind.findData("note"))
    assert shown_bodies(window) == ["one"]
    page.tag.setCurrentIndex(0)
    page.kind.setCurrentIndex(0)
    page.inquiry.setCurrentIndex(page.inquiry.findData(inquiry.id))
    assert shown_bodies(window) == ["two"]


def test_date_filter(window: MainWindow, app: App, clock: FakeClock) -> None:
    from datetime import UTC, datetime

    from PySide6.QtCore import QDate

    clock.now = datetime(2026, 2, 1, 12, tzinfo=UTC)
    app.entries.write("february")
    clock.now = datetime(2026, 5, 1, 12, tzinfo=UTC)
    app.entries.write("may")
    window.show_page(PageId.JOURNAL)
    page = window.journal
    page.since.setDate(QDate(2026, 4, 1))
    page.until.setDate(QDate(2026, 5, 31))
    page.use_dates.setChecked(True)
    assert shown_bodies(window) == ["may"]


def test_journal_pages_through_many_entries(window: MainWindow, app: App) -> None:
    from reflect.ui.pages.journal.journal_model import PAGE

    for n in range(PAGE + 30):
        app.entries.write(f"entry {n}")
    window.show_page(PageId.JOURNAL)
    model = window.journal.model
    assert model.rowCount() == PAGE + 30
    last = model.data(model.index(PAGE + 29), EntryRole)
    assert last.body == "entry 0"


def test_activating_a_row_opens_the_editor(qtbot: QtBot, window: MainWindow, app: App) -> None:
    entry = app.entries.write("Open me.")
    window.show_page(PageId.JOURNAL)
    view = window.journal.view
    view.setFocus()
    view.setCurrentIndex(window.journal.model.index(0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.current_page() is PageId.EDITOR
    assert window.editor.draft is not None and window.editor.draft.entry_id == entry.id


def test_trash_view_restores_and_empties(
    qtbot: QtBot, window: MainWindow, app: App, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    keep = app.entries.write("keep")
    gone = app.entries.write("gone")
    app.entries.trash(keep.id)
    app.entries.trash(gone.id)
    window.show_page(PageId.JOURNAL)
    page = window.journal
    page.show_trash.setChecked(True)
    assert page.trash_list.count() == 2
    page.trash_list.setCurrentRow(
        next(n for n in range(2) if page.trash_list.item(n).text() == "keep")
    )
    page.restore_button.click()
    assert [e.id for e in app.entries.page()] == [keep.id]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.empty_button.click()
    assert app.entries.trashed() == []


def test_search_as_you_type_and_enter_opens(qtbot: QtBot, window: MainWindow, app: App) -> None:
    app.entries.write("Something else entirely.")
    wanted = app.entries.write("Building relationships across organisations.")
    window.focus_search()
    assert window.search.field.hasFocus()
    qtbot.keyClicks(window.search.field, "relation")
    qtbot.waitUntil(lambda: window.search.results.count() == 1)
    row = window.search.results.item(0).data(RowRole)
    assert ("relationships", True) in row.spans  # drawn bold and underlined
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.current_page() is PageId.EDITOR
    assert window.editor.draft is not None and window.editor.draft.entry_id == wanted.id


def test_keyboard_only_write_then_find(qtbot: QtBot, window: MainWindow, app: App) -> None:
    """New entry with Ctrl+N, type, keep with Ctrl+Return, find with Ctrl+K, open with Enter."""
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is PageId.EDITOR
    qtbot.waitUntil(window.editor.body.hasFocus)
    qtbot.keyClicks(window.editor.body, "Huddles at eight work.")
    qtbot.keyClick(window.editor.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [e.body for e in app.entries.page()] == ["Huddles at eight work."]
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search.field.hasFocus)
    qtbot.keyClicks(window.search.field, "huddl")
    qtbot.waitUntil(lambda: window.search.results.count() == 1)
    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
    assert window.search.results.hasFocus()
    qtbot.keyClick(window.search.results, Qt.Key.Key_Return)
    assert window.current_page() is PageId.EDITOR
