"""The Trio inbox: what peers sent, by sender and session day, read-only, with your notes.

Peer text is untrusted and is shown only through :class:`SafeBrowser`. Private notes stay in
this journal; feedback on a summary goes back to its sender as a bundle file.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reflect.app import App
from reflect.errors import ReflectError
from reflect.services.receiving import ReceivedView
from reflect.ui.navigation import Navigator
from reflect.ui.pages.trio.bundle_text import bundle_markdown, short_time
from reflect.ui.pages.trio.feedback_dialog import FeedbackDialog, text_box
from reflect.ui.texts import error_text
from reflect.ui.widgets.basics import label, scrolling
from reflect.ui.widgets.safe_browser import SafeBrowser

IdRole = Qt.ItemDataRole.UserRole
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's largest widget size


class TrioInbox(QWidget):
    def __init__(self, app: App, navigator: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._nav = navigator
        self.view: ReceivedView | None = None
        self.feedback_dialog: FeedbackDialog | None = None
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Received from your trio"))
        self.tree.setAccessibleDescription(self.tr("By person, then by session day."))
        self.tree.currentItemChanged.connect(self._on_tree_current_changed)
        self.empty = label(
            self.tr("Nothing received yet. Summaries and feedback your peers send appear here."),
            "muted",
        )
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tree)
        # The one scroll area: the summary is laid out whole. Hidden until something is chosen.
        self.reader_area = scrolling(self._reader())
        self.reader_area.setVisible(False)
        splitter.addWidget(self.reader_area)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([150, 550])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label(self.tr("Inbox"), "section"))
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)

    def _reader(self) -> QWidget:
        self.reader = QWidget()
        column = QVBoxLayout(self.reader)
        column.setContentsMargins(0, 8, 0, 0)
        self.heading = label("", "question")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # the sender names themselves
        self.meta = label("", "muted")
        self.banner = label("")
        self.banner.setProperty("role", "warning")
        self.banner.setAccessibleName(self.tr("Unverified sender"))
        self.browser = SafeBrowser()
        self.browser.setAccessibleName(self.tr("What they sent"))
        # No scroll area of its own inside the reader's: it is as tall as its text.
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.browser.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.browser.document().documentLayout().documentSizeChanged.connect(self._fit_browser)
        self.feedback_button = QPushButton(self.tr("Write feedback…"))
        self.feedback_button.clicked.connect(self.write_feedback)
        self.notes = label("")
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.note_edit = text_box(self.tr("New private note"), 3)
        self.note_edit.setPlaceholderText(self.tr("A private note: never shared"))
        self.add_note_button = QPushButton(self.tr("Add note"))
        self.add_note_button.clicked.connect(self.add_note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_note_button)
        buttons.addStretch(1)
        buttons.addWidget(self.feedback_button)
        for widget in (self.heading, self.meta, self.banner, self.browser):
            column.addWidget(widget)
        column.addWidget(label(self.tr("Your private notes"), "section"))
        column.addWidget(self.notes)
        column.addWidget(self.note_edit)
        column.addLayout(buttons)
        self.banner.setVisible(False)
        return self.reader

    def _fit_browser(self) -> None:
        """Make the browser as tall as its text at its width, so the reader's scroll area is
        the one that moves through a long summary."""
        margins = self.browser.contentsMargins()
        height = self.browser.document().size().height() + margins.top() + margins.bottom()
        self.browser.setFixedHeight(min(int(height) + 2, QWIDGETSIZE_MAX))

    # Showing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        chosen = self.view.bundle.id if self.view is not None else None
        self.tree.blockSignals(True)
        self.tree.clear()
        inbox = self._app.receiving.inbox()
        for sender in inbox:
            mark = "" if sender.sender_verified else self.tr(" (not verified)")
            top = QTreeWidgetItem([sender.name + mark])
            self.tree.addTopLevelItem(top)
            for session in sender.sessions:
                day = QTreeWidgetItem([session.day])
                top.addChild(day)
                for bundle in session.bundles:
                    child = QTreeWidgetItem([self._bundle_title(bundle.kind, bundle.created)])
                    child.setData(0, IdRole, bundle.id)
                    day.addChild(child)
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self.empty.setVisible(not inbox)
        if chosen is not None and not self.select(chosen):
            self.show_bundle(None)

    def _bundle_title(self, kind: str, created: str) -> str:
        word = self.tr("Feedback") if kind == "feedback" else self.tr("Summary")
        return f"{word} · {short_time(created)[-5:]}"

    def select(self, bundle_id: str) -> bool:
        """Choose the bundle in the tree (which shows it); False when it is not there."""
        for item in self._bundle_items():
            if item.data(0, IdRole) == bundle_id:
                self.tree.setCurrentItem(item)
                self.show_bundle(bundle_id)
                return True
        return False

    def _bundle_items(self) -> list[QTreeWidgetItem]:
        found = []
        for n in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(n)
            for d in range(top.childCount()):
                day = top.child(d)
                found += [day.child(b) for b in range(day.childCount())]
        return found

    def show_bundle(self, bundle_id: str | None) -> None:
        try:
            self.view = self._app.receiving.read(bundle_id) if bundle_id else None
        except ReflectError as exc:
            self._nav.notify(error_text(exc))
            self.view = None
        self.reader_area.setVisible(self.view is not None)
        if self.view is None:
            return
        bundle = self.view.bundle
        summary = bundle.kind != "feedback"
        self.heading.setText(
            (self.tr("Summary from {0}") if summary else self.tr("Feedback from {0}")).format(
                bundle.sender_name
            )
        )
        self.meta.setText(
            self.tr("Written {0} · received {1}").format(
                short_time(bundle.created), short_time(bundle.received)
            )
        )
        self._show_banner()
        self.browser.show_markdown(bundle_markdown(self.view.items, self.view.about))
        self._show_notes()
        self.feedback_button.setVisible(summary)

    def _show_banner(self) -> None:
        """Warn when the sender is not a peer, or is one whose fingerprint was not compared."""
        assert self.view is not None
        bundle = self.view.bundle
        peer = next((p for p in self._app.peers.all() if p.id == bundle.peer_id), None)
        if not bundle.signed_by_peer or peer is None:
            text = self.tr(
                "Unverified sender: this was not signed by one of your peers. It may not be "
                "from {0}."
            )
        else:
            text = self.tr(
                "Unverified sender: you have not compared fingerprints with {0} yet, so this "
                "may not be from them."
            )
        self.banner.setText(text.format(bundle.sender_name))
        self.banner.setVisible(not self.view.sender_verified)

    def _show_notes(self) -> None:
        notes = self.view.notes if self.view is not None else ()
        self.notes.setText(
            "\n\n".join(f"{short_time(n.created)}\n{n.text}" for n in notes)
            or self.tr("None yet. Notes you add here stay in your journal.")
        )

    # Slots -------------------------------------------------------------------------------

    def _on_tree_current_changed(self, current: QTreeWidgetItem | None, _: object) -> None:
        bundle_id = current.data(0, IdRole) if current is not None else None
        if bundle_id:
            self.show_bundle(bundle_id)

    def add_note(self) -> None:
        if self.view is None:
            return
        try:
            self._app.receiving.add_note(self.view.bundle.id, self.note_edit.toPlainText())
        except ReflectError as exc:
            self._nav.notify(error_text(exc))
            return
        self.note_edit.clear()
        self.show_bundle(self.view.bundle.id)
        self._nav.notify(self.tr("Note kept. It stays in your journal."))

    def write_feedback(self) -> FeedbackDialog | None:
        if self.view is None:
            return None
        dialog = FeedbackDialog(self._app.receiving, self.view, self)
        dialog.written.connect(self._on_feedback_written)
        dialog.finished.connect(dialog.deleteLater)
        self.feedback_dialog = dialog
        dialog.open()
        return dialog

    def _on_feedback_written(self, path: object) -> None:
        self._nav.notify(
            self.tr("Feedback saved to {0}. Send the file to {1}.").format(
                path, self.view.bundle.sender_name if self.view else ""
            )
        )
