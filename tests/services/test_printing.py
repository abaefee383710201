"""What a printed selection holds, as HTML: prompt headings, wordings, actions, order, safety."""

from __future__ import annotations

import pytest

from fakes import FakeClock
from reflect.app import App
from reflect.core.entry import EntryKind, Response
from reflect.errors import BadInput, NotFound
from reflect.messages import Msg
from reflect.services.printing import PrintSelection


def test_framework_responses_print_under_their_prompt_labels(app: App) -> None:
    app.entries.write(
        "",
        title="Audit feedback",
        framework_id="aomrc-reflection",
        responses=(
            Response("outline", "The audit came back."),
            Response("learned", "Ask *before* assuming."),
        ),
    )
    html = app.printing.document(PrintSelection()).html
    outline = html.index("<h3>Outline of the activity or event</h3>")
    learned = html.index("<h3>The most important thing I learned</h3>")
    assert outline < html.index("The audit came back.") < learned
    assert "Ask <em>before</em> assuming." in html


def test_an_inquiry_prints_its_wordings_actions_and_coaching_notes_in_order(
    app: App, clock: FakeClock
) -> None:
    inquiry = app.inquiries.add("How do I <b>listen</b>?", why="Because")
    clock.advance(days=2)
    app.inquiries.reword(inquiry.id, "How do I listen better?")
    app.entries.write("Coach asked what I avoid.", title="Session 1", kind=EntryKind.COACHING,
                      inquiry_id=inquiry.id)  # fmt: skip
    clock.advance(days=1)
    entry = app.entries.write("Tried silence.", title="Huddle", inquiry_id=inquiry.id)
    app.actions.add("Count to five before speaking", entry_id=entry.id, inquiry_id=inquiry.id)
    app.actions.add("Stop chairing the huddle", "stop", inquiry_id=inquiry.id)
    app.entries.write("Elsewhere.", title="Unlinked")
    document = app.printing.document(PrintSelection(inquiry_id=inquiry.id[:8]))
    html = document.html
    assert document.title == "How do I listen better?"
    assert "How do I &lt;b&gt;listen&lt;/b&gt;?" in html  # an earlier wording, as words
    assert "<li>Stop chairing the huddle (open)</li>" in html  # not "Stop: Stop chairing"
    assert "<li>Start: Count to five before speaking (open)</li>" in html
    assert html.index("Session 1") < html.index("Huddle") < html.index("Count to five")
    assert "Unlinked" not in html
    assert [e.title for e in document.entries] == ["Session 1", "Huddle"]
    assert document.period == "2026-03-03 to 2026-03-04"


def test_unknown_ids_and_empty_selections_are_refused(app: App) -> None:
    with pytest.raises(NotFound) as unknown:
        app.printing.document(PrintSelection(entry_ids=("ffffffff",)))
    assert unknown.value.msg is Msg.ENTRY_NOT_FOUND
    with pytest.raises(BadInput) as empty:
        app.printing.document(PrintSelection())
    assert empty.value.msg is Msg.NOTHING_TO_PRINT


def test_an_untitled_entry_is_headed_by_its_first_line_which_is_not_printed_twice(
    app: App,
) -> None:
    app.entries.write("Six chairs, four people.\n\nNobody had been told how long.")
    long_line = "A first line far too long to be a heading, " * 4
    app.entries.write(long_line + "\n\nThe rest.")
    html = app.printing.document(PrintSelection()).html
    assert html.count("Six chairs, four people.") == 1
    assert html.index("<h2") < html.index("Six chairs") < html.index("Nobody had been told")
    assert long_line.strip() in html  # a shortened heading leaves the whole line in the body


def test_a_coaching_session_prints_its_field_labels_not_their_ids(app: App) -> None:
    app.entries.write(
        "",
        title="Trio session",
        kind=EntryKind.COACHING,
        framework_id="trio-session",
        responses=(Response("insight", "Ask, then wait."), Response("due", "2026-12-12")),
    )
    html = app.printing.document(PrintSelection()).html
    assert "<h3>Insight</h3>" in html and "<h3>Action due</h3>" in html
    assert "<h3>insight</h3>" not in html
