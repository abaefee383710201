"""Timers, percentiles and figures: a measurement beside its floor, and the target it answers.

A :class:`Figure` holds one measured value and the reference measured in the same run (the
floor: the least the same work can cost, or the competitor it is compared with); its ratio is
value over reference, so machine noise that slows both cancels out. A :class:`Target` says what
the figure should reach, as a ratio or as an absolute value.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Unit = Literal["s", "MB", "x"]  # x: times another amount (bytes per byte of text)


def timed(work: Callable[[], object]) -> float:
    """Seconds that ``work()`` took, by the monotonic high-resolution clock."""
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def percentile(samples: Sequence[float], fraction: float) -> float:
    """The ``fraction`` (0..1) percentile, interpolating between the nearest samples."""
    if not samples:
        raise ValueError("no samples")
    ordered = sorted(samples)
    place = (len(ordered) - 1) * fraction
    low, high = math.floor(place), math.ceil(place)
    return ordered[low] + (ordered[high] - ordered[low]) * (place - low)


def median(samples: Sequence[float]) -> float:
    return percentile(samples, 0.5)


def p95(samples: Sequence[float]) -> float:
    return percentile(samples, 0.95)


@dataclass(frozen=True)
class Target:
    """What a figure should reach: its ratio at most ``limit`` or its value at most ``limit``."""

    text: str  # as the issue states it, for the table
    limit: float
    on: Literal["ratio", "value"] = "ratio"
    binding: bool = True  # False: reported, never failing the run (encryption's costs)

    def met_by(self, figure: Figure) -> bool:
        return (figure.ratio if self.on == "ratio" else figure.value) <= self.limit


@dataclass(frozen=True)
class Figure:
    """One line of the results table."""

    key: str  # stable id, e.g. "search.10k.p95"
    label: str
    value: float
    unit: Unit
    reference: float
    reference_label: str
    target: Target | None = None
    samples: int = 1
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        return self.value / self.reference if self.reference > 0 else math.inf

    @property
    def met(self) -> bool | None:
        return None if self.target is None else self.target.met_by(self)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["ratio"] = round(self.ratio, 3)
        data["met"] = self.met
        return data


def megabytes(kilobytes: int) -> float:
    """``ru_maxrss`` is in kilobytes on Linux."""
    return kilobytes / 1024
