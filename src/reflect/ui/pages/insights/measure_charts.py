"""Insights' Measures section: each measure of the active inquiries, with its chart."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from reflect.app import App
from reflect.ui.widgets.basics import label
from reflect.ui.widgets.charts.measure_panel import MeasurePanel, measure_panel


class MeasureCharts(QWidget):
    """Rebuilt on refresh: a heading, then each active inquiry's question and the chart of
    each of its measures that has values."""

    def __init__(
        self, app: App, notify: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._notify = notify
        self.panels: dict[str, MeasurePanel] = {}
        self._shown: list[QWidget] = []  # the questions and panels, removed on refresh
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(14)
        self._layout.addWidget(label(self.tr("Measures"), "section"))
        self.empty = label(
            self.tr(
                "No measures with values yet. Add a measure to an inquiry on the Inquiries "
                "page and record its values; its run chart appears here."
            ),
            "muted",
        )
        self._layout.addWidget(self.empty)

    def refresh(self) -> None:
        for old in self._shown:
            self._layout.removeWidget(old)
            old.hide()  # at once: deleteLater leaves it drawn under the new one until then
            old.deleteLater()
        self._shown, self.panels = [], {}
        for inquiry in self._app.inquiries.active():
            measures = [
                m for m in self._app.measures.find(inquiry.id) if self._app.measures.points(m.id)
            ]
            if measures:
                question = label(inquiry.question, "muted")
                self._layout.addWidget(question)
                self._shown.append(question)
            for measure in measures:
                title = f"{measure.name} ({measure.unit})" if measure.unit else measure.name
                panel = measure_panel(self._app, measure.id, title, self._notify)
                panel.setAccessibleDescription(
                    self.tr("A measure of the inquiry: {0}").format(inquiry.question)
                )
                panel.setObjectName(f"insights-chart-{measure.id}")
                self._layout.addWidget(panel)
                self._shown.append(panel)
                self.panels[measure.id] = panel
        self.empty.setVisible(not self.panels)
