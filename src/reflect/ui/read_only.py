"""A journal on a folder Reflect cannot write to, in the window: a calm lasting note, the
actions that write turned off, and one message when something would write anyway."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QStatusBar

from reflect.errors import StorageError
from reflect.messages import Msg
from reflect.ui.texts import error_text

if TYPE_CHECKING:
    from reflect.ui.shell import Shell


def show_read_only(status: QStatusBar, write_actions: list[QAction]) -> QLabel:
    tr = QCoreApplication.translate
    note = QLabel(tr("Window", "Read-only: this journal is on a folder Reflect can't write to"))
    note.setProperty("role", "warning")
    note.setAccessibleName(tr("Window", "Read-only journal"))
    status.addPermanentWidget(note)
    for action in write_actions:
        action.setEnabled(False)
    return note


def refuse_read_only(window: Shell) -> bool:
    """True (after saying why) when the journal is read-only and nothing may be written."""
    store = window.app.store
    if not store.read_only:
        return False
    window.notify(error_text(StorageError(Msg.JOURNAL_READ_ONLY, path=store.unwritable)))
    return True
