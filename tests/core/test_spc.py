"""The XmR chart and Making Data Count's rules, icons and assurance (docs/measures.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reflect.core.measure import Better
from reflect.core.signal import Direction, Rule, Side
from reflect.core.spc import MIN_POINTS, Assurance, Variation, XmR, analyse_xmr, xmr_limits

# A steady process: mean 10, every moving range 2, so the limits are 10 ± 5.32 and "close to
# a limit" starts beyond 10 ± 3.5467 (two-thirds of the way, 2 sigma).
STEADY = [9.0, 11.0] * 10


def xmr(values: list[float], better: Better = Better.HIGHER, goal: float | None = None) -> XmR:
    chart = analyse_xmr(values, better, goal)
    assert chart is not None
    return chart


def found(chart: XmR, rule: Rule) -> list[tuple[int, ...]]:
    return [s.indexes for s in chart.signals if s.rule == rule]


def test_limits_are_the_mean_plus_or_minus_2_66_mean_moving_ranges() -> None:
    chart = xmr(STEADY)
    assert (chart.mean, chart.mean_moving_range) == (10.0, 2.0)
    assert chart.upper == pytest.approx(15.32) and chart.lower == pytest.approx(4.68)
    assert chart.signals == () and chart.variation == Variation.COMMON_CAUSE


def test_limits_of_the_worked_example_in_nhsrplotthedots_deviations_vignette() -> None:
    # "Deviations from Excel defaults": 18 daily values with one outlier. Unscreened, as the
    # Making Data Count Excel tools compute them: mean 35/18, mean moving range 32/17.
    data = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]
    mean, mr_bar, upper, lower = xmr_limits(data)
    assert (round(mean, 2), round(mr_bar, 2)) == (1.94, 1.88)
    assert (round(upper, 2), round(lower, 2)) == (6.95, -3.06)
    # The package's default screens the two large ranges out (mean moving range 1), giving the
    # vignette's caption "UPL = 4.6, Mean = 1.94, LPL = -0.72".
    assert (round(mean + 2.66, 2), round(mean - 2.66, 2)) == (4.6, -0.72)


def test_fewer_than_twenty_points_make_no_xmr_chart() -> None:
    assert MIN_POINTS == 20
    assert analyse_xmr(STEADY[:19], Better.HIGHER, None) is None


def test_a_point_outside_the_limits() -> None:
    chart = xmr([*STEADY, 30.0], Better.LOWER)
    [signal] = [s for s in chart.signals if s.rule == Rule.OUTSIDE_LIMITS]
    assert signal.indexes == (20,) and signal.direction == Direction.CONCERN
    assert chart.variation == Variation.CONCERN_HIGH


# The run and trend cases of NHSRplotthedots' tests (tests/testthat/test-ptd_calculate_point_type
# .R), which implement Making Data Count: 7 in a row, and equal neighbours break a trend.


def test_seven_on_one_side_of_the_mean_six_are_not() -> None:
    assert found(xmr([*STEADY, *[10.8] * 7, 0.0, 20.0]), Rule.SPC_RUN) == [tuple(range(19, 27))]
    assert found(xmr([*STEADY, *[10.8] * 5, 0.0, 20.0]), Rule.SPC_RUN) == []


def test_seven_rising_points_make_a_trend_and_a_repeat_breaks_it() -> None:
    rising = [8.0, 8.5, 9.0, 9.5, 10.0, 10.5, 11.0]
    assert found(xmr([*STEADY, *rising]), Rule.SPC_TREND) == [tuple(range(20, 27))]
    assert found(xmr([*STEADY, *rising[:6]]), Rule.SPC_TREND) == []
    broken = [8.0, 8.5, 9.0, 9.0, 9.5, 10.0, 10.5]
    assert found(xmr([*STEADY[:-1], 10.0, *broken]), Rule.SPC_TREND) == []


def test_two_of_three_close_to_a_limit_on_the_same_side() -> None:
    near = 15.0  # beyond two-thirds of the way to the upper limit, inside it
    chart = xmr([*STEADY, near, 10.5, near, 10.0], Better.HIGHER)
    assert found(chart, Rule.TWO_OF_THREE) == [(20, 22)]
    assert chart.signals[-1].direction == Direction.IMPROVEMENT
    # One near point, or two near points either side of the mean, are not a signal.
    assert found(xmr([*STEADY, near, 10.5, 10.5, near]), Rule.TWO_OF_THREE) == []
    assert found(xmr([*STEADY, near, 6.0, 5.5]), Rule.TWO_OF_THREE) == []


@pytest.mark.parametrize(
    ("better", "goal", "expected"),
    [
        (Better.HIGHER, 2.0, Assurance.CONSISTENTLY_PASS),
        (Better.HIGHER, 20.0, Assurance.CONSISTENTLY_FAIL),
        (Better.LOWER, 2.0, Assurance.CONSISTENTLY_FAIL),
        (Better.LOWER, 20.0, Assurance.CONSISTENTLY_PASS),
        (Better.HIGHER, 12.0, Assurance.HIT_AND_MISS),
        (Better.LOWER, 12.0, Assurance.HIT_AND_MISS),
    ],
)
def test_assurance_compares_the_goal_with_the_limits(
    better: Better, goal: float, expected: Assurance
) -> None:
    assert xmr(STEADY, better, goal).assurance == expected


def test_no_goal_no_assurance() -> None:
    assert xmr(STEADY).assurance is None


def test_the_variation_icon_reads_the_latest_point() -> None:
    low_run = [*STEADY, *[8.0] * 7]
    assert xmr(low_run, Better.LOWER).variation == Variation.IMPROVEMENT_LOW
    assert xmr(low_run, Better.HIGHER).variation == Variation.CONCERN_LOW
    high_run = [*STEADY, *[12.0] * 7]
    assert xmr(high_run, Better.HIGHER).variation == Variation.IMPROVEMENT_HIGH
    assert xmr([*high_run, 9.0], Better.HIGHER).variation == Variation.COMMON_CAUSE


@given(st.lists(st.integers(-1000, 1000), min_size=20, max_size=60), st.integers(-(10**5), 10**5))
def test_shifting_every_value_never_changes_the_signals(values: list[int], by: int) -> None:
    before = xmr([float(v) for v in values]).signals
    after = xmr([float(v + by) for v in values]).signals
    assert [(s.rule, s.indexes, s.side) for s in after] == [
        (s.rule, s.indexes, s.side) for s in before
    ]


@given(st.lists(st.integers(-1000, 1000), min_size=20, max_size=60))
def test_signals_cover_real_points_and_sides_are_set(values: list[int]) -> None:
    for signal in xmr([float(v) for v in values]).signals:
        assert all(0 <= i < len(values) for i in signal.indexes)
        assert signal.side != Side.NONE
