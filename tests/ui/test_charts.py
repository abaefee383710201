"""Insights charts: draw any amount of data, say the same numbers in a table, export PNG."""

from __future__ import annotations

import stat
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from reflect.ui.widgets.charts.bars import MonthlyBars, nice_step
from reflect.ui.widgets.charts.chart_base import ChartWidget, Series, series_styles
from reflect.ui.widgets.charts.chart_panel import ChartPanel
from reflect.ui.widgets.charts.heatmap import HeatMap
from reflect.ui.widgets.charts.line_chart import LineChart
from reflect.ui.widgets.charts.radar import RadarChart

DOMAINS = ["Collective vision and leadership", "Aligned operating model", "Capability"]
TODAY = date(2026, 3, 1)


# The English plural forms are a translation, installed as the app starts.
pytestmark = pytest.mark.usefixtures("themed_qapp")


def radar(amount: int) -> RadarChart:
    chart = RadarChart("Latest self-assessment")
    if amount:
        latest = Series("12 Mar 2026", (4, 3, 5))
        previous = Series("3 Jan 2026", (2, 3, None)) if amount > 1 else None
        chart.set_data(DOMAINS, 1, 5, latest, previous)
    return chart


def line(amount: int) -> LineChart:
    chart = LineChart("Each domain over time")
    days = [TODAY + timedelta(days=40 * n) for n in range(amount)]
    lines = [
        Series(d, tuple(float(1 + (n + k) % 5) for n in range(amount)))
        for k, d in enumerate(DOMAINS)
    ]
    chart.set_data(days, lines, 1, 5, {1: "Not yet started", 5: "Embedded"})
    return chart


def heat(amount: int) -> HeatMap:
    chart = HeatMap("Reflection activity")
    counts = {TODAY - timedelta(days=n): n % 4 for n in range(amount)}
    chart.set_data(counts, TODAY)
    return chart


