"""The calendar heat map: entries written per local day, one column per week."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QHelpEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from reflect.ui.texts import day_text
from reflect.ui.widgets.charts.chart_base import ChartWidget, blend

LEVELS = (0.34, 0.58, 0.8, 1.0)  # how far towards the highlight colour each level goes
MAX_CELL = 17.0
GAP = 3.0


class HeatMap(ChartWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.counts: dict[date, int] = {}
        self.today: date | None = None
        self._cells: list[tuple[QRectF, date]] = []
        self.setMinimumSize(520, 190)
        self.announce()

    def set_data(self, counts: Mapping[date, int], today: date | None = None) -> None:
        self.counts = dict(sorted(counts.items()))
        self.today = today or (max(self.counts) if self.counts else None)
        self.announce()

    # Calendar arithmetic ------------------------------------------------------------------

    def first_weekday(self) -> int:
        """The locale's first day of the week, as Python numbers it (Monday 0)."""
        return int(self.locale().firstDayOfWeek().value) - 1

    def row(self, day: date) -> int:
        return (day.weekday() - self.first_weekday()) % 7

    def weeks(self) -> list[date]:
        """The first day of each week shown (a column), oldest first."""
        if not self.counts:
            return []
        first, last = min(self.counts), max(self.counts)
        start = first - timedelta(days=self.row(first))
        return [start + timedelta(weeks=n) for n in range((last - start).days // 7 + 1)]

    def level(self, count: int) -> int:
        """0 for no entries, else 1 to 4 relative to the busiest day (a lone entry is not 4)."""
        top = max(max(self.counts.values(), default=0), 2)
        if count <= 0:
            return 0
        return max(1, min(4, -(-count * 4 // top)))

    # Words and numbers --------------------------------------------------------------------

    def day_names(self) -> list[str]:
        names = self.locale().standaloneDayName
        return [
            names((self.first_weekday() + n) % 7 + 1, self.locale().FormatType.ShortFormat)
            for n in range(7)
        ]

    def table(self) -> tuple[list[str], list[list[str]]]:
        headers = [self.tr("Week of"), *self.day_names(), self.tr("Total")]
        rows = []
        for start in self.weeks():
            days = [start + timedelta(days=n) for n in range(7)]
            cells = [str(self.counts[d]) if d in self.counts else "" for d in days]
            total = sum(self.counts.get(d, 0) for d in days)
            rows.append([day_text(start), *cells, str(total)])
        return headers, rows

    def summary(self) -> str:
        if not self.counts:
            return self.tr("No reflection activity to show.")
        total = sum(self.counts.values())
        active = sum(1 for n in self.counts.values() if n)
        text = self.tr("{0} on {1} of the days between {2} and {3}.").format(
            self.entries_text(total), active, day_text(min(self.counts)), day_text(max(self.counts))
        )
        if total:
            busiest = max(self.counts, key=lambda d: (self.counts[d], d))
            text += " " + self.tr("Busiest day: {0}, {1}.").format(
                day_text(busiest), self.entries_text(self.counts[busiest])
            )
        return text

    def entries_text(self, count: int) -> str:
        return self.tr("%n entry(s)", "", count)

    # Drawing ------------------------------------------------------------------------------

    def colour_for(self, level: int) -> QColor:
        base = self.colour(QPalette.ColorRole.Base)
        if level == 0:
            return blend(base, self.text_colour(), 0.08)
        return blend(base, self.colour(QPalette.ColorRole.Highlight), LEVELS[level - 1])

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        self._cells = []
        area = rect.adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN)
        weeks = self.weeks()
        if not weeks:
            self.draw_empty(painter, area, self.tr("No reflection activity to show."))
            return
        painter.setFont(self.small_font())
        metrics = QFontMetricsF(painter.font())
        names = self.day_names()
        left = max(metrics.horizontalAdvance(n) for n in names) + 8
        top, bottom = metrics.height() + 6, metrics.height() + 14
        step = min(
            (area.width() - left) / len(weeks), (area.height() - top - bottom) / 7, MAX_CELL + GAP
        )
        grid_w = step * len(weeks) - GAP
        x0 = area.left() + left + max((area.width() - left - grid_w) / 2, 0)
        spare = area.height() - (top + 7 * step + bottom)
        y0 = area.top() + max(spare / 2, 0) + top
        painter.setPen(self.muted_colour())
        for n in (0, 2, 4):
            y = y0 + n * step + (step - GAP) / 2
            box = QRectF(x0 - left, y - metrics.height() / 2, left - 6, metrics.height())
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(box, align, names[n])
        self._draw_months(painter, weeks, x0, y0 - top, step, metrics)
        self._draw_cells(painter, weeks, x0, y0, step)
        self._draw_legend(painter, QRectF(x0, y0 + 7 * step + 6, grid_w, metrics.height()), step)

    def month_starts(self, weeks: list[date]) -> list[tuple[int, date]]:
        """(column, month) for each month label: where its first day falls.

        The partial month at the start gets a label only if there is room before the next.
        """
        starts = [
            (column, day)
            for column, start in enumerate(weeks)
            for day in (start + timedelta(days=n) for n in range(7))
            if day.day == 1 and day in self.counts
        ]
        first = min(self.counts)
        if first.day != 1 and (not starts or starts[0][0] >= 4):
            starts.insert(0, (0, first))
        return starts

    def _draw_months(
        self,
        painter: QPainter,
        weeks: list[date],
        x0: float,
        y: float,
        step: float,
        metrics: QFontMetricsF,
    ) -> None:
        shown_until = x0 - 1000.0
        for n, (column, month) in enumerate(self.month_starts(weeks)):
            text = day_text(month, "MMM yyyy" if month.month == 1 or n == 0 else "MMM")
            x = x0 + column * step
            if x >= shown_until + 6:
                painter.drawText(QPointF(x, y + metrics.ascent()), text)
                shown_until = x + metrics.horizontalAdvance(text)

    def _draw_cells(
        self, painter: QPainter, weeks: list[date], x0: float, y0: float, step: float
    ) -> None:
        size = step - GAP
        painter.setPen(Qt.PenStyle.NoPen)
        for column, start in enumerate(weeks):
            for n in range(7):
                day = start + timedelta(days=n)
                if day not in self.counts:
                    continue
                cell = QRectF(x0 + column * step, y0 + n * step, size, size)
                painter.setBrush(self.colour_for(self.level(self.counts[day])))
                painter.drawRoundedRect(cell, 2.5, 2.5)
                self._cells.append((cell, day))
                if day == self.today:
                    painter.save()
                    painter.setPen(QPen(self.text_colour(), 1.5))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawRoundedRect(cell.adjusted(-1, -1, 1, 1), 3, 3)
                    painter.restore()

    def _draw_legend(self, painter: QPainter, rect: QRectF, step: float) -> None:
        metrics = QFontMetricsF(painter.font())
        size = min(step - GAP, metrics.height() - 2)
        less, more = self.tr("Less"), self.tr("More")
        width = (
            metrics.horizontalAdvance(less) + metrics.horizontalAdvance(more) + 5 * (size + 3) + 12
        )
        x = rect.right() - width
        middle = rect.center().y()
        painter.setPen(self.muted_colour())
        painter.drawText(QPointF(x, middle - metrics.height() / 2 + metrics.ascent()), less)
        x += metrics.horizontalAdvance(less) + 6
        painter.setPen(Qt.PenStyle.NoPen)
        for level in range(5):
            painter.setBrush(self.colour_for(level))
            painter.drawRoundedRect(QRectF(x, middle - size / 2, size, size), 2.5, 2.5)
            x += size + 3
        painter.setPen(self.muted_colour())
        painter.drawText(QPointF(x + 3, middle - metrics.height() / 2 + metrics.ascent()), more)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            day = next((d for cell, d in self._cells if cell.contains(QPointF(event.pos()))), None)
            if day is None:
                QToolTip.hideText()
            else:
                when = day_text(day, "ddd d MMM yyyy")
                text = f"{when}: {self.entries_text(self.counts[day])}"
                QToolTip.showText(event.globalPos(), text, self)
            return True
        return super().event(event)
