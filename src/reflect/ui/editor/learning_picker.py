"""What a learning log entry learned from: one of its inquiry's PDSA cycle entries (listed by
title) and one of its measures (by name), chosen in the editor and linked when it is kept."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from reflect.app import App
from reflect.core.entry_filter import EntryFilter
from reflect.errors import ReflectError
from reflect.ui.texts import entry_title

PDSA_FRAMEWORK = "pdsa"  # a cycle is an entry written with the PDSA framework
CYCLE_LIMIT = 200  # far more cycles than one inquiry runs; bounds the list


class LearningPicker(QWidget):
    """Two boxes, "PDSA cycle" and "Measure"; each says "None" until one is chosen.

    ``changed`` is emitted when the person picks another item (not when it is filled)."""

    changed = Signal()

    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.cycle = QComboBox()
        self.cycle.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.cycle.setAccessibleName(self.tr("PDSA cycle it learned from"))
        self.measure = QComboBox()
        self.measure.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.measure.setAccessibleName(self.tr("Measure it learned from"))
        for box in (self.cycle, self.measure):
            box.activated.connect(self.changed)
        cycle_label = QLabel(self.tr("P&DSA cycle"))
        cycle_label.setBuddy(self.cycle)
        measure_label = QLabel(self.tr("Mea&sure"))
        measure_label.setBuddy(self.measure)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(cycle_label)
        row.addWidget(self.cycle)
        row.addSpacing(12)
        row.addWidget(measure_label)
        row.addWidget(self.measure)
        row.addStretch(1)

    def fill(
        self, inquiry_id: str | None, entry_id: str | None, cycle: str | None, measure: str | None
    ) -> None:
        """List ``inquiry_id``'s cycles and measures, choosing ``cycle`` and ``measure`` (kept
        in the list even when they belong elsewhere: a link is never dropped by opening)."""
        cycles: list[tuple[str, str]] = []
        measures: list[tuple[str, str]] = []
        if inquiry_id is not None:
            wanted = EntryFilter(inquiry_id=inquiry_id, framework_id=PDSA_FRAMEWORK)
            found = self._app.entries.page(wanted, limit=CYCLE_LIMIT)
            cycles = [(e.id, entry_title(e.display_title)) for e in found if e.id != entry_id]
            measures = [(m.id, m.name) for m in self._app.measures.find(inquiry_id)]
        if cycle is not None and cycle not in dict(cycles):
            cycles.append((cycle, self._cycle_title(cycle)))
        if measure is not None and measure not in dict(measures):
            measures.append((measure, self._measure_name(measure)))
        _fill(self.cycle, cycles, cycle, self.tr("None"))
        _fill(self.measure, measures, measure, self.tr("None"))

    def refill(self, inquiry_id: str | None, entry_id: str | None) -> None:
        """The lists for another inquiry, keeping what is chosen."""
        self.fill(inquiry_id, entry_id, self.cycle.currentData(), self.measure.currentData())

    def load(self, inquiry_id: str | None, entry_id: str | None) -> None:
        """The lists, with what ``entry_id`` is linked to now chosen."""
        cycle = measure = None
        if entry_id is not None:
            cycle = self._app.learning.cycles_of([entry_id]).get(entry_id)
            measure = self._app.learning.measures_of([entry_id]).get(entry_id)
        self.fill(inquiry_id, entry_id, cycle, measure)

    def save(self, entry_id: str) -> None:
        """Link the kept entry to what is chosen ("None" unlinks)."""
        self._app.learning.link(
            entry_id, self.cycle.currentData(), measure_id=self.measure.currentData()
        )

    def _cycle_title(self, cycle_id: str) -> str:
        try:
            return entry_title(self._app.entries.get(cycle_id).display_title)
        except ReflectError:  # in the trash, or gone: still say something, never an id
            return self.tr("An entry no longer in the journal")

    def _measure_name(self, measure_id: str) -> str:
        try:
            return self._app.measures.get(measure_id).name
        except ReflectError:
            return self.tr("A measure no longer in the journal")


def _fill(box: QComboBox, items: list[tuple[str, str]], chosen: str | None, none: str) -> None:
    box.blockSignals(True)
    box.clear()
    box.addItem(none, None)
    for item_id, text in items:
        box.addItem(text, item_id)
    box.setCurrentIndex(max(0, box.findData(chosen)) if chosen is not None else 0)
    box.blockSignals(False)
