"""The participant's evaluation returns: what is due, what a return holds, and what is kept."""

from __future__ import annotations

import json
import stat
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from evaluation_participant import NOTICE, Sealed, evaluator_card, plan, programme, with_evaluation
from fakes import FakeClock
from people import Person, open_person, shared_keyring
from reflect.core.assessment import Score
from reflect.core.evaluation import CountKey, Rating
from reflect.core.evaluation_due import DueState
from reflect.errors import ReflectError
from reflect.messages import Msg
from reflect.services.evaluation_preview import as_text, return_lines, withdrawal_lines


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 1, 5, 12, 0, tzinfo=UTC))


@pytest.fixture
def pat(tmp_path: Path, clock: FakeClock) -> Person:
    person = open_person("Pat Okoro", tmp_path, shared_keyring(), clock)
    yield person
    person.app.close()


@pytest.fixture
def sealed(monkeypatch: pytest.MonkeyPatch, pat: Person) -> Sealed:
    return with_evaluation(monkeypatch, pat.app, (programme(), plan(evaluator_card())))


def states(person: Person) -> dict[str, DueState]:
    return {p.point.key: p.state for p in person.app.evaluation_returns.due()}


def test_due_says_not_yet_open_due_sent_and_withdrawn(
    pat: Person, sealed: Sealed, clock: FakeClock, tmp_path: Path
) -> None:
    service = pat.app.evaluation_returns
    assert states(pat) == {
        "start": DueState.NOT_YET_OPEN,
        "middle": DueState.NOT_YET_OPEN,
        "end": DueState.NOT_YET_OPEN,
    }
    assert service.offer() is None
    later = {p.point.key: p.state for p in service.due(date(2026, 7, 1))}
    assert set(later.values()) == {DueState.DUE}  # as it will stand on 1 July
    clock.advance(days=55)  # 2026-03-01: start and middle are open
    assert states(pat)["start"] is DueState.DUE
    assert states(pat)["middle"] is DueState.DUE
    offered = service.offer()
    assert offered is not None and offered.point.key == "middle"  # the newest, never an older
    service.write(service.draft(None, "middle"), tmp_path / "middle.reflecteval")
    assert states(pat)["middle"] is DueState.SENT
    sent = next(p for p in service.due() if p.point.key == "middle")
    assert sent.sent == clock.now.astimezone().date()
    assert service.offer() is None  # the older "start" waits in the list, not in the bar
    service.withdraw(None, tmp_path / "withdraw.reflecteval")
    assert set(states(pat).values()) == {DueState.WITHDRAWN}
    assert [call["kind"] for call in sealed.calls] == ["return", "withdrawal"]


def test_not_now_stops_the_offer_of_that_time_point_only(pat: Person, sealed: Sealed,
                                                           clock: FakeClock) -> None:  # fmt: skip
    service = pat.app.evaluation_returns
    clock.advance(days=10)  # 2026-01-15: start is open
    assert service.offer() is not None
    service.not_now("north-cohort-3", "start")
    assert service.offer() is None
    clock.advance(days=45)  # middle opens: a new offer
    offered = service.offer()
    assert offered is not None and offered.point.key == "middle"
    pat.app.programme.set_reminders(False)
    assert service.offer() is None


def test_ratings_are_the_latest_self_assessment_by_the_end_of_the_window(
    pat: Person, sealed: Sealed, clock: FakeClock
) -> None:
    assess = pat.app.assessments.record
    assess("leader-growth", [Score("influence", 2), Score("connections", 3), Score("stopping", 1)])
    clock.advance(days=51)  # 2026-02-25, in middle's window
    assess("leader-growth", [Score("influence", 4), Score("connections", 5)])
    clock.advance(days=4)
    service = pat.app.evaluation_returns
    start = service.draft(None, "start")  # its window closed on 2026-02-18
    assert start.content().ratings == (
        Rating("leader-growth", "influence", 2),
        Rating("leader-growth", "connections", 3),
    )  # only the domains the plan asks, never "stopping"
    middle = service.draft(None, "middle")
    assert middle.content().ratings == (
        Rating("leader-growth", "influence", 4),
        Rating("leader-growth", "connections", 5),
    )
    text = as_text(return_lines(start))
    assert "Influence without authority: 2" in text
    assert "No self-assessment on Cross-System Improvement Framework yet" in text
    assert "older than this time point" not in as_text(return_lines(middle))


def test_counts_only_when_asked_and_over_the_window(
    pat: Person, sealed: Sealed, clock: FakeClock
) -> None:
    app = pat.app
    app.entries.write("Before the programme.")  # 2026-01-05, in start's window
    clock.advance(days=40)  # 2026-02-14
    inquiry = app.inquiries.add("How do we cut waits?")
    app.entries.write("One.")
    app.entries.write("Two.")
    app.actions.add("Huddle daily", "start")
    app.actions.add("The Friday report", "stop")
    app.actions.add("Weekly check-in", "continue")
    measure = app.measures.add(inquiry.id, "Wait", "days", "lower")
    for n, value in enumerate([9] * 6 + [2] * 6):  # two shifts: signals
        app.measures.record(measure.id, value, f"2026-02-{n + 1:02d}")
    quiet = app.measures.add(inquiry.id, "Calls", "calls", "higher")
    app.measures.record(quiet.id, 3, "2026-02-01")  # too few points for any signal
    clock.advance(days=15)  # 2026-03-01
    service = app.evaluation_returns
    assert service.draft(None, "middle").content().counts == ()
    counts = dict(service.draft(None, "middle", counts=True).content().counts)
    assert counts == {
        CountKey.ENTRIES_WRITTEN: 2,
        CountKey.ACTIONS_STARTED: 1,
        CountKey.ACTIONS_STOPPED: 1,
        CountKey.MEASURES_WITH_SIGNALS: 1,
    }
    text = as_text(return_lines(service.draft(None, "middle", counts=True)))
    assert "Counts, from 2026-01-10 to 2026-03-01:" in text
    assert "Entries written: 2" in text


