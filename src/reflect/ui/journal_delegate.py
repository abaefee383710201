"""Draws one journal row: a day heading when the day changes, then time, kind, title, tags."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reflect.core.entry import Entry
from reflect.ui.journal_model import EntryRole, NewDayRole

_PAD = 10


class JournalDelegate(QStyledItemDelegate):
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        opt: Any = option  # PySide's stubs omit the option's public fields
        line = QFontMetrics(opt.font).height()
        header = line + 2 * _PAD if index.data(NewDayRole) else 0
        return QSize(200, header + 2 * line + 3 * _PAD)

    def paint(
        self,
        painter: QPainter,
        option: Any,  # a QStyleOptionViewItem; PySide's stubs omit its fields
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        entry = index.data(EntryRole)
        if not isinstance(entry, Entry):
            return
        painter.save()
        rect = QRect(option.rect)
        line = QFontMetrics(option.font).height()
        if index.data(NewDayRole):
            self._paint_day(
                painter,
                option,
                entry,
                QRect(rect.left(), rect.top(), rect.width(), line + 2 * _PAD),
            )
            rect.setTop(rect.top() + line + 2 * _PAD)
        self._paint_entry(painter, option, entry, rect.adjusted(_PAD, _PAD // 2, -_PAD, 0), line)
        painter.restore()

    def _paint_day(self, painter: QPainter, option: Any, entry: Entry, rect: QRect) -> None:
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        day = datetime.fromisoformat(entry.created).astimezone()
        painter.drawText(
            rect.adjusted(_PAD, _PAD, -_PAD, 0),
            Qt.AlignmentFlag.AlignLeft,
            day.strftime("%A %d %B %Y"),
        )

    def _paint_entry(
        self, painter: QPainter, option: Any, entry: Entry, rect: QRect, line: int
    ) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        if selected:
            painter.fillRect(
                rect.adjusted(-_PAD // 2, 0, _PAD // 2, -_PAD // 2),
                palette.color(QPalette.ColorRole.Highlight),
            )
        text = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = text if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        when = datetime.fromisoformat(entry.created).astimezone().strftime("%H:%M")
        painter.setFont(option.font)
        painter.setPen(muted)
        meta = f"{when} · {entry.kind}" + "".join(f"  #{t}" for t in entry.tags)
        top = QRect(rect.left(), rect.top() + _PAD // 2, rect.width(), line)
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft, _elide(option, meta, rect.width()))
        title_font = QFont(option.font)
        title_font.setPointSizeF(option.font.pointSizeF() * 1.1)
        title_font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(title_font)
        painter.setPen(text)
        below = QRect(rect.left(), top.bottom() + 4, rect.width(), line + 4)
        title = QFontMetrics(title_font).elidedText(
            entry.display_title, Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(below, Qt.AlignmentFlag.AlignLeft, title)


def _elide(option: Any, text: str, width: int) -> str:
    return QFontMetrics(option.font).elidedText(text, Qt.TextElideMode.ElideRight, width)
