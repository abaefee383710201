"""The window imports encrypted jrnl journals (asking for the password) and folder journals."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from reflect.app import App
from reflect.ui.flows.journal_files import IMPORT_CHOICES
from reflect.ui.main_window import MainWindow

FROM_JRNL = Path(__file__).parents[1] / "formats" / "samples" / "jrnl" / "from_jrnl"


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(path), ""))


def answer_password(monkeypatch: pytest.MonkeyPatch, password: str, ok: bool) -> list[str]:
    asked: list[str] = []

    def get_text(parent: object, title: str, label: str, *args: object) -> tuple[str, bool]:
        asked.append(label)
        return password, ok

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    return asked


def test_an_encrypted_jrnl_file_asks_for_its_password(
    qtbot: QtBot, window: MainWindow, app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose_file(monkeypatch, FROM_JRNL / "encrypted_v2.txt")
    asked = answer_password(monkeypatch, "correct horse", ok=True)
    task = window.files.import_file("jrnl", False)
    assert task is not None and len(asked) == 1 and "encrypted_v2.txt" in asked[0]
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert app.entries.count() == 3


def test_a_wrong_password_shows_one_message_and_imports_nothing(
    qtbot: QtBot, window: MainWindow, app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    choose_file(monkeypatch, FROM_JRNL / "encrypted_v3.txt")
    answer_password(monkeypatch, "wrong", ok=True)
    task = window.files.import_file("jrnl", False)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert len(shown) == 1 and "password does not open" in shown[0]
    assert app.entries.count() == 0


def test_cancelling_the_password_imports_nothing(
    window: MainWindow, app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose_file(monkeypatch, FROM_JRNL / "encrypted_v2.txt")
    answer_password(monkeypatch, "", ok=False)
    assert window.files.import_file("jrnl", False) is None
    assert app.entries.count() == 0


def test_a_plain_file_asks_for_no_password(
    qtbot: QtBot, window: MainWindow, app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose_file(monkeypatch, FROM_JRNL / "plain.txt")
    asked = answer_password(monkeypatch, "", ok=False)
    task = window.files.import_file("jrnl", False)
    assert task is not None and asked == []
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert app.entries.count() == 3


def test_a_folder_journal_can_be_chosen(
    qtbot: QtBot, window: MainWindow, app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert ("jrnl", "jrnl folder journal", True) in IMPORT_CHOICES
    folder = str(FROM_JRNL / "folder")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: folder)
    task = window.files.import_file("jrnl", True)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert app.entries.count() == 3
