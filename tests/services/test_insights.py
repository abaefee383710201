"""Insights counts: local days and months, trash left out, done counted when it was done."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime

import pytest

from fakes import FakeClock
from reflect.app import App
from reflect.core.action import ActionKind, ActionStatus
from reflect.core.assessment import Score
from reflect.services.insights import MonthCounts, month_names

# POSIX zone rules, so no tz database is needed: ten hours ahead, and London with summer time.
AHEAD_TEN = "AEST-10"
LONDON = "GMT0BST,M3.5.0/1,M10.5.0"

needs_tzset = pytest.mark.skipif(not hasattr(time, "tzset"), reason="needs time.tzset")


@pytest.fixture
def local_zone() -> Iterator[Callable[[str], None]]:
    before = os.environ.get("TZ")

    def use(zone: str) -> None:
        os.environ["TZ"] = zone
        time.tzset()

    yield use
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def at(clock: FakeClock, *moment: int) -> None:
    clock.now = datetime(*moment, tzinfo=UTC)  # type: ignore[misc]


def test_activity_counts_live_entries_per_day_with_every_day_present(
    app: App, clock: FakeClock, local_zone: Callable[[str], None]
) -> None:
    local_zone("UTC0")
    at(clock, 2026, 2, 27, 10)
    app.entries.write("one")
    app.entries.write("two")
    at(clock, 2026, 2, 28, 23, 59)
    trashed = app.entries.write("gone")
    app.entries.trash(trashed.id)
    at(clock, 2026, 1, 1, 12)
    app.entries.write("too old for a week")
    at(clock, 2026, 3, 1, 9)
    app.entries.write("today")

    week = app.insights.activity_by_day(days=7)

    assert list(week) == [date(2026, 2, 23 + n) for n in range(6)] + [date(2026, 3, 1)]
    assert week[date(2026, 2, 27)] == 2
    assert week[date(2026, 2, 28)] == 0  # the trashed entry does not count
    assert week[date(2026, 3, 1)] == 1
    assert sum(week.values()) == 3
    assert len(app.insights.activity_by_day()) == 364


@needs_tzset
def test_activity_uses_local_days(
    app: App, clock: FakeClock, local_zone: Callable[[str], None]
) -> None:
    local_zone(AHEAD_TEN)
    at(clock, 2026, 2, 28, 13, 30)  # 23:30 on 28 February, ten hours ahead
    app.entries.write("late evening")
    at(clock, 2026, 2, 28, 14, 30)  # 00:30 on 1 March
    app.entries.write("just after midnight")
    at(clock, 2026, 3, 1, 9)  # 19:00 on 1 March

    days = app.insights.activity_by_day(days=2)

    assert days == {date(2026, 2, 28): 1, date(2026, 3, 1): 1}


@needs_tzset
def test_summer_time_moves_an_entry_into_the_next_local_day_and_month(
    app: App, clock: FakeClock, local_zone: Callable[[str], None]
) -> None:
    local_zone(LONDON)
    at(clock, 2026, 6, 30, 23, 30)  # 00:30 on 1 July, British Summer Time
    app.entries.write("after midnight")
    app.actions.add("Try the huddle at the care home", ActionKind.START)

    assert app.insights.activity_by_day(days=2) == {date(2026, 6, 30): 0, date(2026, 7, 1): 1}
    assert app.insights.actions_by_month(months=2) == [
        MonthCounts("2026-06"),
        MonthCounts("2026-07", started=1),
    ]


def test_actions_per_month_across_month_and_year_boundaries(
    app: App, clock: FakeClock, local_zone: Callable[[str], None]
) -> None:
    local_zone("UTC0")
    at(clock, 2025, 12, 31, 23, 59)
    old = app.actions.add("Run the weekly spreadsheet", ActionKind.STOP)
    at(clock, 2026, 1, 1, 0, 1)
    start = app.actions.add("Start a joint huddle", ActionKind.START)
    app.actions.add("Keep the learning log", ActionKind.CONTINUE)
    dropped = app.actions.add("Start a new dashboard", ActionKind.START)
    at(clock, 2026, 1, 31, 23, 59)
    app.actions.add("Stop chasing figures by email", ActionKind.STOP)
    app.actions.set_status(dropped.id, ActionStatus.DROPPED)
    at(clock, 2026, 2, 1, 0, 0)
    app.actions.set_status(start.id, ActionStatus.DONE)
    at(clock, 2026, 3, 1, 9)
    app.actions.set_status(old.id, ActionStatus.DONE)

    months = app.insights.actions_by_month(months=4)

    assert months == [
        MonthCounts("2025-12", stopped=1),
        MonthCounts("2026-01", started=2, stopped=1),
        MonthCounts("2026-02", done=1),  # done counts in the month it was done
        MonthCounts("2026-03", done=1),
    ]
    assert len(app.insights.actions_by_month()) == 12
    assert app.insights.actions_by_month()[-1].month == "2026-03"


def test_month_names_cross_a_new_year() -> None:
    assert month_names(date(2026, 1, 15), 3) == ["2025-11", "2025-12", "2026-01"]


def test_done_then_reopened_does_not_count(app: App, clock: FakeClock) -> None:
    action = app.actions.add("Ask Dev about the trust's huddle")
    app.actions.set_status(action.id, ActionStatus.DONE)
    app.actions.set_status(action.id, ActionStatus.OPEN)
    assert app.insights.actions_by_month(months=1) == [MonthCounts("2026-03", started=1)]


def test_assessment_series_and_frameworks_most_recent_first(app: App, clock: FakeClock) -> None:
    assert app.insights.frameworks_assessed() == []
    first = app.assessments.record("csif", [Score("vision", 2)])
    clock.advance(days=30)
    app.assessments.record("five-principles", [Score("purpose", 3)])
    clock.advance(days=30)
    second = app.assessments.record("csif", [Score("vision", 4, "Shared story holds")])

    assert app.insights.frameworks_assessed() == ["csif", "five-principles"]
    assert [a.id for a in app.insights.assessment_series("csif")] == [first.id, second.id]
    assert app.insights.assessment_series("nothing") == []
