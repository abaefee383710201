"""Collecting a programme's evaluation returns: open each file, keep what counts, say why not.

The evaluator points Reflect at the ``.reflecteval`` files that reached them, by any channel and
perhaps more than once. Each is opened with the evaluator's keys and checked
(:mod:`reflect.exchange.evaluation_file`), then against the programme: a return for another
programme, or answering what this plan does not ask, is refused with its own message. The same
file twice counts once (by its id); a second return from one person for one time point replaces
the earlier one (the newest is kept); and a withdrawal removes every return under its pseudonym.
Nothing is stored: the report is made from what this returns (docs/evaluation.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from reflect.core.evaluation import EvaluationPlan, EvaluationReturn, ReturnKind
from reflect.core.framework import Framework
from reflect.core.programme import Programme
from reflect.errors import BadInput
from reflect.exchange.card import parse_card
from reflect.exchange.evaluation_file import open_return_file
from reflect.exchange.identity import Identity
from reflect.formats.progress import Progress, no_progress
from reflect.messages import Msg

KnownFramework = Callable[[str], Framework | None]


@dataclass
class Collected:
    """What a set of files came to, for the report."""

    returns: list[EvaluationReturn] = field(default_factory=list)  # by created, then id
    refused: list[tuple[Path, Msg]] = field(default_factory=list)  # in the order given
    duplicates: int = 0  # files whose return was already read from another file
    withdrawn: int = 0  # people (pseudonyms) who sent a withdrawal
    removed: int = 0  # returns left out because their sender withdrew
    replaced: int = 0  # earlier returns for a time point replaced by a newer one

    @property
    def people(self) -> int:
        """Pseudonyms with at least one return counted."""
        return len({r.pseudonym for r in self.returns})


def collect(
    paths: Sequence[Path],
    programme: Programme,
    identity: Identity,
    progress: Progress | None = None,
    *,
    known: KnownFramework | None = None,
) -> Collected:
    """Open and check every file in ``paths`` for ``programme`` with the evaluator's keys.

    Raises BadInput, before reading any file, when the programme asks for no evaluation or
    ``identity`` is not its evaluator; a file that fails is listed in ``refused``, never raised.
    ``progress(done, total)`` is called after each file and may raise Cancelled. With
    ``known`` (the framework catalog's ``find``), a score outside its framework's scale is
    refused too.
    """
    plan = _plan_for(programme, identity)
    report = progress or no_progress
    result = Collected()
    seen: dict[str, EvaluationReturn] = {}
    for done, path in enumerate(paths, start=1):
        try:
            opened = open_return_file(path, identity)
            _check_against(opened, programme, plan, path)
            _check_scales(opened, known, path)
        except BadInput as exc:
            result.refused.append((path, exc.msg))
        else:
            if opened.id in seen:
                result.duplicates += 1
            else:
                seen[opened.id] = opened
        report(done, len(paths))
    _settle(seen.values(), result)
    return result


def _plan_for(programme: Programme, identity: Identity) -> EvaluationPlan:
    plan = programme.evaluation
    if plan is None:
        raise BadInput(Msg.EVAL_NO_PLAN, name=programme.name)
    evaluator = parse_card(plan.evaluator_card).age_recipient
    if evaluator.lower() != identity.recipient.lower():
        raise BadInput(Msg.EVAL_NOT_THE_EVALUATOR, name=programme.name)
    return plan


def _check_against(
    opened: EvaluationReturn, programme: Programme, plan: EvaluationPlan, path: Path
) -> None:
    if opened.programme_id != programme.pack_id:
        raise BadInput(Msg.EVAL_RETURN_OTHER_PROGRAMME, path=path)
    content = opened.content
    if content is None:
        return
    asked = {rating.framework_id: set(rating.domain_ids) for rating in plan.ratings}
    questions = {question.key for question in plan.questions}
    fits = (
        plan.time_point(content.time_point) is not None
        and all(_asked(asked, r.framework_id, r.domain_id) for r in content.ratings)
        and (plan.ask_counts or not content.counts)
        and all(answer.question_key in questions for answer in content.answers)
    )
    if not fits:
        raise BadInput(Msg.EVAL_RETURN_NOT_ASKED, path=path)


def _check_scales(opened: EvaluationReturn, known: KnownFramework | None, path: Path) -> None:
    if known is None or opened.content is None:
        return
    for rating in opened.content.ratings:
        framework = known(rating.framework_id)
        if framework is not None and not framework.scale.contains(rating.score):
            raise BadInput(Msg.EVAL_RETURN_OFF_SCALE, path=path)


def _asked(asked: dict[str, set[str]], framework_id: str, domain_id: str) -> bool:
    """Whether the plan rates this domain (a rating set naming no domains asks for all)."""
    return framework_id in asked and (not asked[framework_id] or domain_id in asked[framework_id])


def _settle(opened: Iterable[EvaluationReturn], result: Collected) -> None:
    """Withdrawals remove their sender; of one person's returns for a time point the newest
    counts."""
    everything = sorted(opened, key=_when)
    gone = {r.pseudonym for r in everything if r.kind is ReturnKind.WITHDRAWAL}
    result.withdrawn = len(gone)
    newest: dict[tuple[str, str], EvaluationReturn] = {}
    for item in everything:
        if item.kind is ReturnKind.WITHDRAWAL:
            continue
        if item.pseudonym in gone:
            result.removed += 1
            continue
        assert item.content is not None  # a return has content: the schema refuses one without
        slot = (item.pseudonym, item.content.time_point)
        if slot in newest:
            result.replaced += 1
        newest[slot] = item  # sorted by created, so the last one seen is the newest
    result.returns = sorted(newest.values(), key=_when)


def _when(item: EvaluationReturn) -> tuple[datetime, str]:
    # every created time has an offset (the schema refuses one without), so all compare
    return datetime.fromisoformat(item.created), item.id
