"""One rated domain across a programme's time points: the median joined by a line, the
interquartile range as a band behind it, and the words "not shown" where a figure is withheld.

Drawn like the other Insights charts (``chart_base.py``): palette colours, so it reads in light
and dark; a legend that tells the band from the line without colour; a table and a summary of
the same numbers for a screen reader. The cohort report draws it on paper (light palette).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QWidget

from reflect.core.evaluation_stats import Spread
from reflect.ui.widgets.charts.chart_base import (
    ChartWidget,
    Marker,
    draw_marker,
    number_text,
    series_styles,
)
from reflect.ui.widgets.charts.legend import LegendItem, draw_legend, legend_height

PAD = 36.0  # beside the first and last time points, so their bands are not clipped
BAND = 22.0  # the interquartile range's width, in pixels


class SpreadChart(ChartWidget):
    """x: the time points, evenly spaced; y: the domain's scale."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.points: tuple[str, ...] = ()
        self.spreads: tuple[Spread, ...] = ()
        self.low, self.high = 1, 5
        self.setMinimumSize(420, 300)
        self.announce()

    def set_data(
        self, points: Sequence[str], spreads: Sequence[Spread], low: int, high: int
    ) -> None:
        self.points, self.spreads = tuple(points), tuple(spreads)
        self.low, self.high = low, max(high, low + 1)
        self.announce()

    # Words and numbers --------------------------------------------------------------------

    def table(self) -> tuple[list[str], list[list[str]]]:
        headers = [self.tr("Time point"), self.tr("Returns"), self.tr("Median"), self.tr("IQR")]
        rows = []
        for point, s in zip(self.points, self.spreads, strict=True):
            if s.withheld:
                rows.append([point, self.tr("not shown"), "", ""])
            else:
                iqr = f"{number_text(s.q1)}–{number_text(s.q3)}"
                rows.append([point, str(s.n), number_text(s.median), iqr])
        return headers, rows

    def summary(self) -> str:
        shown = [(p, s) for p, s in zip(self.points, self.spreads, strict=True) if not s.withheld]
        if not shown:
            return self.tr("No figures to show.")
        return "; ".join(
            self.tr("{0}: median {1}, middle half {2} to {3}").format(
                point, number_text(s.median), number_text(s.q1), number_text(s.q3)
            )
            for point, s in shown
        )

    # Drawing ------------------------------------------------------------------------------

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        style = series_styles(self.palette(), 1)[0]  # one series: the medians
        painter.setFont(self.small_font())
        metrics = QFontMetricsF(painter.font())
        area = rect.adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN)
        if not self.points:
            self.draw_empty(painter, area, self.tr("No figures to show."))
            return
        band = QColor(style.colour)
        band.setAlphaF(0.28)
        items = [
            LegendItem(self.tr("Median"), style.colour, marker=style.marker),
            LegendItem(self.tr("Interquartile range"), band, marker=None, swatch=True),
        ]
        legend_h = legend_height(painter, items, area.width())
        axis_w = 10 + max(metrics.horizontalAdvance(str(n)) for n in range(self.low, self.high + 1))
        plot = area.adjusted(axis_w, 0, -4, -(legend_h + metrics.height() + 16))
        self._draw_axes(painter, plot, metrics)
        medians: list[QPointF | None] = []
        for n, s in enumerate(self.spreads):
            x = self._x(plot, n)
            if s.median is None or s.q1 is None or s.q3 is None:
                painter.setPen(self.muted_colour())
                box = QRectF(
                    x - 60, plot.center().y() - metrics.height(), 120, metrics.height() * 2
                )
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.tr("not shown"))
                medians.append(None)
                continue
            top, bottom = self._y(plot, s.q3), self._y(plot, s.q1)
            painter.setPen(QPen(style.colour, 1))
            painter.setBrush(band)
            height = max(bottom - top, 4.0)  # a range of nothing (q1 = q3) is still seen
            middle = (top + bottom) / 2
            painter.drawRect(QRectF(x - BAND / 2, middle - height / 2, BAND, height))
            medians.append(QPointF(x, self._y(plot, s.median)))
        self._draw_medians(painter, medians, style.colour, style.marker)
        painter.setPen(self.text_colour())
        draw_legend(
            painter, items, QRectF(area.left(), area.bottom() - legend_h, area.width(), legend_h)
        )

    def _x(self, plot: QRectF, index: int) -> float:
        if len(self.points) == 1:
            return plot.center().x()
        return plot.left() + PAD + index * (plot.width() - 2 * PAD) / (len(self.points) - 1)

    def _y(self, plot: QRectF, value: float) -> float:
        fraction = (value - self.low) / (self.high - self.low)
        return plot.bottom() - 10 - fraction * (plot.height() - 20)

    def _draw_axes(self, painter: QPainter, plot: QRectF, metrics: QFontMetricsF) -> None:
        for step in range(self.low, self.high + 1):
            self.draw_gridline(painter, plot, self._y(plot, step), str(step), metrics)
        painter.setPen(self.muted_colour())
        slot = (plot.width() - 2 * PAD) / max(len(self.points) - 1, 1) + 2 * PAD / 3
        for n, point in enumerate(self.points):
            x = self._x(plot, n)
            text = metrics.elidedText(point, Qt.TextElideMode.ElideRight, max(slot - 8, 40))
            box = QRectF(x - slot / 2, plot.bottom() + 6, slot, metrics.height())
            painter.drawText(box, Qt.AlignmentFlag.AlignHCenter, text)

    def _draw_medians(
        self, painter: QPainter, medians: list[QPointF | None], colour: QColor, marker: Marker
    ) -> None:
        pen = QPen(colour, 2.2)
        painter.setPen(pen)
        for before, after in pairwise(medians):
            if before is not None and after is not None:  # no line across a withheld point
                painter.drawLine(before, after)
        painter.setPen(QPen(self.colour(self.backgroundRole()), 1.2))
        painter.setBrush(colour)
        for centre in medians:
            if centre is not None:
                draw_marker(painter, marker, centre, 5.0)
