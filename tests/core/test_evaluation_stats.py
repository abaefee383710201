"""The cohort report's figures, checked against arithmetic done by hand (tests/evaluation_cohort.py
holds the twelve participants' returns)."""

from __future__ import annotations

import random
import statistics
from dataclasses import replace

from evaluation_cohort import CONNECTIONS, INFLUENCE, PLAN, as_collected, cohort
from reflect.core.evaluation import (
    CountKey,
    EvaluationReturn,
    Rating,
    RatingSet,
    ReturnContent,
    ReturnKind,
    TimePoint,
)
from reflect.core.evaluation_stats import Change, Spread, cohort_figures, spread

# Time points in the plan's order: start, middle, end.
START, MIDDLE, END = 0, 1, 2


def test_returns_per_time_point_and_the_group_of_four_withheld():
    figures = cohort_figures(as_collected(), PLAN)
    assert figures.time_points == ("start", "middle", "end")
    # start: P01–P11 (P12 withdrew) = 11; middle: P01–P04 = 4 < 5, withheld;
    # end: P01–P10 = 10 (P05's two returns are one person's).
    assert figures.returns == (11, None, 10)


def test_influence_by_hand():
    figures = cohort_figures(as_collected(), PLAN, domains=[INFLUENCE, CONNECTIONS])
    influence = figures.ratings[0]
    assert (influence.framework_id, influence.domain_id) == INFLUENCE
    # start, P01–P11: 2 3 1 1 4 2 3 1 5 2 4 → sorted 1 1 1 2 2 2 3 3 4 4 5 (n = 11).
    # Inclusive quartiles sit at (n − 1)·p = 2.5, 5, 7.5 (counting from 0):
    # q1 = (x2 + x3)/2 = (1 + 2)/2 = 1.5; median = x5 = 2; q3 = (x7 + x8)/2 = (3 + 4)/2 = 3.5.
    assert influence.by_point[START] == Spread(11, 2, 1.5, 3.5)
    # middle: four returns, fewer than five: nothing computed.
    assert influence.by_point[MIDDLE] == Spread(None)
    assert influence.by_point[MIDDLE].withheld
    # end, P01–P10 (P05's later return: 4, not its first: 1):
    # 3 3 3 2 4 4 2 2 5 4 → sorted 2 2 2 3 3 3 4 4 4 5 (n = 10); positions 2.25, 4.5, 6.75:
    # q1 = 2 + 0.25·(3 − 2) = 2.25; median = (3 + 3)/2 = 3; q3 = 4 + 0.75·(4 − 4) = 4.
    assert influence.by_point[END] == Spread(10, 3, 2.25, 4)


def test_change_for_people_at_both_ends_by_hand():
    figures = cohort_figures(as_collected(), PLAN, domains=[INFLUENCE, CONNECTIONS])
    influence, connections = figures.changes
    # P01–P10 returned at start and end (P11 not at the end, P12 withdrew). End − start:
    # P01 3−2=+1, P02 3−3=0, P03 3−1=+2, P04 2−1=+1, P05 4−4=0, P06 4−2=+2, P07 2−3=−1,
    # P08 2−1=+1, P09 5−5=0, P10 4−2=+2 → sorted −1 0 0 0 1 1 1 2 2 2: median (1 + 1)/2 = 1.
    # Up 6; stayed 3 and down 1 are each under five, so not shown.
    assert influence == Change(*INFLUENCE, n=10, median=1, up=6, same=None, down=None)
    # connections: only P01–P04 rated it: a group of four, the whole row withheld.
    assert connections == Change(*CONNECTIONS, n=None)
    assert connections.withheld
    assert figures.ratings[1].by_point == (Spread(None), Spread(None), Spread(None))


def test_counts_by_hand():
    figures = cohort_figures(as_collected(), PLAN)
    by_key = {c.key: c.by_point for c in figures.counts}
    assert list(by_key) == list(CountKey)  # the plan asks for counts: every key has a row
    # end, entries written by P01–P06: 4 10 7 2 7 12 → sorted 2 4 7 7 10 12 (n = 6);
    # positions 1.25, 2.5, 3.75: q1 = 4 + 0.25·3 = 4.75; median = 7; q3 = 7 + 0.75·3 = 9.25.
    assert by_key[CountKey.ENTRIES_WRITTEN][END] == Spread(6, 7, 4.75, 9.25)
    # middle: three people ticked counts: withheld. start: nobody.
    assert by_key[CountKey.ENTRIES_WRITTEN][MIDDLE] == Spread(None)
    assert by_key[CountKey.ENTRIES_WRITTEN][START] == Spread(None)
    # actions started: 1 0 2 3 1 1 → sorted 0 1 1 1 2 3: q1 = 1 + 0.25·0 = 1; median = 1;
    # q3 = 1 + 0.75·(2 − 1) = 1.75.
    assert by_key[CountKey.ACTIONS_STARTED][END] == Spread(6, 1, 1, 1.75)
    assert by_key[CountKey.ACTIONS_STOPPED] == (Spread(None),) * 3


