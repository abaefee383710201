"""A measure's chart in a panel (chart or table, Save as PNG…), and the model it draws, read
from the measure's service and its story."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from reflect.app import App
from reflect.services.measure_story import measure_story
from reflect.ui.widgets.charts.chart_panel import ChartPanel
from reflect.ui.widgets.charts.measure_chart import MeasureChart
from reflect.ui.widgets.charts.measure_model import MeasureModel, build_model


def model_for(app: App, measure_id: str) -> MeasureModel:
    story = measure_story(
        measure_id,
        measures=app.measures,
        inquiries=app.inquiries,
        actions=app.actions,
        entries=app.entries,
        programme=app.programme,
    )
    return build_model(app.measures.view(measure_id), tuple(story))


class MeasurePanel(ChartPanel):
    """The chart of one measure; its PNG is written atomically and owner-only, as exports are."""

    def __init__(self, title: str, file_stem: str, parent: QWidget | None = None) -> None:
        chart = MeasureChart(title)
        super().__init__(chart, file_stem, parent)
        self.measure_chart = chart

    def show_model(self, model: MeasureModel) -> None:
        self.measure_chart.set_model(model)


def measure_panel(
    app: App, measure_id: str, title: str, notify: Callable[[str], None]
) -> MeasurePanel:
    """The panel of one measure, its chart drawn, saying through ``notify`` where its PNG was
    saved or that it could not be."""
    panel = MeasurePanel(title, "reflect-measure")
    panel.show_model(model_for(app, measure_id))
    panel.exported.connect(lambda path: notify(panel.tr("Saved {0}").format(path)))
    panel.export_failed.connect(
        lambda path: notify(panel.tr("Could not save {0}. Try another folder.").format(path))
    )
    return panel
