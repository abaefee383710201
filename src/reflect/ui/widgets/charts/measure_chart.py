"""A measure's run chart or XmR chart, as NHS improvers read them, drawn with QPainter.

The points joined over a date axis; the median (run chart, under 20 points) or the mean, solid,
and the process limits, dashed (XmR, from 20); the goal; the points a signal covers, marked by
shape and colour; the variation and assurance icons as labelled badges; and the inquiry's
story (PDSA cycles, programme events, rewordings, actions) as lettered markers under the plot.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import partial
from itertools import pairwise

from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QHelpEvent, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from reflect.core.signal import Direction
from reflect.core.spc import Assurance, Variation
from reflect.services.measure_story import StoryMarker
from reflect.ui.texts import day_text
from reflect.ui.widgets.charts.chart_base import ChartWidget, blend, number_text
from reflect.ui.widgets.charts.measure_marks import (
    Badge,
    direction_colour,
    draw_badges,
    draw_letter_disc,
    draw_point,
    draw_points,
    draw_wrapping_legend,
    goal_colour,
)
from reflect.ui.widgets.charts.measure_model import LineKind, MeasureModel
from reflect.ui.widgets.charts.measure_words import ChartWords

Sample = Callable[[QPainter, QRectF], None]  # draws a legend item's sample in a box
PAD = 12.0
STORY_ROW = 18.0


class MeasureChart(ChartWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.words = ChartWords()
        self.model = MeasureModel("", "")
        self._ticks: list[float] | None = None
        self.plot = QRectF()  # where the last drawing put the plot, for tooltips and tests
        self._hits: list[tuple[QRectF, Callable[[], str]]] = []
        self.setMinimumSize(360, 360)
        self.setMouseTracking(True)
        self.announce()

    def set_model(self, model: MeasureModel) -> None:
        self.model = model
        self._ticks = None
        self.announce()

    # Words and numbers --------------------------------------------------------------------

    def table(self) -> tuple[list[str], list[list[str]]]:
        return self.words.table(self.model)

    def summary(self) -> str:
        return self.words.summary(self.model)

    # Geometry -----------------------------------------------------------------------------

    def value_range(self) -> tuple[float, float]:
        values = [*self.model.values, *(line.value for line in self.model.lines)]
        low, high = min(values), max(values)
        if math.isclose(low, high):
            low, high = low - 1, high + 1
        return low, high

    def x_of(self, index: int, plot: QRectF) -> float:
        return self._x_of_day(self.model.days[index].toordinal(), plot)

    def _x_of_day(self, ordinal: int, plot: QRectF) -> float:
        first, last = self.model.days[0].toordinal(), self.model.days[-1].toordinal()
        if first == last:
            return plot.center().x()
        return plot.left() + PAD + (ordinal - first) / (last - first) * (plot.width() - 2 * PAD)

    def y_of(self, value: float, plot: QRectF) -> float:
        low, high = self.ticks()[0], self.ticks()[-1]
        return plot.bottom() - PAD - (value - low) / (high - low) * (plot.height() - 2 * PAD)

    def ticks(self) -> list[float]:
        if self._ticks is None:  # once a model: y_of asks for every point
            self._ticks = nice_ticks(*self.value_range())
        return self._ticks

    # Drawing ------------------------------------------------------------------------------

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        self._hits = []
        area = rect.adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN)
        if not self.model.values:
            self.draw_empty(painter, area, self.words.no_values())
            return
        painter.setFont(self.small_font())
        metrics = QFontMetricsF(painter.font())
        painter.setBackground(self.colour(self.backgroundRole()))
        top = draw_badges(painter, self._badges(), area.left(), area.top(), self.text_colour())
        story_h = STORY_ROW + 6 if self.model.story else 0.0
        axis_w = 8 + max(metrics.horizontalAdvance(number_text(t)) for t in self.ticks())
        label_w = 8 + max(
            (
                metrics.horizontalAdvance(self._line_label(ln.kind, ln.value))
                for ln in self.model.lines
            ),
            default=0.0,
        )
        across = QRectF(area).adjusted(axis_w, 0, -label_w, 0)  # x depends only on these
        legend = self._legend_items(across)
        legend_h = draw_wrapping_legend(painter, legend, area, self.text_colour(), draw=False)
        bottom = legend_h + story_h + 2 * metrics.height() + 16
        plot = across.adjusted(0, top + 10, 0, -bottom)
        self.plot = plot
        self._draw_value_axis(painter, plot, metrics)
        self._draw_story(painter, plot, metrics)
        self._draw_lines(painter, plot, metrics)
        self._draw_points(painter, plot)
        self._draw_date_axis(painter, plot, metrics, plot.bottom() + story_h)
        legend_area = QRectF(area.left(), area.bottom() - legend_h, area.width(), legend_h)
        draw_wrapping_legend(painter, legend, legend_area, self.text_colour())

    def _draw_value_axis(self, painter: QPainter, plot: QRectF, metrics: QFontMetricsF) -> None:
        for tick in self.ticks():
            self.draw_gridline(painter, plot, self.y_of(tick, plot), number_text(tick), metrics)

    def _line_label(self, kind: LineKind, value: float) -> str:
        return f"{self.words.line_name(kind)} {number_text(value)}"

    def _line_pen(self, kind: LineKind) -> QPen:
        if kind is LineKind.GOAL:
            pen = QPen(goal_colour(self.palette()), 1.8, Qt.PenStyle.DashDotLine)
        elif kind in (LineKind.UPPER, LineKind.LOWER):
            pen = QPen(self.muted_colour(), 1.4, Qt.PenStyle.DashLine)
        else:  # the centre line: solid, as Making Data Count draws it
            pen = QPen(blend(self.colour(self.backgroundRole()), self.text_colour(), 0.75), 1.6)
        return pen

    def _draw_lines(self, painter: QPainter, plot: QRectF, metrics: QFontMetricsF) -> None:
        placed: list[float] = []
        for line in sorted(self.model.lines, key=lambda item: -item.value):
            y = self.y_of(line.value, plot)
            pen = self._line_pen(line.kind)
            painter.setPen(pen)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            label_y = max(y, placed[-1] + metrics.height()) if placed else y
            placed.append(label_y)
            painter.setPen(pen.color())
            text = self._line_label(line.kind, line.value)
            painter.drawText(QPointF(plot.right() + 6, label_y + metrics.ascent() / 2 - 1), text)

    def _draw_points(self, painter: QPainter, plot: QRectF) -> None:
        centres = [
            QPointF(self.x_of(i, plot), self.y_of(v, plot)) for i, v in enumerate(self.model.values)
        ]
        pen = QPen(blend(self.colour(self.backgroundRole()), self.text_colour(), 0.5), 1.6)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)  # round ends join the segments smoothly
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        # Separate segments: one stroked outline of a dense zigzag (a path or a polyline) takes
        # Qt most of a frame for 300 points; segments take a fraction of it.
        painter.drawLines([QLineF(a, b) for a, b in pairwise(centres)])
        for direction in (Direction.NEUTRAL, Direction.CONCERN, Direction.IMPROVEMENT):
            chosen = [
                c
                for i, c in enumerate(centres)
                if self.model.marks.get(i, Direction.NEUTRAL) is direction
            ]
            draw_points(painter, self.palette(), chosen, direction)
        for i, centre in enumerate(centres):
            box = QRectF(centre.x() - 6, centre.y() - 6, 12, 12)
            # The words only when asked: writing every point's tip would cost each repaint.
            self._hits.append((box, partial(self.words.point_tip, self.model, i)))

    def _draw_story(self, painter: QPainter, plot: QRectF, metrics: QFontMetricsF) -> None:
        guide = QPen(blend(self.colour(self.backgroundRole()), self.text_colour(), 0.22), 1)
        guide.setStyle(Qt.PenStyle.DotLine)
        # Markers closer than a disc's width are drawn as one, with how many it stands for
        # (a number instead of a letter), so none hides another; the tooltip and table list all.
        for x, markers in self._clusters(plot):
            painter.setPen(guide)
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            centre = QPointF(x, plot.bottom() + 4 + STORY_ROW / 2)
            single = len(markers) == 1
            letter = self.words.story_letter(markers[0].kind) if single else str(len(markers))
            draw_letter_disc(
                painter, centre, STORY_ROW / 2 - 1, self.text_colour(), letter, not single
            )
            tip = partial(self.words.story_tip, markers)
            self._hits.append((QRectF(x - 9, centre.y() - 9, 18, 18), tip))

    def _clusters(self, plot: QRectF) -> list[tuple[float, list[StoryMarker]]]:
        """The story's markers grouped where they would touch, with each group's x."""
        clusters: list[tuple[float, list[StoryMarker]]] = []
        for marker in self.model.story:
            x = self._x_of_day(marker.day.toordinal(), plot)
            if clusters and x - clusters[-1][0] < STORY_ROW:
                clusters[-1][1].append(marker)
            else:
                clusters.append((x, [marker]))
        return clusters

    def _draw_date_axis(
        self, painter: QPainter, plot: QRectF, metrics: QFontMetricsF, top: float
    ) -> None:
        painter.setPen(self.muted_colour())
        shown_until, year = -1e9, None
        for i, day in enumerate(self.model.days):
            text = day_text(day, "d MMM")
            width = metrics.horizontalAdvance(text)
            x = self.x_of(i, plot)
            left = min(max(x - width / 2, plot.left() - 8), plot.right() + 4 - width)
            if left < shown_until + 10:
                continue  # too close to the last date written; the table has every date
            painter.drawLine(QPointF(x, top), QPointF(x, top + 4))
            baseline = top + 6 + metrics.ascent()
            painter.drawText(QPointF(left, baseline), text)
            if day.year != year:
                painter.drawText(QPointF(left, baseline + metrics.height()), str(day.year))
            shown_until, year = left + width, day.year

    def _badges(self) -> list[Badge]:
        model, palette = self.model, self.palette()
        if not model.xmr:
            grey = direction_colour(palette, Direction.NEUTRAL)
            return [Badge("R", grey, self.words.run_chart_badge(len(model.values)), filled=False)]
        variation = model.variation or Variation.COMMON_CAUSE
        direction = {
            Variation.IMPROVEMENT_HIGH: Direction.IMPROVEMENT,
            Variation.IMPROVEMENT_LOW: Direction.IMPROVEMENT,
            Variation.CONCERN_HIGH: Direction.CONCERN,
            Variation.CONCERN_LOW: Direction.CONCERN,
        }.get(variation, Direction.NEUTRAL)
        high = variation in (Variation.IMPROVEMENT_HIGH, Variation.CONCERN_HIGH)
        letter = "~" if direction is Direction.NEUTRAL else "H" if high else "L"
        badges = [
            Badge(letter, direction_colour(palette, direction), self.words.variation(variation))
        ]
        if model.assurance is not None:
            kind = {
                Assurance.CONSISTENTLY_PASS: (Direction.IMPROVEMENT, "P"),
                Assurance.CONSISTENTLY_FAIL: (Direction.CONCERN, "F"),
                Assurance.HIT_AND_MISS: (Direction.NEUTRAL, "?"),
            }[model.assurance]
            badges.append(
                Badge(
                    kind[1],
                    direction_colour(palette, kind[0]),
                    self.words.assurance(model.assurance),
                )
            )
        return badges

    def _legend_items(self, across: QRectF) -> list[tuple[Sample, str]]:
        items: list[tuple[Sample, str]] = []
        shown = set(self.model.marks.values())
        if len(self.model.marks) < len(self.model.values):
            shown.add(Direction.NEUTRAL)
        for direction in (Direction.IMPROVEMENT, Direction.CONCERN, Direction.NEUTRAL):
            if direction in shown:
                name = self.words.mark_name(direction, self.model.xmr)
                items.append((self._point_sample(direction), name))
        for kind in dict.fromkeys(m.kind for m in self.model.story):
            sample = self._disc_sample(self.words.story_letter(kind), filled=False)
            items.append((sample, self.words.story_name(kind)))
        if len(self._clusters(across)) < len(self.model.story):
            items.append((self._disc_sample("2", filled=True), self.words.story_cluster()))
        return items

    def _point_sample(self, direction: Direction) -> Sample:
        def sample(painter: QPainter, box: QRectF) -> None:
            draw_point(painter, self.palette(), box.center(), direction)

        return sample

    def _disc_sample(self, letter: str, filled: bool) -> Sample:
        def sample(painter: QPainter, box: QRectF) -> None:
            radius = STORY_ROW / 2 - 1
            draw_letter_disc(painter, box.center(), radius, self.text_colour(), letter, filled)

        return sample

    # Tooltips -----------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:  # a Qt override
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tip_at(QPointF(event.pos()))
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            event.accept()
            return True
        return super().event(event)

    def tip_at(self, position: QPointF) -> str:
        """What the chart says about the point or story marker under ``position``."""
        return next((tip() for box, tip in reversed(self._hits) if box.contains(position)), "")


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round numbers from at or below ``low`` to at or above ``high``, about ``count`` steps."""
    raw = (high - low) / max(count - 1, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    ticks = [first]
    while ticks[-1] < high - 1e-9 * step:
        ticks.append(first + len(ticks) * step)
    return [round(t, 10) for t in ticks]
