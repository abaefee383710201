"""The share dialog: choose who and what, preview exactly what leaves with its warnings, then
save a sealed ``.reflect`` bundle in the background.

Every choice has a method taking plain values (``choose_recipients``, ``choose_entries``,
``refresh_preview``, ``save_to``) so tests drive it without native dialogs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
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
from reflect.services.sharing import SharePreview
from reflect.ui.flows.share_preview import entry_for, finding_text, items_markdown, msg_text
from reflect.ui.tasks import BackgroundTask
from reflect.ui.texts import error_text
from reflect.ui.widgets.basics import compact_combo, label, scrolling
from reflect.ui.widgets.safe_browser import SafeBrowser

if TYPE_CHECKING:
    from reflect.ui.shell import Shell

RECENT_ENTRIES = 40
ID_ROLE = Qt.ItemDataRole.UserRole


class ShareDialog(QDialog):
    def __init__(self, window: Shell) -> None:
        super().__init__(window.widget())
        self._window = window
        self._app = window.app
        self.preview: SharePreview | None = None
        self.task: BackgroundTask | None = None
        self.saved_path: Path | None = None
        self.setWindowTitle(self.tr("Share with your trio"))
        self.resize(1000, 680)
        splitter = QSplitter()
        # The choices scroll, so the dialog and its buttons fit a small or scaled screen.
        splitter.addWidget(scrolling(self._build_choices()))
        splitter.addWidget(self._build_preview())
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(self._build_buttons())
        self._fill()

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
        for box_ in (self.include_actions, self.include_coaching, self.include_assessment):
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

    def _build_preview(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addWidget(label(self.tr("Exactly what will leave"), "section"))
        self.browser = SafeBrowser()
        self.browser.setAccessibleName(self.tr("Preview"))
        layout.addWidget(self.browser, 3)
        layout.addWidget(label(self.tr("Check before sending (click one to edit it)")))
        self.findings = QListWidget()
        self.findings.setAccessibleName(self.tr("Warnings"))
        self.findings.itemActivated.connect(self._on_findings_item_activated)
        self.findings.itemClicked.connect(self._on_findings_item_activated)
        layout.addWidget(self.findings, 1)
        self.status = label("", "muted")
        layout.addWidget(self.status)
        return box

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("Refresh preview"))
        self.refresh_button.clicked.connect(self.refresh_preview)
        self.save_button = QPushButton(self.tr("Save bundle…"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.choose_file_and_save)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        row.addWidget(self.refresh_button)
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
            checked = peer.id in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.recipients.addItem(item)
        self.inquiry.addItem(self.tr("No inquiry"), None)
        for inquiry in self._app.inquiries.all():
            self.inquiry.addItem(inquiry.question, inquiry.id)
        for entry in self._app.entries.page(limit=RECENT_ENTRIES):
            text = f"{entry.created[:10]}  {entry.display_title or self.tr('Untitled')}"
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, entry.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.entries.addItem(item)

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

    def refresh_preview(self) -> SharePreview | None:
        """Gather what would leave now; shows it, or the reason nothing can."""
        self.preview = None
        self.findings.clear()
        try:
            preview = self._app.sharing.preview(
                to=self.recipient_names(),
                inquiry_id=self.inquiry.currentData(),
                entry_ids=_checked(self.entries),
                since=self.chosen_since(),
                include_actions=self.include_actions.isChecked(),
                include_coaching=self.include_coaching.isChecked(),
                include_assessment=self.include_assessment.isChecked(),
                note=self.note.toPlainText(),
            )
        except ReflectError as exc:
            self.browser.clear()
            self.status.setText(error_text(exc))
            return None
        if not self.recipient_names():
            preview = replace(preview, recipients=())  # nobody ticked: not the default trio
        self._show(preview)
        return preview

    def _show(self, preview: SharePreview) -> None:
        self.preview = preview
        self.browser.show_markdown(items_markdown(preview.items))
        for finding in preview.findings:
            item = QListWidgetItem(finding_text(finding, preview.items))
            item.setData(ID_ROLE, entry_for(finding, preview.items))
            self.findings.addItem(item)
        names = ", ".join(p.name for p in preview.recipients) or self.tr("nobody yet")
        count = len(preview.findings)
        self.status.setText(
            self.tr("To: {0}. {1} item(s), {2} warning(s).").format(
                names, len(preview.items), count
            )
        )

    def open_finding(self, row: int) -> None:
        """Take the user to the entry a warning is about, to edit it before sending."""
        item = self.findings.item(row)
        entry_id = item.data(ID_ROLE) if item is not None else None
        if entry_id:
            self._window.open_entry(entry_id)
            self._window.bring_forward()

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

    def _on_findings_item_activated(self, item: QListWidgetItem) -> None:
        self.open_finding(self.findings.row(item))


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
