"""Counts behind the Insights charts: entries per local day, actions per local month.

Stored times are UTC text; SQLite's ``localtime`` modifier turns them into the same local
calendar days and months that Python's ``astimezone()`` shows elsewhere in the app (both ask
the C library). Entries in the trash never count.
"""

from __future__ import annotations

from reflect.core.action import ActionKind, ActionStatus
from reflect.storage.database import Store


class InsightsRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def entries_per_day(self, first: str, last: str) -> dict[str, int]:
        """Live entries per local day ('YYYY-MM-DD'), for days from ``first`` to ``last``."""
        rows = self.store.query(
            "SELECT date(created, 'localtime') AS day, count(*) AS n FROM entries "
            "WHERE deleted IS NULL AND date(created, 'localtime') BETWEEN ? AND ? "
            "GROUP BY day",
            (first, last),
        )
        return {row["day"]: row["n"] for row in rows}

    def actions_created_per_month(self, kind: ActionKind, first: str) -> dict[str, int]:
        """Actions of ``kind`` per local month ('YYYY-MM') of creation, from ``first`` on."""
        return self._per_month("created", "kind = ?", str(kind), first)

    def actions_done_per_month(self, first: str) -> dict[str, int]:
        """Done actions per local month they were finished (their last update), from ``first``."""
        return self._per_month("updated", "status = ?", str(ActionStatus.DONE), first)

    def _per_month(self, column: str, condition: str, value: str, first: str) -> dict[str, int]:
        month = f"strftime('%Y-%m', {column}, 'localtime')"
        rows = self.store.query(
            f"SELECT {month} AS month, count(*) AS n FROM actions "
            f"WHERE {condition} AND {month} >= ? GROUP BY month",
            (value, first),
        )
        return {row["month"]: row["n"] for row in rows}

    def frameworks_assessed(self) -> list[str]:
        """Framework ids that have self-assessments, the most recently assessed first."""
        rows = self.store.query(
            "SELECT framework_id FROM assessments GROUP BY framework_id "
            "ORDER BY max(created) DESC, framework_id"
        )
        return [row["framework_id"] for row in rows]
