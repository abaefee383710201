"""Chart legends: a sample of each series' line, marker or swatch beside its name, in rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from reflect.ui.widgets.charts.chart_base import Marker, draw_marker

SAMPLE = 26.0  # width of the line sample
GAP = 18.0  # between items
ROW_GAP = 4.0


@dataclass(frozen=True)
class LegendItem:
    text: str
    colour: QColor
    pen_style: Qt.PenStyle = Qt.PenStyle.SolidLine
    marker: Marker | None = Marker.CIRCLE
    swatch: bool = False  # a filled square (bars) instead of a line sample


def _widths(painter: QPainter, items: Sequence[LegendItem]) -> list[float]:
    metrics = QFontMetricsF(painter.font())
    return [SAMPLE + 6 + metrics.horizontalAdvance(item.text) for item in items]


def _rows(painter: QPainter, items: Sequence[LegendItem], width: float) -> list[list[int]]:
    """Item indexes per row, filling each row before starting the next."""
    rows: list[list[int]] = [[]]
    used = 0.0
    for n, item_width in enumerate(_widths(painter, items)):
        if rows[-1] and used + GAP + item_width > width:
            rows.append([])
            used = 0.0
        used += (GAP if rows[-1] else 0.0) + item_width
        rows[-1].append(n)
    return rows if items else []


def legend_height(painter: QPainter, items: Sequence[LegendItem], width: float) -> float:
    line = QFontMetricsF(painter.font()).height()
    count = len(_rows(painter, items, width))
    return count * line + max(count - 1, 0) * ROW_GAP


def draw_legend(
    painter: QPainter,
    items: Sequence[LegendItem],
    rect: QRectF,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignHCenter,
) -> None:
    """Draw ``items`` in rows inside ``rect``, each row centred (or left/right aligned)."""
    widths = _widths(painter, items)
    line = QFontMetricsF(painter.font()).height()
    y = rect.top()
    for row in _rows(painter, items, rect.width()):
        total = sum(widths[n] for n in row) + GAP * (len(row) - 1)
        x = rect.left()
        if align == Qt.AlignmentFlag.AlignHCenter:
            x += (rect.width() - total) / 2
        elif align == Qt.AlignmentFlag.AlignRight:
            x += rect.width() - total
        for n in row:
            _draw_item(painter, items[n], QRectF(x, y, widths[n], line))
            x += widths[n] + GAP
        y += line + ROW_GAP


def _draw_item(painter: QPainter, item: LegendItem, rect: QRectF) -> None:
    middle = rect.center().y()
    painter.save()
    if item.swatch:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(item.colour)
        size = min(rect.height() - 4, 12.0)
        painter.drawRoundedRect(
            QRectF(rect.left() + (SAMPLE - size) / 2, middle - size / 2, size, size), 2, 2
        )
    else:
        pen = QPen(item.colour, 2.2)
        pen.setStyle(item.pen_style)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(rect.left(), middle), QPointF(rect.left() + SAMPLE, middle))
        if item.marker is not None:
            painter.setPen(QPen(item.colour, 1.5))
            painter.setBrush(item.colour)
            draw_marker(painter, item.marker, QPointF(rect.left() + SAMPLE / 2, middle), 3.5)
    painter.restore()
    painter.drawText(
        QRectF(rect.left() + SAMPLE + 6, rect.top(), rect.width() - SAMPLE - 6, rect.height()),
        Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
        item.text,
    )
