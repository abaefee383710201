"""The answers of a structured entry (a framework's prompts, or a coaching session): a heading
per prompt with its word count, and a text area under it that grows with what is written."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from reflect.core.guided_writing import Slot, with_texts
from reflect.ui.editor.growing import Growth
from reflect.ui.editor.markdown_edit import MarkdownEdit
from reflect.ui.editor.word_count import count_words, words_label
from reflect.ui.widgets.basics import clear

PROMPT_MIN_LINES = 3
COUNT_DELAY_MS = 250  # counting waits for a pause in typing


class PromptSections(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._slots: tuple[Slot, ...] = ()
        self._boxes: list[MarkdownEdit] = []
        self._counts: list[QLabel] = []
        self._recount = QTimer(self, singleShot=True, interval=COUNT_DELAY_MS)
        self._recount.timeout.connect(self.count_now)

    def load(self, slots: tuple[Slot, ...]) -> None:
        clear(self._column)
        self._slots = slots
        self._boxes, self._counts = [], []
        for slot in slots:
            self._add(slot)
        self.count_now()
        self._column.activate()
        QCoreApplication.sendEvent(self, QEvent(QEvent.Type.LayoutRequest))

    def _add(self, slot: Slot) -> None:
        heading = QWidget()
        row = QHBoxLayout(heading)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(QCoreApplication.translate("Prompts", slot.label))
        label.setProperty("role", "section")
        label.setIndent(0)
        count = QLabel()
        count.setProperty("role", "muted")
        count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        row.addWidget(label, 1)
        row.addWidget(count)
        box = MarkdownEdit()
        # Tab moves on to the next prompt, as in a form; Ctrl+Tab works too.
        box.setTabChangesFocus(True)
        box.document().setDocumentMargin(8)
        box.setPlainText(slot.text)
        box.setPlaceholderText(slot.help)
        box.setToolTip(slot.help)
        label.setBuddy(box)
        box.setAccessibleName(label.text())
        box.setAccessibleDescription(slot.help)
        Growth(box, PROMPT_MIN_LINES)
        box.textChanged.connect(self.changed)
        box.textChanged.connect(self._recount.start)
        self._column.addWidget(heading)
        self._column.addWidget(box)
        heading.show()
        box.show()
        self._boxes.append(box)
        self._counts.append(count)

    def count_now(self) -> None:
        self._recount.stop()
        for box, count in zip(self._boxes, self._counts, strict=True):
            count.setText(words_label(count_words(box.toPlainText())))

    def slots(self) -> tuple[Slot, ...]:
        """The slots as loaded, with what is in the boxes now."""
        return with_texts(self._slots, [box.toPlainText() for box in self._boxes])

    def boxes(self) -> list[MarkdownEdit]:
        return list(self._boxes)

    def counts(self) -> list[QLabel]:
        return list(self._counts)
