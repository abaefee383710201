"""Collecting returns: each file counted once, refused with its own message, withdrawals
honoured, and a huge file read no further than a return can be."""

from __future__ import annotations

import tracemalloc
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from evaluation_returns import (
    PROGRAMME,
    a_return,
    armor_byte_flipped,
    edited,
    evaluator,
    evaluator_card,
    participant,
    scores,
    write,
)
from pack_fixtures import shipped_catalog
from reflect.core.evaluation import (
    Answer,
    CountKey,
    EvaluationPlan,
    Rating,
    RatingSet,
    ReturnContent,
    TextQuestion,
    TimePoint,
)
from reflect.core.programme import Facilitator, Programme
from reflect.errors import BadInput
from reflect.exchange.evaluation_file import MAX_RETURN_BYTES, pseudonym
from reflect.exchange.identity import Identity
from reflect.messages import Msg
from reflect.services.evaluation_collect import collect

PLAN = EvaluationPlan(
    evaluator_card=evaluator_card(),
    privacy_notice="Dr Nair receives returns to evaluate the programme; kept two years.",
    time_points=(
        TimePoint("start", "At the start", offset_days=0),
        TimePoint("end", "At the end", offset_days=250),
    ),
    ratings=(RatingSet("csif", ("vision", "capability", "cqi")),),
    ask_counts=False,
    questions=(TextQuestion("changed", "What do you do differently?"),),
)
COHORT = Programme(
    pack_id=PROGRAMME,
    name="Leading Across Systems, cohort 4",
    pack_version=1,
    welcome="",
    facilitator=Facilitator("Sam Okafor", "", "ed25519:unused"),
    evaluation=PLAN,
)


def gathered(tmp_path: Path, *files: bytes) -> list[Path]:
    return [
        write(tmp_path / "inbox", f"return-{n}.reflecteval", data) for n, data in enumerate(files)
    ]


def test_returns_from_several_people_are_all_counted(tmp_path: Path) -> None:
    files = [
        a_return(participant(n), scores(point, 2 + n))
        for n in range(3)
        for point in ("start", "end")
    ]

    got = collect(gathered(tmp_path, *files), COHORT, evaluator())

    assert (len(got.returns), got.people, got.refused, got.duplicates) == (6, 3, [], 0)
    assert {r.pseudonym for r in got.returns} == {
        pseudonym(participant(n), PROGRAMME) for n in range(3)
    }


def test_the_same_return_twice_is_counted_once(tmp_path: Path) -> None:
    data = a_return(participant(0), scores("start", 3))
    paths = gathered(tmp_path, data, data, a_return(participant(1), scores("start", 4)))

    got = collect(paths, COHORT, evaluator())

    assert (len(got.returns), got.duplicates, got.refused) == (2, 1, [])


def test_each_bad_file_is_refused_with_its_own_message(tmp_path: Path) -> None:
    good = a_return(participant(0), scores("start", 3))
    other = Identity.generate()  # another programme's evaluator

    def raise_score(document: dict[str, Any]) -> None:
        document["content"]["ratings"][0]["score"] = 5

    files = {
        "tampered": edited(good, raise_score),
        "armor": armor_byte_flipped(good),
        "foreign": a_return(participant(1), scores("start", 3), programme="another-cohort"),
        "elsewhere": a_return(participant(2), scores("start", 3), to=Identity.generate()),
        "forwarded": edited(
            a_return(participant(3), scores("start", 3), to=other), lambda _: None, opened_by=other
        ),
        "garbage": b"not a return",
    }
    paths = [write(tmp_path, f"{name}.reflecteval", data) for name, data in files.items()]

    got = collect([*paths, tmp_path / "missing.reflecteval"], COHORT, evaluator())

    assert got.returns == []
    assert [(path.stem, msg) for path, msg in got.refused] == [
        ("tampered", Msg.EVAL_RETURN_BAD_SIGNATURE),
        ("armor", Msg.EVAL_RETURN_DAMAGED),
        ("foreign", Msg.EVAL_RETURN_OTHER_PROGRAMME),
        ("elsewhere", Msg.EVAL_RETURN_NOT_FOR_YOU),
        ("forwarded", Msg.EVAL_RETURN_FORWARDED),
        ("garbage", Msg.EVAL_RETURN_NOT_RETURN),
        ("missing", Msg.FILE_NOT_FOUND),
    ]


def test_a_withdrawal_removes_every_return_of_its_sender(tmp_path: Path) -> None:
    leaving, staying = participant(0), participant(1)
    files = [
        a_return(leaving, scores("start", 2)),
        a_return(leaving, scores("end", 4), created="2027-06-30T09:00:00+00:00"),
        a_return(staying, scores("start", 3)),
        a_return(leaving, None, created="2027-07-01T09:00:00+00:00"),
    ]

    got = collect(gathered(tmp_path, *files), COHORT, evaluator())

    assert [r.pseudonym for r in got.returns] == [pseudonym(staying, PROGRAMME)]
    assert (got.withdrawn, got.removed, got.refused) == (1, 2, [])


