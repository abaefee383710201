"""A participant's return before it leaves: built from their journal, shown, edited, agreed to.

What goes in (docs/evaluation.md, "For participants"):

- **Ratings**, always: for each framework the plan rates, the scores of the latest
  self-assessment on it made on or before the last day of the time point's window. They are
  sent as the journal holds them, not edited in the form: a return that reports what the
  participant recorded at the time is more honest than one retyped for the evaluator, and a
  changed view is a new self-assessment, which the journal keeps too.
- **Counts**, only when the participant asks (and the plan asks for them): entries written,
  actions to start and to stop added, and measures with a run-chart or SPC signal on a point in
  the window, each over the window's days.
- **Quotes**, only those the participant picks from their own entries: the entry's words, which
  the participant may edit; each is run through the privacy scan and what it finds is shown.
- **Answers** to the plan's free-text questions.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from reflect.core.assessment import Assessment
from reflect.core.clock import local_date, local_day_start
from reflect.core.entry_filter import EntryFilter
from reflect.core.evaluation import (
    Answer,
    CountKey,
    EvaluationPlan,
    Rating,
    RatingSet,
    ReturnContent,
)
from reflect.core.evaluation_due import Opening, Window
from reflect.core.framework import Framework
from reflect.errors import BadInput
from reflect.exchange.evaluation_schema import MAX_QUOTES
from reflect.messages import Msg
from reflect.services.privacy_scan import Span, find_in_text

TEXT_LIMIT = 4000  # characters in one quote or answer: a paragraph or two, never a journal
QUOTE_START = 1000  # characters of an entry a quote starts with; the participant trims it


@dataclass(frozen=True)
class RatedFrom:
    """One framework's ratings and where they came from, for the preview."""

    framework_id: str
    framework_name: str
    assessed: date | None  # the self-assessment's day; None when there is none yet
    scores: tuple[tuple[str, str, int], ...] = ()  # domain id, its label, the score


@dataclass(frozen=True)
class Quote:
    entry_id: str
    text: str
    findings: tuple[Span, ...] = ()  # what the privacy scan found in ``text``


@dataclass(frozen=True)
class Draft:
    """Everything a return will hold, and what the preview says about it."""

    programme_id: str
    programme_name: str
    evaluator: str  # the evaluator's name and fingerprint, from the plan's card
    plan: EvaluationPlan
    opening: Opening
    window: Window
    rated: tuple[RatedFrom, ...]
    counts: tuple[tuple[CountKey, int], ...] = ()
    quotes: tuple[Quote, ...] = ()
    answers: tuple[Answer, ...] = ()

    @property
    def time_point(self) -> str:
        return self.opening.point.key

    def content(self) -> ReturnContent:
        """Exactly what is encrypted for the evaluator, nothing else."""
        ratings = tuple(
            Rating(rated.framework_id, domain_id, score)
            for rated in self.rated
            for domain_id, _label, score in rated.scores
        )
        return ReturnContent(
            self.time_point,
            ratings,
            self.counts,
            tuple(quote.text for quote in self.quotes),
            tuple(answer for answer in self.answers if answer.text),
        )

    def with_quote(self, n: int, text: str, today: date) -> Draft:
        """The draft with quote ``n`` reworded (scanned again); empty text drops it."""
        quotes = list(self.quotes)
        if text.strip():
            quotes[n] = scanned(quotes[n].entry_id, text, today)
        else:
            del quotes[n]
        return replace(self, quotes=tuple(quotes))

    def with_quotes(self, quotes: list[tuple[str, str]], today: date) -> Draft:
        """The draft with exactly these (entry id, text) quotes, each scanned; empty ones go."""
        kept = tuple(scanned(entry_id, text, today) for entry_id, text in quotes if text.strip())
        check_quote_count(len(kept))
        return replace(self, quotes=kept)

    def with_quote_added(self, text: str, today: date) -> Draft:
        """The draft with a quote the participant typed (scanned like any other)."""
        check_quote_count(len(self.quotes) + 1)
        return replace(self, quotes=(*self.quotes, scanned("", text, today)))

    def with_answers(self, answers: dict[str, str]) -> Draft:
        return replace(self, answers=checked_answers(self.plan, self.programme_name, answers))


def scanned(entry_id: str, text: str, today: date) -> Quote:
    text = text.strip()
    check_length(text)
    return Quote(entry_id, text, tuple(find_in_text(text, today)))


def quote_start(text: str) -> str:
    """The opening of an entry's words, cut at a word, for the participant to trim."""
    text = text.strip()
    if len(text) <= QUOTE_START:
        return text
    cut = text[:QUOTE_START]
    return (cut.rsplit(None, 1)[0] if " " in cut else cut) + "…"


def check_quote_count(count: int) -> None:
    if count > MAX_QUOTES:
        raise BadInput(Msg.EVALUATION_TOO_MANY_QUOTES, limit=MAX_QUOTES, count=count)


def check_length(text: str) -> None:
    if len(text) > TEXT_LIMIT:
        raise BadInput(Msg.EVALUATION_TEXT_TOO_LONG, limit=TEXT_LIMIT, length=len(text))


def checked_answers(
    plan: EvaluationPlan, programme: str, answers: dict[str, str]
) -> tuple[Answer, ...]:
    """The answers in the plan's order; refuses a key the plan does not ask."""
    keys = [question.key for question in plan.questions]
    for key in answers:
        if key not in keys:
            choices = ", ".join(keys) or "none"
            raise BadInput(Msg.EVALUATION_UNKNOWN_QUESTION, programme=programme, key=key,
                           choices=choices)  # fmt: skip
    found = []
    for key in keys:
        text = answers.get(key, "").strip()
        check_length(text)
        found.append(Answer(key, text))
    return tuple(found)


def rated_from(
    rating: RatingSet, framework: Framework | None, history: list[Assessment], until: date
) -> RatedFrom:
    """The latest self-assessment on ``rating``'s framework made by ``until``, its asked domains
    in the plan's order (or the framework's, when the plan names none)."""
    name = framework.name if framework else rating.framework_id
    made = [a for a in history if local_date(a.created) <= until]
    if not made:
        return RatedFrom(rating.framework_id, name, None)
    latest = made[-1]  # history is oldest first
    labels = {d.id: d.label for d in framework.domains} if framework else {}
    scores = {score.domain_id: score.score for score in latest.scores}
    wanted = rating.domain_ids or tuple(labels) or tuple(scores)
    picked = tuple(
        (domain_id, labels.get(domain_id, domain_id), scores[domain_id])
        for domain_id in wanted
        if domain_id in scores
    )
    return RatedFrom(rating.framework_id, name, local_date(latest.created), picked)


def window_filter(window: Window) -> EntryFilter:
    """Entries written on the window's days, by the local calendar."""
    since = local_day_start(window.since) if window.since else None
    return EntryFilter(since=since, until=local_day_start(window.until + timedelta(days=1)))


def in_window(moment: str, window: Window) -> bool:
    day = local_date(moment)
    return (window.since is None or window.since <= day) and day <= window.until


def day_in_window(day: str, window: Window) -> bool:
    when = date.fromisoformat(day)
    return (window.since is None or window.since <= when) and when <= window.until
