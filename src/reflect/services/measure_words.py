"""The plain-language sentences for what a measure's chart shows, from the message catalogue.

The window translates the same templates through Qt; these are the English the CLI prints.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

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
Words = Callable[[Msg], str]  # a message's template, translated or as it is


def english(msg: Msg) -> str:
    return msg.template


_DIRECTION_MSG = {
    Direction.IMPROVEMENT: Msg.MEASURE_IMPROVEMENT,
    Direction.CONCERN: Msg.MEASURE_CONCERN,
}


def signal_sentence(
    signal: Signal, points: Sequence[Point], useful: int, words: Words = english
) -> str:
    high = signal.side == Side.HIGH
    filled = {
        "count": signal.count,
        "limit": signal.limit,
        "useful": useful,
        "possible": max(useful - 1, 0),
        "first": points[signal.indexes[0]].day,
        "last": points[signal.indexes[-1]].day,
        "side": words(Msg.MEASURE_ABOVE if high else Msg.MEASURE_BELOW),
        "way": words(Msg.MEASURE_UP if high else Msg.MEASURE_DOWN),
        "limit_side": words(Msg.MEASURE_UPPER if high else Msg.MEASURE_LOWER),
    }
    sentence = words(_RULE_MSG[signal.rule]).format(**filled)
    judged = _DIRECTION_MSG.get(signal.direction)
    return f"{sentence} {words(judged)}" if judged else sentence


def run_chart_note(chart: RunChart, words: Words = english) -> str | None:
    """Why the run-chart rules said nothing, when it is because there are too few points."""
    if chart.enough:
        return None
    return words(Msg.MEASURE_TOO_FEW).format(needed=RUN_CHART_POINTS, useful=chart.useful)


def xmr_sentences(xmr: XmR | None, count: int, words: Words = english) -> list[str]:
    """The variation icon, and the assurance icon when there is a goal, in words."""
    if xmr is None:
        return [words(Msg.MEASURE_NO_XMR).format(needed=XMR_POINTS, count=count)]
    sentences = [words(Msg[f"MEASURE_VARIATION_{xmr.variation.name}"])]
    if xmr.assurance is not None:
        sentences.append(words(Msg[f"MEASURE_ASSURANCE_{xmr.assurance.name}"]))
    return sentences