def test_quotes_and_answers_sorted_without_pseudonyms_and_withheld_where_few_returned():
    figures = cohort_figures(as_collected(), PLAN)
    start, middle, end = figures.texts
    assert (start.withheld, start.quotes) == (False, ())
    # Four returns at the middle: its quote is not listed.
    assert middle.withheld and middle.quotes == ()
    # Alphabetical, ignoring case, whoever wrote them (P03, P10, P07); P12's words are gone.
    assert end.quotes == (
        "asking, not telling, changed the huddle.",
        "Measures made the conversation easier.",
        "Stopping the Tuesday report gave us time back.",
    )
    assert end.answers == (("helped", ("coaching", "The trio <b>itself</b>")),)


def test_a_withdrawal_in_the_list_is_honoured_too():
    # The list with P12's returns and withdrawal still in it gives the same figures.
    assert cohort_figures(cohort(), PLAN) == cohort_figures(as_collected(), PLAN)
    # Without the withdrawal, P12 would count: start would be 12 returns, median (2 + 3)/2.
    kept = [r for r in cohort() if r.kind is ReturnKind.RETURN]
    influence = cohort_figures(kept, PLAN, domains=[INFLUENCE]).ratings[0]
    assert influence.by_point[START] == Spread(12, 2.5, 1.75, 4)


def test_the_order_of_the_files_changes_nothing():
    shuffled = as_collected()
    random.Random(15).shuffle(shuffled)
    assert cohort_figures(shuffled, PLAN) == cohort_figures(as_collected(), PLAN)


def test_quartiles_are_pythons_inclusive_method():
    values = [5, 1, 4, 4, 2, 9, 3]
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    assert spread(values, 5) == Spread(7, median, q1, q3)
    assert spread(values[:4], 5) == Spread(None)


def _person(n: int, start: int, end: int) -> list[EvaluationReturn]:
    def one(point: str, score: int) -> EvaluationReturn:
        content = ReturnContent(point, ratings=(Rating("f", "d", score),))
        return EvaluationReturn(f"{n}{point}", ReturnKind.RETURN, "p", f"k{n}", "t", content)

    return [one("a", start), one("b", end)]


def test_a_lone_small_count_takes_the_next_smallest_with_it():
    plan = replace(
        PLAN, time_points=(TimePoint("a", "A"), TimePoint("b", "B")), ratings=(RatingSet("f"),)
    )
    # Five went up by one, one went down by one: up 5, same 0, down 1. Down alone hidden, the
    # total (6) minus up and same would give it back; so "same", the next smallest, goes too.
    returns = [r for n in range(5) for r in _person(n, 2, 3)] + _person(9, 3, 2)
    (change,) = cohort_figures(returns, plan).changes
    # Changes −1 1 1 1 1 1: median 1.
    assert change == Change("f", "d", n=6, median=1, up=5, same=None, down=None)
    # Six up, five the same, none down: nothing under five above zero, all shown.
    returns = [r for n in range(6) for r in _person(n, 2, 4)]
    returns += [r for n in range(10, 15) for r in _person(n, 3, 3)]
    (change,) = cohort_figures(returns, plan).changes
    # Changes 0 0 0 0 0 2 2 2 2 2 2 (n = 11): median is the sixth, 2.
    assert change == Change("f", "d", n=11, median=2, up=6, same=5, down=0)


def test_ratings_the_plan_did_not_ask_for_are_left_out():
    returns = [
        *as_collected(),
        replace(
            as_collected()[0],
            id="extra",
            pseudonym="ed25519:someone-else",
            content=ReturnContent("start", ratings=(Rating("csif", "x", 3),)),
        ),
    ]
    figures = cohort_figures(returns, PLAN)
    assert {r.framework_id for r in figures.ratings} == {"leader-growth"}
