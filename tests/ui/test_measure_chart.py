"""The measure chart: the points a signal covers are marked, the median below 20 points and the
mean with process limits from 20, a table with every point, PNG export, readable in dark."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reflect.app import App
from reflect.core.signal import Direction, Rule, Side
from reflect.ui import theme
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId
from reflect.ui.widgets.charts.measure_chart import MeasureChart
from reflect.ui.widgets.charts.measure_marks import direction_colour
from reflect.ui.widgets.charts.measure_model import LineKind
from reflect.ui.widgets.charts.measure_panel import MeasurePanel, model_for

START = date(2026, 1, 5)


def shifted_measure(app: App, count: int = 30, goal: str | None = None) -> str:
    """Weekly values around 10, then from the middle around 20 (higher is better)."""
    inquiry = app.inquiries.add("Do huddles speed discharges?")
    measure = app.measures.add(inquiry.id, "Discharges before noon", "%", "higher", goal=goal)
    wobble = (0.5, -0.5, 1, -1, 0)
    rows = [
        (
            (START + timedelta(weeks=n)).isoformat(),
            (10 if n < count // 2 else 20) + wobble[n % 5],
            "",
        )
        for n in range(count)
    ]
    app.measures.put_points(measure.id, rows)
    return measure.id


def drawn(qtbot: QtBot, app: App, measure_id: str) -> MeasurePanel:
    panel = MeasurePanel("Chart", "reflect-measure")
    qtbot.addWidget(panel)
    panel.show_model(model_for(app, measure_id))
    panel.chart.to_image(QSize(900, 460))  # lays the chart out as it would be shown
    return panel


def test_a_shift_marks_exactly_the_points_of_the_shift(qtbot: QtBot, app: App) -> None:
    panel = drawn(qtbot, app, shifted_measure(app))
    chart = panel.measure_chart
    model = chart.model

    high_run = next(s for s in model.signals if s.rule is Rule.SPC_RUN and s.side is Side.HIGH)
    low_run = next(s for s in model.signals if s.rule is Rule.SPC_RUN and s.side is Side.LOW)
    improved = {i for i, d in model.marks.items() if d is Direction.IMPROVEMENT}
    concern = {i for i, d in model.marks.items() if d is Direction.CONCERN}
    assert improved == set(high_run.indexes) == set(range(15, 30))
    assert concern == set(low_run.indexes) == set(range(15))
    assert "Special cause: improvement (high)" in chart.accessibleDescription()
    last = QPointF(chart.x_of(29, chart.plot), chart.y_of(model.values[29], chart.plot))
    assert chart.tip_at(last).startswith("27 Jul 2026: 20 %")  # what pointing at it says
    assert "Run of 7 or more (high, improvement)" in chart.tip_at(last)


def test_from_twenty_points_the_mean_and_limits_are_drawn_in_order(qtbot: QtBot, app: App) -> None:
    panel = drawn(qtbot, app, shifted_measure(app, goal="18"))
    chart = panel.measure_chart
    model = chart.model

    assert model.xmr and model.line(LineKind.MEDIAN) is None
    mean, upper, lower = (model.line(k) for k in (LineKind.MEAN, LineKind.UPPER, LineKind.LOWER))
    assert mean is not None and upper is not None and lower is not None
    assert lower < mean < upper and model.line(LineKind.GOAL) == 18
    ys = [chart.y_of(v, chart.plot) for v in (upper, mean, lower)]
    assert chart.plot.top() <= ys[0] < ys[1] < ys[2] <= chart.plot.bottom()
    assert model.assurance is not None


def test_under_twenty_points_the_median_is_drawn_and_no_limits(qtbot: QtBot, app: App) -> None:
    panel = drawn(qtbot, app, shifted_measure(app, count=16))
    chart = panel.measure_chart
    model = chart.model

    assert not model.xmr and model.variation is None
    assert model.line(LineKind.MEDIAN) is not None
    assert model.line(LineKind.UPPER) is None and model.line(LineKind.MEAN) is None
    shift = [s for s in model.signals if s.rule is Rule.SHIFT]
    assert shift and set(model.marks) == {i for s in model.signals if s.side for i in s.indexes}


def test_the_table_lists_every_point_with_its_signals(qtbot: QtBot, app: App) -> None:
    panel = drawn(qtbot, app, shifted_measure(app))
    cells = panel.table_cells()

    assert len(cells) == 30
    assert cells[0][0] == "5 Jan 2026" and cells[0][1] == "10.5"
    assert all(row[2] != "–" for row in cells)  # every point is in a run here
    assert "Run of 7 or more (high, improvement)" in cells[29][2]
    assert "Run of 7 or more (low, concern)" in cells[0][2]


def test_png_export_is_atomic_and_owner_only(qtbot: QtBot, app: App, tmp_path: Path) -> None:
    panel = drawn(qtbot, app, shifted_measure(app))
    panel.resize(900, 520)

    folder = tmp_path / "pictures"
    folder.mkdir()
    written = panel.save_png(folder / "waits")

    assert written == folder / "waits.png"
    assert written.read_bytes().startswith(b"\x89PNG")
    if os.name == "posix":
        assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert sorted(p.name for p in folder.iterdir()) == ["waits.png"]  # no partial file left
    with pytest.raises(OSError):
        panel.save_png(written / "inside-a-file.png")  # its folder is a file: cannot write


def contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture
def dark(themed_qapp: QApplication) -> Iterator[QApplication]:
    theme.apply(themed_qapp, theme.Scheme.DARK)
    yield themed_qapp
    theme.apply(themed_qapp, theme.Scheme.LIGHT)


def test_marked_points_read_against_a_dark_page(qtbot: QtBot, app: App, dark: object) -> None:
    chart = MeasureChart("Chart")
    qtbot.addWidget(chart)
    chart.set_model(model_for(app, shifted_measure(app)))
    image = chart.to_image(QSize(900, 460))
    base = chart.palette().color(QPalette.ColorRole.Base)
    assert base.lightness() < 128

    centre = QPointF(chart.x_of(29, chart.plot), chart.y_of(chart.model.values[29], chart.plot))
    seen = image.pixelColor(round(centre.x()), round(centre.y()))
    improvement = direction_colour(chart.palette(), Direction.IMPROVEMENT)
    assert seen.name() == improvement.name()
    for direction in Direction:
        assert contrast(direction_colour(chart.palette(), direction), base) >= 3.0


def test_the_inquiries_page_shows_each_measure_s_chart(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    measure_id = shifted_measure(app)
    window.show_page(PageId.INQUIRIES)
    section = window.inquiries.measures

    panel = section.charts[measure_id]
    assert panel.isVisible()
    assert "Run of 7 or more" in panel.chart.accessibleDescription()
    qtbot.mouseClick(panel.table_toggle, Qt.MouseButton.LeftButton)
    assert panel.table.isVisible() and panel.table.rowCount() == 30


def test_insights_lists_the_measures_of_active_inquiries(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    measure_id = shifted_measure(app)
    paused = app.inquiries.add("Paused question")
    other = app.measures.add(paused.id, "Other", "n", "higher")
    app.measures.record(other.id, 3, "2026-01-05")
    app.inquiries.set_status(paused.id, "paused")
    window.show_page(PageId.INSIGHTS)

    panels = window.insights.measures.panels
    assert list(panels) == [measure_id]
    assert not window.insights.measures.empty.isVisible()
    before = panels[measure_id]
    window.insights.refresh()
    assert not before.isVisible()  # gone at once, not drawn under the new chart until deleted
    app.measures.record(measure_id, 21, "2026-08-03")  # a change refreshes the page

    def shown() -> list[MeasurePanel]:
        return [p for p in window.insights.measures.findChildren(MeasurePanel) if p.isVisible()]

    qtbot.waitUntil(lambda: [p.table.rowCount() for p in shown()] == [31])
    assert len(shown()) == 1
