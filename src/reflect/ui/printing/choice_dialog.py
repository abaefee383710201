"""Choose what to print or save as PDF: the open entry, entries in a date range, or an inquiry
with everything linked to it."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reflect.core.entry import Entry
from reflect.core.inquiry import Inquiry
from reflect.services.printing import PrintSelection

RANGE_DAYS = 30  # the range offered first: the last month
INQUIRY_CHARS = 40


class PrintChoiceDialog(QDialog):
    """Radio choices, each with its own fields; ``selection()`` is what was chosen."""

    def __init__(
        self,
        title: str,
        entry: Entry | None,
        inquiries: list[Inquiry],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._entry = entry
        self.this_entry = QRadioButton(
            self.tr("This entry: {0}").format(entry.display_title)
            if entry
            else self.tr("This entry (open one in the editor first)")
        )
        self.this_entry.setEnabled(entry is not None)
        self.date_range = QRadioButton(self.tr("Entries written between two days"))
        self.inquiry = QRadioButton(self.tr("An inquiry, with everything linked to it"))
        self.inquiry.setEnabled(bool(inquiries))
        group = QButtonGroup(self)
        for button in (self.this_entry, self.date_range, self.inquiry):
            group.addButton(button)
        (self.this_entry if entry else self.date_range).setChecked(True)

        self.since = self._date_edit(today - timedelta(days=RANGE_DAYS))
        self.until = self._date_edit(today)
        self.inquiries = QComboBox()
        # Questions are long: the list shows them whole, the closed box a readable width.
        self.inquiries.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.inquiries.setMinimumContentsLength(INQUIRY_CHARS)
        for item in inquiries:
            self.inquiries.addItem(item.question, item.id)
        self.inquiries.setEnabled(bool(inquiries))
        self.inquiries.setAccessibleName(self.tr("Inquiry"))

        days = QHBoxLayout()
        days.addWidget(self.since)
        days.addWidget(QLabel(self.tr("to")))
        days.addWidget(self.until)
        form = QFormLayout()
        form.addRow(self.date_range)
        form.addRow(self.tr("From"), days)
        form.addRow(self.inquiry)
        form.addRow(self.tr("Inquiry"), self.inquiries)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.this_entry)
        layout.addLayout(form)
        layout.addWidget(buttons)
        # Changing a field chooses its option, so keyboard users need not go back to the radio.
        self.since.dateChanged.connect(lambda: self.date_range.setChecked(True))
        self.until.dateChanged.connect(lambda: self.date_range.setChecked(True))
        self.inquiries.activated.connect(lambda: self.inquiry.setChecked(True))

    def _date_edit(self, day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def selection(self) -> PrintSelection:
        if self.this_entry.isChecked() and self._entry is not None:
            return PrintSelection(entry_ids=(self._entry.id,))
        if self.inquiry.isChecked() and self.inquiries.currentData():
            return PrintSelection(inquiry_id=str(self.inquiries.currentData()))
        return PrintSelection(since=_day(self.since), until=_day(self.until))


def _day(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())