def test_a_withdrawal_read_before_the_returns_it_withdraws_still_removes_them(
    tmp_path: Path,
) -> None:
    leaving = participant(0)
    files = [
        a_return(leaving, None),
        a_return(leaving, scores("end", 4), created="2027-06-30T09:00:00+00:00"),
    ]

    got = collect(gathered(tmp_path, *files), COHORT, evaluator())

    assert (got.returns, got.withdrawn, got.removed) == ([], 1, 1)


def test_a_newer_return_for_the_same_time_point_replaces_the_earlier(tmp_path: Path) -> None:
    me = participant(0)
    files = [
        a_return(me, scores("start", 4), created="2027-01-02T09:00:00+01:00"),
        a_return(
            me, scores("start", 2), created="2027-01-02T08:30:00+00:00"
        ),  # later: 09:30 in +01
    ]

    got = collect(gathered(tmp_path, *files), COHORT, evaluator())

    assert [r.content.ratings[0].score for r in got.returns if r.content] == [2]
    assert got.replaced == 1


@pytest.mark.parametrize(
    "content",
    [
        scores("six-months-after", 3),
        ReturnContent("start", counts=((CountKey.ENTRIES_WRITTEN, 3),)),
        ReturnContent("start", answers=(Answer("other-question", "words"),)),
        scores("start", 3, 3, 3, 3),  # a fourth domain, "redesign", is not asked
        ReturnContent("start", ratings=(Rating("leader-growth", "vision", 3),)),
    ],
)
def test_a_return_answering_what_the_plan_does_not_ask_is_refused(
    tmp_path: Path, content: ReturnContent
) -> None:
    got = collect(gathered(tmp_path, a_return(participant(0), content)), COHORT, evaluator())

    assert [msg for _, msg in got.refused] == [Msg.EVAL_RETURN_NOT_ASKED]


def test_what_the_plan_asks_is_accepted(tmp_path: Path) -> None:
    content = ReturnContent(
        "end",
        ratings=scores("end", 1, 2, 3).ratings,
        answers=(Answer("changed", "I listen."),),
        quotes=("A quote the participant chose.",),
    )

    got = collect(gathered(tmp_path, a_return(participant(0), content)), COHORT, evaluator())

    assert [r.content for r in got.returns] == [content]


def test_a_programme_with_no_plan_or_another_evaluator_is_refused_before_any_file() -> None:
    with pytest.raises(BadInput) as no_plan:
        collect([Path("/nowhere")], replace(COHORT, evaluation=None), evaluator())
    with pytest.raises(BadInput) as not_mine:
        collect([Path("/nowhere")], COHORT, participant(0))

    assert (no_plan.value.msg, not_mine.value.msg) == (Msg.EVAL_NO_PLAN, Msg.EVAL_NOT_THE_EVALUATOR)


def test_a_huge_file_is_refused_after_one_bounded_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.reflecteval"
    with huge.open("wb") as handle:
        handle.truncate(200 * MAX_RETURN_BYTES)  # sparse: 200 MB on no disk

    tracemalloc.start()
    try:
        got = collect([huge], COHORT, evaluator())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert got.refused == [(huge, Msg.EVAL_RETURN_TOO_LARGE)]
    assert peak < 8 * MAX_RETURN_BYTES


def test_progress_is_reported_after_each_file(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    paths = gathered(tmp_path, b"x", a_return(participant(0), scores("start", 3)))

    collect(paths, COHORT, evaluator(), lambda done, total: seen.append((done, total)))

    assert seen == [(1, 2), (2, 2)]


def test_a_score_off_its_frameworks_scale_is_refused_when_frameworks_are_known(
    tmp_path: Path,
) -> None:
    catalog = shipped_catalog(tmp_path)
    csif = catalog.find("csif")
    assert csif is not None
    scale = csif.scale
    paths = gathered(
        tmp_path,
        a_return(participant(0), scores("start", scale.high + 1)),
        a_return(participant(1), scores("start", scale.high)),
    )

    unchecked = collect(paths, COHORT, evaluator())
    checked = collect(paths, COHORT, evaluator(), known=catalog.find)

    assert len(unchecked.returns) == 2
    assert [msg for _, msg in checked.refused] == [Msg.EVAL_RETURN_OFF_SCALE]
    assert [r.pseudonym for r in checked.returns] == [pseudonym(participant(1), PROGRAMME)]
