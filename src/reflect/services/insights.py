"""Insights: the numbers behind the charts of learning over time.

Self-assessments per framework, reflection activity per local day, and actions started, stopped
and done per local month. "Local" is the computer's time zone, as everywhere else on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from reflect.core.action import ActionKind
from reflect.core.assessment import Assessment
from reflect.core.clock import Clock
from reflect.services.assessments import AssessmentService
from reflect.storage.insights import InsightsRepository


@dataclass(frozen=True)
class MonthCounts:
    month: str  # local calendar month, YYYY-MM
    started: int = 0  # actions of kind "start" created that month
    stopped: int = 0  # actions of kind "stop" created that month
    done: int = 0  # actions whose status became done that month


class InsightsService:
    def __init__(
        self, repo: InsightsRepository, assessments: AssessmentService, clock: Clock
    ) -> None:
        self._repo = repo
        self._assessments = assessments
        self._clock = clock

    def today(self) -> date:
        """The local calendar day it is now."""
        return self._clock().astimezone().date()

    def activity_by_day(self, days: int = 364) -> dict[date, int]:
        """Entries written per local day over the last ``days`` days up to today.

        Every day in the window is a key (oldest first), with 0 where nothing was written.
        """
        last = self.today()
        first = last - timedelta(days=max(days, 1) - 1)
        counts = self._repo.entries_per_day(first.isoformat(), last.isoformat())
        return {
            day: counts.get(day.isoformat(), 0)
            for day in (first + timedelta(days=n) for n in range((last - first).days + 1))
        }

    def actions_by_month(self, months: int = 12) -> list[MonthCounts]:
        """Actions started, stopped and done per local month, oldest first, this month last."""
        names = month_names(self.today(), max(months, 1))
        first = names[0]
        started = self._repo.actions_created_per_month(ActionKind.START, first)
        stopped = self._repo.actions_created_per_month(ActionKind.STOP, first)
        done = self._repo.actions_done_per_month(first)
        return [
            MonthCounts(name, started.get(name, 0), stopped.get(name, 0), done.get(name, 0))
            for name in names
        ]

    def assessment_series(self, framework_id: str) -> list[Assessment]:
        """Self-assessments on one framework, oldest first."""
        return self._assessments.history(framework_id)

    def frameworks_assessed(self) -> list[str]:
        """Ids of frameworks with self-assessments, the most recently assessed first."""
        return self._repo.frameworks_assessed()


def month_names(today: date, months: int) -> list[str]:
    """'YYYY-MM' for the ``months`` months ending with today's, oldest first."""
    index = today.year * 12 + today.month - 1
    return [f"{n // 12:04d}-{n % 12 + 1:02d}" for n in range(index - months + 1, index + 1)]
