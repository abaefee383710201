"""Backing up and restoring the user's keys from the window (File ▸ Back up your keys…, File ▸
Restore keys from a backup…), and opening an encrypted journal whose key is lost from a key
backup (docs/encryption.md, "Keep a key backup").

The services do the work (``KeyService.backup``/``restore``, ``JournalKeys.restore_from_backup``);
this module only asks: which file, which passphrase, whether to replace keys the journal has.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from reflect.errors import BadInput, ReflectError
from reflect.messages import Msg
from reflect.ui.dialogs.passphrase_dialog import PassphraseDialog
from reflect.ui.texts import error_text, key_lost_text

if TYPE_CHECKING:
    from reflect.paths import Paths
    from reflect.ui.shell import Shell

SUGGESTED_NAME = "reflect-keys.age"


def _tr(text: str) -> str:
    return QCoreApplication.translate("KeyBackup", text)


def _filter() -> str:
    return _tr("Reflect key backups (*.age);;All files (*)")


def back_up_keys(shell: Shell) -> object:
    """Ask where and under which passphrase, then write the backup off the UI thread."""
    parent = shell.widget()
    chosen, _ = QFileDialog.getSaveFileName(
        parent, _tr("Back up your keys"), str(Path.home() / SUGGESTED_NAME), _filter()
    )
    if not chosen:
        return None
    app = shell.app
    try:
        app.keys.identity()  # here, so a keys file's own passphrase is asked before the new one
    except ReflectError as exc:
        warn(parent, error_text(exc))
        return None
    intro = _tr(
        "This file will hold the keys that open your journal and the bundles your trio sends "
        "you. Choose a passphrase for it; Reflect cannot recover a forgotten one. Keep the file "
        "somewhere safe and apart from this computer, and the passphrase apart from the file."
    )
    passphrase = ask_passphrase(parent, new=True, intro=intro)
    if passphrase is None:
        return None
    out = Path(chosen)
    return shell.run_task(
        _tr("Backing up your keys…"),
        lambda _progress: app.keys.backup(out, passphrase),
        lambda written: shell.notify(
            _tr("Saved your keys to {0}. Keep it safe, apart from this computer.").format(written)
        ),
    )


def restore_keys(shell: Shell) -> bool:
    """Make the keys in a chosen backup this journal's keys, asking before different keys are
    replaced; True when they were restored. A failure is one message and changes nothing."""
    parent = shell.widget()
    opened = _backup_and_passphrase(parent)
    if opened is None:
        return False
    chosen, passphrase = opened
    keys = shell.app.keys
    try:
        try:
            keys.restore(chosen, passphrase)
        except BadInput as exc:
            if exc.msg is not Msg.KEY_RESTORE_WOULD_REPLACE:
                raise
            if not agree_to_replace(parent, exc):
                return False
            keys.restore(chosen, passphrase, replace=True)
        where = keys.where().description
    except ReflectError as exc:
        warn(parent, error_text(exc))
        return False
    shell.notify(_tr("Restored your keys from {0}; they are kept in {1}.").format(chosen, where))
    return True


def restore_journal_key(parent: QWidget | None, paths: Paths) -> tuple[Path, str] | None:
    """The encrypted journal's key, lost from the key store, put back from a chosen backup;
    the backup and its passphrase when it was, else None (having said why, or been cancelled)."""
    from reflect.app import journal_keys_for
    from reflect.secrets.age_passphrase import AGE_SCRYPT
    from reflect.secrets.os_keyring import system_keyring
    from reflect.services.keys import read_file

    opened = _backup_and_passphrase(parent)
    if opened is None:
        return None
    chosen, passphrase = opened
    try:
        journal_keys = journal_keys_for(paths, system_keyring, AGE_SCRYPT)  # as open_app
        if not journal_keys.restore_from_backup(read_file(chosen), passphrase):
            raise BadInput(Msg.KEY_BACKUP_NO_JOURNAL_KEY, path=chosen)
    except ReflectError as exc:
        warn(parent, error_text(exc))
        return None
    return chosen, passphrase


def offer_key_backup(exc: ReflectError, paths: Paths) -> tuple[Path, str] | None:
    """Say the encrypted journal's key is lost and offer a key backup beside the words, again
    after a backup that did not restore it; the backup and its passphrase once one did."""
    while True:
        box = QMessageBox(QMessageBox.Icon.Warning, "Reflect", key_lost_text(exc))
        restore = box.addButton(_tr("Restore a &key backup…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(restore)
        box.exec()
        if box.clickedButton() is not restore:
            return None
        restored = restore_journal_key(None, paths)
        if restored is not None:
            return restored


def choose_backup(parent: QWidget | None) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(
        parent, _tr("Restore keys from a backup"), str(Path.home()), _filter()
    )
    return Path(chosen) if chosen else None


def ask_passphrase(parent: QWidget | None, *, new: bool, intro: str) -> str | None:
    """A passphrase typed into the dialog (twice when ``new``); None when cancelled or empty."""
    dialog = PassphraseDialog(new, parent, title=_tr("Key backup passphrase"), intro=intro)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    passphrase = dialog.passphrase()
    dialog.deleteLater()
    return passphrase if accepted and passphrase else None


def agree_to_replace(parent: QWidget | None, exc: BadInput) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Reflect",
        _tr(
            "This journal already has different keys (fingerprint {0}). Restoring the backup "
            "(fingerprint {1}) replaces them, and peers who know your current card could no "
            "longer send to you."
        ).format(exc.params["current"], exc.params["restored"]),
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    replace = box.addButton(_tr("&Replace my keys"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # the safe answer is the default
    box.exec()
    return box.clickedButton() is replace


def warn(parent: QWidget | None, text: str) -> None:
    """One message over ``parent`` (None at start, before there is a window)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, "Reflect", text, QMessageBox.StandardButton.Ok, parent
    )
    box.exec()


def _backup_passphrase_intro() -> str:
    return _tr("Type the passphrase this key backup was saved with.")


def _backup_and_passphrase(parent: QWidget | None) -> tuple[Path, str] | None:
    """A key backup the person chooses and its passphrase; None if they cancel either."""
    chosen = choose_backup(parent)
    if chosen is None:
        return None
    passphrase = ask_passphrase(parent, new=False, intro=_backup_passphrase_intro())
    return None if passphrase is None else (chosen, passphrase)
