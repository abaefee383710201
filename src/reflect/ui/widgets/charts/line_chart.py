"""The line chart: each domain's self-assessed score over time."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QWidget

from reflect.ui.texts import day_text
from reflect.ui.widgets.charts.chart_base import (
    ChartWidget,
    Series,
    SeriesStyle,
    draw_marker,
    number_text,
    series_styles,
)
from reflect.ui.widgets.charts.legend import LegendItem, draw_legend, legend_height

PAD = 14.0  # inside the plot, so markers on the edges are not clipped
WIDE_ENOUGH_FOR_WORDS = 640.0  # below this the scale shows numbers only
SPREAD = 2.5  # pixels between series with equal values, so overlapping lines stay visible


class LineChart(ChartWidget):
    """x: the dates of the assessments, spaced by time; y: the framework's scale."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.dates: tuple[date, ...] = ()
        self.lines: tuple[Series, ...] = ()
        self.step_labels: dict[int, str] = {}
        self.low, self.high = 1, 5
        self.setMinimumSize(420, 340)
        self.announce()

    def set_data(
        self,
        dates: Sequence[date],
        lines: Sequence[Series],
        low: int,
        high: int,
        step_labels: Mapping[int, str] | None = None,
    ) -> None:
        """``step_labels`` name the steps of the scale; shown beside the numbers when wide."""
        self.dates, self.lines = tuple(dates), tuple(lines)
        self.low, self.high = low, max(high, low + 1)
        self.step_labels = dict(step_labels or {})
        self.announce()

    def step_text(self, step: int, wide: bool) -> str:
        words = self.step_labels.get(step, "") if wide else ""
        return f"{words}  {step}" if words else str(step)

    # Words and numbers --------------------------------------------------------------------

    def table(self) -> tuple[list[str], list[list[str]]]:
        headers = [self.tr("Domain"), *(day_text(d) for d in self.dates)]
        return headers, [[s.name, *(number_text(v) for v in s.values)] for s in self.lines]

    def summary(self) -> str:
        if not self.dates:
            return self.tr("No self-assessments yet.")
        if len(self.dates) == 1:
            span = self.tr("One self-assessment, {0}.").format(day_text(self.dates[0]))
        else:
            span = self.tr("%n self-assessment(s) from {0} to {1}.", "", len(self.dates)).format(
                day_text(self.dates[0]), day_text(self.dates[-1])
            )
        moves = "; ".join(
            self.tr("{0}: {1} to {2}").format(
                s.name, number_text(s.values[0]), number_text(s.values[-1])
            )
            for s in self.lines
            if s.values
        )
        return f"{span} {moves}." if moves else span

    # Drawing ------------------------------------------------------------------------------

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        area = rect.adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN)
        if not self.dates:
            self.draw_empty(painter, area, self.tr("No self-assessments yet."))
            return
        painter.setFont(self.small_font())
        metrics = QFontMetricsF(painter.font())
        styles = series_styles(self.palette(), len(self.lines))
        items = [
            LegendItem(s.name, style.colour, style.pen_style, style.marker)
            for s, style in zip(self.lines, styles, strict=True)
        ]
        legend_h = legend_height(painter, items, area.width())
        wide = area.width() >= WIDE_ENOUGH_FOR_WORDS
        axis_w = 10 + max(
            metrics.horizontalAdvance(self.step_text(n, wide))
            for n in range(self.low, self.high + 1)
        )
        bottom = legend_h + 2 * metrics.height() + 20
        plot = area.adjusted(axis_w, 0, -4, -bottom)
        self._draw_axes(painter, plot, metrics, wide)
        for n, (line, style) in enumerate(zip(self.lines, styles, strict=True)):
            offset = (n - (len(self.lines) - 1) / 2) * SPREAD
            self._draw_line(painter, plot, line, style, offset)
        painter.setPen(self.text_colour())
        draw_legend(
            painter, items, QRectF(area.left(), area.bottom() - legend_h, area.width(), legend_h)
        )

    def _x(self, plot: QRectF, day: date) -> float:
        first, last = self.dates[0], self.dates[-1]
        if first == last:
            return plot.center().x()
        fraction = (day - first).days / (last - first).days
        return plot.left() + PAD + fraction * (plot.width() - 2 * PAD)

    def _y(self, plot: QRectF, value: float) -> float:
        fraction = (value - self.low) / (self.high - self.low)
        return plot.bottom() - PAD - fraction * (plot.height() - 2 * PAD)

    def _draw_axes(
        self, painter: QPainter, plot: QRectF, metrics: QFontMetricsF, wide: bool
    ) -> None:
        for step in range(self.low, self.high + 1):
            y = self._y(plot, step)
            painter.setPen(QPen(self.grid_colour(), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(self.muted_colour())
            label = QRectF(plot.left() - 400, y - metrics.height() / 2, 392, metrics.height())
            painter.drawText(
                label,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self.step_text(step, wide),
            )
        painter.setPen(self.muted_colour())
        shown_until = plot.left() - 1000.0
        year = None
        for day in self.dates:
            text = day_text(day, "d MMM")
            width = metrics.horizontalAdvance(text)
            x = self._x(plot, day)
            left = min(max(x - width / 2, plot.left() - 8), plot.right() + 4 - width)
            if left < shown_until + 8:
                continue  # too close to the last date written; the table has every date
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
            baseline = plot.bottom() + 6 + metrics.ascent()
            painter.drawText(QPointF(left, baseline), text)
            if day.year != year:  # the year under the first date and wherever it changes
                width_year = metrics.horizontalAdvance(str(day.year))
                painter.drawText(
                    QPointF(left + (width - width_year) / 2, baseline + metrics.height()),
                    str(day.year),
                )
            shown_until, year = left + width, day.year

    def _draw_line(
        self, painter: QPainter, plot: QRectF, line: Series, style: SeriesStyle, offset: float
    ) -> None:
        points = [
            None if v is None else QPointF(self._x(plot, d), self._y(plot, v) + offset)
            for d, v in zip(self.dates, line.values, strict=False)
        ]
        path = QPainterPath()
        drawing = False
        for point in points:
            if point is None:
                drawing = False
            elif drawing:
                path.lineTo(point)
            else:
                path.moveTo(point)
                drawing = True
        pen = QPen(style.colour, 2.2)
        pen.setStyle(style.pen_style)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setPen(QPen(self.colour(QPalette.ColorRole.Base), 1.2))
        painter.setBrush(style.colour)
        for point in points:
            if point is not None:
                draw_marker(painter, style.marker, point, 4.2)
