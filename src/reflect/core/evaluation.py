"""Programme evaluation: what a pack asks, and what one participant's return holds.

A pack may carry an evaluation plan (the spec's optional ``[evaluation]`` section,
docs/evaluation.md): who evaluates (their contact card), when returns are asked for (named time
points, on a date or some days after the programme's first event), what is asked (self-ratings on
named framework domains, optional counts, optional free-text questions), the smallest group any
reported figure may describe, and the facilitator's privacy notice.

A participant's return names no one: its ``pseudonym`` is the public half of a signing key made
for that programme alone, so returns from one person pair across time points and nothing else.
A withdrawal is a return with no content; it removes every return under its pseudonym from every
later report. These are plain values: files, keys and encryption are ``exchange``'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

DEFAULT_MIN_GROUP = 5
MIN_GROUP_FLOOR = 2  # a "group" of one is a person; the spec refuses less than this


class CountKey(StrEnum):
    """The counts a participant may tick to include; each is a whole number over a period."""

    ENTRIES_WRITTEN = "entries_written"
    ACTIONS_STARTED = "actions_started"
    ACTIONS_STOPPED = "actions_stopped"
    MEASURES_WITH_SIGNALS = "measures_with_signals"


class ReturnKind(StrEnum):
    RETURN = "return"
    WITHDRAWAL = "withdrawal"


@dataclass(frozen=True)
class TimePoint:
    """When a return is asked for: on a fixed day, or ``offset_days`` after the first event."""

    key: str  # the facilitator's id, unique within the plan, e.g. "start"
    label: str  # shown to people, e.g. "Six months after"
    day: date | None = None
    offset_days: int | None = None

    def due_on(self, first_event: date | None) -> date | None:
        """The day this time point opens, or None when it hangs on a programme with no events."""
        if self.day is not None:
            return self.day
        if self.offset_days is None or first_event is None:
            return None
        return first_event + timedelta(days=self.offset_days)


@dataclass(frozen=True)
class RatingSet:
    """Domains of one framework a participant rates themselves on (empty: all its domains)."""

    framework_id: str
    domain_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class TextQuestion:
    key: str
    text: str


@dataclass(frozen=True)
class EvaluationPlan:
    evaluator_card: str  # the evaluator's contact card text, as in docs/exchange.md
    privacy_notice: str  # the facilitator's words: who receives returns, what for, how long
    time_points: tuple[TimePoint, ...]
    ratings: tuple[RatingSet, ...] = ()
    ask_counts: bool = False
    questions: tuple[TextQuestion, ...] = ()
    min_group: int = DEFAULT_MIN_GROUP

    def time_point(self, key: str) -> TimePoint | None:
        return next((point for point in self.time_points if point.key == key), None)


@dataclass(frozen=True)
class Rating:
    framework_id: str
    domain_id: str
    score: int


@dataclass(frozen=True)
class Answer:
    question_key: str
    text: str


@dataclass(frozen=True)
class ReturnContent:
    """What a participant chose to send at one time point; scores only unless they ticked more."""

    time_point: str  # a TimePoint.key
    ratings: tuple[Rating, ...] = ()
    counts: tuple[tuple[CountKey, int], ...] = ()  # empty unless the participant ticked counts
    quotes: tuple[str, ...] = ()  # the participant's own words, edited after the privacy scan
    answers: tuple[Answer, ...] = ()


@dataclass(frozen=True)
class EvaluationReturn:
    """One opened, verified return or withdrawal, as the evaluator's report reads it."""

    id: str  # unique per file written; a repeated file is counted once by this
    kind: ReturnKind
    programme_id: str  # the pack id
    pseudonym: str  # "ed25519:…", the programme-only signing key's public half
    created: str  # ISO 8601 UTC, when the participant wrote it
    content: ReturnContent | None = field(default=None)  # None for a withdrawal
