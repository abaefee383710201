"""Starting a first inquiry from the Today page: a small dialog asks for the question, with a
word on what makes a good one and two examples; the inquiry is then shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.errors import ReflectError
from reflect.ui.texts import error_text
from reflect.ui.widgets.basics import label

if TYPE_CHECKING:
    from reflect.ui.shell import Shell


class StartInquiryDialog(QDialog):
    """Asks for the inquiry question; OK stays off until there is one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start an inquiry"))
        heading = label(self.tr("Your inquiry question"), "question")
        explain = label(
            self.tr(
                "The question you will hold through the programme: about your own practice, "
                "open enough to have no quick answer. You can reword it as it changes."
            )
        )
        self.question = QPlainTextEdit()
        self.question.setAccessibleName(self.tr("Your inquiry question"))
        self.question.setPlaceholderText(self.tr("How might I…"))
        self.question.setTabChangesFocus(True)  # Tab moves on to the buttons, as in a form
        lines = self.question.fontMetrics().lineSpacing()
        self.question.setMinimumHeight(lines * 3 + 2 * self.question.frameWidth())
        heading.setBuddy(self.question)
        examples = label(
            self.tr(
                "For example: “How might we own discharge delays together, across health and "
                "social care?” or “What would it take for me to lead through relationships "
                "rather than reports?”"
            ),
            "muted",
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok.setText(self.tr("Start"))
        self.ok.setToolTip(self.tr("Keep this question (Ctrl+Return)"))
        QShortcut(QKeySequence("Ctrl+Return"), self, self._accept_if_ready)
        self.question.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explain)
        layout.addWidget(self.question, 1)
        layout.addWidget(examples)
        layout.addWidget(self.buttons)
        # As tall as the wrapped text needs at this width, the field at its three lines.
        self.resize(520, max(self.heightForWidth(520), self.minimumSizeHint().height()))
        self._update_ok()

    @property
    def ok(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def text(self) -> str:
        return self.question.toPlainText().strip()

    def _update_ok(self) -> None:
        self.ok.setEnabled(bool(self.text()))

    def _accept_if_ready(self) -> None:
        if self.text():
            self.accept()


def start_inquiry(window: Shell) -> StartInquiryDialog:
    """Open the dialog; when accepted, the inquiry is added and shown."""
    dialog = StartInquiryDialog(window.widget())
    dialog.accepted.connect(lambda: _add(window, dialog.text()))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def _add(window: Shell, question: str) -> None:
    try:
        inquiry = window.app.inquiries.add(question)
    except ReflectError as exc:
        window.notify(error_text(exc))
        return
    window.show_inquiry(inquiry.id)
