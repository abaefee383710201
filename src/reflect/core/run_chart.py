"""Run-chart rules: signals of non-random variation around the median.

The numbers and their sources are in docs/measures.md. In short: IHI's shift (6 or more points
in a row on one side of the median; points on the median neither add to nor break it) and trend
(5 or more points in a row going one way; equal neighbours count once) rules from Perla, Provost
and Murray (2011), and Anhøj's runs rules (Anhøj and Olesen 2014) that NHS England's Making Data
Count uses: the longest run against round(log2(n) + 3), crossings against the 5th percentile
of Binomial(n - 1, 0.5), with n the useful observations (those not on the median).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from reflect.core.measure import Better
from reflect.core.signal import Rule, Side, Signal, direction_of

MIN_POINTS = 10  # the published tables start at 10 useful observations; fewer judge nothing
SHIFT_POINTS = 6
TREND_POINTS = 5


@dataclass(frozen=True)
class RunChart:
    median: float | None  # None with no points at all
    useful: int  # points not on the median
    longest_run: int
    longest_run_limit: int  # a longer run is a signal (0 when too few points to judge)
    crossings: int
    crossings_limit: int  # fewer crossings are a signal (0 when too few points to judge)
    signals: tuple[Signal, ...]

    @property
    def enough(self) -> bool:
        return self.useful >= MIN_POINTS


def longest_run_limit(useful: int) -> int:
    """Anhøj's upper limit for the longest run: round(log2(n) + 3) (never exactly .5)."""
    return round(math.log2(useful) + 3)


def crossings_limit(useful: int) -> int:
    """Anhøj's lower limit for crossings: the smallest c with P(C <= c) >= 0.05 for
    C ~ Binomial(n - 1, 1/2), as R's ``qbinom(0.05, n - 1, 0.5)``; exact, in whole numbers."""
    trials = useful - 1
    total, running = 2**trials, 0
    for c in range(trials + 1):
        running += math.comb(trials, c)
        if running * 20 >= total:  # running / total >= 0.05, without rounding
            return c
    return trials


def analyse_run_chart(values: Sequence[float], better: Better) -> RunChart:
    if not values:
        return RunChart(None, 0, 0, 0, 0, 0, ())
    median = statistics.median(values)
    sides = [_side(v, median) for v in values]
    useful = [i for i, s in enumerate(sides) if s != Side.NONE]
    runs = _runs([(i, sides[i]) for i in useful])
    longest = max((len(r) for r in runs), default=0)
    crossings = max(len(runs) - 1, 0)
    if len(useful) < MIN_POINTS:
        return RunChart(median, len(useful), longest, 0, crossings, 0, ())
    run_limit, cross_limit = longest_run_limit(len(useful)), crossings_limit(len(useful))
    signals: list[Signal] = []
    for run in runs:
        side = sides[run[0]]
        if len(run) >= SHIFT_POINTS:
            signals.append(_signal(Rule.SHIFT, run, side, better, len(run), SHIFT_POINTS))
        if len(run) > run_limit:
            signals.append(_signal(Rule.LONG_RUN, run, side, better, len(run), run_limit))
    if crossings < cross_limit:
        signals.append(
            _signal(Rule.FEW_CROSSINGS, useful, Side.NONE, better, crossings, cross_limit)
        )
    signals.extend(_trends(values, better))
    signals.sort(key=lambda s: (s.indexes[0], s.rule))
    return RunChart(median, len(useful), longest, run_limit, crossings, cross_limit, tuple(signals))


def _side(value: float, centre: float) -> Side:
    return Side.HIGH if value > centre else Side.LOW if value < centre else Side.NONE


def _runs(marked: list[tuple[int, Side]]) -> list[list[int]]:
    """Indexes grouped into runs of the same side (points on the line already left out)."""
    runs: list[list[int]] = []
    previous = Side.NONE
    for index, side in marked:
        if side != previous:
            runs.append([])
            previous = side
        runs[-1].append(index)
    return runs


def _trends(values: Sequence[float], better: Better) -> list[Signal]:
    """IHI's trend: 5 or more points going one way, where like values are counted once
    ("ignore the like points when counting"), so a repeat neither makes nor breaks a trend."""
    groups: list[tuple[int, int]] = []  # first and last index of each stretch of equal values
    for i, value in enumerate(values):
        if groups and values[groups[-1][0]] == value:
            groups[-1] = (groups[-1][0], i)
        else:
            groups.append((i, i))
    found: list[Signal] = []
    first = 0  # the group the current trend starts from
    for k in range(1, len(groups) + 1):
        way = _way(values, groups, k)
        if k < len(groups) and way == _way(values, groups, first + 1):
            continue
        counted = k - first  # groups from ``first`` to ``k - 1``
        if counted >= TREND_POINTS:
            covered = range(groups[first][1], groups[k - 1][0] + 1)
            side = _way(values, groups, first + 1)
            found.append(_signal(Rule.TREND, covered, side, better, counted, TREND_POINTS))
        first = k - 1
    return found


def _way(values: Sequence[float], groups: list[tuple[int, int]], k: int) -> Side:
    """Which way the values moved into group ``k`` from the one before it."""
    if k <= 0 or k >= len(groups):
        return Side.NONE
    return _side(values[groups[k][0]], values[groups[k - 1][0]])


def _signal(
    rule: Rule, indexes: Sequence[int], side: Side, better: Better, count: int, limit: int
) -> Signal:
    return Signal(rule, tuple(indexes), side, direction_of(side, better), count, limit)
