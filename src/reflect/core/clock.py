"""Timestamps: UTC ISO 8601 text with an explicit offset, and local calendar days."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time

Clock = Callable[[], datetime]
# datetime runs from year 1 to 9999. A moment within a day of either end cannot be moved into
# every time zone (astimezone overflows), so moments read from files must fall inside these.
FIRST_YEAR, LAST_YEAR = 2, 9998


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_text(moment: datetime) -> str:
    """Store a moment as UTC text; naive datetimes are taken to be local time."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def is_showable(moment: datetime) -> bool:
    """Whether ``moment`` (naive means local time) can be shown in any time zone."""
    try:
        year = moment.astimezone(UTC).year
    except (OverflowError, OSError, ValueError):
        return False
    return FIRST_YEAR <= year <= LAST_YEAR


def from_text(text: str) -> datetime:
    return datetime.fromisoformat(text)


def local_date(moment: str) -> date:
    """The local calendar day of a stored UTC moment."""
    return from_text(moment).astimezone().date()


def local_day_start(day: date) -> str:
    """The UTC text of local midnight at the start of ``day``."""
    return to_text(datetime.combine(day, time.min).astimezone())


def parse_day(text: str) -> date:
    """Parse YYYY-MM-DD; raises ValueError on anything else."""
    return date.fromisoformat(text.strip())
