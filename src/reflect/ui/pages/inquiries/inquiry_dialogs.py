"""The words for an inquiry's status, and the small dialog that changes it (with its note)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.core.inquiry import Inquiry, InquiryStatus

# An inquiry that ends this way has an outcome worth writing down.
NOTE_REQUIRED = (InquiryStatus.CONCLUDED, InquiryStatus.STOPPED)

_LABELS = {
    InquiryStatus.ACTIVE: "Active",
    InquiryStatus.PAUSED: "Paused",
    InquiryStatus.CONCLUDED: "Concluded",
    InquiryStatus.STOPPED: "Stopped",
}
_OUTCOMES = {
    InquiryStatus.ACTIVE: "Active since {0}",
    InquiryStatus.PAUSED: "Paused on {0}",
    InquiryStatus.CONCLUDED: "Concluded on {0}",
    InquiryStatus.STOPPED: "Stopped on {0}",
}
_PROMPTS = {
    InquiryStatus.ACTIVE: "Optional: what brings you back to this question?",
    InquiryStatus.PAUSED: "Optional: why pause now, and what would bring you back to it?",
    InquiryStatus.CONCLUDED: "What did you conclude, and what will you carry forward?",
    InquiryStatus.STOPPED: "What made you stop, and what does stopping make room for?",
}
_HINTS = {
    InquiryStatus.ACTIVE: "An active inquiry is offered when you write a reflection.",
    InquiryStatus.PAUSED: "A paused inquiry keeps its entries and can be picked up again.",
    InquiryStatus.CONCLUDED: "Concluding is an outcome: a short note on what you learned is "
    "needed.",
    InquiryStatus.STOPPED: "Stopping is a real outcome, treated as seriously as starting: a "
    "short note on why is needed.",
}


def status_label(status: InquiryStatus) -> str:
    return QCoreApplication.translate("InquiryStatus", _LABELS[status])


def outcome_heading(status: InquiryStatus, day: str) -> str:
    """'Stopped on 12 Mar 2026' and the like, with ``day`` already formatted."""
    return QCoreApplication.translate("InquiryStatus", _OUTCOMES[status]).format(day)


class StatusDialog(QDialog):
    """Choose a status and write its note; ``chosen`` carries them when the user accepts.

    Opened with ``open()`` (not ``exec()``) so that tests can fill it in and press its buttons.
    """

    chosen = Signal(str, str)  # status value, note

    def __init__(self, inquiry: Inquiry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change status"))
        self.setMinimumWidth(460)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        for status in InquiryStatus:
            self.status.addItem(status_label(status), status.value)
        self.status.setCurrentIndex(self.status.findData(inquiry.status.value))
        self.note = QPlainTextEdit(inquiry.status_note)
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setTabChangesFocus(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "muted")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Change status"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Status")))
        layout.addWidget(self.status)
        layout.addWidget(QLabel(self.tr("Note")))
        layout.addWidget(self.note, 1)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self.status.currentIndexChanged.connect(self._on_form_changed)
        self.note.textChanged.connect(self._on_form_changed)
        self._on_form_changed()

    def chosen_status(self) -> InquiryStatus:
        return InquiryStatus(self.status.currentData())

    def is_complete(self) -> bool:
        return self.chosen_status() not in NOTE_REQUIRED or bool(self.note.toPlainText().strip())

    def _on_form_changed(self) -> None:
        status = self.chosen_status()
        self.note.setPlaceholderText(self.tr(_PROMPTS[status]))
        self.hint.setText(self.tr(_HINTS[status]))
        self.ok_button.setEnabled(self.is_complete())

    def accept(self) -> None:
        if not self.is_complete():
            self.note.setFocus()
            return
        self.chosen.emit(self.chosen_status().value, self.note.toPlainText().strip())
        super().accept()


# The short questions go through QInputDialog; tests replace getMultiLineText.


def ask_new_question(parent: QWidget) -> str | None:
    """The question for a new inquiry, or None when the user cancels."""
    question, ok = QInputDialog.getMultiLineText(
        parent,
        parent.tr("New inquiry"),
        parent.tr(
            "What question will you hold through the programme?\n\n"
            "A good inquiry question is open (it often starts “How might I…” or “What would "
            "it take…”),\nabout your own practice, and one you cannot answer yet."
        ),
    )
    return question if ok and question.strip() else None


def ask_rewording(parent: QWidget, current: str) -> str | None:
    question, ok = QInputDialog.getMultiLineText(
        parent,
        parent.tr("Reword the question"),
        parent.tr("Every wording is kept with its date, so you can see how your question moved."),
        current,
    )
    return question if ok and question.strip() else None


def ask_why(parent: QWidget, current: str) -> str | None:
    """The new 'why it matters' (possibly empty), or None when the user cancels."""
    why, ok = QInputDialog.getMultiLineText(
        parent,
        parent.tr("Why it matters"),
        parent.tr("Why does this question matter to you, and to the people you serve?"),
        current,
    )
    return why if ok else None
