"""The Insights page: empty state, rating yourself through the form, charts of what was saved."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fakes import FakeClock
from reflect.app import App
from reflect.core.action import ActionKind, ActionStatus
from reflect.core.assessment import Score
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId
from reflect.ui.pages.insights.assessment_form import AssessmentForm
from reflect.ui.pages.insights.page import InsightsPage

CSIF = ["vision", "operating-model", "capability", "redesign", "cqi", "innovation"]


def insights(window: MainWindow) -> InsightsPage:
    window.show_page(PageId.INSIGHTS)
    assert window.current_page() is PageId.INSIGHTS
    return window.insights


def open_form(page: InsightsPage, framework_id: str = "csif") -> AssessmentForm:
    form = page.open_form()
    form.framework.setCurrentIndex(form.framework.findData(framework_id))
    return form


def test_empty_journal_explains_self_assessment_and_offers_the_form(window: MainWindow) -> None:
    page = insights(window)
    assert page.empty.isVisibleTo(page)
    assert not page.radar_panel.isVisibleTo(page)
    assert not page.framework.isVisibleTo(page)
    assert page.rate_button.isEnabled()
    assert page.rate_button.text() == "Rate yourself…"
    assert page.radar.summary() == "No self-assessment yet."
    assert sum(page.heat.counts.values()) == 0
    assert [s.values for s in page.bars.bars] == [(0,) * 12] * 3


def test_rating_through_the_form_shows_on_the_radar_and_its_table(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    inquiry = app.inquiries.add("How do we own delays together?")
    page = insights(window)
    form = open_form(page)
    assert form.inquiry.currentData() == inquiry.id  # the one active inquiry, chosen for you
    assert not form.save_button.isEnabled()  # nothing rated yet
    assert [r.domain.id for r in form.ratings] == CSIF
    first = form.ratings[0]
    assert first.buttons()[0].text() == "1  Not yet started"
    for n, rating in enumerate(form.ratings):
        rating.group.button(1 + n % 5).click()
    first.evidence.setText("  The huddle has   one story.  ")
    form.overall.setText("After workshop 3")
    with qtbot.waitSignal(form.recorded) as recorded:
        form.save_button.click()

    [saved] = app.assessments.history("csif")
    assert recorded.args == [saved]
    assert saved.inquiry_id == inquiry.id and saved.note == "After workshop 3"
    assert saved.scores[0] == Score("vision", 1, "The huddle has one story.")
    assert [s.score for s in saved.scores] == [1, 2, 3, 4, 5, 1]
    assert page.radar_panel.isVisibleTo(page) and not page.empty.isVisibleTo(page)
    assert page.framework.currentData() == "csif"
    assert page.radar.latest is not None and page.radar.previous is None
    assert page.radar.latest.values == (1, 2, 3, 4, 5, 1)
    cells = page.radar_panel.table_cells()
    assert cells[0] == ["Collective vision and leadership", "1"]
    assert [row[1] for row in cells] == ["1", "2", "3", "4", "5", "1"]
    assert "Collective vision and leadership 1 of 5" in page.radar.accessibleDescription()
    assert page.latest.rows[0] == (
        "Collective vision and leadership",
        "1 of 5",
        "The huddle has one story.",
    )
    assert window.statusBar().currentMessage() == "Self-assessment saved."


def test_the_previous_assessment_is_ghosted_behind_the_latest(
    window: MainWindow, app: App, clock: FakeClock
) -> None:
    app.assessments.record("csif", [Score(d, 2) for d in CSIF])
    clock.advance(days=60)
    app.assessments.record("csif", [Score(d, 3) for d in CSIF[:4]] + [Score("cqi", 5)])
    page = insights(window)
    latest, previous = page.radar.series()
    assert latest.values == (3, 3, 3, 3, 5, None)
    assert previous.values == (2,) * 6
    assert page.radar_panel.table_cells()[4] == ["Continuous quality improvement", "5", "2", "+3"]
    assert page.lines.dates == (date(2026, 3, 1), date(2026, 4, 30))
    assert page.lines.lines[4].values == (2, 5)
    assert page.latest.rows[4][1] == "5 of 5"


def test_switching_framework_charts_that_framework(
    window: MainWindow, app: App, clock: FakeClock
) -> None:
    app.assessments.record("csif", [Score("vision", 4)])
    clock.advance(days=1)
    app.assessments.record("five-principles", [Score("relationships", 2)])
    page = insights(window)
    names = [page.framework.itemData(n) for n in range(page.framework.count())]
    assert names == ["five-principles", "csif"]  # the most recently assessed first
    assert page.framework.currentText() == "Five principles for system-wide improvement approaches"
    assert "Build relationships and trust" in page.radar.axes
    page.framework.setCurrentIndex(1)
    assert page.radar.axes[0] == "Collective vision and leadership"
    assert page.radar.latest is not None and page.radar.latest.values[0] == 4
    form = page.open_form()
    assert form.framework.currentData() == "csif"  # the form starts on the charted framework
    form.reject()


def test_the_form_can_be_completed_with_the_keyboard(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    page = insights(window)
    form = open_form(page)
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    first = form.ratings[0].buttons()[0]
    first.setFocus()
    assert QApplication.focusWidget() is first
    for rating in form.ratings:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)  # along the scale: 2
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # choose it
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)  # and move on: 3
        assert rating.group.checkedId() == 3
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is rating.evidence
        qtbot.keyClicks(rating.evidence, "seen it")
        qtbot.keyClick(rating.evidence, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.save_button
    with qtbot.waitSignal(form.recorded):
        qtbot.keyClick(form.ratings[-1].evidence, Qt.Key.Key_Return)
    [saved] = app.assessments.history()
    assert [(s.score, s.evidence) for s in saved.scores] == [(3, "seen it")] * 6


def test_activity_and_actions_follow_the_journal(
    window: MainWindow, app: App, clock: FakeClock
) -> None:
    page = insights(window)
    app.entries.write("After the workshop")  # the window refreshes the page it shows
    done = app.actions.add("Start the huddle", ActionKind.START)
    app.actions.add("Stop the spreadsheet", ActionKind.STOP)
    app.actions.set_status(done.id, ActionStatus.DONE)
    assert page.heat.counts[app.insights.today()] == 1
    assert page.bars.table()[1][-1] == ["March 2026", "1", "1", "1"]
