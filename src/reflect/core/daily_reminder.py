"""The daily reminder to write: its time of day as the settings keep it ("HH:MM"), and the
next moment it is due. Whether anything was written that day is the caller's question."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta

DEFAULT_TIME = time(20, 0)  # early evening: the working day is done, there is time to write
_CLOCK_TIME = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")


def parse_time(text: str) -> time | None:
    """A 24-hour "HH:MM", or None for anything else."""
    found = _CLOCK_TIME.fullmatch(text.strip())
    return time(int(found[1]), int(found[2])) if found else None


def time_text(at: time) -> str:
    return f"{at:%H:%M}"


def next_due(now: datetime, at: time) -> datetime:
    """The first moment after ``now`` (aware, local) when the clock reads ``at``: today's, or
    tomorrow's once today's has passed."""
    due = datetime.combine(now.date(), at, tzinfo=now.tzinfo)
    return due if due > now else due + timedelta(days=1)
