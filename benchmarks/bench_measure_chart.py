"""A measure's chart with many points: ``python3 -m benchmarks.bench_measure_chart [POINTS]``.

Builds the chart's model (the run-chart and XmR rules, the marks) for POINTS daily values
(default 300) with a shift halfway and a story of one marker a week, then draws it ten times
into a 900×460 image offscreen, as a repaint would. Prints the seconds of each step; a repaint
well under a frame (16 ms) does not stall. Not part of ``benchmarks/run.py``; not asserted.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src")]


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    from reflect.core.measure import Better, Measure, Point
    from reflect.core.run_chart import analyse_run_chart
    from reflect.core.spc import analyse_xmr
    from reflect.services.measure_story import StoryKind, StoryMarker
    from reflect.services.measures import MeasureView
    from reflect.ui.widgets.charts.measure_chart import MeasureChart
    from reflect.ui.widgets.charts.measure_model import build_model

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    app = QApplication.instance() or QApplication([])
    start = date(2026, 1, 1)
    values = [(10 if n < count // 2 else 14) + (n * 7 % 5) / 2 for n in range(count)]
    points = tuple(
        Point("m", (start + timedelta(days=n)).isoformat(), v) for n, v in enumerate(values)
    )
    measure = Measure("m", "Waits", "days", Better.LOWER, "", "", goal=11.0)
    story = tuple(
        StoryMarker(start + timedelta(days=n), StoryKind.EVENT, f"Event {n}")
        for n in range(0, count, 7)
    )
    started = time.perf_counter()
    view = MeasureView(
        measure,
        points,
        analyse_run_chart(values, measure.better),
        analyse_xmr(values, measure.better, measure.goal),
    )
    model = build_model(view, story)
    built = time.perf_counter() - started
    chart = MeasureChart("Waits")
    chart.set_model(model)
    started = time.perf_counter()
    for _ in range(10):
        chart.to_image(QSize(900, 460))
    drawn = (time.perf_counter() - started) / 10
    print(f"{count} points, {len(story)} story markers, {len(model.signals)} signals")
    print(f"rules and model: {built:.4f} s; one repaint: {drawn * 1000:.1f} ms")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
