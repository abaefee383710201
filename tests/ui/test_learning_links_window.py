"""What a learning log entry learned from, in the window: the editor's "Learned from: PDSA
cycle [box]  Measure [box]" (the inquiry's PDSA entries by title, its measures by name),
reached and chosen by keyboard, linked when the entry is kept; and the inquiry page's
learning log saying "about: <measure>"."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from reflect.app import App
from reflect.core.entry import EntryKind, Response
from reflect.core.entry_filter import EntryFilter
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId
from reflect.ui.pages.inquiries.page import InquiriesPage

QUESTION = "Does a morning huddle cut delayed discharges?"


@pytest.fixture(autouse=True)
def _english_dates() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)


def open_page(window: MainWindow, inquiry_id: str) -> InquiriesPage:
    window.show_page(PageId.INQUIRIES)
    window.inquiries.select(inquiry_id)
    return window.inquiries


def focus(qtbot: QtBot, window: MainWindow, widget: QWidget) -> None:
    window.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def items(box: QComboBox) -> list[str]:
    return [box.itemText(n) for n in range(box.count())]


def choose(qtbot: QtBot, box: QComboBox, text: str) -> None:
    """Move through the box with the arrow keys until ``text`` is chosen."""
    for _ in range(box.count()):
        if box.currentText() == text:
            return
        qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.currentText() == text


def an_inquiry_with_a_cycle_and_measures(app: App) -> tuple[str, str, str]:
    inquiry = app.inquiries.add(QUESTION)
    cycle = app.entries.write(
        "Plan.", title="PDSA 1: a joint huddle", framework_id="pdsa", inquiry_id=inquiry.id
    )
    app.entries.write("Plan.", title="PDSA elsewhere", framework_id="pdsa")  # no inquiry
    app.entries.write("Notes.", title="Not a cycle", inquiry_id=inquiry.id)
    measure = app.measures.add(inquiry.id, "Delayed discharges", "patients", "lower")
    app.measures.add(inquiry.id, "Beds free by noon", "beds", "higher")
    return inquiry.id, cycle.id, measure.id


def test_a_new_learning_entry_names_its_cycle_and_measure_by_keyboard(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    inquiry_id, cycle_id, measure_id = an_inquiry_with_a_cycle_and_measures(app)
    page = open_page(window, inquiry_id)
    page.learning.add_button.setFocus()
    qtbot.keyClick(page.learning.add_button, Qt.Key.Key_Space)

    editor = window.editor
    picker = editor.fields.learning
    assert picker.isVisible()
    assert items(picker.cycle) == ["None", "PDSA 1: a joint huddle"]  # titles, never ids
    assert items(picker.measure) == ["None", "Beds free by noon", "Delayed discharges"]
    focus(qtbot, window, editor.inquiry)
    qtbot.keyClick(editor.inquiry, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is picker.cycle
    choose(qtbot, picker.cycle, "PDSA 1: a joint huddle")
    qtbot.keyClick(picker.cycle, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is picker.measure
    choose(qtbot, picker.measure, "Delayed discharges")
    box = editor.responses.boxes()[0]
    focus(qtbot, window, box)
    qtbot.keyClicks(box, "Paper lists work.")
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    [learned] = app.entries.page(EntryFilter(kind=EntryKind.LEARNING))
    assert learned.responses == (Response("learned", "Paper lists work."),)
    assert app.learning.cycles_of([learned.id]) == {learned.id: cycle_id}
    assert app.learning.measures_of([learned.id]) == {learned.id: measure_id}
    page = open_page(window, inquiry_id)
    [row] = [page.learning.list.item(n).text() for n in range(page.learning.list.count())]
    assert row.endswith(
        "Paper lists work.  ·  from “PDSA 1: a joint huddle”  ·  about: Delayed discharges"
    )


def test_an_open_learning_entry_shows_its_links_and_none_unlinks_one(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    inquiry_id, cycle_id, measure_id = an_inquiry_with_a_cycle_and_measures(app)
    learned = app.entries.write(
        "", title="Huddles", kind=EntryKind.LEARNING, inquiry_id=inquiry_id,
        framework_id="learning-log", responses=(Response("learned", "Paper lists."),),
    )  # fmt: skip
    app.learning.link(learned.id, cycle_id, measure_id=measure_id)
    page = open_page(window, inquiry_id)
    page.learning.list.setFocus()
    page.learning.list.setCurrentRow(0)
    qtbot.keyClick(page.learning.list, Qt.Key.Key_Return)

    picker = window.editor.fields.learning
    assert window.editor.draft is not None and window.editor.draft.entry_id == learned.id
    assert (picker.cycle.currentText(), picker.measure.currentText()) == (
        "PDSA 1: a joint huddle",
        "Delayed discharges",
    )
    focus(qtbot, window, picker.measure)
    qtbot.keyClick(picker.measure, Qt.Key.Key_Home)  # "None"
    assert picker.measure.currentText() == "None"
    qtbot.mouseClick(window.editor.done, Qt.MouseButton.LeftButton)

    assert app.learning.measures_of([learned.id]) == {}
    assert app.learning.cycles_of([learned.id]) == {learned.id: cycle_id}


def test_the_picker_is_shown_only_for_a_learning_log_entry(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    an_inquiry_with_a_cycle_and_measures(app)
    window.new_entry()
    editor = window.editor
    picker = editor.fields.learning
    assert not picker.isVisible()
    focus(qtbot, window, editor.inquiry)
    choose(qtbot, editor.inquiry, QUESTION)
    focus(qtbot, window, editor.kind)
    choose(qtbot, editor.kind, "Learning log")

    assert picker.isVisible()
    assert items(picker.cycle) == ["None", "PDSA 1: a joint huddle"]
    assert items(picker.measure) == ["None", "Beds free by noon", "Delayed discharges"]
