"""The window's shell: pages, navigation, remembered layout."""

from __future__ import annotations

import importlib

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from reflect.app import App
from reflect.ui.dialogs.help_dialogs import shortcuts_text
from reflect.ui.flows.start_inquiry import StartInquiryDialog
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PAGES, PageId


def test_sidebar_switches_pages(window: MainWindow) -> None:
    window.sidebar.setCurrentRow(1)
    assert window.current_page() is PageId.PROGRAMME
    window.sidebar.setCurrentRow(3)
    assert window.current_page() is PageId.JOURNAL
    window.sidebar.setCurrentRow(5)
    assert window.current_page() is PageId.TRIO
    window.sidebar.setCurrentRow(7)
    assert window.current_page() is PageId.INSIGHTS
    window.sidebar.setCurrentRow(8)
    assert window.current_page() is PageId.SEARCH


def test_a_page_is_built_when_first_shown(window: MainWindow) -> None:
    # Opening the window builds the page it shows, not all nine, nor the editor.
    assert window.current_page() is PageId.TODAY
    assert window.stack.count() == 1
    window.show_page(PageId.INSIGHTS)
    assert window.stack.count() == 2
    assert window.stack.currentWidget() is window.insights
    window.show_page(PageId.TODAY)
    window.show_page(PageId.INSIGHTS)
    assert window.stack.count() == 2
    window.new_entry()  # the editor is built when first wanted
    assert window.stack.count() == 3 and window.current_page() is PageId.EDITOR


def test_last_page_and_size_are_remembered(qtbot: QtBot, window: MainWindow, app: App) -> None:
    window.show_page(PageId.ACTIONS)
    window.resize(760, 600)  # inside the offscreen screen (800 x 800)
    window.splitter.setSizes([180, 580])
    sidebar_width = window.splitter.sizes()[0]
    window.close()
    again = MainWindow(app, lambda exc: None)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.current_page() is PageId.ACTIONS
    assert (again.width(), again.height()) == (760, 600)
    assert again.splitter.sizes()[0] == sidebar_width


def test_first_run_offers_two_ways_in_then_shows_today(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    with qtbot.waitSignal(window.demo_requested):
        window.today.demo_button.click()
    with qtbot.waitSignal(window.today.start_inquiry_requested):
        window.today.start_button.click()
    dialog = window.findChild(StartInquiryDialog)
    assert isinstance(dialog, StartInquiryDialog)
    qtbot.waitExposed(dialog)
    assert not dialog.ok.isEnabled()  # nothing typed yet
    qtbot.keyClicks(dialog.question, "   ")
    assert not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.question, "How do we own delays together?")
    assert dialog.ok.isEnabled()
    assert dialog.question.lineWrapMode() is not dialog.question.LineWrapMode.NoWrap
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    [inquiry] = app.inquiries.all()
    assert inquiry.question == "How do we own delays together?"  # the spaces trimmed
    assert window.current_page() is PageId.INQUIRIES
    window.show_page(PageId.TODAY)
    assert window.today.reflect_button.text() == "Reflect now"


