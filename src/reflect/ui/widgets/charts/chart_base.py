"""What every Insights chart shares: palette colours, series styles, a text alternative, PNG.

Charts are plain QPainter widgets (PySide6-Essentials has no QtCharts). Each one draws with the
colours of the current palette, so it reads in light and dark, and each one can describe itself
as a table of the same numbers and a one-paragraph summary for screen-reader users.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QWidget

from reflect import files
from reflect.errors import ReflectError

# Okabe & Ito's colour-blind-safe set, reordered so neighbours differ most; yellow is dropped
# on light backgrounds (too faint) and the darkest blue on dark ones.
_LIGHT_SERIES = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#B07A00", "#56B4E9")
_DARK_SERIES = ("#56B4E9", "#E69F00", "#2FBF8F", "#F0E442", "#E08DBD", "#F07C3A")
_PEN_STYLES = (
    Qt.PenStyle.SolidLine,
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DotLine,
    Qt.PenStyle.DashDotLine,
    Qt.PenStyle.DashDotDotLine,
)


class Marker(Enum):
    CIRCLE = "circle"
    SQUARE = "square"
    TRIANGLE = "triangle"
    DIAMOND = "diamond"
    DOWN_TRIANGLE = "down-triangle"
    CROSS = "cross"


@dataclass(frozen=True)
class Series:
    """One named row of numbers; None where there is no value."""

    name: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class SeriesStyle:
    colour: QColor
    pen_style: Qt.PenStyle
    marker: Marker


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def series_styles(palette: QPalette, count: int) -> list[SeriesStyle]:
    """Colour, line style and marker together, so series differ even without colour."""
    colours = _DARK_SERIES if is_dark(palette) else _LIGHT_SERIES
    markers = list(Marker)
    return [
        SeriesStyle(
            QColor(colours[n % len(colours)]),
            _PEN_STYLES[n % len(_PEN_STYLES)],
            markers[n % len(markers)],
        )
        for n in range(count)
    ]


def blend(low: QColor, high: QColor, amount: float) -> QColor:
    """The colour ``amount`` (0 to 1) of the way from ``low`` to ``high``."""
    amount = min(max(amount, 0.0), 1.0)
    return QColor.fromRgbF(
        low.redF() + (high.redF() - low.redF()) * amount,
        low.greenF() + (high.greenF() - low.greenF()) * amount,
        low.blueF() + (high.blueF() - low.blueF()) * amount,
    )


def draw_marker(painter: QPainter, marker: Marker, centre: QPointF, radius: float) -> None:
    """A filled marker in the painter's brush, outlined in its pen."""
    x, y, r = centre.x(), centre.y(), radius
    if marker is Marker.CIRCLE:
        painter.drawEllipse(centre, r, r)
    elif marker is Marker.SQUARE:
        painter.drawRect(QRectF(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7))
    elif marker is Marker.CROSS:
        # A cross has no inside to fill: draw it in the fill colour, thick enough to see.
        painter.save()
        painter.setPen(QPen(painter.brush().color(), 2.4))
        painter.drawLine(QPointF(x - r, y - r), QPointF(x + r, y + r))
        painter.drawLine(QPointF(x - r, y + r), QPointF(x + r, y - r))
        painter.restore()
    else:
        corners = {
            Marker.TRIANGLE: ((0, -1.2), (1.1, 0.8), (-1.1, 0.8)),
            Marker.DOWN_TRIANGLE: ((0, 1.2), (1.1, -0.8), (-1.1, -0.8)),
            Marker.DIAMOND: ((0, -1.25), (1.1, 0), (0, 1.25), (-1.1, 0)),
        }[marker]
        path = QPainterPath(QPointF(x + corners[0][0] * r, y + corners[0][1] * r))
        for dx, dy in corners[1:]:
            path.lineTo(QPointF(x + dx * r, y + dy * r))
        path.closeSubpath()
        painter.drawPath(path)


def number_text(value: float | None) -> str:
    if value is None:
        return "–"
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


class ChartWidget(QWidget):
    """A chart that draws itself with QPainter and can describe itself in words and a table."""

    data_changed = Signal()
    MARGIN = 12.0

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setAccessibleName(title)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # so a screen reader can land on it
        self.setMinimumSize(QSize(280, 220))

    # To be given by each chart ------------------------------------------------------------

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        raise NotImplementedError

    def table(self) -> tuple[list[str], list[list[str]]]:
        """Column headings and rows: the same numbers the chart draws."""
        raise NotImplementedError

    def summary(self) -> str:
        raise NotImplementedError

    # Shared -------------------------------------------------------------------------------

    def announce(self) -> None:
        """Call after new data: repaint, refresh the description, tell the table."""
        self.setAccessibleDescription(self.summary())
        self.update()
        self.data_changed.emit()

    def colour(self, role: QPalette.ColorRole) -> QColor:
        return self.palette().color(role)

    def text_colour(self) -> QColor:
        return self.colour(QPalette.ColorRole.Text)

    def muted_colour(self) -> QColor:
        return self.colour(QPalette.ColorRole.PlaceholderText)

    def grid_colour(self) -> QColor:
        return blend(self.colour(QPalette.ColorRole.Base), self.text_colour(), 0.16)

    def small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.9, 7.0))
        return font

    def draw_gridline(
        self, painter: QPainter, plot: QRectF, y: float, text: str, metrics: QFontMetricsF
    ) -> None:
        """A faint line across ``plot`` at ``y``, with ``text`` right-aligned to its left."""
        painter.setPen(QPen(self.grid_colour(), 1))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(self.muted_colour())
        box = QRectF(plot.left() - 300, y - metrics.height() / 2, 294, metrics.height())
        painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)

    def draw_empty(self, painter: QPainter, rect: QRectF, text: str) -> None:
        painter.setPen(self.muted_colour())
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.paint(painter, QRectF(self.rect()))
        if self.hasFocus():
            pen = QPen(self.colour(QPalette.ColorRole.Highlight), 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 6, 6)
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.update()

    def to_image(self, size: QSize | None = None) -> QImage:
        """The chart drawn into an image, without showing it (for tests and previews)."""
        size = size or self.size()
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(self.colour(QPalette.ColorRole.Base))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font())
        self.paint(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()
        return image


def export_png(widget: QWidget, path: Path) -> Path:
    """Save what ``widget`` shows as a PNG at ``path`` (``.png`` added when missing), written
    atomically and readable by its owner only, as every file Reflect writes."""
    if path.suffix.lower() != ".png":
        path = path.with_name(path.name + ".png")
    png = png_bytes(widget)
    if png is None:
        raise OSError(f"could not draw {path}")
    try:
        files.write_bytes(path, png)
    except ReflectError as exc:  # the panel reports every failure to write the same way
        raise OSError(str(exc)) from exc
    return path


def png_bytes(widget: QWidget) -> bytes | None:
    """What ``widget`` shows, drawn (shown or not) as PNG bytes; None if it could not be."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    saved = widget.grab().save(buffer, "PNG")
    buffer.close()
    return bytes(data.data()) if saved else None
