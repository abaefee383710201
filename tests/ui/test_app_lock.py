"""The app lock and "Encrypt this journal…", driven by keys and clicks as a person would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reflect.app import App
from reflect.storage import cipher
from reflect.ui import app_lock
from reflect.ui.app_lock import LockScreen
from reflect.ui.dialogs.encrypt_dialog import EncryptDialog
from reflect.ui.dialogs.preferences import PreferencesDialog
from reflect.ui.flows.encryption_flow import encryption_choice
from reflect.ui.main_window import MainWindow

MARKER = "Peregrine-Tolworth-4410"
PASSPHRASE = "a passphrase for the window"


def shown_text(window: MainWindow) -> str:
    """Every piece of text a person could see in the window right now."""
    parts = [window.windowTitle(), window.statusBar().currentMessage()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QPushButton):
            parts.append(widget.text())
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            parts.append(widget.toPlainText())
        elif isinstance(widget, QLineEdit):
            parts.append(widget.text())
    return "\n".join(parts)


def lock_by_keys(qtbot: QtBot, window: MainWindow) -> LockScreen:
    qtbot.keyClick(
        window,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: isinstance(window.centralWidget(), LockScreen))
    screen = window.centralWidget()
    assert isinstance(screen, LockScreen)
    return screen


def test_ctrl_shift_l_hides_the_journal_and_unlock_brings_it_back(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    entry = app.entries.write(f"Talked with {MARKER} about the rota.")
    window.open_entry(entry.id)
    qtbot.waitUntil(lambda: MARKER in shown_text(window))

    screen = lock_by_keys(qtbot, window)

    assert MARKER not in shown_text(window)
    assert not window.sidebar.isVisible()
    assert "Locked" in window.windowTitle()
    assert not any(a.isEnabled() for a in window.menuBar().actions())
    qtbot.keyClick(screen.unlock, Qt.Key.Key_Space)  # plain journal: Unlock is enough
    qtbot.waitUntil(lambda: not window.app_lock.locked)
    assert window.sidebar.isVisible()
    assert MARKER in shown_text(window)
    assert "Locked" not in window.windowTitle()


def test_the_draft_being_written_is_saved_before_the_lock(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.editor.body.hasFocus())
    qtbot.keyClicks(window.editor.body, f"Half a thought about {MARKER}")

    lock_by_keys(qtbot, window)

    assert any(MARKER in d.body for d in app.drafts.unfinished())


def test_an_encrypted_journal_unlocks_only_with_its_passphrase(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    app.encryption.encrypt(PASSPHRASE)
    screen = lock_by_keys(qtbot, window)
    assert screen.passphrase.isVisible() and screen.passphrase.hasFocus()

    qtbot.keyClicks(screen.passphrase, "not the passphrase")
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "does not unlock" in screen.problem.text())
    assert window.app_lock.locked and screen.passphrase.text() == ""

    qtbot.keyClicks(screen.passphrase, PASSPHRASE)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.app_lock.locked)
    assert window.sidebar.isVisible()


def test_the_window_locks_itself_after_the_chosen_idle_time(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_lock, "MINUTE_MS", 30)  # a "minute" of 30 ms
    window.prefs.lock_after_minutes = 2
    window.apply_preferences()
    qtbot.waitUntil(lambda: window.app_lock.locked, timeout=5000)
    assert isinstance(window.centralWidget(), LockScreen)


def test_preferences_encrypt_this_journal_with_a_passphrase_by_keyboard(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    app.entries.write(f"Something about {MARKER}.")
    prefs = PreferencesDialog(window.prefs, window, encryption=encryption_choice(window))
    qtbot.addWidget(prefs)
    prefs.show()
    button = prefs.findChild(QPushButton, "encryption-button")
    assert button is not None and "Encrypt" in button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), EncryptDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, EncryptDialog)
    assert "cannot" in shown_dialog_text(dialog) or "nobody can recover" in shown_dialog_text(
        dialog
    )

    assert dialog.keyring.isChecked() and not dialog.problem.isVisible()
    qtbot.waitUntil(dialog.keyring.hasFocus)  # a keyboard user starts at the choice
    qtbot.keyClick(dialog.keyring, Qt.Key.Key_Down)  # to "Ask me for a passphrase each time"
    assert dialog.ask.isChecked() and dialog.first.isEnabled()
    qtbot.keyClicks(dialog.first, PASSPHRASE)
    qtbot.keyClicks(dialog.second, "a different one entirely")
    qtbot.keyClick(dialog.second, Qt.Key.Key_Return)
    assert dialog.isVisible() and "differ" in dialog.problem.text()
    assert dialog.problem.isVisible()  # shown only once there is something to say
    dialog.second.clear()
    qtbot.keyClicks(dialog.second, PASSPHRASE)
    qtbot.keyClick(dialog.second, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: app.store.encrypted, timeout=30000)
    assert cipher.is_encrypted(app.paths.db_path)
    qtbot.waitUntil(lambda: "encrypted" in window.statusBar().currentMessage(), timeout=30000)
    assert app.encryption.needs_passphrase()


def shown_dialog_text(dialog: QWidget) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_the_lock_screen_shows_all_of_its_words(qtbot: QtBot, window: MainWindow) -> None:
    screen = lock_by_keys(qtbot, window)

    def cut_off() -> list[str]:
        return [
            text.text()
            for text in screen.findChildren(QLabel)
            if text.isVisible() and text.height() < text.heightForWidth(text.width())
        ]

    qtbot.waitUntil(lambda: not cut_off())  # once laid out, every label has its full height
    assert not screen.problem.isVisible()  # no empty warning box before anything was typed
