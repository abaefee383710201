"""Spell checking as you type: underlines in the real editor, corrections and "Add to
dictionary" from the real context menu, and the switch in Preferences."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog, QDialogButtonBox, QMenu
from pytestqt.qtbot import QtBot

from reflect.app import App, open_app
from reflect.ui.editor.markdown_edit import MarkdownEdit
from reflect.ui.main_window import MainWindow


def type_body(qtbot: QtBot, window: MainWindow, text: str) -> MarkdownEdit:
    body = window.editor.body
    body.setFocus()
    qtbot.keyClicks(body, text)
    return body


def underlined(edit: MarkdownEdit) -> list[str]:
    """The words shown with the misspelling underline, in the order they appear."""
    assert edit.spelling is not None
    found: list[str] = []
    block = edit.document().firstBlock()
    while block.isValid():
        found += edit.spelling.highlighter.misspelt(block)
        block = block.next()
    return found


def context_menu_at(qtbot: QtBot, edit: MarkdownEdit, position: int, choose: str) -> list[str]:
    """Right-click at character ``position`` (the real contextMenuEvent), note what the menu
    offers, then pick ``choose`` with the arrow keys' target and Return, as a person would."""
    cursor = QTextCursor(edit.document())
    cursor.setPosition(position)
    point = edit.cursorRect(cursor).center()
    offered: list[str] = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(10, pick)  # not shown yet
            return
        try:
            # Qt's own items read "&Undo\tCtrl+Z": compare the words only.
            labels = {a.text().replace("&", "").split("\t")[0]: a for a in menu.actions()}
            offered.extend(label for label in labels if label)
            action = labels[choose]
            menu.setActiveAction(action)
            qtbot.keyClick(menu, Qt.Key.Key_Return)
        finally:
            menu.close()

    QTimer.singleShot(0, pick)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, edit.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(edit.viewport(), event)
    return offered


def test_a_misspelt_word_is_underlined_as_you_type(qtbot: QtBot, window: MainWindow) -> None:
    window.new_entry()
    body = type_body(qtbot, window, "I recieve the colour of the programme")
    qtbot.waitUntil(lambda: underlined(body) == ["recieve"], timeout=20_000)


def test_markdown_code_and_addresses_are_not_checked(qtbot: QtBot, window: MainWindow) -> None:
    window.new_entry()
    body = type_body(qtbot, window, "See `teh cde` at https://exmple.org/pth and teh NHSE")
    body.appendPlainText("```\nnott checkd\n```\nafter the fence, wrng")
    qtbot.waitUntil(lambda: underlined(body) == ["teh", "wrng"], timeout=20_000)


def test_the_context_menu_offers_corrections_and_one_undo_takes_it_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.new_entry()
    body = type_body(qtbot, window, "I recieve")
    qtbot.waitUntil(lambda: underlined(body) == ["recieve"], timeout=20_000)

    offered = context_menu_at(qtbot, body, 4, choose="receive")

    assert offered[0] == "receive"
    assert "Add to dictionary" in offered
    assert offered.index("Add to dictionary") < offered.index("Select All")  # then Qt's own
    assert body.toPlainText() == "I receive"
    qtbot.waitUntil(lambda: underlined(body) == [])
    qtbot.keyClick(body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert body.toPlainText() == "I recieve"


def test_a_correct_word_gets_only_the_standard_menu(qtbot: QtBot, window: MainWindow) -> None:
    window.new_entry()
    body = type_body(qtbot, window, "I recieve")
    qtbot.waitUntil(lambda: underlined(body) == ["recieve"], timeout=20_000)
    offered = context_menu_at(qtbot, body, 0, choose="Select All")
    assert "Add to dictionary" not in offered and "receive" not in offered


def test_added_words_are_no_longer_underlined_in_this_window_or_the_next(
    qtbot: QtBot, window: MainWindow, app: App, crashes: object
) -> None:
    window.new_entry()
    body = type_body(qtbot, window, "Okafor spoke")
    qtbot.waitUntil(lambda: underlined(body) == ["Okafor"], timeout=20_000)

    context_menu_at(qtbot, body, 2, choose="Add to dictionary")

    qtbot.waitUntil(lambda: underlined(body) == [])
    window.close()
    later_app = open_app(app.paths)
    later = MainWindow(later_app, lambda exc: (_ for _ in ()).throw(exc))
    qtbot.addWidget(later)
    later.show()
    try:
        later.new_entry()
        body = type_body(qtbot, later, "Okafor spoke; teh end")
        qtbot.waitUntil(lambda: underlined(body) == ["teh"], timeout=20_000)
    finally:
        later.close()
        later_app.close()


def test_switching_spelling_off_in_preferences_removes_the_underlines_at_once(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.new_entry()
    body = type_body(qtbot, window, "I recieve")
    qtbot.waitUntil(lambda: underlined(body) == ["recieve"], timeout=20_000)

    def untick_spelling() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(10, untick_spelling)
            return
        try:
            box = next(
                b
                for b in dialog.findChildren(QCheckBox)
                if b.text() == "Check &spelling as you type"
            )
            assert box.isChecked()  # on by default
            box.setFocus()
            qtbot.keyClick(box, Qt.Key.Key_Space)
            buttons = dialog.findChild(QDialogButtonBox)
            ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
            qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        finally:
            dialog.close()

    QTimer.singleShot(0, untick_spelling)
    window.edit_preferences()

    assert underlined(body) == []  # at once, no waiting
    assert window.prefs.check_spelling is False
    qtbot.keyClicks(body, " teh")
    assert underlined(body) == []


def test_the_underline_is_readable_on_the_light_and_the_dark_page() -> None:
    from PySide6.QtGui import QColor, QPalette

    from reflect.ui import theme

    def luminance(colour: QColor) -> float:
        def channel(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    for dark, palette in ((False, theme._LIGHT), (True, theme._DARK)):
        line = luminance(theme.misspelling_colour(dark))
        page = luminance(QColor(palette[QPalette.ColorRole.Base]))
        ratio = (max(line, page) + 0.05) / (min(line, page) + 0.05)
        assert ratio >= 4.5, (dark, ratio)  # WCAG's text contrast, for a thin line


def test_a_framework_prompt_is_checked_too(qtbot: QtBot, window: MainWindow) -> None:
    window.new_entry(framework_id="gibbs")
    prompt = window.editor.responses.boxes()[0]
    prompt.setFocus()
    qtbot.keyClicks(prompt, "We recieve referrals")
    qtbot.waitUntil(lambda: underlined(prompt) == ["recieve"], timeout=20_000)
