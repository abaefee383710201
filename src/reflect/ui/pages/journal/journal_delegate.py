"""Draws one journal row: a day in the left gutter when the day changes, then time, kind, tags
and title. Every row has the same height, so the view never measures 100,000 rows."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

from reflect.core.entry import Entry
from reflect.ui.pages.journal.journal_model import EntryRole, NewDayRole
from reflect.ui.texts import entry_title

_PAD = 10
_GUTTER = 150


class JournalDelegate(QStyledItemDelegate):
    def sizeHint(self, option: Any, index: QModelIndex | QPersistentModelIndex) -> QSize:
        # The same for every row (the view uses uniform item sizes).
        line = QFontMetrics(option.font).height()
        return QSize(200, 2 * line + 2 * _PAD + 4)

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
        moment = datetime.fromisoformat(entry.created).astimezone()
        if index.data(NewDayRole):
            self._paint_day(painter, option, moment, rect, line)
        body = rect.adjusted(_GUTTER, 0, 0, 0)
        self._paint_entry(painter, option, entry, moment, body, line)
        painter.restore()

    def _paint_day(
        self, painter: QPainter, option: Any, moment: datetime, rect: QRect, line: int
    ) -> None:
        muted = option.palette.color(QPalette.ColorRole.Mid)
        painter.setPen(muted)
        painter.drawLine(rect.left() + _PAD, rect.top(), rect.right() - _PAD, rect.top())
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        day = QRect(rect.left() + _PAD, rect.top() + _PAD, _GUTTER - 2 * _PAD, line)
        painter.drawText(day, Qt.AlignmentFlag.AlignLeft, moment.strftime("%a %d %b"))
        year = QRect(day.left(), day.bottom() + 2, day.width(), line)
        painter.setFont(option.font)
        painter.drawText(year, Qt.AlignmentFlag.AlignLeft, moment.strftime("%Y"))

    def _paint_entry(
        self, painter: QPainter, option: Any, entry: Entry, moment: datetime, rect: QRect, line: int
    ) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        if selected:
            painter.fillRect(
                rect.adjusted(0, 2, -_PAD // 2, -2), palette.color(QPalette.ColorRole.Highlight)
            )
        text = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = text if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        inner = rect.adjusted(_PAD, _PAD, -_PAD, 0)
        meta = f"{moment:%H:%M} · {entry.kind}" + "".join(f"  #{t}" for t in entry.tags)
        painter.setFont(option.font)
        painter.setPen(muted)
        top = QRect(inner.left(), inner.top(), inner.width(), line)
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft, _elide(option.font, meta, inner.width()))
        title_font = QFont(option.font)
        title_font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(title_font)
        painter.setPen(text)
        below = QRect(inner.left(), top.bottom() + 2, inner.width(), line + 2)
        painter.drawText(
            below,
            Qt.AlignmentFlag.AlignLeft,
            _elide(title_font, entry_title(entry.display_title), inner.width()),
        )


def _elide(font: QFont, text: str, width: int) -> str:
    return QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width)
