"""The inquiry page's Report…: choose quotes by keyboard, save, and read the file written."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from reflect.app import App
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId
from reflect.ui.pages.inquiries.report_dialog import ReportDialog


def _open_dialog(qtbot: QtBot, window: MainWindow, app: App) -> tuple[App, ReportDialog]:
    inquiry = app.inquiries.add("How do I listen better?")
    app.inquiries.reword(inquiry.id, "What helps my team speak first?")
    app.entries.write(
        "Nobody spoke until I left the room.\n\nThen everyone did.",
        title="Huddle",
        inquiry_id=inquiry.id,
    )
    window.show_page(PageId.INQUIRIES)
    page = window.inquiries
    page.select(inquiry.id)
    page.report_button.setFocus()
    qtbot.keyClick(page.report_button, Qt.Key.Key_Space)
    dialog = page.report_dialog
    qtbot.waitUntil(dialog.isVisible)
    return app, dialog


def test_report_from_the_inquiry_page_quotes_the_passage_chosen(
    qtbot: QtBot,
    window: MainWindow,
    app: App,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "report"  # no extension typed: the chosen file type gives it
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "Markdown (*.md)")
    )
    _, dialog = _open_dialog(qtbot, window, app)
    dialog.entry_list.setFocus()
    qtbot.keyClick(dialog.entry_list, Qt.Key.Key_Space)  # tick the entry
    assert dialog.entry_list.item(0).checkState() == Qt.CheckState.Checked
    dialog.passage_edit.setFocus()
    qtbot.keyClick(dialog.passage_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.passage_edit, "Then everyone did.")
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
    written = tmp_path / "report.md"
    qtbot.waitUntil(written.exists, timeout=20_000)
    text = written.read_text(encoding="utf-8")
    assert "# What helps my team speak first?" in text
    assert "How do I listen better?" in text
    assert "> Then everyone did.\n" in text and "Nobody spoke" not in text


def test_a_passage_not_in_the_entry_is_refused_and_nothing_is_written(
    qtbot: QtBot,
    window: MainWindow,
    app: App,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "report.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    _, dialog = _open_dialog(qtbot, window, app)
    dialog.passage_edit.setFocus()
    qtbot.keyClick(dialog.passage_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.passage_edit, "Words I never wrote.")  # editing ticks the entry
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(warnings), timeout=20_000)
    assert "is not in entry" in warnings[0]
    assert not out.exists()


def test_a_pdf_report_from_the_window_draws_each_measures_chart(
    qtbot: QtBot,
    window: MainWindow,
    app: App,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inquiry = app.inquiries.add("Do earlier huddles help?")
    measure = app.measures.add(inquiry.id, "Huddles where staff spoke first", "huddles", "higher")
    for day in range(1, 13):
        app.measures.record(measure.id, 10 + day % 4, f"2026-02-{day:02d}")
    out = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF (*.pdf)"))
    window.show_page(PageId.INQUIRIES)
    window.inquiries.select(inquiry.id)
    button = window.inquiries.report_button
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    dialog = window.inquiries.report_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
    qtbot.waitUntil(
        lambda: "Saved the report" in window.statusBar().currentMessage(), timeout=20_000
    )
    listed = subprocess.run(
        ["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert any(int(line.split()[3]) >= 400 for line in listed), listed
