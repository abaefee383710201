"""The share dialog: choose who and what, preview exactly what leaves with its warnings, then
save a sealed ``.reflect`` bundle in the background.

The preview follows every choice as it is made: each change restarts a short timer
(``FOLLOW_MS``), then the items are gathered from the journal (quick, on the UI thread, which
owns the database) and scanned for identifiers and laid out off it (slow on a long share),
newest request only. Peers whose fingerprint was not compared start unticked.

Every choice has a method taking plain values (``choose_recipients``, ``choose_entries``,
``refresh_preview``, ``show_finding``, ``save_to``) so tests and the screenshot script drive it
without native dialogs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reflect.errors import ReflectError
from reflect.messages import Msg
from reflect.services.sharing import ShareChoices, SharePreview
from reflect.ui.flows.share_preview import msg_text
from reflect.ui.flows.share_preview_pane import PreviewPane, Shown, lay_out
from reflect.ui.tasks import BackgroundTask, LatestOnly
from reflect.ui.texts import entry_title, error_text
from reflect.ui.widgets.basics import compact_combo, label, scrolling

if TYPE_CHECKING:
    from reflect.ui.shell import Shell

RECENT_ENTRIES = 40
ID_ROLE = Qt.ItemDataRole.UserRole
# Long enough that typing a note rebuilds once per pause, short enough to feel immediate.
FOLLOW_MS = 150


class ShareDialog(QDialog):
    preview_shown = Signal()  # the preview (or why there is none) matches the choices now

    def __init__(self, window: Shell) -> None:
        super().__init__(window.widget())
        self._window = window
        self._app = window.app
        self.preview: SharePreview | None = None  # what is shown, when it matches the choices
        self.task: BackgroundTask | None = None
        self.saved_path: Path | None = None
        self.setWindowTitle(self.tr("Share with your trio"))
        self.resize(1000, 680)
        self.pane = PreviewPane()
        self.pane.edit_entry.connect(self._on_pane_edit_entry)
        self.findings, self.status = self.pane.findings, self.pane.status
        splitter = QSplitter()
        # The choices scroll, so the dialog and its buttons fit a small or scaled screen.
        splitter.addWidget(scrolling(self._build_choices()))
        splitter.addWidget(self.pane)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(self._build_buttons())
        self._fill()
        self.scan = LatestOnly(self)
        self.scan.done.connect(self._on_scan_done)
        self.scan.failed.connect(self._on_scan_failed)
        self.follow = QTimer(self)
        self.follow.setSingleShot(True)
        self.follow.setInterval(FOLLOW_MS)
        self.follow.timeout.connect(self._on_follow_timeout)
        self._follow_choices()
        self.follow.start()

    # Building ----------------------------------------------------------------------------

    def _build_choices(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        self.recipients = QListWidget()
        self.recipients.setAccessibleName(self.tr("Recipients"))
        self.recipients.setMaximumHeight(110)
        form.addRow(self.tr("To"), self.recipients)
        self.inquiry = compact_combo(24)
        form.addRow(self.tr("Inquiry"), self.inquiry)
        self.entries = QListWidget()
        self.entries.setAccessibleName(self.tr("Entries to share"))
        form.addRow(self.tr("Entries"), self.entries)
        since_row = QHBoxLayout()
        self.use_since = QCheckBox(self.tr("Everything since"))
        self.since = QDateEdit(QDate.currentDate().addDays(-14))
        self.since.setCalendarPopup(True)
        since_row.addWidget(self.use_since)
        since_row.addWidget(self.since, 1)
        form.addRow("", since_row)
        self.include_actions = QCheckBox(self.tr("Include actions"))
        self.include_actions.setChecked(True)
        self.include_coaching = QCheckBox(self.tr("Include coaching notes"))
        self.include_assessment = QCheckBox(self.tr("Include my latest self-assessment"))
        self.include_connections = QCheckBox(self.tr("Include counts of my connections"))
        self.include_connections.setToolTip(self.tr("How many per sector each month; no names"))
        for box_ in (self.include_actions, self.include_coaching, self.include_assessment,
                     self.include_connections):  # fmt: skip
            form.addRow("", box_)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("What I'd like from you this time"))
        self.note.setMaximumHeight(90)
        form.addRow(self.tr("Note"), self.note)
        form.addRow("", self._build_passphrase())
        return box

    def _build_passphrase(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.use_passphrase = QCheckBox(self.tr("Lock with a passphrase instead (no cards)"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase_again = QLineEdit()
        self.passphrase_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_again.setPlaceholderText(self.tr("Passphrase again"))
        warning = msg_text(Msg.SHARE_PASSPHRASE_SEPARATELY)
        self.passphrase_warning = label(warning, "muted")
        layout.addWidget(self.use_passphrase)
        for widget in (self.passphrase, self.passphrase_again, self.passphrase_warning):
            widget.setVisible(False)
            layout.addWidget(widget)
        self.use_passphrase.toggled.connect(self._on_use_passphrase_toggled)
        return box

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save bundle…"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.choose_file_and_save)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        row.addStretch(1)
        row.addWidget(close)
        row.addWidget(self.save_button)
        return row

    def _fill(self) -> None:
        trio = self._app.peers.default_trio()
        chosen = set(trio.peer_ids) if trio else set()
        for peer in self._app.peers.all():
            item = QListWidgetItem(peer.name + ("" if peer.verified else self.tr(" (unverified)")))
            item.setData(ID_ROLE, peer.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            # Only someone whose fingerprint was compared is chosen for the user.
            checked = peer.id in chosen and peer.verified
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.recipients.addItem(item)
        self.inquiry.addItem(self.tr("No inquiry"), None)
        for inquiry in self._app.inquiries.all():
            self.inquiry.addItem(inquiry.question, inquiry.id)
        for entry in self._app.entries.page(limit=RECENT_ENTRIES):
            text = f"{entry.created[:10]}  {entry_title(entry.display_title)}"
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, entry.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.entries.addItem(item)

    def _follow_choices(self) -> None:
        """Every choice, as it is made, schedules a new preview."""
        for listing in (self.recipients, self.entries):
            listing.itemChanged.connect(self._on_choice_changed)
        self.inquiry.currentIndexChanged.connect(self._on_choice_changed)
        self.since.dateChanged.connect(self._on_choice_changed)
        self.note.textChanged.connect(self._on_choice_changed)
        for box in (self.use_since, self.include_actions, self.include_coaching,
                    self.include_assessment, self.include_connections,
                    self.use_passphrase):  # fmt: skip
            box.toggled.connect(self._on_choice_changed)

    # Choices as values -------------------------------------------------------------------

    def choose_recipients(self, names: Iterable[str]) -> None:
        _check_only(self.recipients, set(names))

    def choose_entries(self, entry_ids: Iterable[str]) -> None:
        _check_only(self.entries, set(entry_ids))

    def choose_inquiry(self, inquiry_id: str | None) -> None:
        self.inquiry.setCurrentIndex(max(self.inquiry.findData(inquiry_id), 0))

    def choose_since(self, when: date | None) -> None:
        self.use_since.setChecked(when is not None)
        if when is not None:
            self.since.setDate(QDate(when.year, when.month, when.day))

    def set_passphrase(self, first: str | None, again: str | None = None) -> None:
        """Lock with a passphrase (typed twice), or with None go back to contact cards."""
        self.use_passphrase.setChecked(first is not None)
        self.passphrase.setText(first or "")
        self.passphrase_again.setText((first or "") if again is None else again)

    def chosen_since(self) -> date | None:
        if not self.use_since.isChecked():
            return None
        when = self.since.date()
        return date(when.year(), when.month(), when.day())

    def recipient_names(self) -> list[str]:
        return _checked(self.recipients)

    def chosen_passphrase(self) -> str | None:
        return self.passphrase.text() if self.use_passphrase.isChecked() else None

    # Preview and save --------------------------------------------------------------------

    def choices(self) -> ShareChoices:
        return ShareChoices(
            to=tuple(self.recipient_names()),
            inquiry_id=self.inquiry.currentData(),
            entry_ids=tuple(_checked(self.entries)),
            since=self.chosen_since(),
            include_actions=self.include_actions.isChecked(),
            include_coaching=self.include_coaching.isChecked(),
            include_assessment=self.include_assessment.isChecked(),
            note=self.note.toPlainText(),
            include_connections=self.include_connections.isChecked(),
        )

    def refresh_preview(self) -> SharePreview | None:
        """Gather and show what would leave now, at once (saving, and scripts, need it now
        rather than after the timer); or show the reason nothing can."""
        self.follow.stop()
        self.scan.drop()
        gathered = self._gather()
        if gathered is None:
            return None
        self._show(lay_out(self._app.sharing.scanned(gathered)))
        return self.preview

    def show_finding(self, row: int) -> None:
        """Choose the warning in ``row``, as a click would: the preview shows where it is."""
        self.pane.show_finding(row)

    def _gather(self) -> SharePreview | None:
        self.preview = None
        try:
            gathered = self._app.sharing.gather(self.choices())
        except ReflectError as exc:
            self.pane.show_nothing(error_text(exc))
            self.preview_shown.emit()
            return None
        if not self.recipient_names():
            gathered = replace(gathered, recipients=())  # nobody ticked: not the default trio
        return gathered

    def _show(self, shown: Shown) -> None:
        preview = shown.preview
        self.preview = preview
        self.pane.show_preview(shown)
        names = ", ".join(p.name for p in preview.recipients) or self.tr("nobody yet")
        count = len(preview.findings)
        status = self.tr("To: {0}. {1}, {2}.").format(
            names,
            self.tr("%n item(s)", "", len(preview.items)),
            self.tr("%n warning(s)", "", count),
        )
        if count > len(shown.marks):
            status += " " + self.tr("The first {0} are listed.").format(len(shown.marks))
        self.status.setText(status)
        self.preview_shown.emit()

    def open_finding(self, row: int) -> None:
        """Take the user to the entry a warning is about, to edit it before sending."""
        self.pane.activate(row)

    def passphrase_problem(self) -> str | None:
        if not self.use_passphrase.isChecked():
            return None
        if not self.passphrase.text():
            return msg_text(Msg.BUNDLE_PASSPHRASE_EMPTY)
        if self.passphrase.text() != self.passphrase_again.text():
            return self.tr("The two passphrases are different. Type the same one twice.")
        return None

    def choose_file_and_save(self) -> None:
        if self.refresh_preview() is None or self._refuse_passphrase():
            return
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save bundle"), "summary.reflect", self.tr("Reflect bundle (*.reflect)")
        )
        if chosen:
            self.save_to(Path(chosen))

    def save_to(self, out: Path) -> BackgroundTask | None:
        """Seal the previewed items into ``out`` in the background (previewing first if needed)."""
        preview = self.preview or self.refresh_preview()
        if preview is None or self._refuse_passphrase():
            return None
        passphrase = self.chosen_passphrase()
        self.task = self._window.run_task(
            self.tr("Sealing the bundle…"),
            lambda progress: self._app.sharing.share(preview, out, passphrase),
            self._on_saved,
        )
        return self.task

    def _refuse_passphrase(self) -> bool:
        problem = self.passphrase_problem()
        if problem:
            self.status.setText(problem)
        return problem is not None

    def _on_saved(self, path: Path) -> None:
        self.saved_path = path
        message = self.tr("Saved {0}. Send it to your trio by email, chat or USB stick.")
        if self.chosen_passphrase() is not None:
            message += " " + msg_text(Msg.SHARE_PASSPHRASE_SEPARATELY)
        self.status.setText(message.format(path))
        self._window.notify(self.tr("Saved {0}.").format(path))

    # Slots -------------------------------------------------------------------------------

    def _on_use_passphrase_toggled(self, on: bool) -> None:
        for widget in (self.passphrase, self.passphrase_again, self.passphrase_warning):
            widget.setVisible(on)
        self.recipients.setEnabled(not on)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() is QEvent.Type.ActivationChange and self.isActiveWindow():
            # Back from editing what a warning pointed at: show the entry as it is now.
            self._on_choice_changed()

    def _on_pane_edit_entry(self, entry_id: str) -> None:
        self._window.open_entry(entry_id)
        self._window.bring_forward()

    def _on_choice_changed(self, *_: object) -> None:
        self.preview = None  # what is shown no longer matches: saving gathers afresh
        self.scan.drop()  # nor will what is being scanned now
        self.use_since.setText(
            self.tr("Only what is new since")
            if self.inquiry.currentData()
            else self.tr("Everything since")
        )
        self.follow.start()  # restarted by each change: one rebuild per pause

    def _on_follow_timeout(self) -> None:
        gathered = self._gather()
        if gathered is not None:
            scanned = self._app.sharing.scanned
            self.scan.request(lambda: lay_out(scanned(gathered)))
        else:
            self.scan.drop()

    def _on_scan_done(self, shown: Shown) -> None:
        self._show(shown)

    def _on_scan_failed(self, error: BaseException) -> None:
        raise error  # a bug: the crash handler takes it from here


def _check_only(widget: QListWidget, wanted: set[str]) -> None:
    for row in range(widget.count()):
        item = widget.item(row)
        on = item.data(ID_ROLE) in wanted
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def _checked(widget: QListWidget) -> list[str]:
    return [
        str(widget.item(row).data(ID_ROLE))
        for row in range(widget.count())
        if widget.item(row).checkState() is Qt.CheckState.Checked
    ]


def open_share_dialog(window: Shell) -> ShareDialog:
    """Open the dialog without blocking, so the user can edit what it warns about."""
    dialog = ShareDialog(window)
    dialog.finished.connect(dialog.deleteLater)
    dialog.show()
    return dialog
