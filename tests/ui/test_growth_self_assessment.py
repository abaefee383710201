"""The leader's own growth: its framework is offered in Insights' “Rate yourself” form, flagged
as unverified, and what is rated is charted like any other self-assessment."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reflect.app import App
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId

GROWTH = [
    "Confidence with improvement methods",
    "Influence without authority",
    "Connections across the system",
    "Feeling less isolated",
    "Making time to reflect",
    "Stopping what does not work",
]


def test_rating_my_growth_from_insights_charts_it(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    window.show_page(PageId.INSIGHTS)
    page = window.insights
    form = page.open_form()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    offered = [form.framework.itemText(n) for n in range(form.framework.count())]
    assert "My growth as an improvement leader" in offered
    form.framework.setFocus()
    while form.framework.currentData() != "leader-growth":
        qtbot.keyClick(form.framework, Qt.Key.Key_Down)

    assert [r.domain.label for r in form.ratings] == GROWTH
    qtbot.waitUntil(form.ratings[-1].evidence.isVisible)  # new rows are shown once queued
    assert form.note.isVisibleTo(form) and "not yet checked" in form.note.text()
    assert form.ratings[0].buttons()[0].text() == "1  Not at all"
    form.ratings[0].buttons()[0].setFocus()
    for rating in form.ratings:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)  # along the scale: 2
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # chosen
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is rating.evidence
        qtbot.keyClicks(rating.evidence, "a trio")
        qtbot.keyClick(rating.evidence, Qt.Key.Key_Tab)  # on to the next domain
    with qtbot.waitSignal(form.recorded):
        qtbot.keyClick(form.ratings[-1].evidence, Qt.Key.Key_Return)

    [saved] = app.assessments.history("leader-growth")
    assert [s.score for s in saved.scores] == [2] * 6
    assert page.framework.currentData() == "leader-growth"
    assert list(page.radar.axes) == GROWTH
    assert page.latest.rows[1] == ("Influence without authority", "2 of 5", "a trio")
