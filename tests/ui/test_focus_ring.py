"""The keyboard focus ring on the main buttons stays at their edge, clear of the text, in
light and dark (issue #13, item 10)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from reflect.ui import theme

EDGE = 4  # how far in from the button's edge the ring may reach, in pixels


@pytest.fixture(params=[theme.Scheme.LIGHT, theme.Scheme.DARK])
def scheme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[theme.Scheme]:
    theme.apply(qapp, request.param)
    yield request.param
    theme.apply(qapp, theme.Scheme.LIGHT)


@pytest.mark.parametrize("role", ["primary", "primary-compact"])
def test_the_focus_ring_does_not_touch_the_text(
    qtbot: QtBot, scheme: theme.Scheme, role: str
) -> None:
    holder = QWidget()
    row = QHBoxLayout(holder)
    before = QLineEdit()
    button = QPushButton("Reflect now")
    button.setProperty("role", role)
    row.addWidget(before)
    row.addWidget(button)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    plain = button.grab().toImage()

    qtbot.keyClick(before, Qt.Key.Key_Tab)  # by keyboard, as a person reaches it
    qtbot.waitUntil(button.hasFocus)
    ringed = button.grab().toImage()

    changed = changed_pixels(plain, ringed)
    assert changed, "the focused button looks no different"
    ratio = plain.width() / button.width()
    inner = [
        (x, y)
        for x, y in changed
        if EDGE * ratio <= x < plain.width() - EDGE * ratio
        and EDGE * ratio <= y < plain.height() - EDGE * ratio
    ]
    assert inner == [], f"{len(inner)} pixels of the ring lie over the button's face"


def changed_pixels(a: QImage, b: QImage) -> list[tuple[int, int]]:
    return [
        (x, y)
        for y in range(a.height())
        for x in range(a.width())
        if a.pixel(x, y) != b.pixel(x, y)
    ]
