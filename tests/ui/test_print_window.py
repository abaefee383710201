"""File ▸ Export ▸ PDF… and File ▸ Print… (Ctrl+P) in the real window, driven by keys."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
)
from pytestqt.qtbot import QtBot

from reflect.app import App
from reflect.messages import Msg
from reflect.ui.main_window import MainWindow
from reflect.ui.printing.choice_dialog import PrintChoiceDialog
from reflect.ui.texts import message_text


def pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return done.stdout


def choice_dialog(qtbot: QtBot) -> PrintChoiceDialog:
    found: list[PrintChoiceDialog] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintChoiceDialog)]
        return bool(found) and found[0].isVisible()

    qtbot.waitUntil(shown)
    return found[0]


def menu_action(window: MainWindow, *path: str) -> QAction:
    menus = window.menuBar().findChildren(QMenu)
    menu = next(m for m in menus if m.title() == path[0])
    for title in path[1:-1]:
        menu = next(m for m in menus if m.title() == title)
    return next(a for a in menu.actions() if a.text() == path[-1])


def test_export_pdf_of_an_inquiry_from_the_file_menu(
    window: MainWindow, app: App, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inquiry = app.inquiries.add("What does good handover look like?")
    app.entries.write("Handover felt rushed.", title="Night shift", inquiry_id=inquiry.id)
    app.entries.write("Nothing to do with it.", title="Unlinked lunch")
    out = tmp_path / "inquiry.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    menu_action(window, "&File", "&Export", "&PDF…").trigger()
    dialog = choice_dialog(qtbot)
    assert not dialog.this_entry.isEnabled()  # no entry is open
    dialog.inquiry.setFocus()
    qtbot.keyClick(dialog.inquiry, Qt.Key.Key_Space)
    assert dialog.inquiry.isChecked()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(out.exists, timeout=20_000)
    text = pdf_text(out)
    assert "What does good handover look like?" in text
    assert "Night shift" in text and "Unlinked lunch" not in text


def test_a_date_range_with_nothing_in_it_says_so_and_writes_nothing(
    window: MainWindow, app: App, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app.entries.write("Written on the fake clock's first day.", title="Early")  # 2026-03-01
    out = tmp_path / "empty.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    menu_action(window, "&File", "&Export", "&PDF…").trigger()
    dialog = choice_dialog(qtbot)
    assert dialog.date_range.isChecked()
    dialog.until.setFocus()  # the range offered ends today, 2026-03-01: end it in February
    qtbot.keyClick(dialog.until, Qt.Key.Key_Home)
    qtbot.keyClicks(dialog.until, "2026-02-01")
    assert dialog.until.date() == QDate(2026, 2, 1)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(warnings), timeout=20_000)
    assert warnings == [message_text(Msg.NOTHING_TO_PRINT)]
    assert not out.exists()
    assert list(tmp_path.glob("*.pdf*")) == [] and list(tmp_path.glob(".empty.pdf*")) == []


def test_ctrl_p_prints_the_open_entry(
    window: MainWindow, app: App, qtbot: QtBot, tmp_path: Path
) -> None:
    entry = app.entries.write("Said no to the extra meeting.", title="A stop-list win")
    app.entries.write("Another day.", title="Not this one")
    window.open_entry(entry.id)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = choice_dialog(qtbot)
    assert dialog.this_entry.isChecked()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.printing.print_dialog is not None)
    printer_dialog = window.printing.print_dialog
    assert printer_dialog is not None
    out = tmp_path / "printed.pdf"
    # A file stands in for paper: choose Qt's "Print to File (PDF)" as a person would.
    printers = printer_dialog.findChild(QComboBox, "printers")
    printers.setCurrentIndex(printers.findText("Print to File (PDF)"))
    printer_dialog.findChild(QLineEdit, "filename").setText(str(out))
    printer_dialog.accept()
    # Printed once the status line says so, not when the file first appears (half written).
    qtbot.waitUntil(lambda: "Sent 1 entry to the printer" in window.statusBar().currentMessage())
    text = pdf_text(out)
    assert "A stop-list win" in text and "Not this one" not in text
