"""Tags in the editor are chips, added with completion from the journal's tags and removed
by keyboard alone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from reflect.app import App
from reflect.ui.main_window import MainWindow


def chip_names(window: MainWindow) -> list[str]:
    return [chip.findChild(QLabel).text() for chip in window.editor.tags.chips()]  # type: ignore[union-attr]


def test_completion_enter_backspace_and_the_focusable_x(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    app.entries.write("Earlier.", tags=["workshop", "wellbeing"])
    window.new_entry()
    tags = window.editor.tags
    window.activateWindow()
    tags.field.setFocus()
    qtbot.waitUntil(tags.field.hasFocus)

    qtbot.keyClicks(tags.field, "wor")
    popup = tags.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert tags.completer().completionCount() == 1
    assert tags.completer().currentCompletion() == "workshop"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: chip_names(window) == ["workshop"] and tags.field.text() == "")
    # The offscreen platform leaves the closed popup as the active window; a desktop does not.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    qtbot.keyClicks(tags.field, "trio")
    qtbot.keyClick(tags.field, Qt.Key.Key_Return)
    assert chip_names(window) == ["workshop", "trio"]
    qtbot.keyClick(tags.field, Qt.Key.Key_Backspace)  # the field is empty: the last chip goes
    assert chip_names(window) == ["workshop"]

    qtbot.keyClick(tags.field, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    [remove] = tags.remove_buttons()
    assert remove.hasFocus() and remove.accessibleName() == "Remove tag workshop"
    qtbot.keyClick(remove, Qt.Key.Key_Space)
    assert chip_names(window) == []
    assert QApplication.focusWidget() is tags.field

    qtbot.keyClicks(tags.field, "huddles, team")
    assert chip_names(window) == ["huddles"]  # a comma makes a chip too
    window.editor.body.setFocus()
    qtbot.keyClicks(window.editor.body, "Tagged by keyboard.")
    window.editor.done.click()  # what is typed but not yet a chip is kept as well
    [entry] = [e for e in app.entries.page() if e.body == "Tagged by keyboard."]
    assert entry.tags == ("huddles", "team")


def test_opening_an_entry_shows_its_tags_as_chips(window: MainWindow, app: App) -> None:
    entry = app.entries.write("Tagged.", tags=["trio", "flow"])
    window.open_entry(entry.id)
    assert chip_names(window) == ["trio", "flow"]
    assert window.editor.tags.field.text() == ""
    window.editor.done.click()
    assert app.entries.get(entry.id).tags == ("trio", "flow")


def test_many_tags_wrap_rather_than_widen_the_editor(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    many = [f"tag-number-{n}" for n in range(20)]
    entry = app.entries.write("Tagged a lot.", tags=many)
    window.open_entry(entry.id)
    tags = window.editor.tags
    viewport = window.editor.scroll_area.viewport()
    qtbot.waitUntil(lambda: tags.field.isVisible() and tags.height() > 3 * tags.field.height())
    assert window.editor.scroll_area.horizontalScrollBar().maximum() == 0
    right = tags.field.mapTo(viewport, tags.field.rect().topRight())
    assert 0 <= right.x() <= viewport.width()


def test_chips_and_find_tint_follow_dark_mode(qtbot: QtBot, window: MainWindow, app: App) -> None:
    from reflect.ui import theme

    entry = app.entries.write("The pathway again.", tags=["pathway"])
    window.prefs.scheme = theme.Scheme.DARK
    try:
        window.apply_preferences()
        window.open_entry(entry.id)
        [chip] = window.editor.tags.chips()
        qtbot.waitUntil(chip.isVisible)
        inside = chip.grab().toImage().pixelColor(3, chip.height() // 2)
        assert inside.lightness() < 100  # a dark chip on a dark window, not a light patch
        window.editor.open_find()
        qtbot.keyClicks(window.editor.find_bar.field, "pathway")
        [tint] = window.editor.body.extraSelections()
        highlight = window.editor.find_bar.palette().color(QPalette.ColorRole.Highlight)
        assert tint.format.background().color().rgb() == highlight.rgb()
    finally:
        window.prefs.scheme = theme.Scheme.LIGHT
        window.apply_preferences()


def test_a_tag_already_chosen_is_not_offered_again(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    app.entries.write("Earlier.", tags=["relationships", "reflection"])
    window.new_entry()
    tags = window.editor.tags
    window.activateWindow()
    tags.field.setFocus()
    qtbot.waitUntil(tags.field.hasFocus)
    qtbot.keyClicks(tags.field, "relationships,")
    qtbot.waitUntil(lambda: chip_names(window) == ["relationships"])
    qtbot.waitUntil(lambda: tags.completer().model().rowCount() == 1)  # the offer follows
    qtbot.keyClicks(tags.field, "re")
    assert tags.completer().completionCount() == 1
    assert tags.completer().currentCompletion() == "reflection"
