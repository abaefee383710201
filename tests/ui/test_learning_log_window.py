"""The learning log in the window: the kind and its prompts in the editor, and the section on
the inquiry page that lists an inquiry's learning and starts a new entry."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from reflect.app import App
from reflect.core.entry import EntryKind, Response
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId
from reflect.ui.pages.inquiries.page import InquiriesPage

QUESTION = "How might I help three organisations own discharge delays together?"
LEARNING_LOG_PROMPTS = [
    "What did we learn?",
    "What happened that nobody expected?",
    "What did the change block or make worse?",
    "What will we do with this?",
]


@pytest.fixture(autouse=True)
def _english_dates() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)


def open_page(window: MainWindow, inquiry_id: str) -> InquiriesPage:
    window.show_page(PageId.INQUIRIES)
    page = window.inquiries
    page.select(inquiry_id)
    return page


def rows(view: Any) -> list[str]:
    return [view.item(n).text().rsplit("·", 1)[-1].strip() for n in range(view.count())]


def test_the_inquiry_page_lists_only_its_learning_log_and_opens_one(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    inquiry = app.inquiries.add(QUESTION)
    other = app.inquiries.add("Another question?")
    learned = app.entries.write(
        "",
        title="What the huddles taught us",
        kind=EntryKind.LEARNING,
        inquiry_id=inquiry.id,
        framework_id="learning-log",
        responses=(Response("made-worse", "The ward round starts late."),),
    )
    app.entries.write("Workshop.", title="Workshop one", inquiry_id=inquiry.id)
    app.entries.write("", title="Elsewhere", kind=EntryKind.LEARNING, inquiry_id=other.id)
    cycle = app.entries.write("Plan.", title="PDSA 1: a joint huddle", framework_id="pdsa")
    app.learning.link(learned.id, cycle.id)
    page = open_page(window, inquiry.id)

    view = page.learning.list
    texts = [view.item(n).text().split("  ·  ", 1)[1] for n in range(view.count())]
    assert texts == ["What the huddles taught us  ·  from “PDSA 1: a joint huddle”"]
    assert "The ward round starts late." in page.learning.list.item(0).toolTip()
    page.learning.list.setFocus()
    page.learning.list.setCurrentRow(0)
    qtbot.keyClick(page.learning.list, Qt.Key.Key_Return)
    assert window.editor.draft is not None and window.editor.draft.entry_id == learned.id


def test_adding_to_the_learning_log_writes_a_linked_learning_entry_that_is_then_listed(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    inquiry = app.inquiries.add(QUESTION)
    page = open_page(window, inquiry.id)
    assert page.learning.list.isHidden()

    page.learning.add_button.setFocus()
    qtbot.keyClick(page.learning.add_button, Qt.Key.Key_Space)

    assert window.current_page() is PageId.EDITOR
    editor = window.editor
    assert editor.kind.currentText() == "Learning log"
    assert editor.framework.currentData() == "learning-log"
    boxes = editor.responses.boxes()
    assert [b.accessibleName() for b in boxes] == LEARNING_LOG_PROMPTS
    qtbot.keyClicks(boxes[2], "Evening handover ran late.")
    qtbot.mouseClick(editor.done, Qt.MouseButton.LeftButton)

    [entry] = app.entries.page()
    assert (entry.kind, entry.inquiry_id) == (EntryKind.LEARNING, inquiry.id)
    assert entry.responses == (Response("made-worse", "Evening handover ran late."),)
    page = open_page(window, inquiry.id)
    assert rows(page.learning.list) == ["Evening handover ran late."]


def test_choosing_the_learning_log_kind_lays_out_its_prompts(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.new_entry()
    kind = window.editor.kind
    assert window.editor.framework.currentData() is None
    kind.setFocus()
    while kind.currentText() != "Learning log":
        qtbot.keyClick(kind, Qt.Key.Key_Down)
    names = [b.accessibleName() for b in window.editor.responses.boxes()]
    assert names == LEARNING_LOG_PROMPTS