def test_quotes_are_scanned_and_editable(pat: Person, sealed: Sealed, clock: FakeClock) -> None:
    entry = pat.app.entries.write("I met Jane Doe at the huddle. It went well.")
    clock.advance(days=10)
    service = pat.app.evaluation_returns
    draft = service.draft(None, "start", quote_entry_ids=[entry.id[:8]])
    (quote,) = draft.quotes
    assert [quote.text[s.start : s.end] for s in quote.findings] == ["Jane Doe"]
    assert [s.reason for s in quote.findings] == [Msg.LOOKS_LIKE_NAME]
    assert "May identify someone (looks like a person's name): Jane Doe" in as_text(
        return_lines(draft)
    )
    edited = draft.with_quote(0, "I met a colleague at the huddle. It went well.", service.today())
    assert edited.quotes[0].findings == ()
    assert edited.content().quotes == ("I met a colleague at the huddle. It went well.",)
    assert draft.with_quote(0, "  ", service.today()).content().quotes == ()


def test_write_seals_exactly_the_preview_owner_only_and_remembers_it(
    pat: Person, sealed: Sealed, clock: FakeClock, tmp_path: Path
) -> None:
    clock.advance(days=10)
    service = pat.app.evaluation_returns
    draft = service.draft(None, "start", counts=True, answers={"changed": "More confident."})
    out = tmp_path / "start.reflecteval"
    service.write(draft, out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    (call,) = sealed.calls
    assert call["programme_id"] == "north-cohort-3" and call["kind"] == "return"
    assert call["content"]["time_point"] == "start"
    assert call["content"]["answers"] == ({"question_key": "changed", "text": "More confident."},)
    assert out.read_bytes() == json.dumps(call).encode()
    text = as_text(return_lines(draft))
    for line in NOTICE.splitlines():
        assert line in text
    assert "What has changed for you?\n  More confident." in text


def test_refusals_change_nothing(pat: Person, sealed: Sealed, clock: FakeClock,
                                 tmp_path: Path) -> None:  # fmt: skip
    clock.advance(days=10)
    service = pat.app.evaluation_returns
    cases = [
        (lambda: service.draft(None, "later"), Msg.EVALUATION_UNKNOWN_TIME_POINT),
        (lambda: service.draft(None, "end"), Msg.EVALUATION_NOT_YET_OPEN),
        (lambda: service.draft("other", "start"), Msg.EVALUATION_NO_PROGRAMME),
        (lambda: service.draft(None, "start", answers={"x": "y"}), Msg.EVALUATION_UNKNOWN_QUESTION),
        (lambda: service.draft(None, "start", answers={"changed": "y" * 5000}),
         Msg.EVALUATION_TEXT_TOO_LONG),
    ]  # fmt: skip
    many = [pat.app.entries.write(f"Entry {n}.").id for n in range(21)]
    cases.append((lambda: service.draft(None, "start", quote_entry_ids=many),
                  Msg.EVALUATION_TOO_MANY_QUOTES))  # fmt: skip
    for call, msg in cases:
        with pytest.raises(ReflectError) as caught:
            call()
        assert caught.value.msg is msg
    draft = service.draft(None, "start")
    service.withdraw(None, tmp_path / "w.reflecteval")
    with pytest.raises(ReflectError) as caught:
        service.write(draft, tmp_path / "late.reflecteval")
    assert caught.value.msg is Msg.EVALUATION_WITHDRAWN
    assert not (tmp_path / "late.reflecteval").exists()
    assert len(sealed.calls) == 1


def test_counts_refused_when_the_plan_does_not_ask(
    monkeypatch: pytest.MonkeyPatch, pat: Person, clock: FakeClock
) -> None:
    with_evaluation(monkeypatch, pat.app, (programme(), plan(evaluator_card(), ask_counts=False)))
    clock.advance(days=10)
    with pytest.raises(ReflectError) as caught:
        pat.app.evaluation_returns.draft(None, "start", counts=True)
    assert caught.value.msg is Msg.EVALUATION_NO_COUNTS


def test_no_programme_with_an_evaluation_says_so(pat: Person) -> None:
    pat.app.programme.all()  # a journal with no pack at all
    with pytest.raises(ReflectError) as caught:
        pat.app.evaluation_returns.draft(None, "start")
    assert caught.value.msg is Msg.EVALUATION_NONE
    assert pat.app.evaluation_returns.due() == []
    assert pat.app.evaluation_returns.offer() is None


def test_two_programmes_must_be_named(
    monkeypatch: pytest.MonkeyPatch, pat: Person, clock: FakeClock
) -> None:
    card = evaluator_card()
    with_evaluation(monkeypatch, pat.app, (programme(), plan(card)),
                    (programme("south-2", "South 2"), plan(card)))  # fmt: skip
    clock.advance(days=10)
    with pytest.raises(ReflectError) as caught:
        pat.app.evaluation_returns.draft(None, "start")
    assert caught.value.msg is Msg.EVALUATION_WHICH_PROGRAMME
    assert pat.app.evaluation_returns.draft("south-2", "start").programme_name == "South 2"


def test_withdrawal_preview_explains_and_holds_the_notice(pat: Person, sealed: Sealed) -> None:
    shown, found = pat.app.evaluation_returns.pick(None)
    text = as_text(withdrawal_lines(shown.name, found, "Eve Evans"))
    assert "remove every return signed with your key for this programme" in text
    assert NOTICE.splitlines()[0] in text
