"""Trio sessions: kept as a coaching entry plus a linked action, read back, found by search."""

from __future__ import annotations

from dataclasses import replace

import pytest

from fakes import FakeClock
from reflect.app import App
from reflect.core.action import ActionKind, ActionStatus
from reflect.core.coaching import (
    DEFAULT_ROLES,
    FRAMEWORK_ID,
    CoachingSession,
    Role,
    from_entry,
    to_responses,
)
from reflect.core.entry import Entry, EntryKind, Response
from reflect.core.search import SearchRequest
from reflect.errors import BadInput
from reflect.messages import Msg
from reflect.services.coaching import CoachingService

SESSION = CoachingSession(
    date="2026-03-12",
    members=("Dev", "Siân"),
    roles=(Role.COACH, Role.PRESENTER, Role.OBSERVER),
    issue="The discharge group keeps reopening decisions.",
    helpful_questions="What would you notice if it were working?",
    insight="I have been chairing for agreement, not for decisions.",
    action_text="Ask the group to name one decision per meeting",
    action_due="2026-03-26",
    feedback_as_coach="Fewer leading questions than last time.",
    followup="",
)


@pytest.fixture
def coaching(app: App) -> CoachingService:
    return CoachingService(app.entries, app.actions, app.clock)


def test_session_round_trips_through_an_entry(coaching: CoachingService) -> None:
    with_followup = replace(SESSION, followup="I did it twice.", inquiry_id=None)
    entry, _ = coaching.record(with_followup)
    assert entry.kind is EntryKind.COACHING
    assert entry.framework_id == FRAMEWORK_ID
    assert entry.title == "Trio session with Dev and Siân, 12 Mar 2026"
    assert from_entry(entry) == with_followup


def test_empty_fields_are_left_out_of_the_responses() -> None:
    title, responses = to_responses(CoachingSession("2026-01-05", insight="Listen more."))
    assert title == "Trio session, 5 Jan 2026"
    assert [r.prompt_id for r in responses] == ["date", "roles", "insight"]


def test_an_entry_without_the_usual_fields_reads_back_leniently() -> None:
    entry = Entry(
        id="x",
        kind=EntryKind.COACHING,
        title="",
        body="",
        created="2026-02-01T10:00:00+00:00",
        updated="",
        framework_id=FRAMEWORK_ID,
        responses=(Response("roles", "muddled"), Response("insight", "Slow down.")),
    )
    session = from_entry(entry)
    assert session.roles == DEFAULT_ROLES
    assert session.date == "2026-02-01"
    assert session.insight == "Slow down."


def test_committed_action_is_linked_with_its_due_date(app: App, coaching: CoachingService) -> None:
    inquiry = app.inquiries.add("How do we decide together?")
    entry, action = coaching.record(replace(SESSION, inquiry_id=inquiry.id))
    assert action is not None
    stored = app.actions.get(action.id)
    assert (stored.kind, stored.status, stored.due) == (
        ActionKind.START,
        ActionStatus.OPEN,
        "2026-03-26",
    )
    assert (stored.entry_id, stored.inquiry_id) == (entry.id, inquiry.id)
    assert entry.inquiry_id == inquiry.id


def test_no_action_text_means_no_action(app: App, coaching: CoachingService) -> None:
    _, action = coaching.record(replace(SESSION, action_text="  ", action_due="2026-04-01"))
    assert action is None
    assert app.actions.find() == []


def test_last_session_is_the_newest_with_its_action(
    coaching: CoachingService, clock: FakeClock
) -> None:
    assert coaching.last_session() is None
    coaching.record(replace(SESSION, action_text="First thing"))
    clock.advance(days=14)
    entry, action = coaching.record(replace(SESSION, date="2026-03-26", action_text="Second"))
    last = coaching.last_session()
    assert last is not None
    assert last.entry.id == entry.id
    assert last.session.date == "2026-03-26"
    assert last.action == action
    assert [r.session.action_text for r in coaching.sessions()] == ["Second", "First thing"]


def test_marking_the_last_action_done(coaching: CoachingService) -> None:
    _, action = coaching.record(SESSION)
    assert action is not None
    coaching.mark_done(action.id)
    last = coaching.last_session()
    assert last is not None and last.action is not None
    assert last.action.status is ActionStatus.DONE


def test_session_needs_an_issue_or_an_insight(app: App, coaching: CoachingService) -> None:
    with pytest.raises(BadInput) as caught:
        coaching.record(replace(SESSION, issue=" ", insight=""))
    assert caught.value.msg is Msg.EMPTY_ENTRY
    assert app.entries.count() == 0


@pytest.mark.parametrize(
    "roles", [("presenter", "coach"), ("presenter", "coach", "chair")], ids=["two", "unknown"]
)
def test_roles_must_be_three_known_roles(
    app: App, coaching: CoachingService, roles: tuple[str, ...]
) -> None:
    with pytest.raises(BadInput) as caught:
        coaching.record(replace(SESSION, roles=roles))
    assert caught.value.msg is Msg.BAD_KIND
    assert "observer" in caught.value.text
    assert app.entries.count() == 0


def test_bad_dates_are_refused_before_anything_is_written(
    app: App, coaching: CoachingService
) -> None:
    for bad in (replace(SESSION, action_due="next week"), replace(SESSION, date="12/03/2026")):
        with pytest.raises(BadInput) as caught:
            coaching.record(bad)
        assert caught.value.msg is Msg.BAD_DATE
    assert app.entries.count() == 0
    assert app.actions.find() == []


def test_blank_date_means_today_and_names_are_cleaned(coaching: CoachingService) -> None:
    entry, _ = coaching.record(replace(SESSION, date="", members=(" Dev ", "dev", "", "Siân")))
    session = from_entry(entry)
    assert session.date == coaching.today()
    assert session.members == ("Dev", "Siân")


def test_member_names_come_from_earlier_sessions(coaching: CoachingService) -> None:
    coaching.record(replace(SESSION, members=("Dev", "Siân")))
    coaching.record(replace(SESSION, members=("Ana", "Dev")))
    assert coaching.member_names() == ["Ana", "Dev", "Siân"]


def test_session_is_found_by_its_insight(app: App, coaching: CoachingService) -> None:
    entry, _ = coaching.record(SESSION)
    hits = app.search.search(SearchRequest("chairing agreement"))
    assert [hit.id for hit in hits] == [entry.id]
