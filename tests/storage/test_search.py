"""Ranked full-text search: partial words, phrases, ranking, filters, and keeping in step."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from fakes import FakeClock
from reflect.app import App
from reflect.core.entry import EntryKind, Response
from reflect.core.entry_filter import EntryFilter
from reflect.core.search import MARK_END, MARK_START, SearchRequest, parse_terms
from reflect.storage.search import match_expression


def ids(app: App, text: str, **filters: object) -> list[str]:
    request = SearchRequest(text, EntryFilter(**filters))  # type: ignore[arg-type]
    return [hit.id for hit in app.search.search(request)]


def test_part_of_a_word_finds_the_whole_word(app: App) -> None:
    entry = app.entries.write("Building relationships across three organisations.")
    assert ids(app, "relation") == [entry.id]
    assert ids(app, "organis") == [entry.id]


def test_stems_match_other_forms(app: App) -> None:
    entry = app.entries.write("We kept measuring the wrong things.")
    assert ids(app, "measure") == [entry.id]


def test_accents_do_not_matter(app: App) -> None:
    entry = app.entries.write("Notes from the café meeting")
    assert ids(app, "cafe") == [entry.id]


def test_quoted_phrase_matches_exactly(app: App) -> None:
    together = app.entries.write("We want shared ownership of delays.")
    app.entries.write("Ownership was never shared with us.")
    assert ids(app, '"shared ownership"') == [together.id]


def test_all_words_are_required(app: App) -> None:
    both = app.entries.write("Trust and data went together.")
    app.entries.write("Only trust here.")
    assert ids(app, "trust data") == [both.id]


def test_title_match_ranks_above_a_passing_mention(app: App) -> None:
    filler = " ".join(["The huddle ran long and we covered many other things."] * 20)
    passing = app.entries.write(filler + " Someone mentioned governance once.")
    titled = app.entries.write("A short note.", title="Governance")
    assert ids(app, "governance") == [titled.id, passing.id]


def test_snippet_marks_the_matched_words(app: App) -> None:
    app.entries.write("Long preamble. " * 30 + "The relational work is the work.")
    [hit] = app.search.search(SearchRequest("relational"))
    assert f"{MARK_START}relational{MARK_END}" in hit.snippet
    assert ("relational", True) in hit.snippet_spans()
    assert "relational" in hit.plain_snippet and MARK_START not in hit.plain_snippet


def test_inquiry_questions_are_searchable_including_old_wordings(app: App) -> None:
    inquiry = app.inquiries.add("How do we own discharge delays together?")
    app.inquiries.reword(inquiry.id, "What would shared accountability look like?")
    [hit] = app.search.search(SearchRequest("discharge"))
    assert (hit.id, hit.kind) == (inquiry.id, "inquiry")
    [hit] = app.search.search(SearchRequest("accountability"))
    assert hit.title == "What would shared accountability look like?"


def test_tags_are_searchable(app: App) -> None:
    entry = app.entries.write("Plain words.", tags=["voluntary-sector"])
    assert ids(app, "voluntary") == [entry.id]


def test_hits_carry_their_entry_and_its_tags_in_order(app: App) -> None:
    inquiry = app.inquiries.add("How do huddles help?")
    entry = app.entries.write(
        "Huddle notes.", title="", tags=["winter", "Flow", "team-work"], inquiry_id=inquiry.id
    )
    for request in (
        SearchRequest("huddle notes"),
        SearchRequest("huddle", EntryFilter(tag="flow")),
    ):
        [hit] = [h for h in app.search.search(request) if h.kind != "inquiry"]
        assert (hit.id, hit.title, hit.created) == (entry.id, "Huddle notes.", entry.created)
        assert hit.tags == ("winter", "Flow", "team-work")
        assert hit.inquiry_id == inquiry.id
    [question] = [h for h in app.search.search(SearchRequest("huddles")) if h.kind == "inquiry"]
    assert (question.id, question.tags) == (inquiry.id, ())


def test_framework_responses_are_searchable(app: App) -> None:
    entry = app.entries.write(
        "", framework_id="gibbs", responses=(Response("feelings", "Anxious, then relieved."),)
    )
    assert ids(app, "relieved") == [entry.id]


def test_edits_trash_and_restore_keep_the_index_in_step(app: App) -> None:
    entry = app.entries.write("Original wording about flow.")
    app.entries.update(entry.id, body="Now it is about huddles.")
    assert ids(app, "flow") == []
    assert ids(app, "huddles") == [entry.id]
    app.entries.trash(entry.id)
    assert ids(app, "huddles") == []
    app.entries.restore(entry.id)
    assert ids(app, "huddles") == [entry.id]
    app.entries.trash(entry.id)
    app.entries.empty_trash()
    assert ids(app, "huddles") == []
    inquiry = app.inquiries.add("How do huddles spread?")
    app.inquiries.reword(inquiry.id, "How might huddles spread?")
    app.inquiries.set_why(inquiry.id, "Because flow matters.")
    assert ids(app, "flow") == [inquiry.id]
    # The index reads its text from the journal's tables: still in step with them.
    app.store.conn.execute(
        "INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)"
    )


@pytest.mark.parametrize("text", ["", "   ", "!!! ???", '"', "*", "AND OR NOT", "a:b"])
def test_odd_queries_never_break(app: App, text: str) -> None:
    app.entries.write("AND OR NOT are words too; a b")
    app.search.search(SearchRequest(text))


def test_query_syntax_is_escaped() -> None:
    terms = parse_terms('care-home NEAR "x y" col:umn')
    expression = match_expression(terms)
    assert '"care"' in expression and '"home"' in expression
    assert '"x y"' in expression
    assert "col:umn" not in expression


def test_filters(app: App, clock: FakeClock) -> None:
    inquiry = app.inquiries.add("Question?")
    clock.now = datetime(2026, 1, 10, 12, tzinfo=UTC)
    early = app.entries.write("flow early", kind=EntryKind.NOTE, tags=["huddle"])
    clock.now += timedelta(days=10)
    linked = app.entries.write("flow linked", inquiry_id=inquiry.id, framework_id="gibbs")
    clock.now += timedelta(days=10)
    coaching = app.entries.write("flow coaching", kind=EntryKind.COACHING, tags=["Huddle"])

    assert set(ids(app, "flow", tag="huddle")) == {early.id, coaching.id}
    assert set(ids(app, "flow", tag="#HUDDLE")) == {early.id, coaching.id}
    assert ids(app, "flow", inquiry_id=inquiry.id) == [linked.id]
    assert ids(app, "flow", kind=EntryKind.COACHING) == [coaching.id]
    assert ids(app, "flow", framework_id="gibbs") == [linked.id]
    assert ids(app, "flow", since="2026-01-15T00:00:00+00:00") == [
        h for h in ids(app, "flow") if h in {linked.id, coaching.id}
    ]
    assert ids(app, "flow", until="2026-01-15T00:00:00+00:00") == [early.id]


def test_filtered_search_leaves_out_inquiries(app: App) -> None:
    app.inquiries.add("Flow across the system?")
    entry = app.entries.write("flow", kind=EntryKind.NOTE)
    assert ids(app, "flow", kind=EntryKind.NOTE) == [entry.id]


def test_limit(app: App) -> None:
    for n in range(5):
        app.entries.write(f"flow number {n}")
    assert len(app.search.search(SearchRequest("flow", limit=3))) == 3
