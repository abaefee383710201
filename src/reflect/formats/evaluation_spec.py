"""A pack's optional ``[evaluation]`` section, read strictly from a spec or a pack document.

The same checks read the facilitator's TOML spec (where the evaluator's card and the privacy
notice may sit in files beside it) and the signed pack document (JSON, where both are inline
text), so a spec and a pack agree on what is valid. Every complaint names its field
(``evaluation.time_points[2].offset_days``), as the rest of the spec does. What the evaluator's
card holds is checked by ``exchange`` (cards are its format), not here.
docs/evaluation.md ("The plan in a pack") is the reference.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from reflect.core.evaluation import (
    DEFAULT_MIN_GROUP,
    MIN_GROUP_FLOOR,
    EvaluationPlan,
    RatingSet,
    TextQuestion,
    TimePoint,
)
from reflect.core.framework import Framework
from reflect.formats.toml_table import Invalid, Table, named_file_text

SECTION = "evaluation"
SPEC_KEYS = (
    "evaluator_card", "evaluator_card_file", "privacy_notice", "privacy_notice_file",
    "time_points", "ratings", "counts", "questions", "min_group",
)  # fmt: skip
DOCUMENT_KEYS = tuple(key for key in SPEC_KEYS if not key.endswith("_file"))
TIME_POINT_KEYS = ("key", "label", "date", "offset_days")
RATING_KEYS = ("framework", "domains")
QUESTION_KEYS = ("key", "text")
MAX_CARD = 2_000  # a contact card is about 250 characters; this is room for words around it
MAX_NOTICE = 20_000
MAX_LABEL = 200
MAX_QUESTION = 1_000
MAX_TIME_POINTS = 24
MAX_RATING_SETS = 20
MAX_QUESTIONS = 20
MAX_OFFSET_DAYS = 3_650  # ten years after the first event
MAX_MIN_GROUP = 1_000
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

# A framework id the pack names, and the framework when its domains are known here (a spec
# knows every framework; a pack document knows only those it carries, the installing app
# checks the shipped ones).
Frameworks = Mapping[str, Framework | None]


def read_evaluation(
    table: Table, frameworks: Frameworks, has_events: bool, folder: Path | None
) -> EvaluationPlan:
    """The plan in ``table``; ``folder`` is the spec's folder (None for a pack document, where
    the ``*_file`` keys are not allowed)."""
    Table(table.data, table.where, SPEC_KEYS if folder is not None else DOCUMENT_KEYS)
    card = _inline_or_file(table, "evaluator_card", folder, MAX_CARD)
    notice = _inline_or_file(table, "privacy_notice", folder, MAX_NOTICE)
    time_points = _time_points(table, has_events)
    ratings = _ratings(table, frameworks)
    questions = _questions(table)
    ask_counts = table.boolean("counts") if "counts" in table.data else False
    if not ratings and not questions and not ask_counts:
        raise Invalid(
            table.where,
            "asks nothing: give [[evaluation.ratings]], counts = true or [[evaluation.questions]]",
        )
    return EvaluationPlan(
        evaluator_card=card,
        privacy_notice=notice,
        time_points=time_points,
        ratings=ratings,
        ask_counts=ask_counts,
        questions=questions,
        min_group=_min_group(table),
    )


def evaluation_document(plan: EvaluationPlan) -> dict[str, Any]:
    """The section as the signed pack document holds it: every text inline."""
    return {
        "evaluator_card": plan.evaluator_card,
        "privacy_notice": plan.privacy_notice,
        "time_points": [_time_point_document(point) for point in plan.time_points],
        "ratings": [
            {"framework": rating.framework_id, "domains": list(rating.domain_ids)}
            for rating in plan.ratings
        ],
        "counts": plan.ask_counts,
        "questions": [{"key": q.key, "text": q.text} for q in plan.questions],
        "min_group": plan.min_group,
    }


def _time_point_document(point: TimePoint) -> dict[str, Any]:
    document: dict[str, Any] = {"key": point.key, "label": point.label}
    if point.day is not None:
        document["date"] = point.day.isoformat()
    else:
        document["offset_days"] = point.offset_days
    return document


def _inline_or_file(table: Table, key: str, folder: Path | None, limit: int) -> str:
    file_key = f"{key}_file"
    inline = table.text(key, required=False)
    named = table.text(file_key, required=False) if folder is not None else ""
    if inline and named:
        raise Invalid(table.field(file_key), f"cannot be given as well as {key}")
    if named and folder is not None:
        text = named_file_text(folder / named, table.field(file_key), limit)
        where = table.field(file_key)
    else:
        text, where = inline, table.field(key)
    text = text.strip()
    if not text:
        also = f" (or {file_key})" if folder is not None else ""
        raise Invalid(table.field(key), f"is missing: the section needs it{also}")
    if len(text) > limit:
        raise Invalid(where, f"is longer than {limit} characters")
    return text


def _time_points(table: Table, has_events: bool) -> tuple[TimePoint, ...]:
    tables = table.tables("time_points", TIME_POINT_KEYS)
    if len(tables) > MAX_TIME_POINTS:
        raise Invalid(table.field("time_points"), f"has more than {MAX_TIME_POINTS} time points")
    return tuple(
        TimePoint(key, _bounded(point, "label", MAX_LABEL), *_when(point, has_events))
        for point, key in _keyed(tables, "time point")
    )


def _when(point: Table, has_events: bool) -> tuple[date | None, int | None]:
    has_day, has_offset = "date" in point.data, "offset_days" in point.data
    if has_day == has_offset:
        raise Invalid(point.where, "needs either date or offset_days (one, not both)")
    if has_day:
        return _day(point), None
    offset = point.integer("offset_days")
    if offset is None or not 0 <= offset <= MAX_OFFSET_DAYS:
        raise Invalid(
            point.field("offset_days"), f"must be a whole number from 0 to {MAX_OFFSET_DAYS}"
        )
    if not has_events:
        raise Invalid(
            point.field("offset_days"),
            "counts from the first event, and the pack has no events: give a date instead",
        )
    return None, offset


def _day(point: Table) -> date:
    value = point.data.get("date")
    if isinstance(value, str) and _DAY.fullmatch(value):
        with contextlib.suppress(ValueError):  # 2027-02-30 falls through to the message below
            value = date.fromisoformat(value)
    if not isinstance(value, date) or hasattr(value, "hour"):
        raise Invalid(point.field("date"), "must be a date such as 2027-01-14")
    return value


def _ratings(table: Table, frameworks: Frameworks) -> tuple[RatingSet, ...]:
    tables = table.tables("ratings", RATING_KEYS, required=False)
    if len(tables) > MAX_RATING_SETS:
        raise Invalid(table.field("ratings"), f"has more than {MAX_RATING_SETS} entries")
    found: list[RatingSet] = []
    seen: dict[str, str] = {}
    for rating in tables:
        framework_id = rating.text("framework")
        if framework_id not in frameworks:
            listed = ", ".join(sorted(frameworks)) or "none"
            raise Invalid(
                rating.field("framework"),
                f'"{framework_id}" is not one of the pack\'s frameworks ({listed})',
            )
        first = seen.setdefault(framework_id, rating.field("framework"))
        if first != rating.field("framework"):
            raise Invalid(rating.field("framework"), f'repeats "{framework_id}" of {first}')
        found.append(RatingSet(framework_id, _domains(rating, frameworks[framework_id])))
    return tuple(found)


def _domains(rating: Table, framework: Framework | None) -> tuple[str, ...]:
    value = rating.data.get("domains", [])
    where = rating.field("domains")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise Invalid(where, 'must be a list of domain ids, such as ["system-leadership"]')
    if len(set(value)) != len(value):
        raise Invalid(where, "names a domain twice")
    if framework is None:
        return tuple(value)
    if not framework.domains:
        raise Invalid(rating.field("framework"), f'"{framework.id}" has no domains to rate')
    for n, domain_id in enumerate(value):
        if framework.domain(domain_id) is None:
            known = ", ".join(d.id for d in framework.domains)
            raise Invalid(
                f"{where}[{n}]", f'"{domain_id}" is not a domain of "{framework.id}" ({known})'
            )
    return tuple(value)


def _questions(table: Table) -> tuple[TextQuestion, ...]:
    tables = table.tables("questions", QUESTION_KEYS, required=False)
    if len(tables) > MAX_QUESTIONS:
        raise Invalid(table.field("questions"), f"has more than {MAX_QUESTIONS} questions")
    return tuple(
        TextQuestion(key, _bounded(question, "text", MAX_QUESTION))
        for question, key in _keyed(tables, "question")
    )


def _keyed(tables: list[Table], what: str) -> list[tuple[Table, str]]:
    """Each table with its ``key``, refusing a key that repeats an earlier one's."""
    seen: dict[str, str] = {}
    keyed = []
    for table in tables:
        key = table.slug("key")
        first = seen.setdefault(key, table.field("key"))
        if first != table.field("key"):
            raise Invalid(table.field("key"), f'repeats the {what} key "{key}" of {first}')
        keyed.append((table, key))
    return keyed


def _min_group(table: Table) -> int:
    if "min_group" not in table.data:
        return DEFAULT_MIN_GROUP
    value = table.integer("min_group")
    if value is None or not MIN_GROUP_FLOOR <= value <= MAX_MIN_GROUP:
        raise Invalid(
            table.field("min_group"),
            f"must be a whole number from {MIN_GROUP_FLOOR} to {MAX_MIN_GROUP}",
        )
    return value


def _bounded(table: Table, key: str, limit: int) -> str:
    value = table.text(key).strip()
    if len(value) > limit:
        raise Invalid(table.field(key), f"is longer than {limit} characters")
    return value
