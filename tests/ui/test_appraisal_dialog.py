"""For appraisal or revalidation… in the real window, by keyboard: choose entries in the
Journal, open the dialog from the context menu key or File ▸ Export, edit a warning away or
keep it, and export."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QPlainTextEdit
from pytestqt.qtbot import QtBot
from test_print_window import menu_action, pdf_text

from reflect.app import App
from reflect.core.entry import Response
from reflect.ui.flows.appraisal_dialog import AppraisalDialog
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId

GIBBS = (
    Response("description", "A handover went wrong when Dr Jane Smith was called away."),
    Response("action-plan", "Use SBAR at every handover."),
)


def _choose_both(qtbot: QtBot, window: MainWindow, app: App) -> None:
    app.entries.write("I went to a course on sepsis.", title="Course")
    app.entries.write("", framework_id="gibbs", responses=GIBBS, title="Handover")
    window.show_page(PageId.JOURNAL)
    view = window.journal.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(window.journal.chosen_entry_ids()) == 2


def _dialog_from_menu_key(qtbot: QtBot, window: MainWindow) -> AppraisalDialog:
    # What the Menu key sends the focused list: a keyboard context menu event.
    view = window.journal.view
    point = view.visualRect(view.currentIndex()).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, point, view.mapToGlobal(point))
    QApplication.sendEvent(view, event)
    menu = window.journal.context_menu
    qtbot.waitUntil(menu.isVisible)
    (action,) = menu.actions()
    assert action.text() == "For &appraisal or revalidation…"
    qtbot.keyClick(menu, Qt.Key.Key_A)  # its mnemonic
    dialog = window.journal.appraisal_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_edit_the_warning_away_then_export_markdown(
    qtbot: QtBot, window: MainWindow, app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "for-appraisal"  # no extension typed: the chosen file type gives it
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "Markdown (*.md)")
    )
    _choose_both(qtbot, window, app)
    dialog = _dialog_from_menu_key(qtbot, window)
    assert not dialog.export_button.isEnabled()
    assert "1 warning left." in dialog.reason.text()
    assert "“Dr Jane Smith” looks like a person's name, in “Handover”" in dialog.warning.text()
    # The warning is chosen and selected in its field, focused: typing replaces it.
    edit = QApplication.focusWidget()
    assert isinstance(edit, QPlainTextEdit)
    assert edit.textCursor().selectedText() == "Dr Jane Smith"
    qtbot.keyClicks(edit, "the nurse in charge")
    assert dialog.export_button.isEnabled()
    assert dialog.warning.text() == ""
    dialog.export_button.setFocus()
    qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
    written = tmp_path / "for-appraisal.md"
    qtbot.waitUntil(written.exists, timeout=20_000)
    text = written.read_text(encoding="utf-8")
    assert "# Reflective account 1 of 2" in text and "# Reflective account 2 of 2" in text
    assert "I went to a course on sepsis." in text
    assert "\n\nA handover went wrong when the nurse in charge was called away.\n" in text
    assert "Smith" not in text


def test_keep_a_warning_on_purpose_choose_the_aomrc_form_and_export_a_pdf(
    qtbot: QtBot, window: MainWindow, app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "reflection.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    _choose_both(qtbot, window, app)
    menu_action(window, "&File", "&Export", "For &appraisal or revalidation…").trigger()
    dialog = window.journal.appraisal_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.form_combo.setFocus()
    qtbot.keyClick(dialog.form_combo, Qt.Key.Key_Down)
    assert dialog.form().id == "aomrc"
    assert [e.accessibleName() for e in dialog.edits[:4]] == [
        "Outline of the activity or event",
        "The most important thing I learned",
        "How it has influenced my practice",
        "Next steps",
    ]
    assert not dialog.export_button.isEnabled()
    dialog.keep_button.setFocus()
    qtbot.keyClick(dialog.keep_button, Qt.Key.Key_Space)  # Keep this one
    assert dialog.export_button.isEnabled()
    qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
    qtbot.waitUntil(out.exists, timeout=20_000)
    text = " ".join(pdf_text(out).split())
    assert "Reflection 1 of 2" in text and "Academy of Medical Royal Colleges" in text
    assert "Next steps Use SBAR at every handover." in text


def test_with_nothing_chosen_it_says_how_to_choose(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    menu_action(window, "&File", "&Export", "For &appraisal or revalidation…").trigger()
    assert "Choose one or more entries in the Journal" in window.statusBar().currentMessage()


def test_next_warning_goes_from_field_to_field_and_round_again(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    responses = (
        Response("description", "Dr Jane Smith called."),
        Response("analysis", "Born 03/04/1961, and NHS number 943 476 5919."),
    )
    app.entries.write("", framework_id="gibbs", responses=responses, title="Two fields")
    window.show_page(PageId.JOURNAL)
    window.journal.view.setFocus()
    qtbot.keyClick(window.journal.view, Qt.Key.Key_Home)
    dialog = _dialog_from_menu_key(qtbot, window)
    seen = []
    for _ in range(4):
        edit = QApplication.focusWidget()
        assert isinstance(edit, QPlainTextEdit)
        seen.append((edit.accessibleName()[:8], edit.textCursor().selectedText()))
        dialog.next_button.setFocus()
        qtbot.keyClick(dialog.next_button, Qt.Key.Key_Space)
    assert seen == [
        ("What was", "Dr Jane Smith"),
        ("What did", "03/04/1961"),
        ("What did", "943 476 5919"),
        ("What was", "Dr Jane Smith"),
    ]
    assert dialog.warning.text().startswith(
        "Warning 2 of 3: “03/04/1961” looks like a date of birth"
    )
    # Deleting a passage clears its warning as it goes; the others stay.
    edit = QApplication.focusWidget()
    assert isinstance(edit, QPlainTextEdit)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    assert "2 warnings left." in dialog.reason.text()
    assert not dialog.export_button.isEnabled()
