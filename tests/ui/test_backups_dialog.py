"""File ▸ Restore from backup: the list of backups, and putting one back."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from fakes import FakeClock
from reflect.app import App
from reflect.ui.dialogs.backups_dialog import REASON, SIZE, TAKEN
from reflect.ui.main_window import MainWindow


@pytest.fixture
def confirmed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answers Yes to the "Restore this backup?" question; lists the questions asked."""
    asked: list[str] = []

    def yes(parent: object, title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(title)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    return asked


def restored(message: str) -> bool:
    return message.startswith("Restored.")


def test_backups_are_listed_newest_first_with_time_reason_and_size(
    window: MainWindow, app: App, clock: FakeClock
) -> None:
    app.entries.write("First.")
    manual = app.backups.backup()
    clock.advance(days=1)
    daily = app.backups.back_up_if_due()
    assert daily is not None

    dialog = window.files.restore()

    model = dialog.model
    rows = [
        [model.index(row, column).data() for column in (TAKEN, REASON, SIZE)]
        for row in range(model.rowCount())
    ]
    assert [row[1] for row in rows] == ["Daily copy", "Made by you"]
    # 9:00 UTC on 2 and 1 March, shown in local time.
    assert [row[0] for row in rows] == [
        f"{datetime(2026, 3, day, 9, 0, tzinfo=UTC).astimezone():%Y-%m-%d %H:%M}" for day in (2, 1)
    ]
    assert all(row[2].endswith(" kB") for row in rows)
    # The tooltip names the file.
    assert model.index(1, TAKEN).data(Qt.ItemDataRole.ToolTipRole) == str(manual)
    assert dialog.table.isVisible() and not dialog.empty.isVisible()
    assert not dialog.restore_button.isEnabled()
    dialog.reject()


def test_choosing_a_backup_restores_it_after_asking(
    qtbot: QtBot, window: MainWindow, app: App, clock: FakeClock, confirmed: list[str]
) -> None:
    first = app.entries.write("Before the backup.")
    app.backups.backup()
    clock.advance(minutes=5)
    app.entries.write("After the backup.")
    dialog = window.files.restore()

    closed: list[int] = []
    dialog.finished.connect(closed.append)

    dialog.table.selectRow(0)
    assert dialog.restore_button.isEnabled()
    with qtbot.waitSignal(window.statusBar().messageChanged, check_params_cb=restored):
        dialog.restore_button.click()

    assert confirmed == ["Restore this backup?"]
    assert closed == [QDialog.DialogCode.Accepted]
    assert [e.id for e in app.entries.page()] == [first.id]


def test_saying_no_restores_nothing(
    window: MainWindow, app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    app.entries.write("Before the backup.")
    app.backups.backup()
    app.entries.write("After the backup.")
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.No)
    dialog = window.files.restore()

    dialog.table.selectRow(0)
    dialog.restore_button.click()

    assert app.entries.count() == 2
    assert len(app.backups.available()) == 1  # not even a pre-restore copy


def test_a_copy_kept_elsewhere_can_be_chosen(
    qtbot: QtBot,
    window: MainWindow,
    app: App,
    tmp_path: Path,
    confirmed: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = app.entries.write("Before the copy.")
    elsewhere = app.backups.backup(tmp_path / "usb-stick" / "copy.db")
    app.entries.write("After the copy.")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *args: (str(elsewhere), "Backups (*.db)")
    )
    dialog = window.files.restore()
    assert dialog.empty.isVisible() and not dialog.table.isVisible()

    with qtbot.waitSignal(window.statusBar().messageChanged, check_params_cb=restored):
        dialog.other_file.click()

    assert [e.id for e in app.entries.page()] == [first.id]
