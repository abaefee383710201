"""What the run-chart and SPC rules find: signals, each naming the points it covers.

Words are not here: services build the sentence a person reads from the message catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum

from reflect.core.measure import Better


class Rule(StrEnum):
    # Run chart, judged against the median (docs/measures.md gives each source).
    SHIFT = "shift"  # IHI: 6 or more points in a row on one side of the median
    TREND = "trend"  # IHI: 5 or more points in a row going up, or going down
    LONG_RUN = "long_run"  # Anhøj: a run on one side longer than round(log2(n) + 3)
    FEW_CROSSINGS = "few_crossings"  # Anhøj: fewer crossings than the binomial 5th percentile
    # XmR chart, judged against the mean and its process limits (NHS Making Data Count).
    OUTSIDE_LIMITS = "outside_limits"
    SPC_RUN = "spc_run"  # 7 or more points in a row on one side of the mean
    SPC_TREND = "spc_trend"  # 7 or more points in a row each higher, or each lower
    TWO_OF_THREE = "two_of_three"  # 2 of 3 points in a row near one limit


class Side(IntEnum):
    LOW = -1  # below the centre line, or going down
    NONE = 0  # no side: a count over the whole chart
    HIGH = 1  # above the centre line, or going up


class Direction(StrEnum):
    IMPROVEMENT = "improvement"
    CONCERN = "concern"
    NEUTRAL = "neutral"


def direction_of(side: Side, better: Better) -> Direction:
    if side == Side.NONE:
        return Direction.NEUTRAL
    good = Side.HIGH if better == Better.HIGHER else Side.LOW
    return Direction.IMPROVEMENT if side == good else Direction.CONCERN


@dataclass(frozen=True)
class Signal:
    rule: Rule
    indexes: tuple[int, ...]  # positions, in date order, of the points the signal covers
    side: Side
    direction: Direction
    count: int  # the number the rule counted (points, or crossings for FEW_CROSSINGS)
    limit: int = 0  # the number it was judged against, where the rule has one
