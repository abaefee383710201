"""When a participant's evaluation returns are due: each time point's window and its state.

A time point opens on its day (or ``offset_days`` after the programme's first event) and its
window runs until the day before the next time point opens; the last one's window never closes.
A return for a time point may be written any day its window is open (late is better than
never, and the evaluator sees only the time point, not the day). What a return counts and rates
is taken from its window: counts over the days since the previous time point opened, ratings
from the latest self-assessment made before the window closes (docs/evaluation.md).

Once a withdrawal is written for a programme every time point is withdrawn: a withdrawal removes
every return under the participant's pseudonym from every later report, so a later return would
be thrown away too.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from reflect.core.evaluation import EvaluationPlan, TimePoint


class DueState(StrEnum):
    NOT_YET_OPEN = "not_yet_open"  # its day is to come, or hangs on an event not yet set
    DUE = "due"  # open, and no return written for it yet
    SENT = "sent"  # a return was written for it
    WITHDRAWN = "withdrawn"  # a withdrawal was written for the programme


@dataclass(frozen=True)
class Window:
    """The days a time point's return describes: ``since`` (None: from the journal's first
    entry) up to and including ``until``."""

    since: date | None
    until: date


@dataclass(frozen=True)
class Opening:
    point: TimePoint
    opens: date | None  # None: it hangs on a programme with no events yet
    closes: date | None  # the last day of its window; None for the last time point


def first_event(days: Iterable[date]) -> date | None:
    return min(days, default=None)


def openings(plan: EvaluationPlan, first: date | None) -> list[Opening]:
    """The plan's time points in the order the pack lists them, each with its window (which
    ends where the next to open, by date, begins; whatever order the pack lists them in)."""
    days = [point.due_on(first) for point in plan.time_points]
    found = []
    for point, opens in zip(plan.time_points, days, strict=True):
        later = [day for day in days if day is not None and opens is not None and day > opens]
        closes = min(later) - timedelta(days=1) if later else None
        found.append(Opening(point, opens, closes))
    return found


def opening_of(plan: EvaluationPlan, key: str, first: date | None) -> Opening | None:
    return next((o for o in openings(plan, first) if o.point.key == key), None)


def window_of(plan: EvaluationPlan, key: str, first: date | None, today: date) -> Window:
    """The days a return for ``key`` written ``today`` describes (``key`` must be open)."""
    listed = openings(plan, first)
    this = next(o for o in listed if o.point.key == key)
    earlier = [
        o.opens for o in listed if o.opens is not None and this.opens and o.opens < this.opens
    ]
    until = today if this.closes is None else min(today, this.closes)
    return Window(max(earlier) if earlier else None, until)


def state_of(opening: Opening, sent: bool, withdrawn: bool, today: date) -> DueState:
    if withdrawn:
        return DueState.WITHDRAWN
    if sent:
        return DueState.SENT
    if opening.opens is None or opening.opens > today:
        return DueState.NOT_YET_OPEN
    return DueState.DUE


def offered(
    listed: Iterable[tuple[Opening, DueState]], dismissed: Collection[str]
) -> Opening | None:
    """The one time point to offer: the newest open one, while it is due and has no "not now".
    An older one left unsent is not offered instead (it waits in ``reflect evaluation due``
    and the return form), as the programme's reflection offer does with older events."""
    opened = [
        (o, state)
        for o, state in listed
        if o.opens is not None and state is not DueState.NOT_YET_OPEN
    ]
    if not opened:
        return None
    newest, state = max(opened, key=lambda pair: pair[0].opens or date.min)
    if state is DueState.DUE and newest.point.key not in dismissed:
        return newest
    return None
