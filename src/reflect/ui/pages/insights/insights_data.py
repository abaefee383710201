"""Self-assessments turned into what the Insights charts draw: axes, days and scores."""

from __future__ import annotations

from datetime import date

from reflect.core.assessment import Assessment
from reflect.core.clock import local_date
from reflect.core.framework import Framework


def local_day(assessment: Assessment) -> date:
    """The local calendar day an assessment was made."""
    return local_date(assessment.created)


def chart_axes(framework: Framework | None, assessments: list[Assessment]) -> list[tuple[str, str]]:
    """(domain id, label) to chart: the framework's domains, else whatever the scores name."""
    if framework is not None and framework.domains:
        return [(d.id, d.label) for d in framework.domains]
    ids = dict.fromkeys(s.domain_id for a in assessments for s in a.scores)
    return [(i, i) for i in ids]


def scores_of(assessment: Assessment, ids: list[str]) -> tuple[float | None, ...]:
    """The assessment's score on each domain in ``ids``; None where it has none."""
    by_domain = {s.domain_id: float(s.score) for s in assessment.scores}
    return tuple(by_domain.get(i) for i in ids)
