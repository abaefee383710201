"""Typed fields of a JSON object, read strictly: each failure names its field.

Shared by the readers of Reflect's own JSON documents (the journal export), so that a
timestamp, a day, a number or a piece of text is held to the same rule in each.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from reflect.core.clock import is_showable
from reflect.core.measure import MAX_MAGNITUDE
from reflect.files import is_text

MAX_SCORE = 1_000_000  # far beyond any rating scale, well inside SQLite's integers
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def text(raw: dict[str, Any], key: str, default: str | None = None) -> str:
    value = raw.get(key, default)
    if not isinstance(value, str) or not is_text(value):
        raise TypeError(f'"{key}" must be text')
    return value


def moment(raw: dict[str, Any], key: str, default: str | None = None) -> str:
    """A timestamp with its offset, as ISO 8601 text; kept exactly as written."""
    value = text(raw, key, default)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f'"{key}" is not an ISO 8601 timestamp') from None
    if parsed.tzinfo is None:
        raise ValueError(f'"{key}" has no UTC offset')
    if not is_showable(parsed):
        raise ValueError(f'"{key}" is too far in the past or the future')
    return value


def optional(raw: dict[str, Any], key: str) -> str | None:
    value = raw.get(key)
    if value is not None and (not isinstance(value, str) or not is_text(value)):
        raise TypeError(f'"{key}" must be text or null')
    return value


def optional_moment(raw: dict[str, Any], key: str) -> str | None:
    return None if raw.get(key) is None else moment(raw, key)


def optional_day(raw: dict[str, Any], key: str) -> str | None:
    """A local calendar day written YYYY-MM-DD (as the actions page reads it), or None."""
    value = optional(raw, key)
    if value is not None and not is_day(value):
        raise ValueError(f'"{key}" is not a day written YYYY-MM-DD')
    return value


def is_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return bool(_DAY.fullmatch(text))


def whole_number(raw: dict[str, Any], key: str) -> int:
    value = raw[key]
    if not isinstance(value, int) or isinstance(value, bool) or abs(value) > MAX_SCORE:
        raise TypeError(f'"{key}" must be a whole number from -{MAX_SCORE} to {MAX_SCORE}')
    return value


def optional_number(raw: dict[str, Any], key: str) -> float | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f'"{key}" must be a number or null')
    if not abs(value) <= MAX_MAGNITUDE:  # also refuses NaN
        raise ValueError(f'"{key}" is beyond {MAX_MAGNITUDE:g} or not a number')
    return float(value)
