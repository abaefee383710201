"""The theme is the one place that says how things look: widgets only name what they are."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QListWidget, QWidget
from pytestqt.qtbot import QtBot

import reflect.ui
from reflect.app import App
from reflect.ui import theme
from reflect.ui.flows.reminders import NudgeBar
from reflect.ui.widgets.basics import card, fit_to_rows, label

UI = Path(reflect.ui.__file__).parent


def style_sheet_calls(source: str) -> list[int]:
    """The lines of ``source`` that call ``setStyleSheet`` on anything."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "setStyleSheet"
    ]


def test_only_the_theme_sets_a_style_sheet() -> None:
    modules = sorted(UI.rglob("*.py"))
    assert UI / "theme.py" in modules
    found = [
        f"{path.relative_to(UI)}:{line}"
        for path in modules
        if path != UI / "theme.py"
        for line in style_sheet_calls(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "give the widget a role and style it in theme.STYLE instead"


def test_the_check_sees_a_style_sheet_call() -> None:
    assert style_sheet_calls("w.setStyleSheet('color: red')\nw.show()\n") == [1]
    assert style_sheet_calls("x = 'setStyleSheet'\n") == []


@pytest.fixture
def dark_then_light(themed_qapp: QApplication) -> Iterator[QApplication]:
    theme.apply(themed_qapp, theme.Scheme.DARK)
    yield themed_qapp
    theme.apply(themed_qapp, theme.Scheme.LIGHT)


def pixel(widget: QWidget, x: int, y: int) -> str:
    return QColor(widget.grab().toImage().pixel(x, y)).name()


def shown(qtbot: QtBot, widget: QWidget, width: int = 400) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(width, widget.sizeHint().height())
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_nudge_bar_is_a_band_of_alternate_base(
    qtbot: QtBot, themed_qapp: QApplication, app: App
) -> None:
    bar = NudgeBar(app)
    assert bar.styleSheet() == ""
    shown(qtbot, bar, 600)
    band = themed_qapp.palette().alternateBase().color().name()
    assert pixel(bar, 4, 4) == band
    assert pixel(bar, 4, bar.height() - 1) == themed_qapp.palette().mid().color().name()


def test_the_warning_banner_is_amber_in_light_and_dark(
    qtbot: QtBot, dark_then_light: QApplication
) -> None:
    dark = shown(qtbot, label("Unverified sender", "warning"))
    assert pixel(dark, 4, dark.height() // 2) == "#4a3813"
    theme.apply(dark_then_light, theme.Scheme.LIGHT)
    light = shown(qtbot, label("Unverified sender", "warning"))
    assert pixel(light, 4, light.height() // 2) == "#f3d9a4"
    assert light.styleSheet() == ""


def test_a_card_heading_has_no_top_margin(qtbot: QtBot, themed_qapp: QApplication) -> None:
    frame, inner = card()
    section = label("Outcome", "section")
    heading = label("Outcome", "card-heading")
    inner.addWidget(section)
    inner.addWidget(heading)
    shown(qtbot, frame)
    # The same bold heading, without the section's 10px above it.
    assert heading.font().bold() and heading.font() == section.font()
    assert section.sizeHint().height() - heading.sizeHint().height() == 10


def test_a_card_list_draws_its_items_as_cards(qtbot: QtBot, themed_qapp: QApplication) -> None:
    holder = QWidget()
    holder.setAutoFillBackground(True)
    cards = QListWidget(holder)
    cards.setProperty("role", "card-list")
    cards.addItems(["Asha Patel", "Ben Okafor"])
    cards.resize(300, 120)
    shown(qtbot, holder, 300)
    holder.resize(300, 120)
    rect = cards.visualItemRect(cards.item(1))
    on_card = cards.viewport().mapTo(holder, rect.topLeft()) + QPoint(4, rect.height() // 2)
    below = cards.viewport().mapTo(holder, rect.bottomLeft()) + QPoint(4, 0)
    palette = themed_qapp.palette()
    # Each item sits on the base colour; below it, the list lets the window show through.
    assert pixel(holder, on_card.x(), on_card.y()) == palette.base().color().name()
    assert pixel(holder, below.x(), below.y()) == palette.window().color().name()


def test_a_fitted_list_has_roomy_rows_even_when_polished_before(
    qtbot: QtBot, themed_qapp: QApplication
) -> None:
    plain, fitted = QListWidget(), QListWidget()
    for view in (plain, fitted):
        qtbot.addWidget(view)
        view.addItems(["8 Dec 2025 · reflection · Huddle, Tuesday"] * 3)
        view.ensurePolished()
    fit_to_rows(fitted)
    # The role is set after the view was polished; it still gives 5px above and below a row.
    assert fitted.sizeHintForRow(0) - plain.sizeHintForRow(0) == 10
    assert fitted.height() == 3 * fitted.sizeHintForRow(0) + 2 * fitted.frameWidth()
