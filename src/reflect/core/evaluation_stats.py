"""The figures of a programme evaluation's cohort report, from returns already collected.

Plain arithmetic over the returns ``collect`` kept (verified, each file once, withdrawals
honoured): for each rated domain and each time point the number of returns, median and
interquartile range; the change between the first and last time points for the people who
returned at both; the counts; the consented quotes and answers. docs/evaluation.md
("The cohort report") states the rules; in short:

- Quartiles are Python's ``statistics.quantiles(n=4, method="inclusive")``: the data are the
  whole cohort that answered, not a sample from a larger one, and the inclusive method keeps
  every quartile within the scores actually given (R's and Excel's default, type 7).
- A figure that would describe fewer people than the plan's ``min_group`` is not computed into
  the result at all (its numbers are None), so no writer can show it by mistake.
- In a change row that is shown, a count of people who went up, stayed or went down that is
  above zero and below the minimum is withheld, and so is the next smallest count beside it,
  so that the withheld one cannot be worked out by subtracting from the total.
- A person's later return at a time point replaces their earlier one there, and a withdrawal
  in the list removes all of that person's returns (``collect`` has done so already).
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from reflect.core.evaluation import (
    CountKey,
    EvaluationPlan,
    EvaluationReturn,
    Rating,
    ReturnContent,
    ReturnKind,
)

DomainKey = tuple[str, str]  # (framework id, domain id)


@dataclass(frozen=True)
class Spread:
    """The number of values, their median and quartiles; all None when withheld."""

    n: int | None
    median: float | None = None
    q1: float | None = None
    q3: float | None = None

    @property
    def withheld(self) -> bool:
        return self.n is None


@dataclass(frozen=True)
class RatingFigures:
    """One domain's spread at each of the plan's time points, in the plan's order."""

    framework_id: str
    domain_id: str
    by_point: tuple[Spread, ...]


@dataclass(frozen=True)
class CountFigures:
    key: CountKey
    by_point: tuple[Spread, ...]


@dataclass(frozen=True)
class Change:
    """Last minus first score, for the people who rated the domain at both ends.

    ``n`` is None when the whole row is withheld; ``up``/``same``/``down`` are None where that
    count alone is withheld (see the module's docstring)."""

    framework_id: str
    domain_id: str
    n: int | None
    median: float | None = None
    up: int | None = None
    same: int | None = None
    down: int | None = None

    @property
    def withheld(self) -> bool:
        return self.n is None


@dataclass(frozen=True)
class TextsAt:
    """The quotes and answers given at one time point, sorted, with no pseudonym beside them;
    ``withheld`` when fewer people returned there than the minimum."""

    time_point: str
    withheld: bool
    quotes: tuple[str, ...] = ()
    answers: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (question key, answers)


@dataclass(frozen=True)
class CohortFigures:
    min_group: int
    time_points: tuple[str, ...]  # keys, in the plan's order
    returns: tuple[int | None, ...]  # people who returned at each time point; None: withheld
    ratings: tuple[RatingFigures, ...]
    changes: tuple[Change, ...]  # empty with fewer than two time points
    counts: tuple[CountFigures, ...]
    texts: tuple[TextsAt, ...]


def spread(values: Sequence[float], min_group: int) -> Spread:
    """``values``' median and inclusive quartiles, or a withheld Spread below ``min_group``."""
    if len(values) < max(min_group, 2):
        return Spread(None)
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return Spread(len(values), median, q1, q3)


def cohort_figures(
    returns: Iterable[EvaluationReturn],
    plan: EvaluationPlan,
    domains: Sequence[DomainKey] = (),
) -> CohortFigures:
    """Every figure of the report. ``domains`` gives the rows' order (a framework's own order
    of domains); domains rated but not listed follow, sorted; ratings outside the plan's
    frameworks and domains, and returns for a time point not in the plan, are left out."""
    points = tuple(point.key for point in plan.time_points)
    latest = _latest_per_person(returns, set(points))
    at = [[content for (_, key), content in latest.items() if key == point] for point in points]
    asked = _asked(plan)
    rated = {(r.framework_id, r.domain_id) for c in latest.values() for r in c.ratings if asked(r)}
    order = [d for d in domains if d in rated]
    order += sorted(rated - set(order))
    m = plan.min_group
    ratings = tuple(
        RatingFigures(f, d, tuple(spread(_scores(contents, (f, d)), m) for contents in at))
        for f, d in order
    )
    counts = tuple(
        CountFigures(key, tuple(spread(_counts(contents, key), m) for contents in at))
        for key in CountKey
        if plan.ask_counts or any(_counts(contents, key) for contents in at)
    )
    changes: tuple[Change, ...] = ()
    if len(points) >= 2:
        changes = tuple(_change(latest, points[0], points[-1], key, m) for key in order)
    return CohortFigures(
        min_group=m,
        time_points=points,
        returns=tuple(len(contents) if len(contents) >= m else None for contents in at),
        ratings=ratings,
        changes=changes,
        counts=counts,
        texts=tuple(
            _texts(point, contents, plan, m) for point, contents in zip(points, at, strict=True)
        ),
    )


