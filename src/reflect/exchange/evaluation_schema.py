"""The evaluation return document: values to JSON and back, every field checked.

A return (``format`` "reflect-evaluation-return", ``version`` 1) names its programme, the
pseudonym that signed it and the evaluator it was written for; a withdrawal is the same with
``content`` null. Nothing in it names the participant: no name, card, identity key or
fingerprint (docs/evaluation.md, "Returns: the file"). Reading is strict, as for every format
Reflect signs: an unknown key or a wrong type is refused rather than ignored.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from reflect.core.evaluation import (
    Answer,
    CountKey,
    EvaluationReturn,
    Rating,
    ReturnContent,
    ReturnKind,
)
from reflect.core.framework import is_slug
from reflect.exchange.canonical import signing_key_bytes
from reflect.formats.toml_table import Invalid, Table, is_int

FORMAT = "reflect-evaluation-return"
VERSION = 1
TOP_KEYS = (
    "format", "version", "id", "kind", "programme", "created", "pseudonym", "evaluator",
    "content", "signature",
)  # fmt: skip
CONTENT_KEYS = ("time_point", "ratings", "counts", "quotes", "answers")
RATING_KEYS = ("framework", "domain", "score")
ANSWER_KEYS = ("question", "text")
MAX_ID = 100
MAX_RATINGS = 500
MAX_SCORE = 1_000  # a framework's scale is checked by whoever knows the framework
MAX_COUNT = 10_000_000
MAX_QUOTES = 20
MAX_QUOTE = 5_000
MAX_ANSWERS = 50
MAX_ANSWER = 10_000


def return_document(evaluation: EvaluationReturn, evaluator_recipient: str) -> dict[str, Any]:
    """The unsigned document for ``evaluation``, written for ``evaluator_recipient``."""
    content = evaluation.content
    return {
        "format": FORMAT,
        "version": VERSION,
        "id": evaluation.id,
        "kind": evaluation.kind.value,
        "programme": evaluation.programme_id,
        "created": evaluation.created,
        "pseudonym": evaluation.pseudonym,
        "evaluator": evaluator_recipient,
        "content": None if content is None else _content_document(content),
    }


def _content_document(content: ReturnContent) -> dict[str, Any]:
    return {
        "time_point": content.time_point,
        "ratings": [
            {"framework": r.framework_id, "domain": r.domain_id, "score": r.score}
            for r in content.ratings
        ],
        "counts": {str(key): value for key, value in content.counts},
        "quotes": list(content.quotes),
        "answers": [{"question": a.question_key, "text": a.text} for a in content.answers],
    }


def checked(document: dict[str, Any]) -> tuple[EvaluationReturn, str]:
    """The return a signed document holds and the evaluator it names; :class:`Invalid` names
    the first field that does not fit."""
    top = Table(document, "", TOP_KEYS)
    kind_text = top.text("kind")
    if kind_text not in {k.value for k in ReturnKind}:
        raise Invalid("kind", 'must be "return" or "withdrawal"')
    kind = ReturnKind(kind_text)
    content = _content(top, kind)
    created = top.text("created")
    try:
        offset = datetime.fromisoformat(created).utcoffset()
    except ValueError:
        offset = None
    if offset is None:  # naive times cannot be ordered against others: one is refused
        raise Invalid("created", "must be a date and time with its UTC offset (ISO 8601)")
    evaluation = EvaluationReturn(
        id=_bounded(top, "id", MAX_ID),
        kind=kind,
        programme_id=top.slug("programme"),
        pseudonym=pseudonym_text(top),
        created=created,
        content=content,
    )
    return evaluation, top.text("evaluator")


def pseudonym_text(top: Table) -> str:
    text = top.text("pseudonym")
    try:
        signing_key_bytes(text)
    except ValueError as exc:
        raise Invalid("pseudonym", str(exc)) from None
    return text


def _content(top: Table, kind: ReturnKind) -> ReturnContent | None:
    raw = top.data.get("content")
    if kind is ReturnKind.WITHDRAWAL:
        if raw is not None:
            raise Invalid("content", "must be null in a withdrawal")
        return None
    section = top.table("content", CONTENT_KEYS)
    time_point = section.text("time_point")
    if not is_slug(time_point):
        raise Invalid(section.field("time_point"), "is not a time point key")
    return ReturnContent(
        time_point=time_point,
        ratings=_ratings(section),
        counts=_counts(section),
        quotes=_quotes(section),
        answers=_answers(section),
    )


def _ratings(section: Table) -> tuple[Rating, ...]:
    tables = _limited(section, "ratings", RATING_KEYS, MAX_RATINGS)
    found: list[Rating] = []
    for table in tables:
        score = table.integer("score")
        if score is None or abs(score) > MAX_SCORE:
            raise Invalid(table.field("score"), f"must be a whole number up to {MAX_SCORE}")
        found.append(Rating(table.slug("framework"), table.slug("domain"), score))
    pairs = {(r.framework_id, r.domain_id) for r in found}
    if len(pairs) != len(found):
        raise Invalid(section.field("ratings"), "rates one domain twice")
    return tuple(found)


def _counts(section: Table) -> tuple[tuple[CountKey, int], ...]:
    raw = section.data.get("counts", {})
    if not isinstance(raw, dict):
        raise Invalid(section.field("counts"), "must be an object of whole numbers")
    counts = Table(raw, section.field("counts"), tuple(k.value for k in CountKey))
    found: list[tuple[CountKey, int]] = []
    for key in CountKey:  # one order, whatever order the file has
        if key.value not in raw:
            continue
        value = raw[key.value]
        if not is_int(value) or not 0 <= value <= MAX_COUNT:
            raise Invalid(counts.field(key.value), f"must be a whole number from 0 to {MAX_COUNT}")
        found.append((key, int(value)))
    return tuple(found)


def _quotes(section: Table) -> tuple[str, ...]:
    raw = section.data.get("quotes", [])
    where = section.field("quotes")
    if not isinstance(raw, list) or not all(isinstance(q, str) for q in raw):
        raise Invalid(where, "must be a list of text")
    if len(raw) > MAX_QUOTES:
        raise Invalid(where, f"has more than {MAX_QUOTES} quotes")
    for n, quote in enumerate(raw):
        if not quote.strip() or len(quote) > MAX_QUOTE:
            raise Invalid(f"{where}[{n}]", f"must be text of 1 to {MAX_QUOTE} characters")
    return tuple(raw)


def _answers(section: Table) -> tuple[Answer, ...]:
    tables = _limited(section, "answers", ANSWER_KEYS, MAX_ANSWERS)
    found = [Answer(t.slug("question"), _bounded(t, "text", MAX_ANSWER)) for t in tables]
    if len({a.question_key for a in found}) != len(found):
        raise Invalid(section.field("answers"), "answers one question twice")
    return tuple(found)


def _limited(section: Table, key: str, allowed: tuple[str, ...], most: int) -> list[Table]:
    tables = section.tables(key, allowed, required=False)
    if len(tables) > most:
        raise Invalid(section.field(key), f"has more than {most} items")
    return tables


def _bounded(table: Table, key: str, limit: int) -> str:
    value = table.text(key)
    if len(value) > limit:
        raise Invalid(table.field(key), f"is longer than {limit} characters")
    return value
