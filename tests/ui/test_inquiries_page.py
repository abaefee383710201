"""The Inquiries page: ask, reword, change status, and see what is linked, all through widgets."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QInputDialog, QLabel
from pytestqt.qtbot import QtBot

from fakes import FakeClock
from reflect.app import App
from reflect.core.action import ActionKind, ActionStatus
from reflect.core.entry import EntryKind
from reflect.core.inquiry import InquiryStatus
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId
from reflect.ui.pages.inquiries.page import InquiriesPage

FIRST = "How might I help three organisations own discharge delays together?"


class Replies:
    """Stands in for QInputDialog.getMultiLineText: answers in turn and records each ask."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.answers: list[tuple[str, bool]] = []
        self.asked: list[tuple[Any, ...]] = []
        monkeypatch.setattr(QInputDialog, "getMultiLineText", self)

    def __call__(self, *args: Any, **kwargs: Any) -> tuple[str, bool]:
        self.asked.append(args)
        return self.answers.pop(0)


@pytest.fixture(autouse=True)
def _english_dates() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def replies(monkeypatch: pytest.MonkeyPatch) -> Replies:
    return Replies(monkeypatch)


def open_page(window: MainWindow) -> InquiriesPage:
    window.show_page(PageId.INQUIRIES)
    return window.inquiries


