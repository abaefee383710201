"""Dialogs for the people in a trio: add a person, compare fingerprints, your card, a new trio.

Each opens without blocking (``open()``), so tests drive the real widgets; service errors stay
in the dialog, beside what the user typed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.core.peer import Peer
from reflect.errors import ReflectError
from reflect.services.keys import MyCard
from reflect.services.peers import PeerService
from reflect.ui.texts import error_text
from reflect.ui.widgets.basics import label

CARD_FILTER = "Contact cards (*.reflectcard *.txt);;All files (*)"


def fixed_font_label(text: str) -> QLabel:
    shown = label(text, wrap=False)
    shown.setTextFormat(Qt.TextFormat.PlainText)
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(font.pointSize() + 4)
    shown.setFont(font)
    return shown


class AddPeerDialog(QDialog):
    """Paste a contact card or an age recipient, or choose a .reflectcard file."""

    peer_added = Signal(object)  # the Peer

    def __init__(self, peers: PeerService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._peers = peers
        self.setWindowTitle(self.tr("Add a person"))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setPlaceholderText(self.tr("Leave blank to use the name on the card"))
        self.card = QPlainTextEdit()
        self.card.setTabChangesFocus(True)
        self.card.setAccessibleName(self.tr("Contact card or age recipient"))
        self.card.setPlaceholderText(self.tr("-----BEGIN REFLECT CONTACT CARD-----\n…\nor age1…"))
        self.choose = QPushButton(self.tr("Choose a card file…"))
        self.choose.clicked.connect(self._on_choose_clicked)
        self.problem = label("")
        self.problem.setAccessibleName(self.tr("Why the person could not be added"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = buttons.addButton(self.tr("Add"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.add)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(self.tr("Paste the contact card they sent you, or their age recipient (age1…)."))
        )
        layout.addWidget(self.card)
        layout.addWidget(self.choose, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(520, 360)

    def _on_choose_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a contact card"), "", self.tr(CARD_FILTER)
        )
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        try:
            self.card.setPlainText(path.read_text(encoding="utf-8", errors="replace")[:20_000])
        except OSError as exc:
            self.problem.setText(exc.strerror or str(exc))

    def add(self) -> None:
        try:
            peer = self._peers.add(self.name.text(), self.card.toPlainText())
        except ReflectError as exc:
            self.problem.setText(error_text(exc))
            return
        self.peer_added.emit(peer)
        self.accept()


class FingerprintDialog(QDialog):
    """The fingerprint to read aloud, and the choice to mark the peer verified."""

    verified = Signal(object)  # the Peer, now verified

    def __init__(self, peers: PeerService, peer: Peer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._peers = peers
        self._peer = peer
        self.setWindowTitle(self.tr("Compare fingerprints with {0}").format(peer.name))
        layout = QVBoxLayout(self)
        buttons = QDialogButtonBox()
        self.mark = buttons.addButton(
            self.tr("Mark as verified"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        not_now = buttons.addButton(self.tr("Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        # Verifying is a deliberate click after reading the codes aloud, never Enter's default.
        self.mark.setAutoDefault(False)
        not_now.setDefault(True)
        buttons.accepted.connect(self.mark_verified)
        buttons.rejected.connect(self.reject)
        if peer.signing_key is None:
            layout.addWidget(
                label(
                    self.tr(
                        "{0} was added with only an age recipient, so there is no fingerprint to "
                        "verify. Check the recipient with them instead:"
                    ).format(peer.name)
                )
            )
            layout.addWidget(fixed_font_label(peer.age_recipient))
            self.mark.setVisible(False)
        else:
            layout.addWidget(
                label(
                    self.tr(
                        "Call {0} by voice or video and read your fingerprints to each other. Mark "
                        "them verified only when theirs reads exactly:"
                    ).format(peer.name)
                )
            )
            self.fingerprint = fixed_font_label(peers.fingerprint(peer.name))
            self.fingerprint.setAccessibleName(self.tr("Fingerprint of {0}").format(peer.name))
            layout.addWidget(self.fingerprint)
            if peer.verified:
                layout.addWidget(label(self.tr("✓ Already verified."), "muted"))
                self.mark.setVisible(False)
        self.problem = label("")
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def mark_verified(self) -> None:
        try:
            peer = self._peers.verify(self._peer.name)
        except ReflectError as exc:
            self.problem.setText(error_text(exc))
            return
        self.verified.emit(peer)
        self.accept()


class CardDialog(QDialog):
    """The user's own contact card to copy, their fingerprint, and where their keys live."""

    def __init__(self, mine: MyCard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your contact card"))
        self.text = QPlainTextEdit(mine.text)
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(self.tr("Your contact card"))
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.copy = QPushButton(self.tr("&Copy card"))
        self.copy.clicked.connect(self._on_copy_clicked)
        self.fingerprint = fixed_font_label(mine.fingerprint)
        self.fingerprint.setAccessibleName(self.tr("Your fingerprint"))
        self.where = label(
            self.tr("Your keys live in {0}.").format(mine.location.description), "muted"
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Send this card to your trio by email or chat. It holds "
                                       "only public keys.")))  # fmt: skip
        layout.addWidget(self.text)
        layout.addWidget(self.copy, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(label(self.tr("Your fingerprint, to read aloud:"), "section"))
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.where)
        layout.addWidget(buttons)
        self.resize(560, 380)

    def _on_copy_clicked(self) -> None:
        QApplication.clipboard().setText(self.text.toPlainText())
        self.copy.setText(self.tr("Copied"))


class TrioDialog(QDialog):
    """Name a trio and tick the people in it."""

    def __init__(self, peers: PeerService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._peers = peers
        self.setWindowTitle(self.tr("Create a trio"))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Trio name"))
        self.members = QListWidget()
        self.members.setAccessibleName(self.tr("People in the trio"))
        for peer in peers.all():
            item = QListWidgetItem(peer.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.members.addItem(item)
        self.problem = label("")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.tr("Create"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.create_trio)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(label(self.tr("People (press Space to tick):")))
        layout.addWidget(self.members)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def chosen(self) -> list[str]:
        items = (self.members.item(n) for n in range(self.members.count()))
        return [i.text() for i in items if i.checkState() == Qt.CheckState.Checked]

    def create_trio(self) -> None:
        try:
            self._peers.create_trio(self.name.text(), self.chosen())
        except ReflectError as exc:
            self.problem.setText(error_text(exc))
            return
        self.accept()
