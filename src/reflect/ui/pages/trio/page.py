"""Trio: the people you exchange with and your trios on the left, what they sent on the right.

Adding a person shows the fingerprint to compare by voice or video before marking them
verified; your own card is a click away to send them. The inbox (:mod:`trio_inbox`) is
read-only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reflect.app import App
from reflect.core.peer import Peer
from reflect.errors import ReflectError
from reflect.ui.navigation import Navigator
from reflect.ui.pages.trio.peer_dialogs import (
    AddPeerDialog,
    CardDialog,
    FingerprintDialog,
    TrioDialog,
)
from reflect.ui.pages.trio.trio_inbox import TrioInbox
from reflect.ui.texts import error_text
from reflect.ui.widgets.basics import PAGE_MARGINS, label

IdRole = Qt.ItemDataRole.UserRole
PEOPLE_WIDTH = 320


class TrioPage(QWidget):
    def __init__(self, app: App, navigator: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._nav = navigator
        self._peers: dict[str, Peer] = {}
        self.dialog: QDialog | None = None  # the last dialog opened, for tests to drive
        self.inbox = TrioInbox(app, navigator)
        splitter = QSplitter()
        splitter.addWidget(self._people_panel())
        splitter.addWidget(self.inbox)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([PEOPLE_WIDTH, 700])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(*PAGE_MARGINS)
        outer.addWidget(label(self.tr("Trio"), "title"))
        outer.addWidget(
            label(
                self.tr(
                    "Summaries and feedback with your peer coaching trio. Files travel by email, "
                    "chat or USB stick; nothing goes through a server."
                ),
                "muted",
            )
        )
        outer.addWidget(splitter, 1)
        self.refresh()

    def _people_panel(self) -> QWidget:
        panel = QWidget()
        panel.setMinimumWidth(260)
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 16, 0)
        people_heading = label(self.tr("People"), "section")
        self.people = QListWidget()
        self.people.setAccessibleName(self.tr("People"))
        self.people.setProperty("role", "card-list")
        self.people.setAccessibleDescription(self.tr("Press Enter to compare fingerprints."))
        self.people.itemActivated.connect(lambda _: self.compare_fingerprints())
        self.people.currentItemChanged.connect(lambda *_: self._update_buttons())
        people_heading.setBuddy(self.people)
        self.add_button = QPushButton(self.tr("Add a person…"))
        self.add_button.clicked.connect(self.add_person)
        self.compare_button = QPushButton(self.tr("Compare fingerprints…"))
        self.compare_button.clicked.connect(self.compare_fingerprints)
        self.card_button = QPushButton(self.tr("Your card…"))
        self.card_button.clicked.connect(self.show_your_card)
        buttons = QGridLayout()
        buttons.addWidget(self.add_button, 0, 0)
        buttons.addWidget(self.compare_button, 0, 1)
        buttons.addWidget(self.card_button, 1, 0)
        trios_heading = label(self.tr("Trios"), "section")
        self.trios = QListWidget()
        self.trios.setAccessibleName(self.tr("Trios"))
        self.trios.setProperty("role", "card-list")
        self.trios.setMaximumHeight(140)
        trios_heading.setBuddy(self.trios)
        self.trio_button = QPushButton(self.tr("Create a trio…"))
        self.trio_button.clicked.connect(self.create_trio)
        trio_row = QHBoxLayout()
        trio_row.addWidget(self.trio_button)
        trio_row.addStretch(1)
        for widget in (people_heading, self.people):
            column.addWidget(widget)
        column.addLayout(buttons)
        column.addWidget(trios_heading)
        column.addWidget(self.trios)
        column.addLayout(trio_row)
        return panel

    # Showing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        chosen = self.current_peer()
        peers = self._app.peers.all()
        self._peers = {peer.id: peer for peer in peers}
        self.people.clear()
        for peer in peers:
            item = QListWidgetItem(self._peer_text(peer))
            item.setData(IdRole, peer.id)
            self.people.addItem(item)
            if chosen is not None and peer.id == chosen.id:
                self.people.setCurrentItem(item)
        self._fill_trios()
        self._update_buttons()
        self.inbox.refresh()

    def _peer_text(self, peer: Peer) -> str:
        if peer.signing_key is None:
            return self.tr("{0}\nage recipient only: cannot be verified").format(peer.name)
        if peer.verified:
            return self.tr("{0}\n✓ verified").format(peer.name)
        return self.tr("{0}\nnot verified yet").format(peer.name)

    def _fill_trios(self) -> None:
        self.trios.clear()
        default = self._app.peers.default_trio()
        for trio in self._app.peers.trios():
            names = ", ".join(p.name for p in self._app.peers.members(trio))
            mark = self.tr(" (sharing goes here)") if default and trio.id == default.id else ""
            self.trios.addItem(f"{trio.name}{mark}\n{names}")
        if not self.trios.count():
            self.trios.addItem(self.tr("No trio yet."))

    def _update_buttons(self) -> None:
        self.compare_button.setEnabled(self.current_peer() is not None)
        self.trio_button.setEnabled(bool(self._peers))

    def current_peer(self) -> Peer | None:
        item = self.people.currentItem()
        return self._peers.get(item.data(IdRole)) if item is not None else None

    def select_peer(self, peer_id: str) -> None:
        for row in range(self.people.count()):
            if self.people.item(row).data(IdRole) == peer_id:
                self.people.setCurrentRow(row)

    # Dialogs -----------------------------------------------------------------------------

    def _opened(self, dialog: QDialog) -> QDialog:
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def add_person(self) -> AddPeerDialog:
        dialog = AddPeerDialog(self._app.peers, self)
        dialog.peer_added.connect(self._on_peer_added)
        self._opened(dialog)
        return dialog

    def _on_peer_added(self, peer: Peer) -> None:
        self.refresh()
        self.select_peer(peer.id)
        self._nav.notify(
            self.tr("{0} added. Compare fingerprints before trusting what they send.").format(
                peer.name
            )
        )
        self.compare_fingerprints()

    def compare_fingerprints(self) -> FingerprintDialog | None:
        peer = self.current_peer()
        if peer is None:
            return None
        dialog = FingerprintDialog(self._app.peers, peer, self)
        dialog.verified.connect(self._on_peer_verified)
        self._opened(dialog)
        return dialog

    def _on_peer_verified(self, peer: Peer) -> None:
        self.refresh()
        self._nav.notify(self.tr("{0} is verified.").format(peer.name))

    def show_your_card(self) -> CardDialog | None:
        try:
            if not self._app.keys.has_name() and not self._ask_name():
                return None
            mine = self._app.keys.card()
        except ReflectError as exc:
            self._nav.notify(error_text(exc))
            return None
        dialog = CardDialog(mine, self)
        self._opened(dialog)
        return dialog

    def _ask_name(self) -> bool:
        name, ok = QInputDialog.getText(
            self, self.tr("Your name"), self.tr("Your name, as your trio will see it:")
        )
        if ok and name.strip():
            self._app.keys.set_name(name)
            return True
        return False

    def create_trio(self) -> TrioDialog:
        dialog = TrioDialog(self._app.peers, self)
        dialog.accepted.connect(self.refresh)
        self._opened(dialog)
        return dialog
