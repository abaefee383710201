"""A Markdown folder with notes that cannot be read: refused whole, then the window offers to
import the rest, and lists what it left out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reflect.app import App
from reflect.ui.main_window import MainWindow

BAD_DATE = (
    "notes/bad.md: date '2024-02-30' is not a date (use YYYY-MM-DD, YYYY-MM-DD HH:MM or ISO 8601)"
)
ALIAS = "odd.md: line 3: YAML anchors (&) and aliases (*) are not supported"


class Boxes:
    """Stands in for QMessageBox's static functions, answering questions as told."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton):
        self.shown: list[tuple[str, str]] = []
        self._answer = answer
        for kind in ("warning", "information"):
            monkeypatch.setattr(QMessageBox, kind, self._recorder(kind))
        monkeypatch.setattr(QMessageBox, "question", self._question)

    def _recorder(self, kind: str) -> Any:
        return lambda parent, title, text, *rest: self.shown.append((kind, text))

    def _question(self, parent: object, title: str, text: str, *rest: object) -> Any:
        self.shown.append(("question", text))
        return self._answer


def vault(tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    (folder / "notes").mkdir(parents=True)
    (folder / "a-good.md").write_text("---\ndate: 2024-02-28\n---\n# Good one\n", "utf-8")
    (folder / "notes" / "bad.md").write_text("---\ndate: 2024-02-30\n---\n# Bad\n", "utf-8")
    (folder / "odd.md").write_text("---\ntitle: Odd\nbase: *b\n---\n", "utf-8")
    (folder / "z-good.md").write_text("---\ndate: 2024-03-01\n---\n# Good two\n", "utf-8")
    return folder


def test_declining_the_offer_imports_nothing(
    qtbot: QtBot, window: MainWindow, app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes = Boxes(monkeypatch, QMessageBox.StandardButton.No)

    task = window.files.start_import("markdown", vault(tmp_path))
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass

    [(kind, text)] = boxes.shown
    assert kind == "question"
    assert "Import the 2 notes that can be read and skip 2?" in text
    assert BAD_DATE in text and ALIAS in text
    assert app.entries.count() == 0


def test_accepting_imports_the_good_notes_then_lists_the_skipped_ones(
    qtbot: QtBot, window: MainWindow, app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes = Boxes(monkeypatch, QMessageBox.StandardButton.Yes)

    with qtbot.waitSignal(window.files.imported, timeout=20000):
        window.files.start_import("markdown", vault(tmp_path))

    assert [kind for kind, _ in boxes.shown] == ["question", "information"]
    listing = boxes.shown[1][1]
    assert "Imported 2 new items." in listing
    assert "Left out 2 notes that could not be read:" in listing
    assert listing.index(BAD_DATE) < listing.index(ALIAS)
    assert sorted(e.title for e in app.entries.page()) == ["Good one", "Good two"]


def test_a_folder_where_no_note_can_be_read_is_only_refused(
    qtbot: QtBot, window: MainWindow, app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes = Boxes(monkeypatch, QMessageBox.StandardButton.Yes)
    folder = tmp_path / "vault"
    folder.mkdir()
    (folder / "bad.md").write_text("---\ndate: 2024-02-30\n---\n", "utf-8")

    task = window.files.start_import("markdown", folder)
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass

    [(kind, text)] = boxes.shown
    assert kind == "warning" and "bad.md: date '2024-02-30' is not a date" in text
    assert app.entries.count() == 0
