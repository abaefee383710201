"""What a measure's chart draws, worked out without a window: the lines, the marked points.

Under 20 points it is a run chart (the median, the run-chart rules); from 20 an XmR chart as
NHS England's Making Data Count draws it (the mean, the process limits, the SPC rules, the
variation and assurance icons). Tests read this model rather than pixels.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from reflect.core.signal import Direction, Signal
from reflect.core.spc import Assurance, Variation
from reflect.services.measure_story import StoryMarker
from reflect.services.measures import MeasureView


class LineKind(StrEnum):
    MEDIAN = "median"
    MEAN = "mean"
    UPPER = "upper"  # the upper process limit
    LOWER = "lower"
    GOAL = "goal"


@dataclass(frozen=True)
class ChartLine:
    kind: LineKind
    value: float


@dataclass(frozen=True)
class MeasureModel:
    name: str
    unit: str
    days: tuple[date, ...] = ()
    values: tuple[float, ...] = ()
    xmr: bool = False  # an XmR chart (20 points or more), else a run chart
    lines: tuple[ChartLine, ...] = ()
    signals: tuple[Signal, ...] = ()  # those of the chart drawn, each naming its points
    marks: dict[int, Direction] = field(default_factory=dict)  # point index: how it is read
    variation: Variation | None = None
    assurance: Assurance | None = None
    story: tuple[StoryMarker, ...] = ()

    def line(self, kind: LineKind) -> float | None:
        return next((line.value for line in self.lines if line.kind is kind), None)

    def signals_at(self, index: int) -> list[Signal]:
        return [s for s in self.signals if index in s.indexes]


def build_model(view: MeasureView, story: tuple[StoryMarker, ...] = ()) -> MeasureModel:
    measure = view.measure
    lines: list[ChartLine] = []
    if view.xmr is not None:
        xmr = view.xmr
        lines += [
            ChartLine(LineKind.MEAN, xmr.mean),
            ChartLine(LineKind.UPPER, xmr.upper),
            ChartLine(LineKind.LOWER, xmr.lower),
        ]
        signals = xmr.signals
    else:
        if view.run_chart.median is not None:
            lines.append(ChartLine(LineKind.MEDIAN, view.run_chart.median))
        signals = view.run_chart.signals
    if measure.goal is not None:
        lines.append(ChartLine(LineKind.GOAL, measure.goal))
    return MeasureModel(
        name=measure.name,
        unit=measure.unit,
        days=tuple(date.fromisoformat(p.day) for p in view.points),
        values=tuple(p.value for p in view.points),
        xmr=view.xmr is not None,
        lines=tuple(lines),
        signals=signals,
        marks=point_marks(signals),
        variation=view.xmr.variation if view.xmr else None,
        assurance=view.xmr.assurance if view.xmr else None,
        story=story,
    )


def point_marks(signals: tuple[Signal, ...]) -> dict[int, Direction]:
    """Each point a signal with a side covers: improvement or concern (improvement wins if,
    rarely, both cover one point). Signals about the whole chart (few crossings) mark none."""
    marks: dict[int, Direction] = {}
    for signal in signals:
        if signal.direction is Direction.NEUTRAL:
            continue
        for index in signal.indexes:
            if marks.get(index) is not Direction.IMPROVEMENT:
                marks[index] = signal.direction
    return marks
