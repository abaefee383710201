"""jrnl's time stamps: in the user's ``timeformat``, or jrnl's default and its usual
variants, bracketed (``[2024-03-01 09:30] title``) or, as jrnl 1.x wrote them, not."""

from __future__ import annotations

import re
from datetime import date, datetime

from reflect.core.clock import is_showable
from reflect.errors import BadInput
from reflect.files import Malformed
from reflect.messages import Msg

_TIME = r"(\d{4})-(\d{2})-(\d{2}) (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AaPp][Mm]))?"
_MOMENT = re.compile(_TIME)
_LEGACY_LINE = re.compile(rf"({_TIME})(?: (.*))?")
_DATE_LINE = re.compile(r"\[([^\]]*)\](?: (.*))?")
_DEFAULT_START = "[YYYY-MM-DD HH:MM]"
_MAX_STAMP = 100  # characters between the brackets that can still be a time
_SAMPLE_MOMENT = datetime(2000, 12, 28, 23, 59, 59)  # how long a legacy time is, as jrnl does


def check_time_format(time_format: str) -> None:
    try:
        ok = "%" in time_format and len(time_format) <= _MAX_STAMP
        ok = ok and bool(_SAMPLE_MOMENT.strftime(time_format))
    except ValueError:
        ok = False
    if not ok:
        raise BadInput(Msg.JRNL_BAD_TIME_FORMAT, value=time_format)


class JrnlClock:
    """Reads jrnl's time stamps: in a given ``timeformat``, or jrnl's default and its usual
    variants; in a folder journal, ``day`` comes from the file's path."""

    def __init__(self, time_format: str | None, day: date | None = None) -> None:
        self.time_format = time_format
        self.day = day
        self.expected = f"[{time_format}]" if time_format else _DEFAULT_START
        self._legacy_length = len(_SAMPLE_MOMENT.strftime(time_format)) if time_format else 0

    def bracketed(self, line: str, number: int) -> tuple[datetime, str] | None:
        if not line.startswith("["):
            return None
        match = _DATE_LINE.fullmatch(line)
        if not match or len(match.group(1)) > _MAX_STAMP:
            return None
        moment = self._moment(match.group(1), number)
        return (moment, match.group(2) or "") if moment else None

    def legacy(self, line: str, number: int) -> tuple[datetime, str] | None:
        """jrnl 1.x: ``<time> title``, without brackets."""
        if self.time_format is None:
            match = _LEGACY_LINE.fullmatch(line)
            if not match:
                return None
            stamp, rest = match.group(1), match.group(9) or ""
        else:
            stamp, rest = line[: self._legacy_length], line[self._legacy_length + 1 :]
        moment = self._moment(stamp, number)
        return (moment, rest) if moment else None

    def _moment(self, stamp: str, number: int) -> datetime | None:
        try:
            moment = self._parse(stamp)
            if moment is None:
                return None
            if self.day is not None:
                moment = moment.replace(year=self.day.year, month=self.day.month, day=self.day.day)
        except ValueError as exc:
            raise Malformed(f"line {number}: [{stamp}] is not a real date and time") from exc
        if not is_showable(moment):
            # Near the first or last representable day, moving it to UTC (or later to another
            # time zone) would overflow.
            raise Malformed(f"line {number}: [{stamp}] is not a real date and time")
        return moment

    def _parse(self, stamp: str) -> datetime | None:
        if self.time_format is None:
            return parse_moment(stamp)
        try:
            return datetime.strptime(stamp, self.time_format)
        except ValueError:
            return None  # jrnl, too, reads a line that does not parse as part of the body


def parse_moment(text: str) -> datetime | None:
    """A jrnl timestamp in the default format as naive local time; None if it has another
    shape; ValueError if it has the shape but is no real time."""
    match = _MOMENT.fullmatch(text.strip())
    if not match:
        return None
    year, month, day, hour, minute, second, half = match.groups()
    hour_number = int(hour)
    if half:
        if not 1 <= hour_number <= 12:
            raise ValueError(f"{hour} is not an hour on a 12-hour clock")
        hour_number = hour_number % 12 + (12 if half.lower() == "pm" else 0)
    return datetime(int(year), int(month), int(day), hour_number, int(minute), int(second or 0))
