"""Run-chart rules against their published numbers and worked cases (sources: docs/measures.md)."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reflect.core.measure import Better
from reflect.core.run_chart import (
    MIN_POINTS,
    analyse_run_chart,
    crossings_limit,
    longest_run_limit,
)
from reflect.core.signal import Direction, Rule, Side

# The limits of Anhøj & Olesen (2014), "Run charts revisited", PLOS ONE 9(11): e113825, as
# qicharts2 (the first author's package) computes them: for n useful observations, the longest
# run may be at most the first number (round(log2(n)) + 3), and the crossings at least the second
# (qbinom(0.05, n - 1, 0.5)), before a signal. Worked out by hand from those definitions and
# checked, for the first number, against an independently published table (docs/measures.md).
ANHOEJ_TABLE = {
    10: (6, 2), 11: (6, 2), 12: (7, 3), 13: (7, 3), 14: (7, 4), 15: (7, 4), 16: (7, 4),
    17: (7, 5), 18: (7, 5), 19: (7, 6), 20: (7, 6), 21: (7, 6), 22: (7, 7), 23: (8, 7),
    24: (8, 8), 25: (8, 8), 26: (8, 8), 27: (8, 9), 28: (8, 9), 29: (8, 10), 30: (8, 10),
}  # fmt: skip


def rules(values: list[float], better: Better = Better.HIGHER) -> list[Rule]:
    return [s.rule for s in analyse_run_chart(values, better).signals]


@pytest.mark.parametrize(("n", "expected"), sorted(ANHOEJ_TABLE.items()))
def test_limits_match_the_tabulated_values(n: int, expected: tuple[int, int]) -> None:
    assert (longest_run_limit(n), crossings_limit(n)) == expected


@pytest.mark.parametrize("n", [10, 17, 31, 60, 100, 250])
def test_crossings_limit_is_the_binomial_fifth_percentile(n: int) -> None:
    def cdf(c: int) -> Fraction:
        return Fraction(sum(math.comb(n - 1, k) for k in range(c + 1)), 2 ** (n - 1))

    c = crossings_limit(n)
    assert cdf(c) >= Fraction(1, 20) > (cdf(c - 1) if c else 0)


def test_run_lengths_match_the_published_log2_table() -> None:
    # The upper limit round(log2(n) + 3) tabulated for n = 10 to 100 (docs/measures.md).
    assert [longest_run_limit(n) for n in (10, 12, 22, 23, 45, 46, 90, 91, 100)] == [
        6, 7, 7, 8, 8, 9, 9, 10, 10
    ]  # fmt: skip


def test_six_points_above_the_median_are_a_shift_five_are_not() -> None:
    base = [5, 1, 5, 1, 5, 1, 5, 1]  # alternating: median 3
    six = [1, 5] + [9] * 6 + base
    five = [1, 5] + [9] * 5 + [1] + base

    assert Rule.SHIFT in rules(six)
    assert Rule.SHIFT not in rules(five)
    shift = next(s for s in analyse_run_chart(six, Better.HIGHER).signals if s.rule == Rule.SHIFT)
    assert shift.indexes == (2, 3, 4, 5, 6, 7) and shift.side == Side.HIGH  # 5 is the median


def test_points_on_the_median_neither_break_nor_add_to_a_shift() -> None:
    # Perla et al. 2011: values on the median are skipped when counting a shift.
    values = [1, 9, 9, 9, 5, 9, 9, 9, 5, 1, 1, 1, 5, 1, 1, 1, 5]  # median 5
    chart = analyse_run_chart(values, Better.LOWER)

    [high, low] = [s for s in chart.signals if s.rule == Rule.SHIFT]
    assert high.indexes == (1, 2, 3, 5, 6, 7) and high.count == 6
    assert low.indexes == (9, 10, 11, 13, 14, 15)
    assert (high.direction, low.direction) == (Direction.CONCERN, Direction.IMPROVEMENT)
    assert chart.useful == len(values) - 4


def test_five_points_going_up_are_a_trend_four_are_not() -> None:
    flat = [3, 6, 3, 6, 3, 6, 3, 6]
    assert Rule.TREND in rules([6, 1, 2, 3, 4, 5, *flat])
    assert Rule.TREND not in rules([6, 1, 2, 3, 4, 1, *flat])


def test_repeated_values_count_once_and_do_not_break_a_trend() -> None:
    # "If the value of two or more successive points is the same, ignore the like points when
    # counting; like values do not make or break a trend" (Perla et al. 2011, rule 2).
    flat = [3, 6, 3, 6, 3, 6, 3, 6]
    four_distinct = [1, 5, 4, 4, 3, 3, 2, 9, *flat]  # 5 4 3 2: four points going down
    five_distinct = [1, 6, 5, 5, 4, 3, 3, 2, 9, *flat]

    assert Rule.TREND not in rules(four_distinct)
    [trend] = [
        s for s in analyse_run_chart(five_distinct, Better.LOWER).signals if s.rule == Rule.TREND
    ]
    assert trend.count == 5 and trend.indexes == (1, 2, 3, 4, 5, 6, 7)
    assert (trend.side, trend.direction) == (Side.LOW, Direction.IMPROVEMENT)


def test_too_few_points_to_judge_give_no_signal() -> None:
    nine = [1, 2, 3, 4, 5, 6, 7, 8, 9]
    chart = analyse_run_chart(nine, Better.HIGHER)
    assert chart.signals == () and not chart.enough and chart.useful == 8  # 5 is the median

    # Ten points, but two on the median: eight useful observations are still too few.
    on_median = analyse_run_chart([5, 5, 1, 9, 1, 9, 1, 9, 1, 9], Better.HIGHER)
    assert on_median.useful == 8 and on_median.signals == ()
    assert analyse_run_chart([], Better.HIGHER).median is None


def test_few_crossings_and_a_long_run_in_a_stepped_series() -> None:
    values = [2.0] * 12 + [8.0] * 12  # 24 useful points, one crossing, runs of 12
    chart = analyse_run_chart(values, Better.HIGHER)

    assert (chart.crossings, chart.crossings_limit) == (1, 8)
    assert (chart.longest_run, chart.longest_run_limit) == (12, 8)
    assert {s.rule for s in chart.signals} == {Rule.SHIFT, Rule.LONG_RUN, Rule.FEW_CROSSINGS}


def test_a_random_looking_series_gives_no_signal() -> None:
    values = [5, 8, 3, 9, 4, 7, 2, 8, 5, 9, 3, 6, 4, 8, 3, 7, 5, 9, 2, 6]
    assert len(values) >= MIN_POINTS
    assert rules(values) == []


values_lists = st.lists(st.integers(-1000, 1000), min_size=0, max_size=60)


@given(values_lists, st.integers(-(10**6), 10**6))
def test_shifting_every_value_never_changes_the_signals(values: list[int], by: int) -> None:
    before = analyse_run_chart(values, Better.HIGHER).signals
    assert analyse_run_chart([v + by for v in values], Better.HIGHER).signals == before


@given(values_lists)
def test_mirroring_the_values_mirrors_the_signals(values: list[int]) -> None:
    higher = analyse_run_chart(values, Better.HIGHER).signals
    lower = analyse_run_chart([-v for v in values], Better.LOWER).signals
    assert [(s.rule, s.indexes, s.direction) for s in higher] == [
        (s.rule, s.indexes, s.direction) for s in lower
    ]


@given(values_lists)
def test_every_signal_covers_real_points_in_order(values: list[int]) -> None:
    for signal in analyse_run_chart(values, Better.HIGHER).signals:
        assert list(signal.indexes) == sorted(set(signal.indexes))
        assert all(0 <= i < len(values) for i in signal.indexes)