def test_preferences_change_appearance_and_editor(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reflect.ui import theme
    from reflect.ui.dialogs.preferences import PreferencesDialog

    def choose_dark_and_large(dialog: PreferencesDialog) -> int:
        dialog.appearance.setCurrentIndex(dialog.appearance.findData("dark"))
        dialog.text_size.setValue(16)
        dialog.preview.setChecked(False)
        dialog.accept()
        return 1

    monkeypatch.setattr(PreferencesDialog, "exec", choose_dark_and_large)
    try:
        window.edit_preferences()
        qt_app = QApplication.instance()
        assert isinstance(qt_app, QApplication) and theme.is_dark(qt_app)
        assert window.editor.body.font().pointSize() == 16
        assert window.editor.preview.isHidden()
        assert window.prefs.scheme is theme.Scheme.DARK
    finally:
        window.prefs.scheme = theme.Scheme.LIGHT
        window.apply_preferences()


def test_sidebar_go_menu_shortcuts_and_help_come_from_the_one_table(window: MainWindow) -> None:
    sidebar = [window.sidebar.item(n).text() for n in range(window.sidebar.count())]
    go = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&Go")
    shortcuts = {a.text(): a.shortcut().toString() for a in go.actions()}
    help_text = shortcuts_text()

    assert sidebar == [row.name for row in PAGES]
    for n, row in enumerate(PAGES):
        assert shortcuts[row.name] == f"Ctrl+{n + 1}"
        assert f"Ctrl+{n + 1}  {row.name}" in help_text
        window.sidebar.setCurrentRow(n)
        assert window.current_page() is row.id
    assert {row.id for row in PAGES} == set(PageId) - {PageId.EDITOR}


def test_a_page_class_is_found_from_its_row() -> None:
    for row in PAGES:
        module = importlib.import_module(row.module)
        assert getattr(module, row.cls).__name__ == row.cls


def visible_pages(window: MainWindow) -> list[str]:
    return [
        type(w).__name__
        for w in window.pages.stack.findChildren(QWidget)
        if w.parent() is window.pages.stack and w.isVisible()
    ]


def test_after_done_only_the_journal_is_painted(window: MainWindow, qtbot: QtBot) -> None:
    window.show_page(PageId.TODAY)
    window.new_entry()
    qtbot.keyClicks(window.editor.body, "After workshop one")
    qtbot.keyClick(window.editor.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert window.current_page() is PageId.JOURNAL
    assert visible_pages(window) == ["JournalPage"]


def test_leaving_the_editor_for_search_paints_only_search(window: MainWindow, qtbot: QtBot) -> None:
    window.show_page(PageId.TODAY)
    window.new_entry()
    qtbot.keyClicks(window.editor.body, "After workshop two")
    # Ctrl+K is the search page from anywhere (Ctrl+F in the editor finds in the entry).
    qtbot.keyClick(window.editor.body, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)

    assert window.current_page() is PageId.SEARCH
    assert visible_pages(window) == ["SearchPage"]


def test_a_page_with_a_tall_minimum_does_not_make_every_other_page_scroll(
    qtbot: QtBot, window: MainWindow
) -> None:
    # The stack of pages was as tall as its tallest page ever shown, so after the Trio page
    # every page in a small window gained a second, outer scroll bar.
    window.show_page(PageId.TRIO)
    tall = QWidget()
    tall.setMinimumHeight(2000)  # taller than any window
    window.trio.layout().addWidget(tall)
    window.show_page(PageId.JOURNAL)
    journal_needs = window.journal.minimumSizeHint().height()
    assert window.pages.stack.minimumSizeHint().height() <= journal_needs


def test_every_preferences_label_stands_clear_of_its_field(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtWidgets import QLabel

    from reflect.ui.dialogs.preferences import PreferencesDialog

    dialog = PreferencesDialog(window.prefs, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for label in dialog.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is None or not label.isVisible():
            continue
        metrics = label.fontMetrics()
        text_end = label.x() + label.contentsMargins().left()
        text_end += metrics.horizontalAdvance(label.text().replace("&", ""))
        assert buddy.x() - text_end >= metrics.averageCharWidth(), label.text()


def test_a_page_scrolls_as_a_whole_only_when_the_window_is_smaller_than_its_minimum(
    qtbot: QtBot, window: MainWindow
) -> None:
    # The outer scroll area took a page's preferred height (its height for its width) as
    # the least it could have, so the Trio page scrolled in any window shorter than that.
    window.resize(1000, 800)
    window.show_page(PageId.TRIO)
    qtbot.waitExposed(window)
    area = window.pages.stack_area
    needs = window.trio.minimumSizeHint().height()
    window.resize(1000, window.height() - area.viewport().height() + needs + 20)
    qtbot.waitUntil(lambda: area.viewport().height() >= needs + 10)
    assert area.verticalScrollBar().maximum() == 0
