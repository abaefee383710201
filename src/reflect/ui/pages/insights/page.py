"""Insights: how practice and thinking moved, in pictures with tables of the same numbers.

Self-assessment on a framework (the latest as a radar over the one before, each domain over
time), reflection activity per day for a year, actions started, stopped and done per month,
the run chart (or XmR chart) of each measure of the active inquiries, and connections made
across the system by sector per month.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from reflect.app import App
from reflect.core.assessment import Assessment
from reflect.ui.navigation import Navigator
from reflect.ui.pages.insights.assessment_form import AssessmentForm, rateable_frameworks
from reflect.ui.pages.insights.connections_panel import ConnectionsPanel
from reflect.ui.pages.insights.insights_data import chart_axes, local_day, scores_of
from reflect.ui.pages.insights.latest_assessment import LatestAssessment
from reflect.ui.pages.insights.measure_charts import MeasureCharts
from reflect.ui.texts import day_text
from reflect.ui.widgets.basics import card, compact_combo, label, scrolling
from reflect.ui.widgets.charts.bars import MonthlyBars
from reflect.ui.widgets.charts.chart_base import Series
from reflect.ui.widgets.charts.chart_panel import ChartPanel
from reflect.ui.widgets.charts.heatmap import HeatMap
from reflect.ui.widgets.charts.line_chart import LineChart
from reflect.ui.widgets.charts.radar import RadarChart

WIDE = 940  # from this page width the two self-assessment charts sit side by side


class InsightsPage(QWidget):
    def __init__(self, app: App, navigator: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._nav = navigator
        self.form: AssessmentForm | None = None
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(28, 22, 28, 28)
        layout.setSpacing(14)
        layout.addWidget(label(self.tr("Insights"), "title"))
        intro = self.tr(
            "How your practice moved: where you rate yourself on a framework over time, "
            "how often you reflect, and what you start, stop and finish."
        )
        layout.addWidget(label(intro, "muted"))
        layout.addLayout(self._controls())
        layout.addWidget(self._empty_card())
        self.radar = RadarChart(self.tr("Latest self-assessment"))
        self.lines = LineChart(self.tr("Each domain over time"))
        self.heat = HeatMap(self.tr("Reflection activity, last 52 weeks"))
        self.bars = MonthlyBars(self.tr("Actions per month, last 12 months"))
        self.radar_panel = self._panel(self.radar, "self-assessment")
        self.lines_panel = self._panel(self.lines, "self-assessment-over-time")
        self.latest = LatestAssessment()
        self._pair = QGridLayout()
        self._pair.setSpacing(14)
        self._wide: bool | None = None
        self._arrange(wide=True)
        layout.addLayout(self._pair)
        layout.addWidget(self.lines_panel)
        layout.addWidget(self._panel(self.heat, "reflection-activity"))
        layout.addWidget(self._panel(self.bars, "actions-per-month"))
        self.measures = MeasureCharts(app, navigator.notify)
        layout.addWidget(self.measures)
        self.connections = ConnectionsPanel(app, navigator)
        layout.addWidget(self.connections)
        layout.addStretch(1)
        self.scroll_area = scrolling(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        self.refresh()

    # Building ----------------------------------------------------------------------------

    def _controls(self) -> QHBoxLayout:
        self.framework = compact_combo(30)
        self.framework.setAccessibleName(self.tr("Framework to chart"))
        self.framework.currentIndexChanged.connect(self._on_framework_changed)
        self.framework_label = QLabel(self.tr("&Framework"))
        self.framework_label.setBuddy(self.framework)
        self.rate_button = QPushButton(self.tr("Rate yourself…"))
        self.rate_button.setProperty("role", "primary")
        self.rate_button.setAccessibleName(self.tr("Rate yourself"))
        self.rate_button.setAccessibleDescription(
            self.tr("Score yourself on each domain of a framework, with a line of evidence")
        )
        self.rate_button.clicked.connect(self.open_form)
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(self.framework_label)
        row.addWidget(self.framework)
        row.addStretch(1)
        row.addWidget(self.rate_button)
        return row

    def _empty_card(self) -> QWidget:
        self.empty, inner = card()
        heading = label(self.tr("No self-assessments yet"), "card-heading")
        inner.addWidget(heading)
        text = self.tr(
            "Every few months, rate yourself on the domains of a framework such as the "
            "Cross-System Improvement Framework, with a line of evidence for each. This page then "
            "shows where you stand, and from the second time on, what moved: the latest against "
            "the one before, and each domain over time. “Rate yourself…” takes a few minutes."
        )
        inner.addWidget(label(text, "muted"))
        return self.empty

    def _panel(
        self, chart: RadarChart | LineChart | HeatMap | MonthlyBars, stem: str
    ) -> ChartPanel:
        panel = ChartPanel(chart, f"reflect-{stem}")
        panel.exported.connect(lambda path: self._nav.notify(self.tr("Saved {0}").format(path)))
        panel.export_failed.connect(
            lambda path: self._nav.notify(
                self.tr("Could not save {0}. Try another folder.").format(path)
            )
        )
        return panel

    def _arrange(self, wide: bool) -> None:
        if wide == self._wide:
            return
        self._wide = wide
        self._pair.addWidget(self.radar_panel, 0, 0)
        self._pair.addWidget(self.latest, 0 if wide else 1, 1 if wide else 0)
        self._pair.setColumnStretch(0, 3)
        self._pair.setColumnStretch(1, 2 if wide else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(wide=event.size().width() >= WIDE)

    # Showing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self._fill_frameworks()
        self._show_assessments()
        insights = self._app.insights
        self.heat.set_data(insights.activity_by_day(), insights.today())
        months = insights.actions_by_month()
        self.bars.set_data(
            [date.fromisoformat(f"{m.month}-01") for m in months],
            [
                Series(self.tr("Started"), tuple(m.started for m in months)),
                Series(self.tr("Stopped"), tuple(m.stopped for m in months)),
                Series(self.tr("Done"), tuple(m.done for m in months)),
            ],
        )
        self.measures.refresh()
        can_rate = bool(rateable_frameworks(self._app))
        self.rate_button.setEnabled(can_rate)
        self.rate_button.setToolTip("" if can_rate else self.tr("No framework has domains to rate"))
        self.connections.refresh()

    def _fill_frameworks(self) -> None:
        chosen = self.framework.currentData()
        self.framework.blockSignals(True)
        self.framework.clear()
        for framework_id in self._app.insights.frameworks_assessed():
            found = self._app.frameworks.find(framework_id)
            self.framework.addItem(found.name if found else framework_id, framework_id)
        index = self.framework.findData(chosen) if chosen else -1
        self.framework.setCurrentIndex(max(index, 0) if self.framework.count() else -1)
        self.framework.blockSignals(False)
        self.framework.setVisible(self.framework.count() > 0)
        self.framework_label.setVisible(self.framework.count() > 0)

    def select_framework(self, framework_id: str) -> None:
        index = self.framework.findData(framework_id)
        if index >= 0:
            self.framework.setCurrentIndex(index)

    def _on_framework_changed(self, *_: object) -> None:
        self._show_assessments()

    def _show_assessments(self) -> None:
        framework_id = self.framework.currentData()
        series = self._app.insights.assessment_series(framework_id) if framework_id else []
        self.empty.setVisible(not series)
        for widget in (self.radar_panel, self.latest, self.lines_panel):
            widget.setVisible(bool(series))
        framework = self._app.frameworks.find(framework_id) if framework_id else None
        axes = chart_axes(framework, series)
        ids, labels = [i for i, _ in axes], [text for _, text in axes]
        low, high = (framework.scale.low, framework.scale.high) if framework else (1, 5)
        named = [Series(day_text(local_day(a)), scores_of(a, ids)) for a in series]
        previous = series[-2] if len(series) > 1 else None
        self.radar.set_data(
            labels, low, high, named[-1] if named else None, named[-2] if previous else None
        )
        lines = [Series(text, tuple(s.values[n] for s in named)) for n, text in enumerate(labels)]
        words = framework.scale.labels if framework else {}
        self.lines.set_data([local_day(a) for a in series], lines, low, high, words)
        if series:
            self.latest.show_assessment(axes, high, series[-1], previous)

    # The form ----------------------------------------------------------------------------

    def open_form(self) -> AssessmentForm:
        """Open the “Rate yourself” form over the window."""
        self.form = AssessmentForm(self._app, self.framework.currentData(), self)
        self.form.setWindowModality(Qt.WindowModality.WindowModal)
        self.form.recorded.connect(self._on_form_recorded)
        self.form.finished.connect(self.form.deleteLater)
        self.form.open()
        return self.form

    def _on_form_recorded(self, assessment: Assessment) -> None:
        self.refresh()
        self.select_framework(assessment.framework_id)
        self._nav.notify(self.tr("Self-assessment saved."))
