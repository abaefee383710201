"""An evaluation plan's time points open on their day, or some days after the first event."""

from datetime import date

from reflect.core.evaluation import EvaluationPlan, TimePoint


def test_a_fixed_day_wins_over_the_programme_start() -> None:
    point = TimePoint("start", "Start", day=date(2027, 1, 4))
    assert point.due_on(date(2026, 12, 1)) == date(2027, 1, 4)


def test_an_offset_counts_from_the_first_event() -> None:
    point = TimePoint("after", "Six months after", offset_days=183)
    assert point.due_on(date(2027, 1, 4)) == date(2027, 7, 6)


def test_an_offset_with_no_events_has_no_day() -> None:
    assert TimePoint("after", "After", offset_days=30).due_on(None) is None


def test_a_plan_finds_its_time_points_by_key() -> None:
    middle = TimePoint("middle", "Middle", offset_days=120)
    plan = EvaluationPlan("card", "notice", (TimePoint("start", "Start", offset_days=0), middle))
    assert plan.time_point("middle") == middle
    assert plan.time_point("end") is None