def bars(amount: int) -> MonthlyBars:
    chart = MonthlyBars("Actions per month")
    months = [date(2025 + (m + 3) // 12, (m + 3) % 12 + 1, 1) for m in range(amount)]
    chart.set_data(
        months,
        [
            Series(name, tuple(float((m * k) % 5) for m in range(amount)))
            for k, name in enumerate(("Started", "Stopped", "Done"), 1)
        ],
    )
    return chart


MAKERS: list[Callable[[int], ChartWidget]] = [radar, line, heat, bars]
SIZE = QSize(640, 360)


def colours_in(image: QImage) -> set[int]:
    return {
        image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
    }


@pytest.mark.parametrize("make", MAKERS, ids=lambda m: m.__name__)
@pytest.mark.parametrize("amount", [0, 1, 2, 364])
def test_each_chart_renders_any_amount_of_data(
    qtbot: QtBot, make: Callable[[int], ChartWidget], amount: int
) -> None:
    chart = make(amount)
    qtbot.addWidget(chart)
    image = chart.to_image(SIZE)
    assert not image.isNull()
    assert image.size() == SIZE
    assert len(colours_in(image)) > 2  # drew something: the chart, or its "nothing yet" text
    small = chart.to_image(QSize(120, 90))  # squeezed below its minimum: still no error
    assert not small.isNull()
    assert chart.accessibleName() == chart.title
    assert chart.accessibleDescription() == chart.summary()


def test_radar_table_and_summary_carry_both_assessments(qtbot: QtBot) -> None:
    chart = radar(2)
    qtbot.addWidget(chart)
    headers, rows = chart.table()
    assert headers == ["Domain", "Latest (12 Mar 2026)", "Previous (3 Jan 2026)", "Change"]
    assert rows == [
        ["Collective vision and leadership", "4", "2", "+2"],
        ["Aligned operating model", "3", "3", "0"],
        ["Capability", "5", "–", "–"],
    ]
    assert [s.name for s in chart.series()] == ["12 Mar 2026", "3 Jan 2026"]
    assert chart.summary().startswith(
        "Latest self-assessment, 12 Mar 2026: Collective vision and leadership 4 of 5, "
        "Aligned operating model 3 of 5, Capability 5 of 5."
    )


def test_line_chart_table_has_every_score_by_date(qtbot: QtBot) -> None:
    chart = line(3)
    qtbot.addWidget(chart)
    headers, rows = chart.table()
    assert headers == ["Domain", "1 Mar 2026", "10 Apr 2026", "20 May 2026"]
    assert rows == [[s.name, *(str(int(v or 0)) for v in s.values)] for s in chart.lines]
    assert "3 self-assessments from 1 Mar 2026 to 20 May 2026" in chart.summary()


def test_heat_map_table_holds_each_day_once_by_week(qtbot: QtBot) -> None:
    chart = heat(364)
    qtbot.addWidget(chart)
    headers, rows = chart.table()
    assert headers[0] == "Week of" and headers[-1] == "Total" and len(headers) == 9
    cells = [int(c) for row in rows for c in row[1:-1] if c]
    assert len(cells) == 364
    assert sum(cells) == sum(chart.counts.values())
    assert sum(int(row[-1]) for row in rows) == sum(chart.counts.values())
    assert {d: chart.level(n) for d, n in chart.counts.items()}[TODAY] == 0  # 364 % 4 == 0


def test_heat_map_levels_are_relative_but_a_single_entry_is_not_the_darkest(
    qtbot: QtBot,
) -> None:
    chart = HeatMap("Activity")
    qtbot.addWidget(chart)
    chart.set_data({TODAY: 1, TODAY - timedelta(days=1): 0})
    assert [chart.level(n) for n in (0, 1)] == [0, 2]
    chart.set_data({TODAY: 12, TODAY - timedelta(days=1): 1})
    assert [chart.level(n) for n in (0, 1, 6, 12)] == [0, 1, 2, 4]


def test_bars_table_matches_the_series(qtbot: QtBot) -> None:
    chart = bars(12)
    qtbot.addWidget(chart)
    headers, rows = chart.table()
    assert headers == ["Month", "Started", "Stopped", "Done"]
    assert rows[0][0] == "April 2025" and rows[-1][0] == "March 2026"
    for n, row in enumerate(rows):
        assert row[1:] == [str(int(s.values[n] or 0)) for s in chart.bars]
    assert nice_step(3) == 1 and nice_step(17) == 5 and nice_step(0) == 1


def test_series_differ_in_colour_line_style_and_marker_in_light_and_dark(
    qtbot: QtBot, themed_qapp: QApplication
) -> None:
    for base in ("#fffdf9", "#24292d"):
        palette = QPalette(themed_qapp.palette())
        palette.setColor(QPalette.ColorRole.Base, base)
        styles = series_styles(palette, 6)
        assert len({s.colour.name() for s in styles}) == 6
        assert len({s.marker for s in styles}) == 6
        assert len({s.pen_style for s in styles}) >= 5


def test_panel_table_shows_the_chart_numbers_and_toggles(qtbot: QtBot) -> None:
    panel = ChartPanel(bars(0), "actions")
    qtbot.addWidget(panel)
    assert panel.table_cells() == []
    chart = panel.chart
    assert isinstance(chart, MonthlyBars)
    chart.set_data(
        [date(2026, 2, 1), date(2026, 3, 1)], [Series("Started", (2, 0)), Series("Done", (1, 3))]
    )
    assert panel.table_cells() == [["February 2026", "2", "1"], ["March 2026", "0", "3"]]
    assert panel.table.accessibleDescription() == chart.summary()
    panel.table_toggle.click()
    assert panel.stack.currentWidget() is panel.table
    assert panel.table_toggle.text() == "Show as chart"
    panel.table_toggle.click()
    assert panel.stack.currentWidget() is chart


def test_png_export_writes_an_image_the_size_of_the_chart(qtbot: QtBot, tmp_path: Path) -> None:
    panel = ChartPanel(radar(2), "self-assessment")
    qtbot.addWidget(panel)
    panel.resize(700, 480)
    panel.show()
    qtbot.waitExposed(panel)
    written = panel.save_png(tmp_path / "radar")
    assert written == tmp_path / "radar.png"
    image = QImage(str(written))
    assert not image.isNull()
    assert image.size() == panel.chart.size()
    assert len(colours_in(image)) > 2


def test_the_export_button_asks_where_then_reports(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = ChartPanel(heat(30), "activity")
    qtbot.addWidget(panel)
    target = tmp_path / "activity.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(panel.exported) as saved:
        panel.export_button.click()
    assert saved.args == [str(target)]
    assert not QImage(str(target)).isNull()
    blocked = target / "activity.png"  # its folder is a file: it cannot be written
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(blocked), ""))
    with qtbot.waitSignal(panel.export_failed):
        panel.export_button.click()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    with qtbot.assertNotEmitted(panel.exported), qtbot.assertNotEmitted(panel.export_failed):
        panel.export_button.click()  # cancelled: nothing written, nothing said


def test_png_export_is_owner_only_and_leaves_no_partial_file(qtbot: QtBot, tmp_path: Path) -> None:
    # Files Reflect writes are owner-only and atomic; the Insights charts' PNG was neither.
    panel = ChartPanel(radar(2), "self-assessment")
    qtbot.addWidget(panel)
    panel.resize(700, 480)
    folder = tmp_path / "pictures"
    folder.mkdir()
    written = panel.save_png(folder / "radar")
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert sorted(p.name for p in folder.iterdir()) == ["radar.png"]
