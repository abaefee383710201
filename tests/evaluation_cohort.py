"""Twelve simulated participants across three time points, as ``collect`` would hand them over.

Shared by the figures' tests and the report writers' tests; every figure they expect is worked
out by hand in tests/core/test_evaluation_stats.py.

- ``influence`` (leader-growth): P01–P11 at start, P01–P04 at middle, P01–P10 at end.
- ``connections``: rated by P01–P04 only, at start and at end: a group of four.
- P05 sent two returns at the end; the later one counts.
- P12 returned at start and at end, then withdrew.
- Counts: P01–P06 at the end only (and P01–P03 at the middle).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from evaluation_returns import a_return, armor_byte_flipped, participant, write
from reflect.app import App
from reflect.core.evaluation import (
    Answer,
    CountKey,
    EvaluationPlan,
    EvaluationReturn,
    Rating,
    RatingSet,
    ReturnContent,
    ReturnKind,
    TextQuestion,
    TimePoint,
)
from reflect.core.programme import Facilitator, Programme
from reflect.exchange.card import make_card
from reflect.exchange.identity import Identity
from reflect.storage.programmes import ProgrammeRepository

PROGRAMME = "pack-eval"
FRAMEWORK = "leader-growth"
INFLUENCE = (FRAMEWORK, "influence")
CONNECTIONS = (FRAMEWORK, "connections")

PLAN = EvaluationPlan(
    evaluator_card="(card)",
    privacy_notice="The programme team keeps returns for a year.",
    time_points=(
        TimePoint("start", "Start", offset_days=0),
        TimePoint("middle", "Middle", offset_days=60),
        TimePoint("end", "End", offset_days=120),
    ),
    ratings=(RatingSet(FRAMEWORK, ("influence", "connections")),),
    ask_counts=True,
    questions=(TextQuestion("helped", "What helped most?"),),
)

START = {1: 2, 2: 3, 3: 1, 4: 1, 5: 4, 6: 2, 7: 3, 8: 1, 9: 5, 10: 2, 11: 4, 12: 5}
MIDDLE = {1: 3, 2: 3, 3: 2, 4: 2}
END = {1: 3, 2: 3, 3: 3, 4: 2, 5: 4, 6: 4, 7: 2, 8: 2, 9: 5, 10: 4, 12: 1}
CONNECTIONS_START = {1: 4, 2: 4, 3: 3, 4: 5}
CONNECTIONS_END = {1: 5, 2: 4, 3: 4, 4: 5}
ENTRIES_END = {1: 4, 2: 10, 3: 7, 4: 2, 5: 7, 6: 12}
ACTIONS_END = {1: 1, 2: 0, 3: 2, 4: 3, 5: 1, 6: 1}
QUOTES = {
    ("end", 7): ("Stopping the Tuesday report gave us time back.",),
    ("end", 3): ("asking, not telling, changed the huddle.",),
    ("end", 10): ("Measures made the conversation easier.",),
    ("end", 12): ("Words from someone who withdrew.",),
    ("middle", 1): ("A quote among only four returns.",),
}
ANSWERS = {("end", 1): "The trio <b>itself</b>", ("end", 5): "coaching"}


def pseudonym(person: int) -> str:
    return f"ed25519:person-{person:02d}"


def _return(person: int, point: str, day: int, ratings: list[Rating]) -> EvaluationReturn:
    counts: tuple[tuple[CountKey, int], ...] = ()
    if point == "end" and person in ENTRIES_END:
        counts = (
            (CountKey.ENTRIES_WRITTEN, ENTRIES_END[person]),
            (CountKey.ACTIONS_STARTED, ACTIONS_END[person]),
        )
    if point == "middle" and person <= 3:
        counts = ((CountKey.ENTRIES_WRITTEN, 3),)
    answer = ANSWERS.get((point, person))
    return EvaluationReturn(
        id=f"r-{point}-{person:02d}",
        kind=ReturnKind.RETURN,
        programme_id=PROGRAMME,
        pseudonym=pseudonym(person),
        created=f"2026-0{day}-01T10:00:00Z",
        content=ReturnContent(
            time_point=point,
            ratings=tuple(ratings),
            counts=counts,
            quotes=QUOTES.get((point, person), ()),
            answers=(Answer("helped", answer),) if answer else (),
        ),
    )


def cohort(with_withdrawal: bool = True) -> list[EvaluationReturn]:
    """Every return of the twelve, plus P05's earlier end return and P12's withdrawal."""
    out = []
    for point, scores, day in (("start", START, 1), ("middle", MIDDLE, 3), ("end", END, 5)):
        for person, score in scores.items():
            ratings = [Rating(*INFLUENCE, score)]
            other = {"start": CONNECTIONS_START, "end": CONNECTIONS_END}.get(point, {})
            if person in other:
                ratings.append(Rating(*CONNECTIONS, other[person]))
            out.append(_return(person, point, day, ratings))
    earlier = _return(5, "end", 4, [Rating(*INFLUENCE, 1)])
    out.append(EvaluationReturn(**{**earlier.__dict__, "id": "r-end-05-first"}))
    if with_withdrawal:
        out.append(
            EvaluationReturn(
                "w-12", ReturnKind.WITHDRAWAL, PROGRAMME, pseudonym(12), "2026-06-01T10:00:00Z"
            )
        )
    return out


def as_collected() -> list[EvaluationReturn]:
    """What ``collect`` hands over: the withdrawn person's returns and the withdrawal gone."""
    return [r for r in cohort() if r.pseudonym != pseudonym(12)]


def install_for_evaluator(app: App, monkeypatch: pytest.MonkeyPatch) -> Identity:
    """Make ``app``'s journal the evaluator's: the programme installed, its plan naming this
    journal's card as the evaluator's. Returns the journal's keys."""
    identity = app.keys.identity()
    plan = replace(PLAN, evaluator_card=make_card("Eve Evans", identity))
    facilitator = Facilitator("Fran Lee", "fran@example.org", "ed25519:" + "A" * 43 + "=")
    shown = Programme(PROGRAMME, "North cohort 3", 1, "", facilitator)
    ProgrammeRepository(app.store).save(shown, b"{}", "2026-01-01T09:00:00.000000+00:00")
    monkeypatch.setattr("reflect.services.evaluation_seams.evaluation_plan", lambda p: plan)
    return identity


def _person(ret: EvaluationReturn) -> int:
    return int(ret.pseudonym.rsplit("-", 1)[1])


def return_files(folder: Path, evaluator: Identity) -> list[Path]:
    """Every return and the withdrawal as real, encrypted files, then a repeat, a tampered, a
    foreign-programme and a wrong-recipient one."""
    paths = []
    for ret in cohort():
        sealed = a_return(
            participant(_person(ret)), ret.content, programme=PROGRAMME, to=evaluator,
            created=ret.created,
        )  # fmt: skip
        paths.append(write(folder, f"{ret.id}.reflecteval", sealed))
    start_01 = paths[0].read_bytes()
    paths.append(write(folder, "again.reflecteval", start_01))
    paths.append(write(folder, "tampered.reflecteval", armor_byte_flipped(start_01)))
    other = a_return(participant(1), cohort()[0].content, programme="another", to=evaluator)
    paths.append(write(folder, "foreign.reflecteval", other))
    lost = a_return(
        participant(2), cohort()[1].content, programme=PROGRAMME, to=Identity.generate()
    )
    paths.append(write(folder, "lost.reflecteval", lost))
    return paths
