"""Draws a search result in a row of fixed height: its title, up to two lines of snippet with the
matched words marked, and a muted line of date, kind and tags.

Every row is the same height, so the list measures one row, not each of a hundred, and paints
only the rows on screen: laying out a rich-text document per row, as a general HTML delegate
does, held the window for tens of milliseconds on every keystroke (docs/benchmarks.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate

RowRole = Qt.ItemDataRole.UserRole + 11
SNIPPET_LINES = 2
_PAD = 8
_GAP = 2
_ELLIPSIS = "…"


@dataclass(frozen=True)
class HitRow:
    """What a result row shows: plain strings, made once when the row is added."""

    title: str
    spans: tuple[tuple[str, bool], ...]  # the snippet as (text, matched) pieces
    meta: str

    @property
    def snippet(self) -> str:
        return "".join(text for text, _ in self.spans)


class HitDelegate(QStyledItemDelegate):
    def sizeHint(self, option: Any, index: QModelIndex | QPersistentModelIndex) -> QSize:
        line = QFontMetricsF(option.font).lineSpacing()
        lines = 2 + SNIPPET_LINES
        height = 2 * _PAD + lines * line + 2 * _GAP
        # No width of its own: the list gives each row the viewport's width, and a row as wide
        # as the viewport before its scroll bar appeared would scroll sideways.
        return QSize(1, int(height + 0.999))

    def paint(
        self, painter: QPainter, option: Any, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        row = index.data(RowRole)
        if not isinstance(row, HitRow):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        muted_role = text_role if selected else QPalette.ColorRole.PlaceholderText
        rect = QRectF(option.rect).adjusted(_PAD, _PAD, -_PAD, -_PAD)
        line = QFontMetricsF(option.font).lineSpacing()
        painter.save()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setPen(option.palette.color(text_role))
        top = rect.top()
        _draw_line(painter, bold, row.title, rect.left(), top, rect.width())
        top += line + _GAP
        lines = _draw_snippet(painter, option.font, row, QPointF(rect.left(), top), rect.width())
        top += lines * line + _GAP
        painter.setPen(option.palette.color(muted_role))
        _draw_line(painter, option.font, row.meta, rect.left(), top, rect.width())
        painter.restore()


def _draw_line(
    painter: QPainter, font: QFont, text: str, left: float, top: float, width: float
) -> None:
    metrics = QFontMetricsF(font)
    painter.setFont(font)
    elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    painter.drawText(QPointF(left, top + metrics.ascent()), elided)


def _draw_snippet(
    painter: QPainter,
    font: QFont,
    row: HitRow,
    origin: QPointF,
    width: float,
) -> int:
    """The snippet wrapped to at most SNIPPET_LINES lines, matched words bold and underlined,
    with an ellipsis where it is cut; returns how many lines it took (the line under it follows
    on, and the row's spare room stays below, between rows)."""
    text = row.snippet.replace("\n", " ")
    layout = QTextLayout(text, font)
    layout.setFormats(match_formats(row.spans))
    ellipsis = QFontMetricsF(font).horizontalAdvance(_ELLIPSIS)
    layout.beginLayout()
    y = 0.0
    last = None
    lines = 0
    for n in range(SNIPPET_LINES):
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width - ellipsis if n == SNIPPET_LINES - 1 else width)
        line.setPosition(QPointF(0, y))
        y += line.height()
        last = line
        lines += 1
    layout.endLayout()
    layout.draw(painter, origin)
    if last is not None and last.textStart() + last.textLength() < _qt_length(text):
        painter.setFont(font)
        corner = origin + QPointF(last.naturalTextWidth(), last.y() + last.ascent())
        painter.drawText(corner, _ELLIPSIS)
    return lines


def match_formats(spans: tuple[tuple[str, bool], ...]) -> list[QTextLayout.FormatRange]:
    marked = QTextCharFormat()
    marked.setFontWeight(QFont.Weight.Bold)
    marked.setFontUnderline(True)
    ranges = []
    start = 0
    for piece, is_match in spans:
        if is_match and piece:
            mark: Any = QTextLayout.FormatRange()  # the stubs omit its fields
            mark.start, mark.length, mark.format = start, _qt_length(piece), marked
            ranges.append(mark)
        start += _qt_length(piece)
    return ranges


def _qt_length(text: str) -> int:
    """Length as Qt counts it (UTF-16 code units): an emoji is two, where Python counts one."""
    return len(text.encode("utf-16-le")) // 2
