"""A measure's chart for a report on paper: the chart the inquiry page draws, in the light
palette whatever the window shows, as PNG bytes for the report's chart slot.

It builds a widget, so it runs on the UI thread (or in the command line, which has no other):
the window draws every chart first (``drawn_before``) and hands the report, written off the UI
thread, a renderer that only looks them up.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice

from reflect.app import App
from reflect.services.measure_story import measure_story
from reflect.services.measures import MeasureView
from reflect.services.report import ChartRenderer, ReportRequest
from reflect.ui import theme
from reflect.ui.printing.pdf import ensure_gui_app
from reflect.ui.widgets.charts.measure_chart import MeasureChart
from reflect.ui.widgets.charts.measure_model import build_model

PAPER_SIZE = (900, 420)  # pixels: a page's width at a readable scale, drawn once per measure


def paper_charts(app: App) -> ChartRenderer:
    """Draw each measure's chart (its points in the report's period, and its story)."""

    def draw(view: MeasureView) -> bytes | None:
        ensure_gui_app()
        days = {p.day for p in view.points}
        story = measure_story(
            view.measure.id,
            measures=app.measures,
            inquiries=app.inquiries,
            actions=app.actions,
            entries=app.entries,
            programme=app.programme,
        )
        first, last = min(days), max(days)
        in_period = tuple(m for m in story if first <= m.day.isoformat() <= last)
        chart = MeasureChart(view.measure.name)
        chart.setPalette(theme.palette_for(dark=False))
        chart.resize(*PAPER_SIZE)
        chart.set_model(build_model(view, in_period))
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        saved = chart.grab().save(buffer, "PNG")
        buffer.close()
        chart.deleteLater()
        return bytes(data.data()) if saved else None

    return draw


def drawn_before(app: App, request: ReportRequest) -> ChartRenderer:
    """Draw the charts of ``request``'s measures now, on the UI thread; the renderer returned
    gives them back by measure, from any thread."""
    draw = paper_charts(app)
    drawn = {
        view.measure.id: draw(view) for view in app.report.measure_views(request) if view.points
    }
    return lambda view: drawn.get(view.measure.id)
