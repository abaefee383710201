"""The coaching page: fill the trio-session form, save, follow up next time, all by keyboard too."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reflect.app import App
from reflect.core.action import ActionKind, ActionStatus
from reflect.core.coaching import FRAMEWORK_ID, CoachingSession, Role, from_entry
from reflect.core.entry import EntryKind
from reflect.core.entry_filter import EntryFilter
from reflect.services.coaching import CoachingService
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId
from reflect.ui.pages.coaching.page import CoachingPage

SESSIONS = EntryFilter(kind=EntryKind.COACHING, framework_id=FRAMEWORK_ID)
EARLIER = CoachingSession(
    date="2026-02-15",
    members=("Dev", "Siân"),
    issue="Meetings reopen decisions.",
    insight="I chair for agreement.",
    action_text="Name one decision per meeting",
    action_due="2026-03-01",
)


@pytest.fixture
def page(window: MainWindow) -> CoachingPage:
    window.show_page(PageId.COACHING)
    return window.coaching


def sessions(app: App) -> list[CoachingSession]:
    return [from_entry(e) for e in app.entries.page(SESSIONS)]


def test_saving_the_form_keeps_a_session_and_its_action(
    qtbot: QtBot, window: MainWindow, page: CoachingPage, app: App
) -> None:
    inquiry = app.inquiries.add("How do we decide together?")
    page.refresh()
    form = page.form
    assert form.inquiry.currentData() == inquiry.id  # the only active inquiry is chosen
    qtbot.keyClicks(form.members, "Dev, Sam")  # QTest types ASCII only
    form.rounds[0].setCurrentIndex(form.rounds[0].findData(Role.COACH.value))
    form.rounds[1].setCurrentIndex(form.rounds[1].findData(Role.PRESENTER.value))
    qtbot.keyClicks(form.issue, "The group keeps reopening decisions.")
    qtbot.keyClicks(form.questions, "What would working look like?")
    qtbot.keyClicks(form.insight, "I chair for agreement, not decisions.")
    qtbot.keyClicks(form.action, "Name one decision per meeting")
    qtbot.mouseClick(form.has_due, Qt.MouseButton.LeftButton)
    form.due.setDate(QDate(2026, 3, 15))
    qtbot.keyClicks(form.feedback, "Fewer leading questions.")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    [saved] = sessions(app)
    assert saved == CoachingSession(
        date="2026-03-01",  # today, by the test clock
        members=("Dev", "Sam"),
        roles=(Role.COACH, Role.PRESENTER, Role.OBSERVER),
        issue="The group keeps reopening decisions.",
        helpful_questions="What would working look like?",
        insight="I chair for agreement, not decisions.",
        action_text="Name one decision per meeting",
        action_due="2026-03-15",
        feedback_as_coach="Fewer leading questions.",
        inquiry_id=inquiry.id,
    )
    [action] = app.actions.find()
    entry = app.entries.page(SESSIONS)[0]
    assert (action.kind, action.due, action.entry_id, action.inquiry_id) == (
        ActionKind.START,
        "2026-03-15",
        entry.id,
        inquiry.id,
    )
    assert window.statusBar().currentMessage() == "Saved. Your action is in Actions."
    assert form.issue.toPlainText() == form.action.text() == ""
    assert form.members.text() == "Dev, Sam"  # the trio usually stays the same
    assert page.recent.count() == 1
    assert page.recent.currentItem().data(Qt.ItemDataRole.UserRole) == entry.id


def test_a_refused_session_keeps_its_text(
    qtbot: QtBot, window: MainWindow, page: CoachingPage, app: App
) -> None:
    qtbot.keyClicks(page.form.action, "Call Dev")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert app.entries.count() == 0
    assert app.actions.find() == []
    assert window.statusBar().currentMessage() == "There is nothing to save: the entry is empty."
    assert page.message.text() == window.statusBar().currentMessage()
    assert page.form.action.text() == "Call Dev"


def test_next_session_asks_how_the_action_went(qtbot: QtBot, window: MainWindow, app: App) -> None:
    coaching = CoachingService(app.entries, app.actions, app.clock)
    _, earlier_action = coaching.record(EARLIER)
    window.show_page(PageId.COACHING)
    page = window.coaching
    assert not page.followup_card.isHidden()
    assert "Name one decision per meeting" in page.last_label.text()
    assert "1 Mar 2026" in page.last_label.text()

    qtbot.keyClicks(page.followup, "Did it twice; it helped.")
    qtbot.mouseClick(page.mark_done, Qt.MouseButton.LeftButton)
    assert earlier_action is not None
    assert app.actions.get(earlier_action.id).status is ActionStatus.DONE
    assert page.mark_done.isHidden()
    assert page.followup.toPlainText() == "Did it twice; it helped."

    qtbot.keyClicks(page.form.insight, "Small decisions first.")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    newest, _ = sessions(app)
    assert newest.followup == "Did it twice; it helped."
    assert newest.members == ("Dev", "Siân")  # filled in from last time
    assert page.followup_card.isHidden()  # the newest session committed to nothing
    assert window.statusBar().currentMessage() == "Saved. The session is in your journal."


def test_the_form_works_from_the_keyboard_alone(qtbot: QtBot, window: MainWindow, app: App) -> None:
    CoachingService(app.entries, app.actions, app.clock).record(replace(EARLIER, members=()))
    window.show_page(PageId.COACHING)
    page = window.coaching
    form = page.form
    expected = [page.followup, page.mark_done, *form.focus_chain(), page.save_button, page.recent]
    window.activateWindow()
    page.followup.setFocus()
    typing = {
        form.members: "Ana, Dev",
        form.issue: "Too many priorities.",
        form.insight: "Say no sooner.",
        form.action: "Stop the weekly report",
    }
    visited: list[QWidget] = []
    for _ in range(len(expected) * 6):  # date edits take a Tab per part of the date
        current = owner(QApplication.focusWidget(), expected)
        if not visited or visited[-1] is not current:
            visited.append(current)
            if current in typing:
                qtbot.keyClicks(current, typing[current])
            if current is form.has_due:
                qtbot.keyClick(current, Qt.Key.Key_Space)  # tick: the due date comes next
        if current is page.save_button:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert visited == expected[: expected.index(page.save_button) + 1]

    qtbot.keyClick(page.save_button, Qt.Key.Key_Space)
    newest = sessions(app)[0]
    assert (newest.members, newest.issue, newest.insight) == (
        ("Ana", "Dev"),
        "Too many priorities.",
        "Say no sooner.",
    )
    assert [(a.text, a.due) for a in app.actions.find(status=ActionStatus.OPEN)] == [
        ("Name one decision per meeting", "2026-03-01"),
        ("Stop the weekly report", "2026-03-15"),  # two weeks after the session by default
    ]

    page.recent.setFocus()
    page.recent.setCurrentRow(0)
    qtbot.keyClick(page.recent, Qt.Key.Key_Return)
    assert window.current_page() is PageId.EDITOR


def owner(widget: QWidget | None, candidates: list[QWidget]) -> QWidget:
    """The candidate that is ``widget`` or contains it (a date edit's inner line edit)."""
    while widget is not None:
        if widget in candidates:
            return widget
        widget = widget.parentWidget()
    raise AssertionError("focus left the form")
