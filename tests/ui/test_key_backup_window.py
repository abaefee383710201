"""File ▸ Back up your keys… and Restore keys from a backup…, and a lost journal key at start,
driven by keys as a person would: the File menu's mnemonics, the passphrase typed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import keyring.core
import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from fakes import FakeClock, FixedPassphrase, QuickCipher
from reflect.app import App, open_app
from reflect.paths import Paths, resolve_paths
from reflect.secrets.memory_keyring import MemoryKeyring
from reflect.services.keys import fingerprint_of
from reflect.ui import launch
from reflect.ui.dialogs.passphrase_dialog import PassphraseDialog
from reflect.ui.main_window import MainWindow

BACKUP_PASSPHRASE = "a backup passphrase"
Step = tuple[type[QWidget], Callable[[QWidget], None]]


def keyed_app(paths: Paths, ring: MemoryKeyring | None = None) -> App:
    kept = ring or MemoryKeyring()
    opened = open_app(paths, FakeClock(), keyring_factory=lambda: kept, cipher=QuickCipher())
    opened.keys.set_prompts(FixedPassphrase(), lambda _msg: None)
    return opened


@pytest.fixture
def app(paths: Paths) -> Iterator[App]:
    opened = keyed_app(paths)
    yield opened
    opened.close()


def answer(qtbot: QtBot, *steps: Step) -> list[str]:
    """Answer the modal dialogs a flow opens, in order; the texts of the message boxes seen."""
    seen: list[str] = []
    pending, done = list(steps), []

    def poll() -> None:
        if not pending:
            return
        widget = QApplication.activeModalWidget()
        kind, act = pending[0]
        if isinstance(widget, kind) and widget.isVisible() and all(widget is not w for w in done):
            pending.pop(0)
            done.append(widget)
            if isinstance(widget, QMessageBox):
                seen.append(widget.text())
            act(widget)
        QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)
    return seen


def typed(qtbot: QtBot, passphrase: str) -> Step:
    def type_it(widget: QWidget) -> None:
        assert isinstance(widget, PassphraseDialog)
        qtbot.keyClicks(widget.first, passphrase)
        if widget.second.isVisible():
            qtbot.keyClicks(widget.second, passphrase)
        qtbot.keyClick(widget.first, Qt.Key.Key_Return)

    return PassphraseDialog, type_it


def escaped(qtbot: QtBot) -> Step:
    return QMessageBox, lambda box: qtbot.keyClick(box, Qt.Key.Key_Escape)


def pressed(qtbot: QtBot, label: str) -> Step:
    def press(box: QWidget) -> None:
        found = [b for b in box.findChildren(QPushButton) if b.text() == label]
        if not found:  # not offered: close the box, and the test fails on what follows
            qtbot.keyClick(box, Qt.Key.Key_Escape)
            return
        found[0].setFocus()
        qtbot.keyClick(found[0], Qt.Key.Key_Space)

    return QMessageBox, press


def from_file_menu(qtbot: QtBot, window: MainWindow, mnemonic: Qt.Key) -> None:
    (menu,) = [m for m in window.menuBar().findChildren(QMenu) if m.title() == "&File"]
    menu.popup(window.mapToGlobal(QPoint(0, 0)))
    qtbot.waitUntil(menu.isVisible)
    qtbot.keyClick(menu, mnemonic)


def choose_files(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """Both file dialogs answer ``path``; the file names they suggested."""
    suggested: list[str] = []

    def chosen(_parent: object, _title: str, where: str, _filter: str) -> tuple[str, str]:
        suggested.append(where)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", chosen)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", chosen)
    return suggested


def back_up_by_keys(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, out: Path
) -> list[str]:
    suggested = choose_files(monkeypatch, out)
    answer(qtbot, typed(qtbot, BACKUP_PASSPHRASE))
    from_file_menu(qtbot, window, Qt.Key.Key_K)
    qtbot.waitUntil(lambda: "Saved your keys" in window.statusBar().currentMessage(), timeout=20000)
    return suggested


def test_a_backup_restored_into_a_fresh_journal_gives_back_the_same_identity(
    qtbot: QtBot, window: MainWindow, app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "reflect-keys.age"
    suggested = back_up_by_keys(qtbot, window, monkeypatch, out)

    assert suggested == [str(Path.home() / "reflect-keys.age")]
    assert "apart from this computer" in window.statusBar().currentMessage()
    assert out.stat().st_mode & 0o777 == 0o600
    fresh = keyed_app(resolve_paths(tmp_path / "fresh"))
    fresh_window = MainWindow(fresh, lambda exc: pytest.fail(str(exc)))
    fresh_window.show()
    qtbot.waitExposed(fresh_window)
    try:
        answer(qtbot, typed(qtbot, BACKUP_PASSPHRASE))
        from_file_menu(qtbot, fresh_window, Qt.Key.Key_Y)
        qtbot.waitUntil(lambda: "Restored your keys" in fresh_window.statusBar().currentMessage())
        assert fingerprint_of(fresh.keys.identity()) == fingerprint_of(app.keys.identity())
    finally:
        fresh_window.close()
        fresh.close()


def test_different_keys_are_replaced_only_after_the_user_agrees(
    qtbot: QtBot, window: MainWindow, app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = keyed_app(resolve_paths(tmp_path / "other"))
    backup = other.keys.backup(tmp_path / "other.age", BACKUP_PASSPHRASE)
    theirs = fingerprint_of(other.keys.identity())
    other.close()
    mine = fingerprint_of(app.keys.identity())
    choose_files(monkeypatch, backup)

    said = answer(qtbot, typed(qtbot, BACKUP_PASSPHRASE), escaped(qtbot))
    from_file_menu(qtbot, window, Qt.Key.Key_Y)
    qtbot.waitUntil(lambda: len(said) == 1)
    assert mine in said[0] and theirs in said[0]
    assert fingerprint_of(app.keys.identity()) == mine

    answer(qtbot, typed(qtbot, BACKUP_PASSPHRASE), pressed(qtbot, "&Replace my keys"))
    from_file_menu(qtbot, window, Qt.Key.Key_Y)
    qtbot.waitUntil(lambda: "Restored your keys" in window.statusBar().currentMessage())
    assert fingerprint_of(app.keys.identity()) == theirs


@pytest.mark.parametrize(
    ("content", "passphrase", "words"),
    [
        (None, "not the passphrase", "does not open this key backup"),
        (b"just some notes\n", BACKUP_PASSPHRASE, "not a usable Reflect key backup"),
    ],
)
def test_a_wrong_passphrase_or_a_file_that_is_not_a_backup_is_one_message_and_changes_nothing(
    qtbot: QtBot,
    window: MainWindow,
    app: App,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    content: bytes | None,
    passphrase: str,
    words: str,
) -> None:
    other = keyed_app(resolve_paths(tmp_path / "other"))
    backup = other.keys.backup(tmp_path / "other.age", BACKUP_PASSPHRASE)
    other.close()
    if content is not None:
        backup.write_bytes(content)
    mine = fingerprint_of(app.keys.identity())
    choose_files(monkeypatch, backup)

    said = answer(qtbot, typed(qtbot, passphrase), escaped(qtbot))
    from_file_menu(qtbot, window, Qt.Key.Key_Y)
    qtbot.waitUntil(lambda: len(said) == 1)

    assert words in said[0]
    assert fingerprint_of(app.keys.identity()) == mine
    assert "Restored" not in window.statusBar().currentMessage()


def test_a_lost_journal_key_at_start_offers_a_key_backup_and_then_opens_the_journal(
    qtbot: QtBot, qapp: QApplication, paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ring = MemoryKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", ring)  # the window's system keyring
    first = open_app(paths, FakeClock())  # the real scrypt: the window opens with it
    written = first.entries.write("Worth keeping.")
    first.encryption.encrypt(None)  # a random key, kept in the keyring
    backup = first.keys.backup(tmp_path / "reflect-keys.age", BACKUP_PASSPHRASE)
    first.close()
    ring.passwords.clear()  # a new computer, or the keyring entry lost
    choose_files(monkeypatch, backup)

    said = answer(
        qtbot,
        pressed(qtbot, "Restore a &key backup…"),
        typed(qtbot, BACKUP_PASSPHRASE),
    )
    opened = launch.open_journal(paths)

    assert opened is not None
    try:
        assert opened.entries.get(written.id).body == written.body
        assert "Restore it from a key backup" in said[0] and "reflect key" not in said[0]
        assert opened.keys.store().get("journal-key") is not None
    finally:
        opened.close()
