"""Measures: what an inquiry counts over time, and the dated values recorded for it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Better(StrEnum):
    """Which way a measure should move for things to be getting better."""

    HIGHER = "higher"
    LOWER = "lower"


@dataclass(frozen=True)
class Measure:
    id: str
    name: str
    unit: str
    better: Better
    created: str
    updated: str
    # Kept when its inquiry goes, as actions are: the data is the person's, the link is not.
    inquiry_id: str | None = None
    definition: str = ""  # the operational definition: exactly what is counted, and how
    baseline: float | None = None
    goal: float | None = None


@dataclass(frozen=True)
class Point:
    """One value of a measure on one day; a measure has at most one point a day."""

    measure_id: str
    day: str  # a local calendar date, YYYY-MM-DD
    value: float
    note: str = ""


MAX_MAGNITUDE = 1e12  # far beyond any count or rate a team keeps, well inside a float's digits
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)", re.ASCII)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def read_value(text: str) -> float | None:
    """A decimal number written plainly (``12``, ``-0.5``), or None: no exponents, no
    infinities, nothing a spreadsheet might have mangled."""
    text = text.strip()
    if not _NUMBER.fullmatch(text):
        return None
    value = float(text)
    return value if abs(value) <= MAX_MAGNITUDE else None


def read_day(text: str) -> str | None:
    """A calendar date written YYYY-MM-DD, or None."""
    text = text.strip()
    if not _DAY.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return None
