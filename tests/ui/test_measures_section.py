"""Measures on the Inquiries page: add one, paste values into its table, save, read signals."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from reflect.app import App
from reflect.core.measure import Point
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId
from reflect.ui.pages.inquiries.measures_section import MeasuresSection

QUESTION = "Does a morning huddle cut delayed discharges?"


def section(window: MainWindow) -> MeasuresSection:
    window.show_page(PageId.INQUIRIES)
    return window.inquiries.measures


def click(qtbot: QtBot, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_add_a_measure_from_its_dialog_by_keyboard(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    inquiry = app.inquiries.add(QUESTION)
    shown = section(window)
    click(qtbot, shown.add_button)
    dialog = shown.dialog
    assert dialog is not None and dialog.isVisible()

    qtbot.keyClicks(dialog.name, "Delayed discharges")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.unit, "patients")
    dialog.better.setFocus()
    qtbot.keyClick(dialog.better, Qt.Key.Key_Down)  # Higher -> Lower is better
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))

    [measure] = app.measures.find(inquiry.id)
    assert (measure.name, measure.unit, measure.better.value) == (
        "Delayed discharges",
        "patients",
        "lower",
    )
    assert list(section(window).tables) == [measure.id]


def test_pasted_columns_are_saved_and_the_shift_is_shown(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    inquiry = app.inquiries.add(QUESTION)
    measure = app.measures.add(inquiry.id, "Delayed discharges", "patients", "lower")
    values = [13, 14, 12, 13, 15, 12, 14, 13, 12, 14, 7, 8, 6, 7, 8, 7, 6, 8, 7, 6]
    pasted = "".join(f"2026-01-{day:02}\t{v}\n" for day, v in enumerate(values, start=1))
    QGuiApplication.clipboard().setText(pasted)
    shown = section(window)
    table = shown.tables[measure.id]
    table.setFocus()
    table.setCurrentCell(0, 0)

    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert table.rowCount() == 21  # the values and one empty row to type into
    click(qtbot, shown.save_buttons[measure.id])

    points = app.measures.points(measure.id)
    assert [p.value for p in points] == values
    assert points[0] == Point(measure.id, "2026-01-01", 13.0, "")
    said = window.inquiries.measures.sentences[measure.id]  # rebuilt when the values changed
    assert any(s.startswith("Shift: 10 points in a row below the median") for s in said)
    assert window.statusBar().currentMessage() == "Values saved: 20."


def test_a_bad_value_says_so_and_saves_nothing(qtbot: QtBot, window: MainWindow, app: App) -> None:
    inquiry = app.inquiries.add(QUESTION)
    measure = app.measures.add(inquiry.id, "Falls", "falls", "lower")
    QGuiApplication.clipboard().setText("2026-01-01\t3\n2026-01-02\tthree\n")
    shown = section(window)
    table = shown.tables[measure.id]
    table.setFocus()
    table.setCurrentCell(0, 0)

    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    click(qtbot, shown.save_buttons[measure.id])

    assert app.measures.points(measure.id) == []
    assert "three is not a number" in window.statusBar().currentMessage()
