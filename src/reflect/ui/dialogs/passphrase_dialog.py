"""Asking for the passphrase that protects the keys file, and telling the user why it is asked.

The key service calls these when keys live in a passphrase file (no usable keyring); it never
prompts itself, so the window hands it :class:`PassphrasePrompt` and :class:`NoticeShower`.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from reflect.errors import BadInput
from reflect.messages import Msg
from reflect.ui.texts import error_text


class PassphraseDialog(QDialog):
    """One passphrase field, or two that must match when a new keys file is made."""

    def __init__(
        self,
        new: bool,
        parent: QWidget | None = None,
        *,
        title: str | None = None,
        intro: str | None = None,
    ) -> None:
        """``title`` and ``intro`` replace the keys file's words (a key backup's passphrase)."""
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Passphrase for your keys"))
        self.first = self._field(self.tr("Passphrase"))
        self.second = self._field(self.tr("Same passphrase again"))
        self.second.setVisible(new)
        explained = QLabel(
            intro
            or (
                self.tr(
                    "Choose a passphrase to protect your keys. Reflect cannot recover it if you "
                    "forget it, so keep a key backup too."
                )
                if new
                else self.tr("Type the passphrase that protects your keys.")
            )
        )
        explained.setWordWrap(True)
        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.first)
        if new:
            form.addRow(self.tr("&Again:"), self.second)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explained)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name)
        return field

    def passphrase(self) -> str:
        return self.first.text()

    def _on_accepted(self) -> None:
        if self.second.isVisible() and self.first.text() != self.second.text():
            self.problem.setText(self.tr("The two passphrases differ. Type them again."))
            return
        self.accept()


class PassphrasePrompt:
    """The key service's passphrase provider: a modal dialog over ``parent``."""

    def __init__(self, parent: QWidget | None) -> None:
        self._parent = parent

    def __call__(self, *, new: bool) -> str:
        dialog = PassphraseDialog(new, self._parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        passphrase = dialog.passphrase()
        dialog.deleteLater()
        if not accepted or not passphrase:
            raise BadInput(Msg.KEY_PASSPHRASE_EMPTY)
        return passphrase


class NoticeShower:
    """The key service's notifier: says (once per message) why keys live in a file."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        self._shown: set[Msg] = set()

    def __call__(self, msg: Msg) -> None:
        if msg in self._shown:
            return
        self._shown.add(msg)
        QMessageBox.information(self._parent, "Reflect", error_text(BadInput(msg)))
