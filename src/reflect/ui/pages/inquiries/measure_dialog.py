"""The small dialog that defines a new measure: its name, unit, better direction, definition."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reflect.core.measure import Better


class MeasureDialog(QDialog):
    """``chosen`` carries name, unit, better and definition when the user accepts.

    Opened with ``open()`` (not ``exec()``) so that tests can fill it in and press its buttons.
    """

    chosen = Signal(str, str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a measure"))
        self.setMinimumWidth(460)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setPlaceholderText(self.tr("Delayed discharges"))
        self.unit = QLineEdit()
        self.unit.setAccessibleName(self.tr("Unit"))
        self.unit.setPlaceholderText(self.tr("patients"))
        self.better = QComboBox()
        self.better.setAccessibleName(self.tr("Better is"))
        self.better.addItem(self.tr("Higher is better"), Better.HIGHER.value)
        self.better.addItem(self.tr("Lower is better"), Better.LOWER.value)
        self.definition = QPlainTextEdit()
        self.definition.setAccessibleName(self.tr("Definition"))
        self.definition.setPlaceholderText(self.tr("Exactly what is counted, when, and by whom."))
        self.definition.setTabChangesFocus(True)
        self.definition.setFixedHeight(80)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Unit"), self.unit)
        form.addRow(self.tr("&Better"), self.better)
        form.addRow(self.tr("&Definition"), self.definition)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _on_accepted(self) -> None:
        self.chosen.emit(
            self.name.text(),
            self.unit.text(),
            str(self.better.currentData()),
            self.definition.toPlainText(),
        )
        self.accept()
