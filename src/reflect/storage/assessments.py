"""The self-assessment repository: dated scores per framework domain."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reflect.core.assessment import Assessment, Score
from reflect.storage.database import Store


class AssessmentRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def history(self, framework_id: str | None = None) -> list[Assessment]:
        """Assessments oldest first, so they chart left to right."""
        where, params = ("WHERE framework_id = ?", [framework_id]) if framework_id else ("", [])
        rows = self.store.query(
            "SELECT id, framework_id, inquiry_id, created, note FROM assessments "
            f"{where} ORDER BY created",
            params,
        )
        scores: dict[str, list[Score]] = {}
        for row in self.store.query(
            "SELECT assessment_id, domain_id, score, evidence FROM assessment_scores ORDER BY rowid"
        ):
            scores.setdefault(row["assessment_id"], []).append(
                Score(row["domain_id"], row["score"], row["evidence"])
            )
        return [_from_row(row, scores.get(row["id"], [])) for row in rows]

    def add(self, assessment: Assessment) -> None:
        with self.store.writing():
            self.add_many([assessment])

    def add_many(self, assessments: Iterable[Assessment]) -> int:
        """Insert assessments whose ids are new, inside the caller's transaction."""
        conn = self.store.db.conn
        added = 0
        for a in assessments:
            cursor = conn.execute(
                "INSERT OR IGNORE INTO assessments (id, framework_id, inquiry_id, created, note) "
                "VALUES (?, ?, ?, ?, ?)",
                (a.id, a.framework_id, a.inquiry_id, a.created, a.note),
            )
            if cursor.rowcount:
                conn.executemany(
                    "INSERT INTO assessment_scores (assessment_id, domain_id, score, evidence) "
                    "VALUES (?, ?, ?, ?)",
                    [(a.id, s.domain_id, s.score, s.evidence) for s in a.scores],
                )
                added += 1
        return added


def _from_row(row: dict[str, Any], scores: list[Score]) -> Assessment:
    return Assessment(
        id=row["id"],
        framework_id=row["framework_id"],
        inquiry_id=row["inquiry_id"],
        created=row["created"],
        note=row["note"],
        scores=tuple(scores),
    )
