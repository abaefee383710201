"""When returns are due: windows by date whatever order the pack lists its time points in."""

from __future__ import annotations

from datetime import date

from reflect.core.evaluation import EvaluationPlan, TimePoint
from reflect.core.evaluation_due import (
    DueState,
    Window,
    offered,
    openings,
    state_of,
    window_of,
)

FIRST = date(2027, 1, 10)
PLAN = EvaluationPlan(
    evaluator_card="",
    privacy_notice="",
    time_points=(  # listed out of order, and one hangs on an event date
        TimePoint("end", "End", day=date(2027, 6, 30)),
        TimePoint("start", "Start", offset_days=0),
        TimePoint("middle", "Middle", day=date(2027, 3, 1)),
    ),
)


def test_each_window_ends_where_the_next_by_date_begins() -> None:
    found = {o.point.key: (o.opens, o.closes) for o in openings(PLAN, FIRST)}
    assert found == {
        "start": (FIRST, date(2027, 2, 28)),
        "middle": (date(2027, 3, 1), date(2027, 6, 29)),
        "end": (date(2027, 6, 30), None),
    }
    today = date(2027, 4, 2)
    assert window_of(PLAN, "start", FIRST, today) == Window(None, date(2027, 2, 28))
    assert window_of(PLAN, "middle", FIRST, today) == Window(FIRST, today)
    later = date(2027, 8, 1)
    assert window_of(PLAN, "middle", FIRST, later) == Window(FIRST, date(2027, 6, 29))
    assert window_of(PLAN, "end", FIRST, later) == Window(date(2027, 3, 1), later)


def test_without_events_an_offset_time_point_waits() -> None:
    (start,) = [o for o in openings(PLAN, None) if o.point.key == "start"]
    assert start.opens is None and start.closes is None
    assert state_of(start, False, False, date(2030, 1, 1)) is DueState.NOT_YET_OPEN


def test_only_the_newest_open_time_point_is_offered_while_due() -> None:
    listed = openings(PLAN, FIRST)
    today = date(2027, 4, 2)
    states = [(o, state_of(o, False, False, today)) for o in listed]
    chosen = offered(states, set())
    assert chosen is not None and chosen.point.key == "middle"
    assert offered(states, {"middle"}) is None  # "not now": the older one is not offered instead
    sent = [(o, state_of(o, o.point.key == "middle", False, today)) for o in listed]
    assert offered(sent, set()) is None
    withdrawn = [(o, state_of(o, False, True, today)) for o in listed]
    assert {state for _, state in withdrawn} == {DueState.WITHDRAWN}
    assert offered(withdrawn, set()) is None
