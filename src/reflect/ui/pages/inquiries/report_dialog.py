"""The inquiry page's Report… dialog: choose the period and the passages to quote, then save.

The format follows the file name chosen in the save dialog (.pdf, .md or .html); the report is
gathered and written by ``ui/printing/report_pdf.py`` in a background task, as Export ▸ PDF
is. A pick's passage starts as the entry's first paragraph and may be cut down to the words
that matter; it must still be words from that entry, or the save is refused with a message.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reflect.app import App
from reflect.core.clock import local_date, to_text
from reflect.core.entry import Entry
from reflect.errors import ReflectError
from reflect.services.report import QuoteRequest, ReportRequest, first_paragraph
from reflect.ui.navigation import Navigator
from reflect.ui.printing.print_flow import window_words
from reflect.ui.printing.report_chart import drawn_before
from reflect.ui.printing.report_pdf import write_report
from reflect.ui.printing.save_as import ask_save_path
from reflect.ui.texts import day_text, entry_title, error_text

IdRole = Qt.ItemDataRole.UserRole
_FILE_TYPES = (("PDF", ".pdf"), ("Markdown", ".md"), ("HTML web page", ".html"))


class ReportDialog(QDialog):
    """Period and quotes for a report-back; ``request()`` is what the user chose.

    Opened with ``open()`` (not ``exec()``) so that tests can fill it in and press its buttons.
    """

    def __init__(self, app: App, inquiry_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._inquiry_id = inquiry_id
        self.setWindowTitle(self.tr("Report on this inquiry"))
        today = local_date(to_text(app.clock()))
        entries = app.report.entries(inquiry_id)
        self._passages: dict[str, str] = {e.id: first_paragraph(e) for e in entries}
        layout = QVBoxLayout(self)
        period = QGridLayout()
        first_day = local_date(entries[0].created) if entries else today
        self.since_check, self.since_edit = self._day_choice(self.tr("&From"), first_day, today)
        self.until_check, self.until_edit = self._day_choice(self.tr("&Up to"), today, today)
        for row, (check, edit) in enumerate(
            ((self.since_check, self.since_edit), (self.until_check, self.until_edit))
        ):
            period.addWidget(check, row, 0)
            period.addWidget(edit, row, 1)
        layout.addLayout(period)
        quotes_label = QLabel(self.tr("&Quote from your entries (tick to include):"))
        layout.addWidget(quotes_label)
        self.entry_list = QListWidget()
        self.entry_list.setAccessibleName(self.tr("Entries to quote from"))
        quotes_label.setBuddy(self.entry_list)
        for entry in entries:
            self.entry_list.addItem(self._entry_item(entry))
        layout.addWidget(self.entry_list, 1)
        passage_label = QLabel(self.tr("&Passage to quote from the chosen entry:"))
        layout.addWidget(passage_label)
        self.passage_edit = QPlainTextEdit()
        self.passage_edit.setAccessibleName(self.tr("Passage to quote"))
        self.passage_edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.passage_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        passage_label.setBuddy(self.passage_edit)
        layout.addWidget(self.passage_edit)
        self.entry_list.currentItemChanged.connect(self._on_current_changed)
        self.passage_edit.textChanged.connect(self._on_passage_edited)
        if entries:
            self.entry_list.setCurrentRow(len(entries) - 1)
        else:
            self.passage_edit.setEnabled(False)
            self.entry_list.addItem(self.tr("No entries are linked to this inquiry yet."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(
            self.tr("Save report…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def _day_choice(self, text: str, day: date, today: date) -> tuple[QCheckBox, QDateEdit]:
        check = QCheckBox(text)
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setCalendarPopup(True)
        edit.setMaximumDate(QDate(today.year, today.month, today.day))
        edit.setAccessibleName(text.replace("&", ""))
        edit.setEnabled(False)
        check.toggled.connect(edit.setEnabled)
        return check, edit

    def _entry_item(self, entry: Entry) -> QListWidgetItem:
        text = f"{entry_title(entry.display_title)} · {day_text(local_date(entry.created))}"
        item = QListWidgetItem(text)
        item.setData(IdRole, entry.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        return item

    def _on_current_changed(self, current: QListWidgetItem | None, _: object = None) -> None:
        entry_id = current.data(IdRole) if current else None
        self.passage_edit.blockSignals(True)  # showing a passage is not editing it
        self.passage_edit.setPlainText(self._passages.get(str(entry_id), ""))
        self.passage_edit.blockSignals(False)
        self.passage_edit.setEnabled(entry_id is not None)

    def _on_passage_edited(self) -> None:
        current = self.entry_list.currentItem()
        if current is not None and current.data(IdRole):
            self._passages[str(current.data(IdRole))] = self.passage_edit.toPlainText()
            current.setCheckState(Qt.CheckState.Checked)  # editing a passage means quoting it

    def request(self) -> ReportRequest:
        quotes = []
        for row in range(self.entry_list.count()):
            item = self.entry_list.item(row)
            entry_id = item.data(IdRole)
            if entry_id and item.checkState() == Qt.CheckState.Checked:
                quotes.append(QuoteRequest(str(entry_id), self._passages[str(entry_id)]))
        return ReportRequest(
            self._inquiry_id,
            _day(self.since_edit) if self.since_check.isChecked() else None,
            _day(self.until_edit) if self.until_check.isChecked() else None,
            tuple(quotes),
        )


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportDialog", text)


def _day(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())


def open_report_dialog(
    app: App, navigator: Navigator, inquiry_id: str, parent: QWidget
) -> ReportDialog:
    """Show the dialog; on Save, ask where and write the report in a background task."""
    dialog = ReportDialog(app, inquiry_id, parent)
    dialog.accepted.connect(lambda: _ask_where(app, navigator, dialog.request(), parent))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def _ask_where(app: App, navigator: Navigator, request: ReportRequest, parent: QWidget) -> None:
    types = [(_tr(name), suffix) for name, suffix in _FILE_TYPES]
    path = ask_save_path(parent, _tr("Save the report"), "report.pdf", types)
    if path is not None:
        start_report(app, navigator, request, path)


def start_report(app: App, navigator: Navigator, request: ReportRequest, out: Path) -> object:
    """Write the report off the UI thread; say where it went, or why nothing was written."""
    words = window_words()
    try:  # widgets are drawn on the UI thread: the charts first, the report after, off it
        charts = drawn_before(app, request) if out.suffix.lower() != ".md" else None
    except ReflectError as exc:
        navigator.notify(error_text(exc))
        return None
    return navigator.run_task(
        _tr("Saving the report…"),
        lambda progress: write_report(app, request, out, words, charts, progress),
        lambda _: navigator.notify(_tr("Saved the report: {0}").format(out)),
    )
