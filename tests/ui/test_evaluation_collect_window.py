"""File ▸ Evaluation ▸ Collect returns…: the evaluator picks the twelve participants' returns
(and four files that do not count) and a folder, collects off the UI thread, reads the summary
and opens the report folder; driven through the real window with clicks and keys."""

from __future__ import annotations

from pathlib import Path

import keyring.core
import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from evaluation_cohort import install_for_evaluator, return_files
from fakes import MemoryKeyring
from reflect.app import App
from reflect.exchange.identity import Identity
from reflect.ui.flows.evaluation_collect import CollectDialog
from reflect.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def keys_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyring.core, "_keyring_backend", MemoryKeyring())


def collect_action(window: MainWindow) -> object:
    menus = window.menuBar().findChildren(QMenu)
    evaluation = next(m for m in menus if m.title() == "E&valuation")  # in File
    return next(a for a in evaluation.actions() if a.text() == "&Collect returns…")


def open_dialog(qtbot: QtBot, window: MainWindow) -> CollectDialog:
    collect_action(window).trigger()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: _dialog(window) is not None)
    dialog = _dialog(window)
    assert dialog is not None
    return dialog


def _dialog(window: MainWindow) -> CollectDialog | None:
    found = window.findChildren(CollectDialog)
    return found[-1] if found else None


@pytest.fixture
def evaluator(app: App, monkeypatch: pytest.MonkeyPatch) -> Identity:
    """Installed before the window opens: the window reads the programmes' plans as it starts."""
    return install_for_evaluator(app, monkeypatch)


def test_collect_shows_what_was_read_refused_and_withdrawn_then_opens_the_folder(
    evaluator: Identity,
    window: MainWindow,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    paths = return_files(tmp_path / "in", evaluator)
    out = tmp_path / "report"
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(p) for p in paths], "")
    )
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)

    dialog = open_dialog(qtbot, window)
    qtbot.waitExposed(dialog)
    assert dialog.programme.currentText() == "North cohort 3"
    assert not dialog.collect.isEnabled()  # nothing chosen yet
    qtbot.mouseClick(dialog.add_files, Qt.MouseButton.LeftButton)
    assert dialog.files.count() == len(paths) == 33
    dialog.choose_folder.setFocus()
    qtbot.keyClick(dialog.choose_folder, Qt.Key.Key_Space)  # by keyboard
    assert dialog.folder.text() == str(out)
    assert dialog.collect.isEnabled()
    qtbot.mouseClick(dialog.collect, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Wrote the report" in dialog.summary.toPlainText(), timeout=30_000)

    text = dialog.summary.toPlainText()
    assert "Files read: 33" in text
    assert "Returns counted: 25, from 11 people" in text
    assert "Refused: 3" in text
    assert "tampered.reflecteval is damaged or was changed on the way" in text
    assert "foreign.reflecteval is a return for another programme" in text
    assert "lost.reflecteval was not sent to you" in text
    assert "Repeated files counted once: 1" in text
    assert "Withdrawals honoured: 1 (their 2 returns left out)" in text
    assert sorted(p.name for p in out.iterdir()) == [
        "evaluation-change.csv",
        "evaluation-report.csv",
        "evaluation-report.html",
        "evaluation-report.pdf",
    ]
    assert dialog.open_folder.isEnabled()
    dialog.activateWindow()  # back from the progress dialog: the focus is where it was left
    qtbot.waitUntil(dialog.open_folder.hasFocus)
    qtbot.keyClick(dialog.open_folder, Qt.Key.Key_Space)
    assert opened == [QUrl.fromLocalFile(str(out))]
    dialog.close()


def test_with_no_programme_to_evaluate_the_menu_says_so(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda parent, title, text, *a: told.append(text)
    )
    collect_action(window).trigger()  # type: ignore[attr-defined]
    assert told and "evaluation" in told[0].lower()
    assert _dialog(window) is None
