"""Small building blocks shared by the pages: headings, cards, scroll areas, menu items."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QListWidget,
    QMenu,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


def label(text: str, role: str = "", wrap: bool = True) -> QLabel:
    widget = QLabel(text)
    widget.setWordWrap(wrap)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        widget.setProperty("role", role)
        # A style-sheet margin makes QLabel indent its text; headings sit flush left.
        widget.setIndent(0)
    return widget


def card() -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setProperty("role", "card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 12)
    return frame, layout


def scrolling(content: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area


PAGE_MARGINS = (32, 24, 32, 24)


def scrolling_page(page: QWidget) -> QScrollArea:
    """A scroll area filling ``page`` edge to edge, for a page rebuilt on each refresh."""
    area = scrolling(QWidget())
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(area)
    return area


def page_content(spacing: int) -> tuple[QWidget, QVBoxLayout]:
    """A fresh content widget with the pages' margins; setting it on the page's scroll area
    deletes the one before."""
    content = QWidget()
    layout = QVBoxLayout(content)
    layout.setContentsMargins(*PAGE_MARGINS)
    layout.setSpacing(spacing)
    return content, layout


def clear(layout: QVBoxLayout) -> None:
    """Remove and delete every widget in ``layout``."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()  # at once: deleteLater leaves it painted until the loop runs
            widget.deleteLater()
        elif item.layout() is not None:
            clear(item.layout())


def compact_combo(characters: int = 14) -> QComboBox:
    """A combo box that does not grow to fit its longest item (inquiry questions are long)."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo


# A menu item: label, slot, shortcut (or None), and whether it writes to the journal.
MenuRow = tuple[str, Callable[[], Any], Any, bool]


def fill_menu(menu: QMenu, rows: list[MenuRow | None]) -> list[QAction]:
    """Add ``rows`` to ``menu`` (None is a separator); return the items that write."""
    writes = []
    for row in rows:
        if row is None:
            menu.addSeparator()
            continue
        text, slot, shortcut, write = row
        action = menu_action(menu, text, slot, shortcut)
        if write:
            writes.append(action)
    return writes


def menu_action(menu: QMenu, text: str, slot: Callable[[], Any], shortcut: Any = None) -> QAction:
    """Add an item to ``menu`` that calls ``slot`` (with no arguments) when chosen."""
    action = QAction(text, menu)
    menu.addAction(action)
    action.triggered.connect(lambda _=False: slot())
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    return action


def roomy_labels(form: QFormLayout) -> None:
    """Give each label of ``form`` a little more than its text's width: at 150% or 200% glyphs
    do not scale exactly, and a label given just its size hint has its last letter cut."""
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        label = item.widget() if item is not None else None
        if isinstance(label, QLabel) and label.text():
            label.setMinimumWidth(label.sizeHint().width() + label.fontMetrics().averageCharWidth())


def fit_to_rows(view: QListWidget) -> None:
    """Show every row without an inner scroll bar: the page itself scrolls."""
    view.setUniformItemSizes(True)
    view.setProperty("role", "fitted-list")
    view.style().unpolish(view)  # the role counts only once the view is polished again
    view.style().polish(view)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    rows = view.sizeHintForRow(0) * view.count() if view.count() else 0
    view.setFixedHeight(rows + 2 * view.frameWidth())


def chain_tabs(widgets: Sequence[QWidget]) -> None:
    """Tab moves through ``widgets`` in this order (widgets made later would come last)."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)
