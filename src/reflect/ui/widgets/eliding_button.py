"""A button of one line of text that is cut short with "…" when its page is narrow, rather
than widening the page (and giving it a sideways scroll bar) on a small or scaled screen."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

ROOM_FOR_PADDING = 24  # the style's padding and frame, either side of the text


class ElidingButton(QPushButton):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._full = text
        self._full_hint = super().sizeHint()  # measured once, on the whole text
        # Preferred, not a button's usual Minimum: it may be narrower than its whole text.
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
        self.setSizePolicy(policy)
        self.setToolTip(text)
        self.setAccessibleName(text)

    def full_text(self) -> str:
        return self._full

    def sizeHint(self) -> QSize:
        return self._full_hint

    def minimumSizeHint(self) -> QSize:
        least = self.fontMetrics().horizontalAdvance("……") + ROOM_FOR_PADDING
        return QSize(min(least, self._full_hint.width()), self._full_hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        room = max(0, event.size().width() - ROOM_FOR_PADDING)
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room))
        super().resizeEvent(event)
