"""When the daily reminder is next due, and its time as the settings keep it."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from reflect.core.daily_reminder import next_due, parse_time, time_text

EVENING = time(20, 0)


@pytest.mark.parametrize(
    ("now", "due"),
    [
        (datetime(2026, 12, 3, 9, 0, tzinfo=UTC), datetime(2026, 12, 3, 20, 0, tzinfo=UTC)),
        (datetime(2026, 12, 3, 19, 59, 59, tzinfo=UTC), datetime(2026, 12, 3, 20, 0, tzinfo=UTC)),
        # At the moment itself, or after it, the next one is tomorrow's.
        (datetime(2026, 12, 3, 20, 0, tzinfo=UTC), datetime(2026, 12, 4, 20, 0, tzinfo=UTC)),
        (datetime(2026, 12, 31, 23, 0, tzinfo=UTC), datetime(2027, 1, 1, 20, 0, tzinfo=UTC)),
    ],
)
def test_next_due_is_today_until_the_time_passes(now: datetime, due: datetime) -> None:
    assert next_due(now, EVENING) == due


@pytest.mark.parametrize(
    ("text", "parsed"),
    [("20:00", EVENING), (" 07:05 ", time(7, 5)), ("24:00", None), ("7:05", None), ("", None)],
)
def test_the_time_is_kept_as_24_hour_text(text: str, parsed: time | None) -> None:
    assert parse_time(text) == parsed


def test_a_time_survives_being_kept() -> None:
    assert parse_time(time_text(time(6, 30))) == time(6, 30)
