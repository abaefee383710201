"""Inquiries keep every wording with its date, and stopping is a status with a note."""

from __future__ import annotations

import pytest

from fakes import FakeClock
from reflect.app import App
from reflect.core.inquiry import InquiryStatus
from reflect.errors import BadInput
from reflect.messages import Msg


def test_rewording_keeps_history_in_order(app: App, clock: FakeClock) -> None:
    inquiry = app.inquiries.add("First   wording?", why="It matters.")
    clock.advance(days=30)
    app.inquiries.reword(inquiry.id, "Second wording?")
    clock.advance(days=30)
    updated = app.inquiries.reword(inquiry.id[:8], "Third wording?")
    assert [w.question for w in updated.wordings] == [
        "First wording?",
        "Second wording?",
        "Third wording?",
    ]
    created = [w.created for w in updated.wordings]
    assert created == sorted(created) and len(set(created)) == 3
    assert updated.question == "Third wording?"
    assert updated.why == "It matters."


def test_rewording_to_the_same_text_adds_nothing(app: App) -> None:
    inquiry = app.inquiries.add("Same?")
    assert len(app.inquiries.reword(inquiry.id, " Same? ").wordings) == 1


def test_status_with_note(app: App) -> None:
    inquiry = app.inquiries.add("Dashboard?")
    stopped = app.inquiries.set_status(inquiry.id, "Stopped", "Wrong goal; freed a day a week.")
    assert stopped.status is InquiryStatus.STOPPED
    assert stopped.status_note == "Wrong goal; freed a day a week."
    assert app.inquiries.active() == []


def test_bad_status_and_empty_question(app: App) -> None:
    inquiry = app.inquiries.add("Q?")
    with pytest.raises(BadInput) as caught:
        app.inquiries.set_status(inquiry.id, "abandoned")
    assert caught.value.msg is Msg.BAD_STATUS
    with pytest.raises(BadInput) as caught:
        app.inquiries.add("   ")
    assert caught.value.msg is Msg.EMPTY_QUESTION
