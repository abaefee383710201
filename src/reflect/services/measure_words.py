"""The plain-language sentences for what a measure's chart shows, from the message catalogue.

The window translates the same templates through Qt; these are the English the CLI prints.
"""

from __future__ import annotations

from collections.abc import Sequence

from reflect.core.measure import Point
from reflect.core.run_chart import MIN_POINTS as RUN_CHART_POINTS
from reflect.core.run_chart import RunChart
from reflect.core.signal import Direction, Rule, Side, Signal
from reflect.core.spc import MIN_POINTS as XMR_POINTS
from reflect.core.spc import XmR
from reflect.messages import Msg

_RULE_MSG = {
    Rule.SHIFT: Msg.MEASURE_SIGNAL_SHIFT,
    Rule.TREND: Msg.MEASURE_SIGNAL_TREND,
    Rule.LONG_RUN: Msg.MEASURE_SIGNAL_LONG_RUN,
    Rule.FEW_CROSSINGS: Msg.MEASURE_SIGNAL_FEW_CROSSINGS,
    Rule.OUTSIDE_LIMITS: Msg.MEASURE_SIGNAL_OUTSIDE_LIMITS,
    Rule.SPC_RUN: Msg.MEASURE_SIGNAL_SPC_RUN,
    Rule.SPC_TREND: Msg.MEASURE_SIGNAL_SPC_TREND,
    Rule.TWO_OF_THREE: Msg.MEASURE_SIGNAL_TWO_OF_THREE,
}
_DIRECTION_MSG = {
    Direction.IMPROVEMENT: Msg.MEASURE_IMPROVEMENT,
    Direction.CONCERN: Msg.MEASURE_CONCERN,
}


def signal_sentence(signal: Signal, points: Sequence[Point], useful: int) -> str:
    high = signal.side == Side.HIGH
    words = {
        "count": signal.count,
        "limit": signal.limit,
        "useful": useful,
        "possible": max(useful - 1, 0),
        "first": points[signal.indexes[0]].day,
        "last": points[signal.indexes[-1]].day,
        "side": (Msg.MEASURE_ABOVE if high else Msg.MEASURE_BELOW).template,
        "way": (Msg.MEASURE_UP if high else Msg.MEASURE_DOWN).template,
        "limit_side": (Msg.MEASURE_UPPER if high else Msg.MEASURE_LOWER).template,
    }
    sentence = _RULE_MSG[signal.rule].template.format(**words)
    judged = _DIRECTION_MSG.get(signal.direction)
    return f"{sentence} {judged.template}" if judged else sentence


def run_chart_note(chart: RunChart) -> str | None:
    """Why the run-chart rules said nothing, when it is because there are too few points."""
    if chart.enough:
        return None
    return Msg.MEASURE_TOO_FEW.template.format(needed=RUN_CHART_POINTS, useful=chart.useful)


def xmr_sentences(xmr: XmR | None, count: int) -> list[str]:
    """The variation icon, and the assurance icon when there is a goal, in words."""
    if xmr is None:
        return [Msg.MEASURE_NO_XMR.template.format(needed=XMR_POINTS, count=count)]
    sentences = [Msg[f"MEASURE_VARIATION_{xmr.variation.name}"].template]
    if xmr.assurance is not None:
        sentences.append(Msg[f"MEASURE_ASSURANCE_{xmr.assurance.name}"].template)
    return sentences
