"""The words of a measure's chart: line and mark names, badges, tooltips, the table that is
its text alternative and the summary a screen reader reads. All through Qt's translate."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from reflect.core.signal import Direction, Rule, Side, Signal
from reflect.core.spc import MIN_POINTS as XMR_POINTS
from reflect.core.spc import Assurance, Variation
from reflect.services.measure_story import StoryKind, StoryMarker
from reflect.ui.texts import day_text
from reflect.ui.widgets.charts.chart_base import number_text
from reflect.ui.widgets.charts.measure_model import LineKind, MeasureModel


def _tr(text: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate("MeasureChart", text, disambiguation)


class ChartWords:
    """Kept apart from the drawing so the table and summary read the same model as the chart."""

    def no_values(self) -> str:
        return _tr("No values yet. Type or paste them in the table below.")

    def line_name(self, kind: LineKind) -> str:
        return {
            LineKind.MEDIAN: _tr("Median"),
            LineKind.MEAN: _tr("Mean"),
            LineKind.UPPER: _tr("Upper limit"),
            LineKind.LOWER: _tr("Lower limit"),
            LineKind.GOAL: _tr("Goal"),
        }[kind]

    def rule_name(self, rule: Rule) -> str:
        return {
            Rule.SHIFT: _tr("Shift"),
            Rule.TREND: _tr("Trend"),
            Rule.LONG_RUN: _tr("Long run"),
            Rule.FEW_CROSSINGS: _tr("Too few crossings"),
            Rule.OUTSIDE_LIMITS: _tr("Outside the limits"),
            Rule.SPC_RUN: _tr("Run of 7 or more"),
            Rule.SPC_TREND: _tr("Trend of 7 or more"),
            Rule.TWO_OF_THREE: _tr("Two of three near a limit"),
        }[rule]

    def signal_name(self, signal: Signal) -> str:
        side = {Side.HIGH: _tr("high"), Side.LOW: _tr("low")}.get(signal.side)
        judged = {Direction.IMPROVEMENT: _tr("improvement"), Direction.CONCERN: _tr("concern")}
        parts = [p for p in (side, judged.get(signal.direction)) if p]
        words = self.rule_name(signal.rule)
        return f"{words} ({', '.join(parts)})" if parts else words

    def mark_name(self, direction: Direction, xmr: bool) -> str:
        if direction is Direction.IMPROVEMENT:
            return _tr("Special cause: improvement") if xmr else _tr("Signal: improvement")
        if direction is Direction.CONCERN:
            return _tr("Special cause: concern") if xmr else _tr("Signal: concern")
        return _tr("Common cause") if xmr else _tr("No signal")

    def variation(self, variation: Variation) -> str:
        return {
            Variation.COMMON_CAUSE: _tr("Common cause variation"),
            Variation.IMPROVEMENT_HIGH: _tr("Special cause: improvement (high)"),
            Variation.IMPROVEMENT_LOW: _tr("Special cause: improvement (low)"),
            Variation.CONCERN_HIGH: _tr("Special cause: concern (high)"),
            Variation.CONCERN_LOW: _tr("Special cause: concern (low)"),
        }[variation]

    def assurance(self, assurance: Assurance) -> str:
        return {
            Assurance.CONSISTENTLY_PASS: _tr("Assurance: goal consistently met"),
            Assurance.CONSISTENTLY_FAIL: _tr("Assurance: goal consistently missed"),
            Assurance.HIT_AND_MISS: _tr("Assurance: hit and miss"),
        }[assurance]

    def run_chart_badge(self, count: int) -> str:
        return _tr("Run chart: median of {0} points; process limits from {1}").format(
            count, XMR_POINTS
        )

    def story_letter(self, kind: StoryKind) -> str:
        return {
            StoryKind.PDSA: _tr("P", "PDSA cycle marker"),
            StoryKind.EVENT: _tr("E", "programme event marker"),
            StoryKind.REWORDING: _tr("Q", "question reworded marker"),
            StoryKind.ACTION_STARTED: _tr("+", "action started marker"),
            StoryKind.ACTION_STOPPED: _tr("−", "action stopped marker"),
        }[kind]

    def story_name(self, kind: StoryKind) -> str:
        return {
            StoryKind.PDSA: _tr("PDSA cycle"),
            StoryKind.EVENT: _tr("Programme event"),
            StoryKind.REWORDING: _tr("Question reworded"),
            StoryKind.ACTION_STARTED: _tr("Action started"),
            StoryKind.ACTION_STOPPED: _tr("Action stopped"),
        }[kind]

    def story_cluster(self) -> str:
        return _tr("Several on nearby dates (point at it, or see the table)")

    def story_tip(self, markers: Sequence[StoryMarker]) -> str:
        return "\n".join(
            f"{day_text(m.day)} · {self.story_name(m.kind)}: {m.text}" for m in markers
        )

    def point_tip(self, model: MeasureModel, index: int) -> str:
        head = f"{day_text(model.days[index])}: {number_text(model.values[index])} {model.unit}"
        signals = "; ".join(self.signal_name(s) for s in model.signals_at(index))
        return f"{head}\n{signals}" if signals else head.strip()

    def table(self, model: MeasureModel) -> tuple[list[str], list[list[str]]]:
        unit = f" ({model.unit})" if model.unit else ""
        headers = [
            _tr("Date"),
            _tr("Value") + unit,
            _tr("Signals including this point"),
            _tr("Story since the point before"),
        ]
        rows = []
        for i, day in enumerate(model.days):
            since = model.days[i - 1] if i else None
            story = [
                f"{day_text(m.day)} {self.story_name(m.kind)}: {m.text}"
                for m in model.story
                if (since is None or m.day > since) and m.day <= day
            ]
            signals = "; ".join(self.signal_name(s) for s in model.signals_at(i))
            rows.append(
                [day_text(day), number_text(model.values[i]), signals or "–", "; ".join(story)]
            )
        return headers, rows

    def summary(self, model: MeasureModel) -> str:
        if not model.values:
            return self.no_values()
        span = _tr("{0} values from {1} to {2}.").format(
            len(model.values), day_text(model.days[0]), day_text(model.days[-1])
        )
        centre = " ".join(
            f"{self.line_name(line.kind)} {number_text(line.value)}." for line in model.lines
        )
        if model.signals:
            said = "; ".join(
                _tr("{0}, {1} to {2}").format(
                    self.signal_name(s),
                    day_text(model.days[s.indexes[0]]),
                    day_text(model.days[s.indexes[-1]]),
                )
                for s in model.signals
            )
            signals = _tr("Signals: {0}.").format(said)
        else:
            signals = _tr("No signals.")
        kind = _tr("XmR chart.") if model.xmr else _tr("Run chart.")
        icons = []
        if model.variation is not None:
            icons.append(self.variation(model.variation) + ".")
        if model.assurance is not None:
            icons.append(self.assurance(model.assurance) + ".")
        return " ".join([kind, span, centre, signals, *icons])
