"""Text areas that grow with their text, so the editor has one scroll bar, not one per box.

A growing area's height follows its laid-out text (never under a few lines) and it has no
scroll bar of its own; the editor's one scroll area keeps the cursor in view as it moves.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtWidgets import QPlainTextEdit, QScrollArea, QSizePolicy


class Growth(QObject):
    """Keeps ``edit`` exactly as tall as its text (at least ``min_lines``); with ``fill``, at
    least that tall, taking whatever height the window has left (the free text: a page to
    write on, not a box with empty space under it)."""

    def __init__(self, edit: QPlainTextEdit, min_lines: int, fill: bool = False) -> None:
        super().__init__(edit)
        self._edit = edit
        self._min_lines = min_lines
        self._fill = fill
        self._width = -1
        edit.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        edit.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        vertical = QSizePolicy.Policy.Expanding if fill else QSizePolicy.Policy.Fixed
        edit.setSizePolicy(QSizePolicy.Policy.Expanding, vertical)
        # The line count changes with typing; the lines' layout with the width and the font.
        edit.document().documentLayout().documentSizeChanged.connect(self.fit)
        edit.installEventFilter(self)
        self.fit()

    def set_min_lines(self, lines: int) -> None:
        self._min_lines = lines
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Resize and self._edit.width() != self._width:
            self._width = self._edit.width()
            QTimer.singleShot(0, self, self.fit)  # after the edit has re-wrapped its lines
        elif kind in (QEvent.Type.FontChange, QEvent.Type.Show):
            QTimer.singleShot(0, self, self.fit)
        return False

    def text_height(self) -> float:
        """The laid-out height of every line, in pixels."""
        document = self._edit.document()
        layout = document.documentLayout()
        height = 0.0
        block = document.begin()
        while block.isValid():
            # A plain-text layout lays out only what has been shown; this lays out the rest.
            height += layout.blockBoundingRect(block).height()
            block = block.next()
        return height

    def fit(self) -> None:
        edit = self._edit
        line = edit.fontMetrics().lineSpacing()
        text = max(self.text_height(), self._min_lines * line)
        margins = edit.contentsMargins()
        chrome = 2 * edit.document().documentMargin() + margins.top() + margins.bottom()
        height = math.ceil(text + chrome) + 1
        if self._fill:
            edit.setMinimumHeight(height)
        else:
            edit.setFixedHeight(height)
        # Everything fits, so the text is never scrolled inside its own box.
        edit.verticalScrollBar().setValue(0)


def keep_cursor_visible(area: QScrollArea, edit: QPlainTextEdit) -> None:
    """Scroll ``area`` so that ``edit``'s cursor is on screen (after any growth settles)."""

    def show() -> None:
        content = area.widget()
        if content is None or not edit.isVisible():
            return
        rect: QRect = edit.cursorRect()
        corner = edit.viewport().mapTo(content, rect.topLeft())
        # The margins keep a line of context under the cursor.
        area.ensureVisible(corner.x(), corner.y() + rect.height() // 2, 0, rect.height() * 2)

    QTimer.singleShot(0, edit, show)
