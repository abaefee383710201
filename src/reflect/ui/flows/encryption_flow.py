"""Encrypting or decrypting the open journal from the window: off the UI thread, with progress,
the draft being written saved first (see docs/encryption.md)."""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import QCoreApplication

from reflect.errors import Cancelled, ReflectError
from reflect.formats.progress import Progress
from reflect.ui.dialogs.encrypt_dialog import EncryptionChoice
from reflect.ui.texts import error_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("EncryptionFlow", text)


def encryption_choice(window: Any) -> EncryptionChoice:
    """What Preferences offers for ``window``'s journal."""
    app = window.app

    def encrypt(passphrase: str | None) -> object:
        window.autosave_now()
        # A random key is saved in the key store here, on the UI thread: a keys file may ask
        # for its passphrase. A passphrase's key is derived (scrypt) on the worker thread.
        try:
            prepared = None if passphrase is not None else app.encryption.prepare(None)
        except ReflectError as exc:
            window.notify(error_text(exc))
            return None
        return window.run_task(
            _tr("Encrypting the journal and its backups…"),
            lambda progress: app.encryption.encrypt(passphrase, uncancellable(progress), prepared),
            lambda _: window.notify(_tr("The journal and its backups are encrypted.")),
        )

    def decrypt() -> object:
        window.autosave_now()
        return window.run_task(
            _tr("Decrypting the journal and its backups…"),
            lambda progress: app.encryption.decrypt(uncancellable(progress)),
            lambda _: window.notify(_tr("The journal and its backups are no longer encrypted.")),
        )

    return EncryptionChoice(app.store.encrypted, encrypt, decrypt)


def uncancellable(progress: Progress) -> Progress:
    """Progress that ignores Cancel: once the journal is swapped, stopping half way through the
    backups would leave some plain (the next run finishes them, but say nothing false)."""

    def report(done: int, total: int) -> None:
        with contextlib.suppress(Cancelled):
            progress(done, total)

    return report
