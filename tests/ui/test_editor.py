"""Writing in the editor: autosave, keeping, drafts recovered after a crash, history, trash."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from reflect.app import App, open_app
from reflect.core.entry import EntryKind
from reflect.paths import Paths
from reflect.ui import launch
from reflect.ui.editor.entry_editor import AUTOSAVE_MAX_WAIT_MS, AUTOSAVE_MS
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId


def type_body(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.editor.body.setFocus()
    qtbot.keyClicks(window.editor.body, text)


def test_typing_autosaves_a_draft_after_a_pause(qtbot: QtBot, window: MainWindow, app: App) -> None:
    window.new_entry()
    type_body(qtbot, window, "Nobody owns the whole pathway.")
    assert app.drafts.unfinished() == []  # not yet: the pause has not passed
    qtbot.waitUntil(lambda: len(app.drafts.unfinished()) == 1)
    [draft] = app.drafts.unfinished()
    assert draft.body == "Nobody owns the whole pathway."
    assert window.editor.status.text() == "Draft saved"


def test_typing_without_a_pause_is_still_saved_every_couple_of_seconds(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    window.new_entry()
    # Faster than the quiet moment the first autosave waits for, for as long as it takes.
    typist = QTimer(window, interval=AUTOSAVE_MS // 5)
    typist.timeout.connect(lambda: qtbot.keyClicks(window.editor.body, "word "))
    typist.start()

    qtbot.waitUntil(lambda: len(app.drafts.unfinished()) == 1, timeout=4 * AUTOSAVE_MAX_WAIT_MS)
    typist.stop()

    [draft] = app.drafts.unfinished()
    assert draft.body.startswith("word word ")
    assert window.editor.body.toPlainText().startswith(draft.body)


def test_done_keeps_the_entry_with_its_fields(qtbot: QtBot, window: MainWindow, app: App) -> None:
    inquiry = app.inquiries.add("What would shared ownership look like?")
    window.new_entry(EntryKind.REFLECTION, inquiry.id)
    qtbot.keyClicks(window.editor.title, "After workshop 2")
    qtbot.keyClicks(window.editor.tags.field, "workshop, trio")
    type_body(qtbot, window, "Relationships first.")
    window.editor.done.click()
    [entry] = app.entries.page()
    assert (entry.title, entry.body, entry.tags) == (
        "After workshop 2",
        "Relationships first.",
        ("workshop", "trio"),
    )
    assert entry.inquiry_id == inquiry.id
    assert app.drafts.unfinished() == []
    assert window.current_page() is PageId.JOURNAL


def test_leaving_the_editor_keeps_the_text(qtbot: QtBot, window: MainWindow, app: App) -> None:
    window.new_entry()
    type_body(qtbot, window, "Written, then I clicked away.")
    window.sidebar.setCurrentRow(0)
    assert [e.body for e in app.entries.page()] == ["Written, then I clicked away."]


def test_editing_makes_a_revision_and_history_brings_it_back(
    qtbot: QtBot, window: MainWindow, app: App, monkeypatch
) -> None:
    entry = app.entries.write("First version.")
    window.open_entry(entry.id)
    window.editor.body.selectAll()
    type_body(qtbot, window, "Second version.")
    window.editor.done.click()
    assert app.entries.get(entry.id).body == "Second version."
    from reflect.ui.dialogs import revisions_dialog

    def bring_back_first(dialog: revisions_dialog.RevisionsDialog) -> int:
        dialog.list.setCurrentRow(0)
        dialog.bring_back.click()
        return 1

    monkeypatch.setattr(revisions_dialog.RevisionsDialog, "exec", bring_back_first)
    window.open_entry(entry.id)
    window.editor.history.click()
    assert app.entries.get(entry.id).body == "First version."
    assert window.editor.body.toPlainText() == "First version."


def test_trash_and_undo(qtbot: QtBot, window: MainWindow, app: App) -> None:
    entry = app.entries.write("Regrettable.")
    window.open_entry(entry.id)
    window.editor.trash.click()
    assert app.entries.page() == []
    assert window.current_page() is PageId.JOURNAL
    window.undo_trash.trigger()
    assert [e.id for e in app.entries.page()] == [entry.id]


def test_preview_renders_markdown_safely(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtCore import Qt

    window.new_entry()
    type_body(qtbot, window, "**bold** <script>x</script> ![i](file:///dev/zero)")
    assert window.editor.preview.isHidden()  # off until asked for: writing gets the width
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.editor.body, Qt.Key.Key_P, ctrl_shift)
    assert window.editor.preview.isVisible()
    assert window.prefs.show_preview  # remembered
    qtbot.waitUntil(lambda: "bold" in window.editor.preview.toPlainText())
    html = window.editor.preview.toHtml()
    assert "font-weight:700" in html or "font-weight:600" in html or "<b>" in html
    assert "<script" not in html and "<img" not in html


def test_ctrl_tab_leaves_the_text(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtCore import Qt

    window.new_entry()
    window.activateWindow()
    window.editor.body.setFocus()
    qtbot.waitUntil(window.editor.body.hasFocus)
    qtbot.keyClick(window.editor.body, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert not window.editor.body.hasFocus()
    assert window.editor.body.toPlainText() == ""
    # Plain Tab still types, for Markdown lists.
    window.editor.body.setFocus()
    qtbot.keyClick(window.editor.body, Qt.Key.Key_Tab)
    assert window.editor.body.toPlainText() == "\t"


def test_a_draft_left_by_a_crash_is_offered_on_next_start(
    qtbot: QtBot, paths: Paths, monkeypatch
) -> None:
    # The "crash": a draft autosaved, then the process vanished without keeping it.
    first = open_app(paths)
    draft = first.drafts.start()
    from dataclasses import replace

    first.drafts.autosave(replace(draft, body="Typed just before the laptop died."))
    first.close()

    from PySide6.QtWidgets import QApplication, QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qt_app = QApplication.instance()
    assert isinstance(qt_app, QApplication)
    session = launch.Session(qt_app, paths)
    assert session.open(paths)
    window = session.window
    assert window is not None
    qtbot.addWidget(window)
    assert window.current_page() is PageId.EDITOR
    assert window.editor.body.toPlainText() == "Typed just before the laptop died."
    window.editor.done.click()
    assert session.app is not None
    assert [e.body for e in session.app.entries.page()] == ["Typed just before the laptop died."]
    window.close()
    session.close()  # waits for the day's backup, then closes the journal
