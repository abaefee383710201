"""The evaluator's cohort report: the figures (``core/evaluation_stats.py``) with the words a
reader needs beside them (the programme, the time points' and domains' names, the questions)
and a chart for each rated domain. The writers are ``evaluation_report_writers.py`` (HTML,
CSV) and ``ui/printing/evaluation_pdf.py`` (PDF, and all three into one folder)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date

from reflect.core.evaluation import EvaluationPlan, EvaluationReturn
from reflect.core.evaluation_stats import CohortFigures, DomainKey, Spread, cohort_figures
from reflect.core.framework import Framework
from reflect.services.frameworks import FrameworkCatalog


@dataclass(frozen=True)
class DomainInfo:
    """How a rated domain is named and scored, from its framework (its ids when unknown)."""

    framework: str
    label: str
    low: int = 1
    high: int = 5


@dataclass(frozen=True)
class SpreadChartData:
    """What one domain's chart draws: the spread at each time point on the domain's scale."""

    title: str
    points: tuple[str, ...]
    spreads: tuple[Spread, ...]
    low: int
    high: int


ChartRenderer = Callable[[SpreadChartData], bytes | None]  # PNG bytes, or None for no chart


@dataclass(frozen=True)
class CohortReport:
    programme: str
    written: date
    figures: CohortFigures
    point_labels: tuple[str, ...]  # the time points' names, in the plan's order
    domains: tuple[DomainInfo, ...]  # one per figures.ratings, in the same order
    questions: tuple[tuple[str, str], ...]  # (key, text) of the plan's free-text questions
    charts: tuple[bytes | None, ...] = ()  # one per figures.ratings when drawn

    def chart_data(self, index: int) -> SpreadChartData:
        info = self.domains[index]
        return SpreadChartData(
            f"{info.framework}: {info.label}",
            self.point_labels,
            self.figures.ratings[index].by_point,
            info.low,
            info.high,
        )


def cohort_report(
    returns: Iterable[EvaluationReturn],
    plan: EvaluationPlan,
    programme: str,
    frameworks: FrameworkCatalog,
    today: date,
) -> CohortReport:
    """The report on ``returns`` (as ``collect`` gives them) for ``plan``, each domain in its
    framework's own order; no charts yet (``with_charts``)."""
    known = {s.framework_id: frameworks.find(s.framework_id) for s in plan.ratings}
    order: list[DomainKey] = []
    for rating_set in plan.ratings:
        framework = known[rating_set.framework_id]
        ids = rating_set.domain_ids or (tuple(d.id for d in framework.domains) if framework else ())
        order += [(rating_set.framework_id, domain_id) for domain_id in ids]
    figures = cohort_figures(returns, plan, order)
    return CohortReport(
        programme=programme,
        written=today,
        figures=figures,
        point_labels=tuple(point.label for point in plan.time_points),
        domains=tuple(
            _info(known.get(r.framework_id), r.framework_id, r.domain_id) for r in figures.ratings
        ),
        questions=tuple((q.key, q.text) for q in plan.questions),
    )


def with_charts(report: CohortReport, chart_renderer: ChartRenderer) -> CohortReport:
    """``report`` with a chart for each domain that has a figure to show: a chart of nothing
    but "not shown" would say no more than the table under it."""
    charts = tuple(
        chart_renderer(report.chart_data(i)) if any(not s.withheld for s in r.by_point) else None
        for i, r in enumerate(report.figures.ratings)
    )
    return replace(report, charts=charts)


def _info(framework: Framework | None, framework_id: str, domain_id: str) -> DomainInfo:
    if framework is None:
        return DomainInfo(framework_id, domain_id)
    domain = framework.domain(domain_id)
    label = domain.label if domain else domain_id
    return DomainInfo(framework.name, label, framework.scale.low, framework.scale.high)
