"""Feedback on a peer's summary: a comment per shared entry and a note, sealed to the sender.

The file goes wherever the user chooses; they send it to the peer by their usual channel, and
the comments attach to the peer's own entries when the peer opens it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reflect.errors import ReflectError
from reflect.services.receiving import ReceivedView, ReceivingService
from reflect.ui.pages.trio.bundle_text import entry_label
from reflect.ui.texts import error_text
from reflect.ui.widgets.basics import label, scrolling

FEEDBACK_FILTER = "Reflect bundles (*.reflect)"


def text_box(name: str, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setAccessibleName(name)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 16)
    return box


class FeedbackDialog(QDialog):
    written = Signal(object)  # the Path of the feedback bundle

    def __init__(
        self, receiving: ReceivingService, view: ReceivedView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._receiving = receiving
        self._view = view
        sender = view.bundle.sender_name
        self.setWindowTitle(self.tr("Feedback for {0}").format(sender))
        self.comments: dict[str, QPlainTextEdit] = {}
        holder = QWidget()
        column = QVBoxLayout(holder)
        for item in view.items:
            if item["type"] != "entry":
                continue
            heading = label(entry_label(item), "section")
            heading.setTextFormat(Qt.TextFormat.PlainText)  # the peer's text
            box = text_box(self.tr("Comment on {0}").format(entry_label(item)), 3)
            heading.setBuddy(box)
            column.addWidget(heading)
            column.addWidget(box)
            self.comments[item["id"]] = box
        column.addWidget(label(self.tr("A note for {0}").format(sender), "section"))
        self.note = text_box(self.tr("Note"), 4)
        column.addWidget(self.note)
        column.addStretch(1)
        self.problem = label("")
        self.problem.setAccessibleName(self.tr("Why the feedback could not be written"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save = buttons.addButton(
            self.tr("Save feedback…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                self.tr(
                    "Comments go back to {0} and appear on their entries. Leave an entry blank "
                    "to say nothing about it. Your private notes are not included."
                ).format(sender),
                "muted",
            )
        )
        layout.addWidget(scrolling(holder), 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(600, 560)

    def _on_save_clicked(self) -> None:
        suggested = f"feedback-for-{self._view.bundle.sender_name.split()[0].lower()}.reflect"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save feedback"), suggested, self.tr(FEEDBACK_FILTER)
        )
        if path:
            self.write_to(Path(path))

    def write_to(self, path: Path) -> Path | None:
        """Write the feedback bundle at ``path``; None (and the reason shown) when it failed."""
        comments = {entry_id: box.toPlainText() for entry_id, box in self.comments.items()}
        try:
            written = self._receiving.feedback(
                self._view.bundle.id, comments, self.note.toPlainText(), path
            )
        except ReflectError as exc:
            self.problem.setText(error_text(exc))
            return None
        self.written.emit(written)
        self.accept()
        return written
