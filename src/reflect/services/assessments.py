"""Self-assessment use cases: rate yourself on a framework's domains, dated, with evidence."""

from __future__ import annotations

from reflect.core.assessment import Assessment, Score
from reflect.core.clock import Clock, to_text
from reflect.core.ids import new_id
from reflect.services.changes import ChangeFeed, Topic
from reflect.storage.assessments import AssessmentRepository


class AssessmentService:
    def __init__(self, repo: AssessmentRepository, changes: ChangeFeed, clock: Clock) -> None:
        self._repo = repo
        self._changes = changes
        self._clock = clock

    def record(
        self,
        framework_id: str,
        scores: list[Score],
        *,
        inquiry_id: str | None = None,
        note: str = "",
    ) -> Assessment:
        assessment = Assessment(
            id=new_id(),
            framework_id=framework_id,
            created=to_text(self._clock()),
            scores=tuple(scores),
            inquiry_id=inquiry_id,
            note=note.strip(),
        )
        self._repo.add(assessment)
        self._changes.publish(Topic.ASSESSMENTS, assessment.id)
        return assessment

    def history(self, framework_id: str | None = None) -> list[Assessment]:
        return self._repo.history(framework_id)
