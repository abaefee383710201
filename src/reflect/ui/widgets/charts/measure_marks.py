"""The small drawings of a measure's chart: point shapes, the variation and assurance badges,
the story's markers, and a legend that wraps. Colour is never the only cue: each kind has a
shape or a letter, and each badge says in words what its icon means."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPalette, QPen, QPolygonF

from reflect.core.signal import Direction
from reflect.ui.widgets.charts.chart_base import Marker, blend, draw_marker, is_dark

# Making Data Count's colours (improvement blue, concern orange, common cause grey), darkened
# on light backgrounds and lightened on dark ones so each keeps 4.5:1 against the page.
_LIGHT = {Direction.IMPROVEMENT: "#0B63A8", Direction.CONCERN: "#A94F00"}
_DARK = {Direction.IMPROVEMENT: "#6BC0F5", Direction.CONCERN: "#F5A544"}
_LIGHT_GOAL, _DARK_GOAL = "#00704F", "#3CCB98"
SHAPES = {
    Direction.IMPROVEMENT: Marker.DIAMOND,
    Direction.CONCERN: Marker.SQUARE,
    Direction.NEUTRAL: Marker.CIRCLE,
}


def direction_colour(palette: QPalette, direction: Direction) -> QColor:
    if direction is Direction.NEUTRAL:  # common cause: the palette's own muted grey
        return blend(
            palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text), 0.6
        )
    return QColor((_DARK if is_dark(palette) else _LIGHT)[direction])


def goal_colour(palette: QPalette) -> QColor:
    return QColor(_DARK_GOAL if is_dark(palette) else _LIGHT_GOAL)


def draw_point(painter: QPainter, palette: QPalette, centre: QPointF, direction: Direction) -> None:
    special = direction is not Direction.NEUTRAL
    painter.setPen(QPen(palette.color(QPalette.ColorRole.Base), 1.2))
    painter.setBrush(direction_colour(palette, direction))
    draw_marker(painter, SHAPES[direction], centre, 5.2 if special else 3.4)


def draw_points(
    painter: QPainter, palette: QPalette, centres: Sequence[QPointF], direction: Direction
) -> None:
    """Many points of one kind, with the painter set up once; rectangles and ellipses are Qt's
    quick paths (a path a point would take a frame or more for a few hundred points)."""
    special = direction is not Direction.NEUTRAL
    r = 5.2 if special else 3.4
    painter.setPen(QPen(palette.color(QPalette.ColorRole.Base), 1.2))
    painter.setBrush(direction_colour(palette, direction))
    for c in centres:
        x, y = c.x(), c.y()
        if direction is Direction.IMPROVEMENT:  # a diamond, as draw_marker draws one
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(x, y - 1.25 * r),
                        QPointF(x + 1.1 * r, y),
                        QPointF(x, y + 1.25 * r),
                        QPointF(x - 1.1 * r, y),
                    ]
                )
            )
        elif direction is Direction.CONCERN:
            painter.drawRect(QRectF(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7))
        else:
            painter.drawEllipse(c, r, r)


def draw_letter_disc(
    painter: QPainter, centre: QPointF, radius: float, colour: QColor, letter: str, filled: bool
) -> None:
    """A disc (filled) or ring with a letter in it: the badges' icon and the story's markers."""
    painter.save()
    painter.setPen(QPen(colour, 1.6))
    painter.setBrush(colour if filled else Qt.BrushStyle.NoBrush)
    painter.drawEllipse(centre, radius, radius)
    font = painter.font()
    font.setBold(True)
    font.setPointSizeF(max(font.pointSizeF() * 0.85, 6.0))
    painter.setFont(font)
    ink = _ink_on(colour) if filled else colour
    painter.setPen(ink)
    box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, letter)
    painter.restore()


def _ink_on(colour: QColor) -> QColor:
    """Black or white, whichever reads on ``colour``."""
    return QColor("#000000") if colour.lightnessF() > 0.55 else QColor("#FFFFFF")


@dataclass(frozen=True)
class Badge:
    letter: str
    colour: QColor
    text: str  # says in words what the icon means
    filled: bool = True


def draw_badges(
    painter: QPainter, badges: Sequence[Badge], left: float, top: float, ink: QColor
) -> float:
    """Badges in a row from (left, top); returns the height used."""
    metrics = QFontMetricsF(painter.font())
    radius = metrics.height() * 0.62
    x, height = left, 2 * radius + 6
    for badge in badges:
        frame = QRectF(x, top, 2 * radius + 14 + metrics.horizontalAdvance(badge.text), height)
        painter.setPen(QPen(badge.colour, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(frame, height / 2, height / 2)
        centre = QPointF(x + 3 + radius, top + height / 2)
        draw_letter_disc(painter, centre, radius, badge.colour, badge.letter, badge.filled)
        painter.setPen(ink)
        text_box = QRectF(centre.x() + radius + 5, top, frame.right() - centre.x(), height)
        painter.drawText(
            text_box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, badge.text
        )
        x = frame.right() + 10
    return height


# A legend item: how to draw its sample in a square, and its words.
LegendSample = Callable[[QPainter, QRectF], None]


def draw_wrapping_legend(
    painter: QPainter,
    items: Sequence[tuple[LegendSample, str]],
    area: QRectF,
    ink: QColor,
    draw: bool = True,
) -> float:
    """Items in rows that wrap at ``area``'s width; returns the height they take."""
    metrics = QFontMetricsF(painter.font())
    line_h = metrics.height() + 6
    sample_w = 22.0
    x, y = area.left(), area.top()
    for sample, text in items:
        width = sample_w + 6 + metrics.horizontalAdvance(text)
        if x > area.left() and x + width > area.right():
            x, y = area.left(), y + line_h
        if draw:
            sample(painter, QRectF(x, y + 2, sample_w, line_h - 4))
            painter.setPen(ink)
            painter.drawText(
                QRectF(x + sample_w + 6, y, width, line_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                text,
            )
        x += width + 16
    return y + line_h - area.top()
