"""The editor's writing comforts, driven by keys: prompt areas that grow inside one scroll,
find and replace in the entry, the Edit menu on the focused field, word counts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from reflect.app import App
from reflect.core.entry import Response
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def focus(qtbot: QtBot, window: MainWindow, widget: QWidget) -> None:
    window.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def edit_action(window: MainWindow, text: str) -> QAction:
    menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&Edit")
    return next(a for a in menu.actions() if a.text() == text)


def test_a_prompt_grows_as_it_is_written_and_never_scrolls_inside(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.new_entry()
    window.editor.framework.setCurrentIndex(window.editor.framework.findData("gibbs"))
    box = window.editor.responses.boxes()[-1]  # the last prompt, below the fold
    focus(qtbot, window, box)
    start = box.height()
    for n in range(12):
        qtbot.keyClicks(box, f"Line {n} of what happened on the ward.")
        qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: box.height() > start * 2)
    assert box.verticalScrollBar().maximum() == 0  # all of it shows: nothing to scroll
    assert not box.verticalScrollBar().isVisible()
    # The one scroll area scrolled to keep the cursor in view.
    editor_scroll = window.editor.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: editor_scroll.value() > 0)
    cursor = box.cursorRect().center()
    seen = box.viewport().mapTo(window.editor.scroll_area.viewport(), cursor)
    assert window.editor.scroll_area.viewport().rect().contains(seen)


def test_a_long_gibbs_reflection_opens_with_every_answer_whole(
    window: MainWindow, app: App, qtbot: QtBot
) -> None:
    gibbs = app.frameworks.get("gibbs")
    sentence = "we noticed the handover " * 12
    long_answer = "\n\n".join(f"Paragraph {n}: {sentence}" for n in range(6))
    responses = tuple(Response(p.id, long_answer) for p in gibbs.prompts)
    entry = app.entries.write("And one more thing.", framework_id="gibbs", responses=responses)
    window.open_entry(entry.id)
    boxes = window.editor.responses.boxes()
    assert len(boxes) == len(gibbs.prompts)

    def whole(box: QPlainTextEdit) -> bool:
        tall = box.height() > 20 * box.fontMetrics().lineSpacing()
        return tall and box.verticalScrollBar().maximum() == 0  # nothing hidden to scroll to

    qtbot.waitUntil(lambda: all(whole(b) for b in boxes))
    assert window.editor.scroll_area.verticalScrollBar().maximum() > 0  # the editor scrolls, once


def test_ctrl_f_in_the_editor_finds_in_the_entry(qtbot: QtBot, window: MainWindow) -> None:
    window.new_entry()
    body = window.editor.body
    focus(qtbot, window, body)
    qtbot.keyClicks(body, "one two one three one")
    qtbot.keyClick(body, Qt.Key.Key_F, CTRL)
    bar = window.editor.find_bar
    assert window.current_page() is PageId.EDITOR
    assert bar.isVisible() and bar.field.hasFocus()
    qtbot.keyClicks(bar.field, "one")
    assert bar.count.text() == "1 of 3 matches"
    assert len(body.extraSelections()) == 3  # every match tinted
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == "2 of 3 matches"
    assert body.textCursor().selectionStart() == 8
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, SHIFT)
    assert bar.count.text() == "1 of 3 matches"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert bar.isHidden()
    assert body.extraSelections() == []
    assert body.hasFocus()  # back where the writing was
    # Opened again on a selection, it looks for the selected words.
    cursor = body.textCursor()
    cursor.setPosition(12)
    cursor.setPosition(17, cursor.MoveMode.KeepAnchor)
    body.setTextCursor(cursor)
    qtbot.keyClick(body, Qt.Key.Key_F, CTRL)
    assert bar.field.text() == "three"
    assert bar.count.text() == "1 of 1 match"
    # With nothing selected, it opens on the last term.
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    qtbot.keyClick(body, Qt.Key.Key_End)
    qtbot.keyClick(body, Qt.Key.Key_F, CTRL)
    assert bar.field.text() == "three" and bar.field.selectedText() == "three"


def test_ctrl_k_in_the_editor_is_still_the_search_page(qtbot: QtBot, window: MainWindow) -> None:
    window.new_entry()
    focus(qtbot, window, window.editor.body)
    qtbot.keyClick(window.editor.body, Qt.Key.Key_K, CTRL)
    assert window.current_page() is PageId.SEARCH
    assert window.search.field.hasFocus()


def test_ctrl_f_elsewhere_is_the_search_page(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page(PageId.JOURNAL)
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert window.current_page() is PageId.SEARCH


def test_replace_all_is_one_undo_in_each_text_area(qtbot: QtBot, window: MainWindow) -> None:
    window.new_entry()
    window.editor.framework.setCurrentIndex(window.editor.framework.findData("gibbs"))
    feelings = window.editor.responses.boxes()[1]
    body = window.editor.body
    focus(qtbot, window, feelings)
    qtbot.keyClicks(feelings, "the team and the ward")
    focus(qtbot, window, body)
    qtbot.keyClicks(body, "the huddle, the handover")
    qtbot.keyClick(body, Qt.Key.Key_F, CTRL)
    bar = window.editor.find_bar
    qtbot.keyClicks(bar.field, "the")
    assert bar.count.text().endswith("of 4 matches")
    qtbot.keyClick(bar.field, Qt.Key.Key_Tab)  # the buttons are on the way to the replacement
    bar.replacement.setFocus()
    qtbot.keyClicks(bar.replacement, "our")
    qtbot.mouseClick(bar.replace_all_button, Qt.MouseButton.LeftButton)
    assert feelings.toPlainText() == "our team and our ward"
    assert body.toPlainText() == "our huddle, our handover"
    focus(qtbot, window, body)
    qtbot.keyClick(body, Qt.Key.Key_Z, CTRL)
    assert body.toPlainText() == "the huddle, the handover"
    focus(qtbot, window, feelings)
    qtbot.keyClick(feelings, Qt.Key.Key_Z, CTRL)
    assert feelings.toPlainText() == "the team and the ward"


def test_replace_changes_the_match_shown_and_moves_on(qtbot: QtBot, window: MainWindow) -> None:
    window.new_entry()
    body = window.editor.body
    focus(qtbot, window, body)
    qtbot.keyClicks(body, "cat cat cat")
    qtbot.keyClick(body, Qt.Key.Key_F, CTRL)
    bar = window.editor.find_bar
    qtbot.keyClicks(bar.field, "cat")
    bar.replacement.setFocus()
    qtbot.keyClicks(bar.replacement, "dog")
    qtbot.keyClick(bar.replacement, Qt.Key.Key_Return)
    assert body.toPlainText() == "dog cat cat"
    assert bar.count.text() == "1 of 2 matches"


def test_edit_menu_copies_and_pastes_in_the_focused_field(qtbot: QtBot, window: MainWindow) -> None:
    window.new_entry()
    title = window.editor.title
    focus(qtbot, window, title)
    qtbot.keyClicks(title, "After the huddle")
    edit_action(window, "Select &all").trigger()
    edit_action(window, "&Copy").trigger()
    focus(qtbot, window, window.editor.body)
    edit_action(window, "&Paste").trigger()
    assert window.editor.body.toPlainText() == "After the huddle"
    edit_action(window, "&Undo").trigger()
    assert window.editor.body.toPlainText() == ""
    edit_action(window, "&Redo").trigger()
    assert window.editor.body.toPlainText() == "After the huddle"


def test_edit_undo_away_from_text_brings_back_the_trashed_entry(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    entry = app.entries.write("Regrettable.")
    window.open_entry(entry.id)
    window.editor.trash.click()
    assert app.entries.page() == []
    window.sidebar.setFocus()
    edit_action(window, "&Undo").trigger()
    assert [e.id for e in app.entries.page()] == [entry.id]


def test_word_counts_follow_the_writing(qtbot: QtBot, window: MainWindow) -> None:
    window.new_entry()
    window.editor.framework.setCurrentIndex(window.editor.framework.findData("gibbs"))
    editor = window.editor
    assert editor.words.text() == "0 words"
    focus(qtbot, window, editor.body)
    qtbot.keyClicks(editor.body, "Three small words")
    qtbot.waitUntil(lambda: editor.words.text() == "3 words")
    box, count = editor.responses.boxes()[2], editor.responses.counts()[2]
    assert count.text() == "0 words"
    focus(qtbot, window, box)
    qtbot.keyClicks(box, "It's hard")
    qtbot.waitUntil(lambda: count.text() == "2 words")
    qtbot.waitUntil(lambda: editor.words.text() == "5 words")
    assert editor.responses.counts()[0].text() == "0 words"


def test_tab_goes_through_the_fields_prompts_text_and_buttons(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.new_entry()
    editor = window.editor
    editor.framework.setCurrentIndex(editor.framework.findData("what-so-what-now-what"))
    focus(qtbot, window, editor.title)
    seen = [focused()]
    for _ in range(9):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        seen.append(focused())
    assert seen == [
        editor.title,
        editor.kind,
        editor.framework,
        editor.about_framework,
        editor.inquiry,
        editor.tags.field,
        *editor.responses.boxes(),  # three prompts: Tab moves on, as in a form
        editor.body,
    ]
    # Tab types in the free text (Markdown lists); Ctrl+Tab moves on, to Done (History and
    # Move to trash wait until the entry is kept).
    qtbot.keyClick(editor.body, Qt.Key.Key_Tab, CTRL)
    assert focused() is editor.done


def test_the_framework_box_fits_its_longest_name(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    window.new_entry()
    combo = window.editor.framework
    longest = max((f.name for f in app.frameworks.all()), key=len)
    wanted = combo.fontMetrics().horizontalAdvance(longest)
    qtbot.waitUntil(lambda: combo.width() >= wanted)


def test_formatting_keys_act_on_the_prompt_being_written(qtbot: QtBot, window: MainWindow) -> None:
    window.new_entry()
    window.editor.framework.setCurrentIndex(window.editor.framework.findData("gibbs"))
    feelings = window.editor.responses.boxes()[1]
    focus(qtbot, window, feelings)
    qtbot.keyClick(feelings, Qt.Key.Key_B, CTRL)
    assert feelings.toPlainText() == "**bold**"
    assert window.editor.body.toPlainText() == ""


def test_changing_framework_leaves_only_the_new_prompts_on_screen(
    qtbot: QtBot, window: MainWindow
) -> None:
    # The old prompt areas went away later (deleteLater) but stayed painted until then, so
    # for a moment two sets of headings and answers showed on top of each other.
    window.new_entry()
    framework = window.editor.framework
    framework.setFocus()
    framework.setCurrentIndex(framework.findData("gibbs"))
    framework.setCurrentIndex(framework.findData("what-so-what-now-what"))
    shown = [b for b in window.editor.responses.findChildren(QPlainTextEdit) if b.isVisible()]
    assert shown == window.editor.responses.boxes()
    assert len(shown) == 3


def test_the_free_text_starts_under_the_fields_and_fills_the_window(
    qtbot: QtBot, window: MainWindow
) -> None:
    # There was an empty band between the tags and the text, the text box far below them.
    window.resize(1100, 900)
    window.new_entry()
    qtbot.waitExposed(window)
    editor = window.editor
    qtbot.waitUntil(lambda: editor.body.isVisible())
    fields_bottom = editor.fields.geometry().bottom()
    qtbot.waitUntil(lambda: editor.body.y() - fields_bottom < 30)
    viewport = editor.scroll_area.viewport()
    body_bottom = editor.body.mapTo(viewport, editor.body.rect().bottomLeft()).y()
    assert body_bottom >= viewport.height() - 30