def click(qtbot: QtBot, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def detail_texts(page: InquiriesPage) -> list[str]:
    return [lab.text() for lab in page.findChildren(QLabel)]


def test_new_inquiry_from_the_button_is_chosen_and_shown(
    qtbot: QtBot, window: MainWindow, app: App, replies: Replies
) -> None:
    page = open_page(window)
    replies.answers.append((FIRST, True))
    click(qtbot, page.new_button)
    [inquiry] = app.inquiries.all()
    assert inquiry.question == FIRST
    assert "open" in replies.asked[0][2] and "your own practice" in replies.asked[0][2]
    assert page.current_id() == inquiry.id
    assert page.question_label.text() == FIRST


def test_cancelling_new_inquiry_changes_nothing(
    qtbot: QtBot, window: MainWindow, app: App, replies: Replies
) -> None:
    page = open_page(window)
    replies.answers.append(("Half a thought", False))
    click(qtbot, page.new_button)
    assert app.inquiries.all() == []


def test_rewording_twice_keeps_every_wording_with_its_date(
    qtbot: QtBot, window: MainWindow, app: App, clock: FakeClock, replies: Replies
) -> None:
    inquiry = app.inquiries.add(FIRST)
    page = open_page(window)
    second = "What would it take for three organisations to own discharge delays?"
    third = "What would it take for three organisations, and the people who wait, to own it?"
    for days, wording in ((10, second), (20, third)):
        clock.advance(days=days)
        replies.answers.append((wording, True))
        click(qtbot, page.reword_button)
    assert replies.asked[0][3] == FIRST  # prefilled with the current question
    assert replies.asked[1][3] == second
    assert page.question_label.text() == third
    assert page.wording_labels == [
        ("First asked 1 Mar 2026", FIRST),
        ("Reworded 11 Mar 2026", second),
        ("Reworded 31 Mar 2026", third),
    ]
    assert [w.question for w in app.inquiries.get(inquiry.id).wordings] == [FIRST, second, third]


def test_stopping_needs_a_note_and_shows_as_an_outcome(
    qtbot: QtBot, window: MainWindow, app: App, clock: FakeClock
) -> None:
    inquiry = app.inquiries.add(FIRST)
    app.inquiries.add("How do I make the Tuesday huddle worth everyone's time?")
    page = open_page(window)
    page.select(inquiry.id)
    clock.advance(days=11)
    click(qtbot, page.status_button)
    dialog = page.status_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.status.setCurrentIndex(dialog.status.findData(InquiryStatus.STOPPED.value))
    assert not dialog.ok_button.isEnabled()  # stopping is an outcome: say why
    note = "The dashboard answered a question nobody was asking."
    dialog.note.setPlainText(note)
    assert dialog.ok_button.isEnabled()
    click(qtbot, dialog.ok_button)

    stopped = app.inquiries.get(inquiry.id)
    assert (stopped.status, stopped.status_note) == (InquiryStatus.STOPPED, note)
    assert page.current_id() == inquiry.id  # still chosen, now under "Stopped"
    rows = [page.list.item(n).text() for n in range(page.list.count())]
    assert rows[0].startswith("Active") and rows[2].startswith("Stopped")
    assert rows[3] == f"{FIRST}\nStopped on 12 Mar 2026"
    assert page.outcome_label.text() == "Stopped on 12 Mar 2026"
    assert note in detail_texts(page)
    assert any("real outcome" in text for text in detail_texts(page))


def test_cancelled_status_dialog_changes_nothing(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    inquiry = app.inquiries.add(FIRST)
    page = open_page(window)
    click(qtbot, page.status_button)
    assert page.status_dialog is not None
    page.status_dialog.status.setCurrentIndex(2)
    page.status_dialog.reject()
    assert app.inquiries.get(inquiry.id).status is InquiryStatus.ACTIVE


def test_linked_entries_and_actions_are_shown_and_entries_open(
    qtbot: QtBot, window: MainWindow, app: App, clock: FakeClock
) -> None:
    inquiry = app.inquiries.add(FIRST)
    other = app.inquiries.add("Another question?")
    older = app.entries.write("After workshop one.", title="Workshop one", inquiry_id=inquiry.id)
    clock.advance(days=3)
    newer = app.entries.write("Trio session.", title="Trio one", inquiry_id=inquiry.id)
    app.entries.write("Unrelated.", title="Elsewhere", inquiry_id=other.id)
    app.actions.add("Run the huddle weekly", ActionKind.CONTINUE, inquiry_id=inquiry.id)
    app.actions.add("Chasing the dashboard", ActionKind.STOP, inquiry_id=inquiry.id)
    done = app.actions.add(
        "Invite Age Well", ActionKind.START, due="2026-04-02", inquiry_id=inquiry.id
    )
    app.actions.set_status(done.id, ActionStatus.DONE)
    app.actions.add("Not this one", inquiry_id=other.id)
    page = open_page(window)
    page.select(inquiry.id)

    rows = [page.entry_list.item(n).text() for n in range(page.entry_list.count())]
    assert [row.rsplit("·", 1)[-1].strip() for row in rows] == ["Trio one", "Workshop one"]
    assert rows[0].startswith("4 Mar 2026")
    assert page.action_rows == [
        ("Invite Age Well", "done"),
        ("Chasing the dashboard", "open"),
        ("Run the huddle weekly", "open"),
    ]
    item = page.entry_list.item(1)
    rect = page.entry_list.visualItemRect(item)
    qtbot.mouseClick(page.entry_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page() is PageId.EDITOR
    assert window.editor.draft is not None and window.editor.draft.entry_id == older.id
    window.show_page(PageId.INQUIRIES)  # and by keyboard
    page.entry_list.setFocus()
    page.entry_list.setCurrentRow(0)
    qtbot.keyClick(page.entry_list, Qt.Key.Key_Return)
    assert window.editor.draft is not None and window.editor.draft.entry_id == newer.id


def test_reflect_on_this_starts_a_linked_reflection(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    inquiry = app.inquiries.add(FIRST)
    page = open_page(window)
    click(qtbot, page.reflect_button)
    assert window.current_page() is PageId.EDITOR
    draft = window.editor.draft
    assert draft is not None and draft.entry_id is None
    assert (draft.kind, draft.inquiry_id) == (EntryKind.REFLECTION, inquiry.id)


def test_edit_why(qtbot: QtBot, window: MainWindow, app: App, replies: Replies) -> None:
    inquiry = app.inquiries.add(FIRST, why="Old reason")
    page = open_page(window)
    replies.answers.append(("People wait days to go home.", True))
    click(qtbot, page.why_button)
    assert replies.asked[0][3] == "Old reason"
    assert app.inquiries.get(inquiry.id).why == "People wait days to go home."
    assert page.why_label.text() == "People wait days to go home."


def test_select_and_refresh_keep_the_choice(window: MainWindow, app: App) -> None:
    first = app.inquiries.add(FIRST)
    page = open_page(window)
    assert page.current_id() == first.id  # the first is chosen when nothing was
    second = app.inquiries.add("A question the page has not seen yet?")
    window.show_inquiry(second.id)
    assert page.current_id() == second.id
    assert page.question_label.text() == "A question the page has not seen yet?"
    page.refresh()
    assert page.current_id() == second.id


def test_arrow_keys_move_through_the_list_past_the_headings(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    one = app.inquiries.add("One?")
    two = app.inquiries.add("Two?")
    three = app.inquiries.add("Three?")
    app.inquiries.set_status(two.id, "paused")
    page = open_page(window)
    page.list.setFocus()
    assert page.current_id() == one.id
    qtbot.keyClick(page.list, Qt.Key.Key_Down)
    assert page.current_id() == three.id  # active ones first
    qtbot.keyClick(page.list, Qt.Key.Key_Down)
    assert page.current_id() == two.id  # over the "Paused" heading
    assert page.question_label.text() == "Two?"
    qtbot.keyClick(page.list, Qt.Key.Key_Up)
    assert page.current_id() == three.id


def test_known_errors_reach_the_status_line(window: MainWindow, app: App) -> None:
    inquiry = app.inquiries.add(FIRST)
    page = open_page(window)
    page.change_status(inquiry.id, "finished", "")
    assert "Unknown status" in window.statusBar().currentMessage()
    assert app.inquiries.get(inquiry.id).status is InquiryStatus.ACTIVE


def test_empty_journal_explains_inquiries(window: MainWindow) -> None:
    page = open_page(window)
    assert page.current() is None
    assert any("your own practice" in text for text in detail_texts(page))


def test_keyboard_focus_survives_a_reword(
    qtbot: QtBot, window: MainWindow, app: App, replies: Replies
) -> None:
    app.inquiries.add(FIRST)
    page = open_page(window)
    page.reword_button.setFocus()
    replies.answers.append(("How might we own discharge delays together?", True))
    qtbot.keyClick(page.reword_button, Qt.Key.Key_Space)
    assert page.question_label.text() == "How might we own discharge delays together?"
    assert page.reword_button.hasFocus()  # the rebuilt button, so Tab order is not lost
