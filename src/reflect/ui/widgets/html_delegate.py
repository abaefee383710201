"""Draws list rows from a small piece of trusted HTML (our own escaped markup), word-wrapped."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

HtmlRole = Qt.ItemDataRole.UserRole + 10
_PAD = 8


class HtmlDelegate(QStyledItemDelegate):
    def _document(self, option: Any, index: QModelIndex | QPersistentModelIndex) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(str(index.data(HtmlRole) or ""))
        document.setTextWidth(max(option.rect.width() - 2 * _PAD, 100))
        return document

    def sizeHint(self, option: Any, index: QModelIndex | QPersistentModelIndex) -> QSize:
        view = self.parent()
        width = view.viewport().width() if hasattr(view, "viewport") else 400
        option.rect.setWidth(width)
        document = self._document(option, index)
        return QSize(width, int(document.size().height()) + 2 * _PAD)

    def paint(
        self, painter: QPainter, option: Any, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(option.rect, option.palette.color(QPalette.ColorRole.Highlight))
        document = self._document(option, index)
        context: Any = QAbstractTextDocumentLayout.PaintContext()  # stubs omit .palette
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.translate(option.rect.left() + _PAD, option.rect.top() + _PAD)
        document.documentLayout().draw(painter, context)
        painter.restore()
