"""Grouped bars per month: actions started, stopped and done."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QWidget

from reflect.ui.texts import day_text
from reflect.ui.widgets.charts.chart_base import (
    ChartWidget,
    Series,
    number_text,
    series_styles,
)
from reflect.ui.widgets.charts.legend import LegendItem, draw_legend, legend_height

MAX_BAR = 22.0


def nice_step(top: float, ticks: int = 4) -> int:
    """A round step (1, 2, 5, 10, 20, …) that covers ``top`` in about ``ticks`` steps."""
    raw = max(top / ticks, 1.0)
    magnitude = 10 ** math.floor(math.log10(raw))
    return int(next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw))


class MonthlyBars(ChartWidget):
    """x: months (the first day of each); one bar per series in each month."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.months: tuple[date, ...] = ()
        self.bars: tuple[Series, ...] = ()
        self.setMinimumSize(520, 260)
        self.announce()

    def set_data(self, months: Sequence[date], bars: Sequence[Series]) -> None:
        self.months, self.bars = tuple(months), tuple(bars)
        self.announce()

    def top(self) -> float:
        return max((v or 0 for s in self.bars for v in s.values), default=0)

    # Words and numbers --------------------------------------------------------------------

    def table(self) -> tuple[list[str], list[list[str]]]:
        headers = [self.tr("Month"), *(s.name for s in self.bars)]
        rows = [
            [day_text(month, "MMMM yyyy"), *(number_text(s.values[n]) for s in self.bars)]
            for n, month in enumerate(self.months)
        ]
        return headers, rows

    def summary(self) -> str:
        if not self.months:
            return self.tr("No months to show.")
        totals = ", ".join(
            f"{number_text(sum(v or 0 for v in s.values))} {s.name.lower()}" for s in self.bars
        )
        return self.tr("{0} to {1}: {2}.").format(
            day_text(self.months[0], "MMMM yyyy"), day_text(self.months[-1], "MMMM yyyy"), totals
        )

    # Drawing ------------------------------------------------------------------------------

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        area = rect.adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN)
        if not self.months or not self.bars:
            self.draw_empty(painter, area, self.tr("No months to show."))
            return
        painter.setFont(self.small_font())
        metrics = QFontMetricsF(painter.font())
        styles = series_styles(self.palette(), len(self.bars))
        items = [
            LegendItem(s.name, style.colour, swatch=True)
            for s, style in zip(self.bars, styles, strict=True)
        ]
        legend_h = legend_height(painter, items, area.width())
        step = nice_step(self.top())
        # A step of headroom above the tallest bar leaves room for its number.
        top = max(step * (math.floor(self.top() / step) + 1), step * 2)
        axis_w = metrics.horizontalAdvance(str(top)) + 10
        plot = area.adjusted(
            axis_w, metrics.height() / 2 + 4, 0, -(2 * metrics.height() + legend_h + 16)
        )
        self._draw_grid(painter, plot, top, step, metrics)
        group = plot.width() / len(self.months)
        bar = min(group * 0.78 / len(self.bars), MAX_BAR)
        for n, month in enumerate(self.months):
            left = plot.left() + n * group + (group - bar * len(self.bars)) / 2
            for k, (series, style) in enumerate(zip(self.bars, styles, strict=True)):
                value = series.values[n] or 0
                height = plot.height() * value / top
                box = QRectF(left + k * bar + 1, plot.bottom() - height, bar - 2, height)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(style.colour)
                painter.drawRoundedRect(box, 2, 2)
                if value and metrics.horizontalAdvance(number_text(value)) <= bar + 6:
                    painter.setPen(self.text_colour())
                    painter.drawText(
                        QRectF(
                            box.left() - 6,
                            box.top() - metrics.height() - 1,
                            box.width() + 12,
                            metrics.height(),
                        ),
                        Qt.AlignmentFlag.AlignCenter,
                        number_text(value),
                    )
            self._draw_month(
                painter, month, n, plot.left() + n * group + group / 2, plot.bottom(), metrics
            )
        painter.setPen(self.text_colour())
        draw_legend(
            painter, items, QRectF(area.left(), area.bottom() - legend_h, area.width(), legend_h)
        )

    def _draw_grid(
        self, painter: QPainter, plot: QRectF, top: float, step: int, metrics: QFontMetricsF
    ) -> None:
        for value in range(0, int(top) + 1, step):
            y = plot.bottom() - plot.height() * value / top
            painter.setPen(QPen(self.grid_colour(), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(self.muted_colour())
            box = QRectF(plot.left() - 60, y - metrics.height() / 2, 52, metrics.height())
            painter.drawText(
                box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value)
            )

    def _draw_month(
        self, painter: QPainter, month: date, n: int, x: float, y: float, metrics: QFontMetricsF
    ) -> None:
        painter.setPen(self.muted_colour())
        lines = [day_text(month, "MMM")]
        if n == 0 or month.month == 1:
            lines.append(str(month.year))
        for k, text in enumerate(lines):
            width = metrics.horizontalAdvance(text)
            painter.drawText(
                QPointF(x - width / 2, y + 6 + metrics.ascent() + k * metrics.height()), text
            )
