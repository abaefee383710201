"""The radar chart: the latest self-assessment, with the one before it ghosted behind."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from reflect.ui.widgets.charts.chart_base import (
    ChartWidget,
    Marker,
    Series,
    draw_marker,
    number_text,
)
from reflect.ui.widgets.charts.legend import LegendItem, draw_legend, legend_height


class RadarChart(ChartWidget):
    """One spoke per domain; rings are the steps of the scale, the lowest step innermost."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.axes: tuple[str, ...] = ()
        self.low, self.high = 1, 5
        self.latest: Series | None = None
        self.previous: Series | None = None
        self.setMinimumSize(420, 340)
        self.announce()

    def set_data(
        self,
        axes: Sequence[str],
        low: int,
        high: int,
        latest: Series | None,
        previous: Series | None = None,
    ) -> None:
        self.axes = tuple(axes)
        self.low, self.high = low, max(high, low + 1)
        self.latest, self.previous = latest, previous if latest else None
        self.announce()

    def series(self) -> tuple[Series, ...]:
        """What is drawn, latest first."""
        return tuple(s for s in (self.latest, self.previous) if s is not None)

    # Words and numbers --------------------------------------------------------------------

    def table(self) -> tuple[list[str], list[list[str]]]:
        headers = [self.tr("Domain")]
        if self.latest:
            headers.append(self.tr("Latest ({0})").format(self.latest.name))
        if self.previous:
            headers += [self.tr("Previous ({0})").format(self.previous.name), self.tr("Change")]
        rows = []
        for n, axis in enumerate(self.axes):
            row = [axis, *(number_text(s.values[n]) for s in self.series())]
            if self.latest and self.previous:
                row.append(_change(self.latest.values[n], self.previous.values[n]))
            rows.append(row)
        return headers, rows if self.latest else []

    def summary(self) -> str:
        if self.latest is None:
            return self.tr("No self-assessment yet.")
        text = self.tr("Latest self-assessment, {0}: {1}.").format(
            self.latest.name, self._scores(self.latest)
        )
        if self.previous:
            text += " " + self.tr("Previous, {0}: {1}.").format(
                self.previous.name, self._scores(self.previous)
            )
        return text

    def _scores(self, series: Series) -> str:
        return ", ".join(
            self.tr("{0} {1} of {2}").format(axis, number_text(value), self.high)
            for axis, value in zip(self.axes, series.values, strict=False)
        )

    # Drawing ------------------------------------------------------------------------------

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        area = rect.adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN)
        if self.latest is None or not self.axes:
            self.draw_empty(painter, area, self.tr("No self-assessment yet."))
            return
        painter.setFont(self.small_font())
        items = self._legend_items()
        legend_h = legend_height(painter, items, area.width())
        plot = area.adjusted(0, 0, 0, -legend_h - 8)
        label_w = min(max(plot.width() * 0.22, 84.0), 150.0)
        radius = min(
            (plot.width() - 2 * label_w - 24) / 2, plot.height() / 2 - self._label_room(label_w)
        )
        radius = max(radius, 30.0)
        centre = plot.center()
        self._draw_grid(painter, centre, radius)
        for series, ghost in ((self.previous, True), (self.latest, False)):
            if series is not None:
                self._draw_series(painter, centre, radius, series, ghost)
        self._draw_steps(painter, centre, radius)
        self._draw_labels(painter, centre, radius, label_w)
        painter.setFont(self.small_font())
        painter.setPen(self.text_colour())
        draw_legend(painter, items, QRectF(area.left(), plot.bottom() + 8, area.width(), legend_h))

    def _label_room(self, width: float) -> float:
        """Height the labels above and below the web need, wrapped to ``width``."""
        metrics = QFontMetricsF(self.font())
        flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignHCenter)
        ends = [self.axes[0]]
        if len(self.axes) % 2 == 0:
            ends.append(self.axes[len(self.axes) // 2])
        tallest = max(
            metrics.boundingRect(QRectF(0, 0, width, 1000), flags, t).height() for t in ends
        )
        return tallest + 12

    def _angle(self, n: int) -> float:
        return -math.pi / 2 + 2 * math.pi * n / len(self.axes)

    def _point(self, centre: QPointF, radius: float, n: int, value: float | None) -> QPointF:
        steps = self.high - self.low + 1
        fraction = 0.0 if value is None else (value - self.low + 1) / steps
        distance = radius * min(max(fraction, 0.0), 1.0)
        angle = self._angle(n)
        return QPointF(
            centre.x() + distance * math.cos(angle), centre.y() + distance * math.sin(angle)
        )

    def _draw_grid(self, painter: QPainter, centre: QPointF, radius: float) -> None:
        painter.setPen(QPen(self.grid_colour(), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for step in range(self.low, self.high + 1):
            ring = QPolygonF([self._point(centre, radius, n, step) for n in range(len(self.axes))])
            painter.drawPolygon(ring)
        for n in range(len(self.axes)):
            painter.drawLine(centre, self._point(centre, radius, n, self.high))

    def _draw_steps(self, painter: QPainter, centre: QPointF, radius: float) -> None:
        """Number the rings between the first two spokes, on a halo so lines cannot hide them."""
        metrics = QFontMetricsF(painter.font())
        halo = QColor(self.colour(QPalette.ColorRole.Base))
        halo.setAlpha(210)
        angle = self._angle(0) + math.pi / len(self.axes)
        steps = self.high - self.low + 1
        for step in range(self.low, self.high + 1):
            distance = radius * (step - self.low + 1) / steps * math.cos(math.pi / len(self.axes))
            at = QPointF(
                centre.x() + distance * math.cos(angle), centre.y() + distance * math.sin(angle)
            )
            text = str(step)
            box = QRectF(0, 0, metrics.horizontalAdvance(text) + 6, metrics.height())
            box.moveCenter(at)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(halo)
            painter.drawRoundedRect(box, 4, 4)
            painter.setPen(self.muted_colour())
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _draw_series(
        self, painter: QPainter, centre: QPointF, radius: float, series: Series, ghost: bool
    ) -> None:
        colour = self.muted_colour() if ghost else self.colour(QPalette.ColorRole.Highlight)
        fill = QColor(colour)
        fill.setAlpha(30 if ghost else 46)
        pen = QPen(colour, 1.6 if ghost else 2.6)
        pen.setStyle(Qt.PenStyle.DashLine if ghost else Qt.PenStyle.SolidLine)
        points = [self._point(centre, radius, n, v) for n, v in enumerate(series.values)]
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawPolygon(QPolygonF(points))
        painter.setPen(QPen(self.colour(QPalette.ColorRole.Base), 1.5))
        painter.setBrush(colour)
        for point in points:
            draw_marker(painter, Marker.DIAMOND if ghost else Marker.CIRCLE, point, 3.5)

    def _draw_labels(self, painter: QPainter, centre: QPointF, radius: float, width: float) -> None:
        painter.setFont(self.font())
        painter.setPen(self.text_colour())
        metrics = QFontMetricsF(painter.font())
        for n, axis in enumerate(self.axes):
            angle = self._angle(n)
            cos, sin = math.cos(angle), math.sin(angle)
            anchor = QPointF(centre.x() + (radius + 10) * cos, centre.y() + (radius + 10) * sin)
            flags = Qt.TextFlag.TextWordWrap
            if cos > 0.25:
                horizontal, left = Qt.AlignmentFlag.AlignLeft, anchor.x()
            elif cos < -0.25:
                horizontal, left = Qt.AlignmentFlag.AlignRight, anchor.x() - width
            else:
                horizontal, left = Qt.AlignmentFlag.AlignHCenter, anchor.x() - width / 2
            box = metrics.boundingRect(QRectF(0, 0, width, 1000), flags | horizontal, axis)
            if sin < -0.25:
                top = anchor.y() - box.height()
            elif sin > 0.25:
                top = anchor.y()
            else:
                top = anchor.y() - box.height() / 2
            painter.drawText(QRectF(left, top, width, box.height()), flags | horizontal, axis)

    def _legend_items(self) -> list[LegendItem]:
        items = []
        if self.latest:
            highlight = self.colour(QPalette.ColorRole.Highlight)
            items.append(LegendItem(self.tr("{0} (latest)").format(self.latest.name), highlight))
        if self.previous:
            items.append(
                LegendItem(
                    self.tr("{0} (previous)").format(self.previous.name),
                    self.muted_colour(),
                    Qt.PenStyle.DashLine,
                    Marker.DIAMOND,
                )
            )
        return items


def _change(latest: float | None, previous: float | None) -> str:
    if latest is None or previous is None:
        return "–"
    diff = latest - previous
    return f"+{number_text(diff)}" if diff > 0 else number_text(diff)
