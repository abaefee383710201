"""Measures on the Inquiries page, changed by hand: a baseline and goal typed the user's way in
the measure dialog (and refused when they are not numbers), "Edit measure…", "Delete
measure…" (asking first, saying how many values go) and deleting one value from its table."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from reflect.app import App
from reflect.core.measure import Point
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId
from reflect.ui.pages.inquiries.measures_section import MeasuresSection

QUESTION = "Does a morning huddle cut delayed discharges?"


@pytest.fixture
def german() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


def section(window: MainWindow) -> MeasuresSection:
    window.show_page(PageId.INQUIRIES)
    return window.inquiries.measures


def click(qtbot: QtBot, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def answer(qtbot: QtBot, box: QMessageBox | None, choice: QMessageBox.StandardButton) -> None:
    assert box is not None and box.isVisible()
    click(qtbot, box.button(choice))


def with_values(app: App) -> str:
    inquiry = app.inquiries.add(QUESTION)
    measure = app.measures.add(
        inquiry.id, "Delayed discharges", "patients", "lower", baseline=14, goal=8
    )
    for day, value in (("2026-01-05", 13), ("2026-01-12", 12.5), ("2026-01-19", 9)):
        app.measures.record(measure.id, value, day)
    return measure.id


def test_baseline_and_goal_are_typed_with_the_users_decimal_comma(
    qtbot: QtBot, window: MainWindow, app: App, german: None
) -> None:
    inquiry = app.inquiries.add(QUESTION)
    shown = section(window)
    click(qtbot, shown.add_button)
    dialog = shown.dialog
    assert dialog is not None and dialog.isVisible()

    qtbot.keyClicks(dialog.name, "Delayed discharges")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.unit, "patients")
    dialog.baseline.setFocus()
    qtbot.keyClicks(dialog.baseline, "12,5")
    qtbot.keyClick(dialog.baseline, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.goal
    qtbot.keyClicks(dialog.goal, "8")
    qtbot.keyClick(dialog.goal, Qt.Key.Key_Return)

    [measure] = app.measures.find(inquiry.id)
    assert (measure.name, measure.baseline, measure.goal) == ("Delayed discharges", 12.5, 8.0)


def test_a_baseline_that_is_not_a_number_is_refused_in_the_dialog_and_nothing_is_added(
    qtbot: QtBot, window: MainWindow, app: App, german: None
) -> None:
    inquiry = app.inquiries.add(QUESTION)
    shown = section(window)
    click(qtbot, shown.add_button)
    dialog = shown.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.name, "Falls")
    dialog.baseline.setFocus()
    qtbot.keyClicks(dialog.baseline, "twelve")
    qtbot.keyClick(dialog.baseline, Qt.Key.Key_Return)

    assert dialog.isVisible() and dialog.focusWidget() is dialog.baseline
    assert dialog.problem.isVisible()
    assert dialog.problem.text().startswith("Baseline: “twelve” is not a number.")
    assert "12,5" in dialog.problem.text()  # the example is written the user's way
    assert app.measures.find(inquiry.id) == []

    qtbot.keyClicks(dialog.baseline, "1.234,5")  # a thousands separator is not a decimal mark
    qtbot.keyClick(dialog.baseline, Qt.Key.Key_Return)
    assert dialog.isVisible() and app.measures.find(inquiry.id) == []

    dialog.baseline.selectAll()
    qtbot.keyClicks(dialog.baseline, "3,25")
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    [measure] = app.measures.find(inquiry.id)
    assert (measure.name, measure.baseline, measure.goal) == ("Falls", 3.25, None)


def test_edit_measure_opens_filled_in_and_changes_it_keeping_its_values(
    qtbot: QtBot, window: MainWindow, app: App, german: None
) -> None:
    measure_id = with_values(app)
    shown = section(window)
    click(qtbot, shown.edit_buttons[measure_id])
    dialog = shown.dialog
    assert dialog is not None and dialog.windowTitle() == "Edit measure"
    assert (dialog.name.text(), dialog.unit.text()) == ("Delayed discharges", "patients")
    assert (dialog.baseline.text(), dialog.goal.text()) == ("14", "8")
    assert dialog.better.currentData() == "lower"

    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, "Delayed discharges by noon")
    dialog.goal.selectAll()
    qtbot.keyClicks(dialog.goal, "7,5")
    dialog.baseline.selectAll()
    qtbot.keyClick(dialog.baseline, Qt.Key.Key_Delete)
    qtbot.keyClick(dialog.baseline, Qt.Key.Key_Return)

    measure = app.measures.get(measure_id)
    assert (measure.name, measure.baseline, measure.goal) == (
        "Delayed discharges by noon",
        None,
        7.5,
    )
    assert len(app.measures.points(measure_id)) == 3
    assert window.statusBar().currentMessage() == "Measure saved."


def test_delete_measure_asks_first_saying_how_many_values_go_with_it(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    measure_id = with_values(app)
    shown = section(window)
    click(qtbot, shown.delete_buttons[measure_id])
    box = shown.confirmation
    assert box is not None
    assert box.text() == "Delete “Delayed discharges” for good?"
    assert "Values recorded for it, which go with it: 3." in box.informativeText()
    answer(qtbot, box, QMessageBox.StandardButton.No)  # "Keep"
    assert [m.id for m in app.measures.find()] == [measure_id]

    click(qtbot, shown.delete_buttons[measure_id])
    answer(qtbot, shown.confirmation, QMessageBox.StandardButton.Yes)  # "Delete"

    assert app.measures.find() == []
    assert section(window).tables == {}
    assert window.statusBar().currentMessage() == "Deleted “Delayed discharges”."


def test_the_delete_key_on_a_row_deletes_that_value_after_asking(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    measure_id = with_values(app)
    shown = section(window)
    table = shown.tables[measure_id]
    table.setFocus()
    table.setCurrentCell(1, 1)

    qtbot.keyClick(table, Qt.Key.Key_Delete)
    box = shown.confirmation
    assert box is not None
    assert box.text() == "Delete the value 12.5 recorded on 2026-01-12?"
    answer(qtbot, box, QMessageBox.StandardButton.Yes)

    assert app.measures.points(measure_id) == [
        Point(measure_id, "2026-01-05", 13.0),
        Point(measure_id, "2026-01-19", 9.0),
    ]
    assert section(window).tables[measure_id].rowCount() == 3  # two values, one empty row


def test_the_delete_value_button_deletes_the_chosen_row_and_keep_keeps_it(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    measure_id = with_values(app)
    shown = section(window)
    shown.tables[measure_id].setCurrentCell(0, 0)
    click(qtbot, shown.delete_value_buttons[measure_id])
    answer(qtbot, shown.confirmation, QMessageBox.StandardButton.No)
    assert len(app.measures.points(measure_id)) == 3

    click(qtbot, shown.delete_value_buttons[measure_id])
    answer(qtbot, shown.confirmation, QMessageBox.StandardButton.Yes)
    assert [p.day for p in app.measures.points(measure_id)] == ["2026-01-12", "2026-01-19"]


def test_a_measure_without_a_name_is_refused_in_the_dialog(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    inquiry = app.inquiries.add(QUESTION)
    shown = section(window)
    click(qtbot, shown.add_button)
    dialog = shown.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.name, "   ")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)

    assert dialog.isVisible() and dialog.problem.text() == "A measure needs a name."
    assert dialog.focusWidget() is dialog.name
    assert app.measures.find(inquiry.id) == []