def _latest_per_person(
    returns: Iterable[EvaluationReturn], points: set[str]
) -> dict[tuple[str, str], ReturnContent]:
    """(pseudonym, time point) → the content of that person's newest return there."""
    returns = list(returns)
    # collect has removed them already; honoured here too, so no caller can forget it.
    withdrawn = {r.pseudonym for r in returns if r.kind is ReturnKind.WITHDRAWAL}
    newest: dict[tuple[str, str], EvaluationReturn] = {}
    for ret in returns:
        content = ret.content
        if content is None or content.time_point not in points or ret.pseudonym in withdrawn:
            continue
        key = (ret.pseudonym, content.time_point)
        held = newest.get(key)
        if held is None or (ret.created, ret.id) > (held.created, held.id):
            newest[key] = ret
    # Sorted by pseudonym: whatever order the files came in, the figures are the same.
    return {key: ret.content for key, ret in sorted(newest.items()) if ret.content is not None}


def _asked(plan: EvaluationPlan) -> Callable[[Rating], bool]:
    """Whether a rating is one the plan asks for (a set with no domains asks for them all)."""
    sets = {s.framework_id: set(s.domain_ids) for s in plan.ratings}

    def asked(rating: Rating) -> bool:
        wanted = sets.get(rating.framework_id)
        return wanted is not None and (not wanted or rating.domain_id in wanted)

    return asked


def _score(content: ReturnContent, key: DomainKey) -> int | None:
    return next((r.score for r in content.ratings if (r.framework_id, r.domain_id) == key), None)


def _scores(contents: Iterable[ReturnContent], key: DomainKey) -> list[float]:
    return [s for c in contents if (s := _score(c, key)) is not None]


def _counts(contents: Iterable[ReturnContent], key: CountKey) -> list[float]:
    return [value for c in contents for k, value in c.counts if k == key]


def _change(
    latest: dict[tuple[str, str], ReturnContent],
    first: str,
    last: str,
    key: DomainKey,
    min_group: int,
) -> Change:
    people = sorted({person for person, _ in latest})
    deltas = []
    for person in people:
        before, after = latest.get((person, first)), latest.get((person, last))
        if before is None or after is None:
            continue
        start, end = _score(before, key), _score(after, key)
        if start is not None and end is not None:
            deltas.append(end - start)
    if len(deltas) < max(min_group, 2):
        return Change(key[0], key[1], None)
    split = _suppressed(
        [sum(d > 0 for d in deltas), sum(d == 0 for d in deltas), sum(d < 0 for d in deltas)],
        min_group,
    )
    return Change(key[0], key[1], len(deltas), statistics.median(deltas), *split)


def _suppressed(cells: list[int], min_group: int) -> list[int | None]:
    """``cells`` with each count from 1 to ``min_group - 1`` hidden, and when only one is
    hidden, the smallest other one too: otherwise the total would give it away."""
    hidden = {i for i, cell in enumerate(cells) if 0 < cell < min_group}
    if len(hidden) == 1:
        others = sorted((cell, i) for i, cell in enumerate(cells) if i not in hidden)
        hidden.add(others[0][1])
    return [None if i in hidden else cell for i, cell in enumerate(cells)]


def _texts(
    point: str, contents: list[ReturnContent], plan: EvaluationPlan, min_group: int
) -> TextsAt:
    if len(contents) < min_group:
        return TextsAt(point, withheld=True)
    quotes = tuple(sorted((q for c in contents for q in c.quotes), key=_text_order))
    answers = tuple(
        (question.key, tuple(sorted(texts, key=_text_order)))
        for question in plan.questions
        if (
            texts := [a.text for c in contents for a in c.answers if a.question_key == question.key]
        )
    )
    return TextsAt(point, False, quotes, answers)


def _text_order(text: str) -> tuple[str, str]:
    """Alphabetical, ignoring case: an order that says nothing about who wrote what."""
    return (text.casefold(), text)
