"""The answers of a structured entry (a framework's prompts, or a coaching session): one
labelled text box per prompt, with the prompt's hint, edited alongside the free text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from reflect.core.guided_writing import Slot, with_texts


class ResponsesPanel(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._column = QVBoxLayout(self)
        self._slots: tuple[Slot, ...] = ()
        self._boxes: list[QPlainTextEdit] = []

    def load(self, slots: tuple[Slot, ...]) -> None:
        while self._column.count():
            item = self._column.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._slots = slots
        self._boxes = [self._add(slot) for slot in slots]
        self._column.addStretch(1)
        # The enclosing scroll area resizes us on a LayoutRequest; send one now that the rows
        # are in, so they are never squeezed on top of each other.
        self._column.activate()
        QCoreApplication.sendEvent(self, QEvent(QEvent.Type.LayoutRequest))

    def _add(self, slot: Slot) -> QPlainTextEdit:
        label = QLabel(QCoreApplication.translate("Prompts", slot.label))
        label.setProperty("role", "section")
        label.setIndent(0)
        box = QPlainTextEdit(slot.text)
        box.setTabChangesFocus(True)
        box.setMinimumHeight(72)
        box.setPlaceholderText(slot.help)
        box.setToolTip(slot.help)
        label.setBuddy(box)
        box.setAccessibleName(label.text())
        box.setAccessibleDescription(slot.help)
        box.textChanged.connect(self.changed)
        self._column.addWidget(label)
        self._column.addWidget(box)
        # Shown now rather than by the layout's queued call, so they count in our size.
        label.show()
        box.show()
        return box

    def slots(self) -> tuple[Slot, ...]:
        """The slots as loaded, with what is in the boxes now."""
        return with_texts(self._slots, [box.toPlainText() for box in self._boxes])

    def boxes(self) -> list[QPlainTextEdit]:
        return list(self._boxes)
