"""The participant's side of a programme evaluation: what is due, a return built from the
journal and shown before it leaves, and the file written only once the participant agrees.

Reflect sends nothing: a return or a withdrawal is a file (encrypted to the evaluator, signed
with a key made for the programme alone, by ``exchange.evaluation_file``) that the participant
sends by any channel. The journal remembers only that it was written, for which time point and
when. What goes into a return is described in ``services/evaluation_draft.py`` and
docs/evaluation.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

from reflect.core.action import ActionKind
from reflect.core.clock import Clock, local_date, to_text
from reflect.core.evaluation import (
    CountKey,
    EvaluationPlan,
    ReturnContent,
    ReturnKind,
    TimePoint,
)
from reflect.core.evaluation_due import (
    DueState,
    Opening,
    Window,
    first_event,
    offered,
    opening_of,
    openings,
    state_of,
    window_of,
)
from reflect.core.ids import new_id
from reflect.core.programme import Programme
from reflect.errors import BadInput, NotFound
from reflect.exchange.card import fingerprint, parse_card
from reflect.exchange.evaluation_file import write_return
from reflect.exchange.identity import Identity
from reflect.messages import Msg
from reflect.services.actions import ActionService
from reflect.services.assessments import AssessmentService
from reflect.services.changes import ChangeFeed, Topic
from reflect.services.entries import EntryService
from reflect.services.evaluation_draft import (
    Draft,
    check_quote_count,
    checked_answers,
    day_in_window,
    in_window,
    quote_start,
    rated_from,
    scanned,
    window_filter,
)
from reflect.services.evaluation_preview import Line, as_text, return_lines, withdrawal_lines
from reflect.services.frameworks import FrameworkCatalog
from reflect.services.keys import KeyService
from reflect.services.measures import MeasureService
from reflect.services.programme import ProgrammeService
from reflect.storage.evaluation_returns import EvaluationReturnRepository, Written


class Seal(Protocol):
    """``exchange.evaluation_file.return_bytes``: passed in, so tests may look at what goes in."""

    def __call__(
        self,
        content: ReturnContent | None,
        kind: ReturnKind,
        programme_id: str,
        identity: Identity,
        evaluator_card: str,
        created: str,
        *,
        return_id: str | None = None,
    ) -> bytes: ...


@dataclass(frozen=True)
class DuePoint:
    """One time point of one programme's evaluation, and where the participant stands."""

    programme_id: str
    programme_name: str
    point: TimePoint
    opens: date | None
    state: DueState
    sent: date | None = None  # the day the latest return (or the withdrawal) was written


@dataclass(frozen=True)
class Sources:
    """The parts of the journal a return is built from."""

    programme: ProgrammeService
    entries: EntryService
    actions: ActionService
    measures: MeasureService
    assessments: AssessmentService
    frameworks: FrameworkCatalog
    keys: KeyService


