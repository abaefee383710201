"""Search picks one of two query plans per query (issue #16, item 5): both give the same hits,
and the one for phrases really is FTS5's own sorted plan, not SQLite sorting afterwards."""

from __future__ import annotations

import random

import pytest

from reflect.app import App
from reflect.core.entry_filter import EntryFilter
from reflect.core.search import parse_terms
from reflect.formats.journal_json import read_journal_json
from reflect.services.demo import demo_folder
from reflect.storage.search import Plan, SearchRepository, plan_for

QUERIES = (
    '"peer coaching"',
    '"the team"',
    '"what went well"',
    'discharge "peer coaching"',
    "improvement",
    "coach",
    "trio reflection",
    '"no such words together"',
)


@pytest.fixture
def demo_app(app: App) -> App:
    """The demo journal, with enough entries sharing words for ranks to differ and tie."""
    app.transfer.import_contents(read_journal_json(demo_folder() / "journal.json"))
    rng = random.Random(5)
    words = "the team peer coaching flow of patients discharge what went well improvement"
    for n in range(60):
        body = " ".join(rng.choice(words.split()) for _ in range(rng.randint(3, 40)))
        app.entries.write(f"Note {n}\n\n{body}")
    return app


@pytest.mark.parametrize("text", QUERIES)
def test_both_plans_find_the_same_hits_in_the_same_order(demo_app: App, text: str) -> None:
    repo = SearchRepository(demo_app.store)
    terms, everything = parse_terms(text), EntryFilter()
    found = {
        plan: [(hit.id, hit.snippet, round(hit.score, 9)) for hit in
               repo.search(terms, everything, 20, plan)]
        for plan in Plan
    }  # fmt: skip
    assert found[Plan.FTS5_SORTED] == found[Plan.RANK_THEN_SNIPPETS]
    if "no such" not in text:
        assert found[Plan.FTS5_SORTED], f"{text} should find something in the demo journal"


def test_phrases_take_fts5s_sorted_plan_and_words_the_two_passes() -> None:
    everything = EntryFilter()
    assert plan_for(parse_terms('"the team"'), everything) is Plan.FTS5_SORTED
    assert plan_for(parse_terms('flow "the team"'), everything) is Plan.FTS5_SORTED
    assert plan_for(parse_terms("the team"), everything) is Plan.RANK_THEN_SNIPPETS
    filtered = EntryFilter(tag="coaching")
    assert plan_for(parse_terms('"the team"'), filtered) is Plan.RANK_THEN_SNIPPETS


def test_a_filter_is_never_dropped_for_the_sorted_plan(demo_app: App) -> None:
    repo = SearchRepository(demo_app.store)
    filtered = EntryFilter(tag="no-entry-has-this-tag")
    assert repo.search(parse_terms('"the team"'), filtered, 20, Plan.FTS5_SORTED) == []


def test_the_sorted_plan_leaves_the_sorting_to_fts5(demo_app: App) -> None:
    """SQLite sorts the rows FTS5 returns only after the join (a handful); were FTS5 not
    sorting, SQLite would sort every match inside the ranked subquery."""
    conn = demo_app.store.conn
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        SearchRepository(demo_app.store).search(parse_terms('"the team"'), EntryFilter(), 20)
    finally:
        conn.set_trace_callback(None)
    ranked = next(sql for sql in statements if "ORDER BY rank" in sql)
    steps = conn.execute(f"EXPLAIN QUERY PLAN {ranked}").fetchall()
    inside = {step[0] for step in steps if "CO-ROUTINE ranked" in str(step[3])}
    sorts_inside = [step for step in steps if step[1] in inside and "TEMP B-TREE" in str(step[3])]
    assert inside and sorts_inside == []
