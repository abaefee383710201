"""The XmR chart and NHS England's "Making Data Count" rules, icons and assurance.

Limits are the mean ± 2.66 × the mean moving range; the special-cause rules are a point
outside the limits, 7 or more points in a row on one side of the mean, 7 or more points in a
row each higher (or each lower) than the last, and 2 of 3 points in a row beyond two-thirds of
the way to a limit (2 sigma), on the same side. Sources and worked examples: docs/measures.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from reflect.core.measure import Better
from reflect.core.signal import Direction, Rule, Side, Signal, direction_of

MIN_POINTS = 20  # Making Data Count: limits from fewer points are not worth trusting
SCALE = 2.66  # 3 / d2, d2 = 1.128 for moving ranges of two points
NEAR = SCALE * 2 / 3  # "close to a limit": beyond 2 sigma
RUN_POINTS = 7
TREND_POINTS = 7


class Variation(StrEnum):
    """The variation icon: what the latest point says."""

    COMMON_CAUSE = "common_cause"
    IMPROVEMENT_HIGH = "improvement_high"
    IMPROVEMENT_LOW = "improvement_low"
    CONCERN_HIGH = "concern_high"
    CONCERN_LOW = "concern_low"


class Assurance(StrEnum):
    """The assurance icon: whether the limits say the goal will be met."""

    CONSISTENTLY_PASS = "consistently_pass"
    CONSISTENTLY_FAIL = "consistently_fail"
    HIT_AND_MISS = "hit_and_miss"


@dataclass(frozen=True)
class XmR:
    mean: float
    mean_moving_range: float
    upper: float
    lower: float
    signals: tuple[Signal, ...]
    variation: Variation
    assurance: Assurance | None  # None without a goal


def analyse_xmr(values: Sequence[float], better: Better, goal: float | None) -> XmR | None:
    """The XmR chart of ``values``, or None below MIN_POINTS."""
    if len(values) < MIN_POINTS:
        return None
    mean, mr_bar, upper, lower = xmr_limits(values)
    sides = [_side(v, mean) for v in values]
    signals: list[Signal] = []
    for i, value in enumerate(values):
        if value > upper or value < lower:
            signals.append(_signal(Rule.OUTSIDE_LIMITS, [i], sides[i], better, 1, 1))
    for run in _stretches(sides):
        if sides[run[0]] != Side.NONE and len(run) >= RUN_POINTS:
            signals.append(_signal(Rule.SPC_RUN, run, sides[run[0]], better, len(run), RUN_POINTS))
    moves = [Side.NONE] + [_side(values[i], values[i - 1]) for i in range(1, len(values))]
    for stretch in _stretches(moves[1:]):
        way = moves[stretch[0] + 1]
        covered = [stretch[0]] + [i + 1 for i in stretch]  # the point each move started from
        if way != Side.NONE and len(covered) >= TREND_POINTS:
            signals.append(
                _signal(Rule.SPC_TREND, covered, way, better, len(covered), TREND_POINTS)
            )
    near = [lower <= v < mean - NEAR * mr_bar or mean + NEAR * mr_bar < v <= upper for v in values]
    signals.extend(_two_of_three(near, sides, better))
    signals.sort(key=lambda s: (s.indexes[0], s.rule))
    return XmR(
        mean,
        mr_bar,
        upper,
        lower,
        tuple(signals),
        _variation(signals, len(values) - 1),
        _assurance(goal, upper, lower, better),
    )


def xmr_limits(values: Sequence[float]) -> tuple[float, float, float, float]:
    """The mean, the mean moving range, and the upper and lower process limits of two or more
    values. Every moving range counts, as in the Making Data Count Excel tools (which do not
    screen out large ranges, as NHSRplotthedots does by default)."""
    mean = sum(values) / len(values)
    ranges = [abs(values[i] - values[i - 1]) for i in range(1, len(values))]
    mr_bar = sum(ranges) / len(ranges)
    return mean, mr_bar, mean + SCALE * mr_bar, mean - SCALE * mr_bar


def _side(value: float, centre: float) -> Side:
    return Side.HIGH if value > centre else Side.LOW if value < centre else Side.NONE


def _stretches(marks: Sequence[Side]) -> list[list[int]]:
    """Indexes grouped into stretches of the same mark, in order."""
    stretches: list[list[int]] = []
    for i, mark in enumerate(marks):
        if stretches and marks[stretches[-1][0]] == mark:
            stretches[-1].append(i)
        else:
            stretches.append([i])
    return stretches


def _two_of_three(near: list[bool], sides: list[Side], better: Better) -> list[Signal]:
    """Two of any three points in a row close to a limit (not beyond it), all three on the
    same side of the mean; overlapping windows make one signal."""
    flagged: list[int] = []
    for start in range(len(near) - 2):
        window = range(start, start + 3)
        same_side = sides[start] != Side.NONE and all(sides[i] == sides[start] for i in window)
        if same_side and sum(near[i] for i in window) >= 2:
            flagged.extend(i for i in window if near[i] and i not in flagged)
    found: list[Signal] = []
    for i in sorted(flagged):
        last = found[-1] if found else None
        if last and i - last.indexes[-1] <= 2 and sides[i] == last.side:
            found[-1] = _signal(
                Rule.TWO_OF_THREE, [*last.indexes, i], last.side, better, last.count + 1, 2
            )
        else:
            found.append(_signal(Rule.TWO_OF_THREE, [i], sides[i], better, 1, 2))
    return found


def _variation(signals: Sequence[Signal], last: int) -> Variation:
    """Making Data Count's variation icon is about the latest point: special cause if any
    rule covers it, high or low by which side, improvement or concern by which way is better."""
    covering = [s for s in signals if last in s.indexes and s.side != Side.NONE]
    if not covering:
        return Variation.COMMON_CAUSE
    signal = covering[-1]
    high = signal.side == Side.HIGH
    if signal.direction == Direction.IMPROVEMENT:
        return Variation.IMPROVEMENT_HIGH if high else Variation.IMPROVEMENT_LOW
    return Variation.CONCERN_HIGH if high else Variation.CONCERN_LOW


def _assurance(goal: float | None, upper: float, lower: float, better: Better) -> Assurance | None:
    """Whether the process limits lie wholly on the goal's good side, its bad side, or across it."""
    if goal is None:
        return None
    if lower <= goal <= upper:
        return Assurance.HIT_AND_MISS
    limits_above_goal = goal < lower
    if limits_above_goal == (better == Better.HIGHER):
        return Assurance.CONSISTENTLY_PASS
    return Assurance.CONSISTENTLY_FAIL


def _signal(
    rule: Rule, indexes: Sequence[int], side: Side, better: Better, count: int, limit: int
) -> Signal:
    return Signal(rule, tuple(indexes), side, direction_of(side, better), count, limit)