class EvaluationReturnService:
    def __init__(
        self,
        repo: EvaluationReturnRepository,
        sources: Sources,
        plan_of: Callable[[Programme], EvaluationPlan | None],
        seal: Seal,
        changes: ChangeFeed,
        clock: Clock,
    ) -> None:
        self._repo = repo
        self._sources = sources
        self._plan_of = plan_of
        self._seal = seal
        self._changes = changes
        self._clock = clock

    def today(self) -> date:
        return self._sources.programme.today()

    def programmes(self) -> list[tuple[Programme, EvaluationPlan]]:
        """Installed programmes whose pack asks for an evaluation."""
        found = []
        for programme in self._sources.programme.all():
            plan = self._plan_of(programme)
            if plan is not None:
                found.append((programme, plan))
        return found

    def pick(self, programme_id: str | None = None) -> tuple[Programme, EvaluationPlan]:
        """The programme named, or the only one with an evaluation."""
        found = self.programmes()
        if not found:
            raise NotFound(Msg.EVALUATION_NONE)
        if programme_id is not None:
            for programme, plan in found:
                if programme.pack_id == programme_id:
                    return programme, plan
            raise NotFound(Msg.EVALUATION_NO_PROGRAMME, id=programme_id)
        if len(found) > 1:
            choices = ", ".join(programme.pack_id for programme, _ in found)
            raise BadInput(Msg.EVALUATION_WHICH_PROGRAMME, choices=choices)
        return found[0]

    def due(self, today: date | None = None) -> list[DuePoint]:
        """Every time point of every evaluation, in the pack's order, with its state on
        ``today`` (by default, today)."""
        return [
            point
            for programme, plan in self.programmes()
            for point in self._due(programme, plan, today or self.today())
        ]

    def _due(self, programme: Programme, plan: EvaluationPlan, today: date) -> list[DuePoint]:
        written = self._repo.written(programme.pack_id)
        withdrawn = [w for w in written if w.kind is ReturnKind.WITHDRAWAL]
        found = []
        for opening in openings(plan, _first(programme)):
            sent = [w for w in written if w.time_point == opening.point.key]
            latest = (withdrawn or sent)[-1].written if withdrawn or sent else None
            state = state_of(opening, bool(sent), bool(withdrawn), today)
            found.append(
                DuePoint(
                    programme.pack_id,
                    programme.name,
                    opening.point,
                    opening.opens,
                    state,
                    local_date(latest) if latest else None,
                )
            )
        return found

    def offer(self) -> DuePoint | None:
        """The one return the window offers now: the newest open time point of a programme,
        while nothing is written for it and it has no "not now"; none when reminders are off."""
        if not self._sources.programme.reminders_on():
            return None
        for programme, plan in self.programmes():
            points = self._due(programme, plan, self.today())
            listed = [(Opening(p.point, p.opens, None), p.state) for p in points]
            chosen = offered(listed, self._repo.dismissed(programme.pack_id))
            if chosen is not None:
                return next(p for p in points if p.point.key == chosen.point.key)
        return None

    def not_now(self, programme_id: str, time_point: str) -> None:
        self._repo.not_now(programme_id, time_point, to_text(self._clock()))
        self._changes.publish(Topic.PROGRAMME, programme_id)

    def draft(
        self,
        programme_id: str | None,
        time_point: str,
        *,
        counts: bool = False,
        quote_entry_ids: Iterable[str] = (),
        answers: Mapping[str, str] | None = None,
    ) -> Draft:
        """A return for ``time_point`` as the journal holds it today (nothing is written)."""
        programme, plan = self.pick(programme_id)
        today = self.today()
        first = _first(programme)
        opening = opening_of(plan, time_point, first)
        if opening is None:
            keys = ", ".join(point.key for point in plan.time_points)
            raise BadInput(Msg.EVALUATION_UNKNOWN_TIME_POINT, programme=programme.name,
                           key=time_point, choices=keys)  # fmt: skip
        self._refuse_withdrawn(programme)
        if opening.opens is None or opening.opens > today:
            raise BadInput(Msg.EVALUATION_NOT_YET_OPEN, label=opening.point.label,
                           programme=programme.name)  # fmt: skip
        if counts and not plan.ask_counts:
            raise BadInput(Msg.EVALUATION_NO_COUNTS, programme=programme.name)
        window = window_of(plan, time_point, first, today)
        sources = self._sources
        rated = tuple(
            rated_from(
                rating,
                sources.frameworks.find(rating.framework_id),
                sources.assessments.history(rating.framework_id),
                window.until,
            )
            for rating in plan.ratings
        )
        entry_ids = list(dict.fromkeys(quote_entry_ids))
        check_quote_count(len(entry_ids))
        quotes = tuple(
            scanned(entry.id, quote_start(entry.searchable_body()), today)
            for entry in (sources.entries.get(typed) for typed in entry_ids)
        )
        return Draft(
            programme.pack_id,
            programme.name,
            _evaluator(plan.evaluator_card),
            plan,
            opening,
            window,
            rated,
            self._counts(window) if counts else (),
            quotes,
            checked_answers(plan, programme.name, dict(answers or {})),
        )

    def _counts(self, window: Window) -> tuple[tuple[CountKey, int], ...]:
        sources = self._sources
        added = [a for a in sources.actions.find() if in_window(a.created, window)]
        signalled = 0
        for measure in sources.measures.find():
            view = sources.measures.view(measure.id)
            signals = [*view.run_chart.signals, *(view.xmr.signals if view.xmr else ())]
            covered = {n for signal in signals for n in signal.indexes}
            if any(day_in_window(view.points[n].day, window) for n in covered):
                signalled += 1
        return (
            (CountKey.ENTRIES_WRITTEN, sources.entries.count(window_filter(window))),
            (CountKey.ACTIONS_STARTED, sum(a.kind is ActionKind.START for a in added)),
            (CountKey.ACTIONS_STOPPED, sum(a.kind is ActionKind.STOP for a in added)),
            (CountKey.MEASURES_WITH_SIGNALS, signalled),
        )

    def preview(self, draft: Draft) -> str:
        """Exactly what will leave, in words, with the privacy notice (English)."""
        return as_text(return_lines(draft))

    def withdrawal_preview(self, programme_id: str | None) -> list[Line]:
        """What a withdrawal is and does, with the privacy notice."""
        programme, plan = self.pick(programme_id)
        return withdrawal_lines(programme.name, plan, _evaluator(plan.evaluator_card))

    def write(self, draft: Draft, path: Path) -> Path:
        """Seal the return for the evaluator, write it owner-only, and remember it was sent."""
        programme, plan = self.pick(draft.programme_id)
        self._refuse_withdrawn(programme)
        return self._write(programme, plan, draft.content(), ReturnKind.RETURN, path)

    def withdraw(self, programme_id: str | None, path: Path) -> Path:
        """Write a withdrawal: the evaluator removes every return of this participant's."""
        programme, plan = self.pick(programme_id)
        return self._write(programme, plan, None, ReturnKind.WITHDRAWAL, path)

    def _write(
        self,
        programme: Programme,
        plan: EvaluationPlan,
        content: ReturnContent | None,
        kind: ReturnKind,
        path: Path,
    ) -> Path:
        identity = self._sources.keys.identity()
        created = to_text(self._clock())
        return_id = new_id()  # the file's id, which the journal keeps as the record of it
        data = self._seal(content, kind, programme.pack_id, identity, plan.evaluator_card,
                          created, return_id=return_id)  # fmt: skip
        written = write_return(path, data)
        key = content.time_point if content is not None else ""
        self._repo.add(Written(return_id, programme.pack_id, kind, key, created))
        self._changes.publish(Topic.PROGRAMME, programme.pack_id)
        return written

    def _refuse_withdrawn(self, programme: Programme) -> None:
        written = self._repo.written(programme.pack_id)
        if any(w.kind is ReturnKind.WITHDRAWAL for w in written):
            raise BadInput(Msg.EVALUATION_WITHDRAWN, programme=programme.name)


def _first(programme: Programme) -> date | None:
    return first_event(event.day for event in programme.events)


def _evaluator(card_text: str) -> str:
    """The evaluator's name and fingerprint, as the preview names them."""
    try:
        card = parse_card(card_text)
    except BadInput:
        return "?"
    return f"{card.name} ({fingerprint(card)})"
