"""Preferences' "Encrypt this journal…": the choice in plain words, and how the key is kept.

The dialog only asks; the window's encryption flow (``ui/flows/encryption_flow.py``) runs the
conversion off the UI thread with progress. See docs/encryption.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reflect.errors import BadInput
from reflect.services.journal_keys import checked_passphrase
from reflect.ui.texts import error_text
from reflect.ui.widgets.basics import label


@dataclass(frozen=True)
class EncryptionChoice:
    """What Preferences offers: the journal's state and what to run for each choice."""

    encrypted: bool
    encrypt: Callable[[str | None], object]  # a passphrase, or None for a key-store key
    decrypt: Callable[[], object]


def encryption_row(choice: EncryptionChoice, parent: QWidget) -> QWidget:
    """ "Encrypted" or "Not encrypted", and the button that changes it."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    if choice.encrypted:
        state = label(row.tr("This journal is encrypted."), wrap=False)
        button = QPushButton(row.tr("&Decrypt this journal…"))
        button.clicked.connect(lambda: confirm_decrypt(choice, parent))
    else:
        state = label(row.tr("This journal is not encrypted."), wrap=False)
        button = QPushButton(row.tr("&Encrypt this journal…"))
        button.clicked.connect(lambda: ask_encrypt(choice, parent))
    button.setObjectName("encryption-button")
    layout.addWidget(state)
    layout.addWidget(button)
    layout.addStretch(1)
    return row


def ask_encrypt(choice: EncryptionChoice, parent: QWidget) -> EncryptDialog:
    dialog = EncryptDialog(parent)
    dialog.accepted.connect(lambda: choice.encrypt(dialog.chosen_passphrase()))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def confirm_decrypt(choice: EncryptionChoice, parent: QWidget) -> None:
    answer = QMessageBox.question(
        parent,
        parent.tr("Decrypt this journal?"),
        parent.tr(
            "The journal and its backups will be stored unencrypted again, readable by anyone "
            "who copies them. A backup is taken first."
        ),
    )
    if answer == QMessageBox.StandardButton.Yes:
        choice.decrypt()


class EncryptDialog(QDialog):
    """How the key is kept: with the user's keys, or a passphrase asked for each time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Encrypt this journal"))
        intro = label(
            self.tr(
                "Encrypting keeps your journal and its backups unreadable to anyone who copies "
                "the folder or reads the disk without you: a lost laptop, a shared account, a "
                "backup drive. It does not hide the journal from someone using your computer "
                "while Reflect is open; lock the window for that (File ▸ Lock)."
            )
        )
        warning = label(
            self.tr(
                "If you forget the passphrase, or lose the key, nobody can recover the journal. "
                "Keep a key backup, which holds the journal's key: File ▸ Back up your "
                "keys… (or reflect key backup)."
            ),
            "warning",
        )
        self.keyring = QRadioButton(self.tr("Keep a random &key with my Reflect keys"))
        self.keyring.setToolTip(
            self.tr("In the system keyring where there is one: no passphrase to type")
        )
        self.ask = QRadioButton(self.tr("Ask me for a &passphrase each time Reflect opens"))
        self.keyring.setChecked(True)
        self.first = self._field(self.tr("Passphrase"))
        self.second = self._field(self.tr("Same passphrase again"))
        form = QFormLayout()
        form.addRow(self.tr("Pa&ssphrase:"), self.first)
        form.addRow(self.tr("A&gain:"), self.second)
        self.problem = label("", "warning")
        self.problem.hide()  # an empty warning would show as an empty coloured box
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Encrypt"))
        buttons.accepted.connect(self._on_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, warning, self.keyring, self.ask):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.ask.toggled.connect(self._enable_fields)
        self._enable_fields()
        self.keyring.setFocus()  # the choice first; the arrow keys move between the two

    def _field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name)
        return field

    def _enable_fields(self) -> None:
        for field in (self.first, self.second):
            field.setEnabled(self.ask.isChecked())

    def chosen_passphrase(self) -> str | None:
        return self.first.text() if self.ask.isChecked() else None

    def _on_accepted(self) -> None:
        if self.ask.isChecked():
            if self.first.text() != self.second.text():
                self._say(self.tr("The two passphrases differ. Type them again."))
                return
            try:
                checked_passphrase(self.first.text())
            except BadInput as exc:
                self._say(error_text(exc))
                return
        self.accept()

    def _say(self, problem: str) -> None:
        self.problem.setText(problem)
        self.problem.show()
