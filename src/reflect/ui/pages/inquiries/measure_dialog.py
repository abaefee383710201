"""The small dialog that defines a measure, or changes one: its name, unit, better direction,
definition, and an optional baseline and goal written the user's way (``12,5`` where a comma
is the decimal mark)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reflect.core.measure import MAX_MAGNITUDE, Better, Measure
from reflect.messages import Msg
from reflect.ui.texts import message_text


@dataclass(frozen=True)
class MeasureFields:
    """What the dialog was given, numbers already read."""

    name: str
    unit: str
    better: str
    definition: str
    baseline: float | None
    goal: float | None


def read_number(text: str, locale: QLocale | None = None) -> float | None:
    """A number typed the user's way (their decimal mark; no thousands separators, which in
    another locale would be a decimal mark), or plainly with a full stop; None when not one."""
    text = text.strip()
    locale = locale or QLocale()
    strict = QLocale(locale)
    strict.setNumberOptions(QLocale.NumberOption.RejectGroupSeparator)
    for reader in (strict, QLocale.c()):
        value, ok = reader.toDouble(text)
        if ok and abs(value) <= MAX_MAGNITUDE:  # also refuses NaN and infinities
            return value
    return None


def number_text(value: float | None) -> str:
    """``value`` written the user's way, as the dialog shows it back: with their decimal mark
    and no thousands separators, so that it reads back as the same number."""
    if value is None:
        return ""
    locale = QLocale()
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return locale.toString(value, ord("g"), 12)


class MeasureDialog(QDialog):
    """``chosen`` carries the ``MeasureFields`` when the user accepts; numbers that are not
    numbers are refused in the dialog, which stays open, and nothing is sent.

    Opened with ``open()`` (not ``exec()``) so that tests can fill it in and press its buttons.
    """

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None, measure: Measure | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Add a measure") if measure is None else self.tr("Edit measure")
        )
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
        example = number_text(12.5)
        self.baseline = QLineEdit()
        self.baseline.setAccessibleName(self.tr("Baseline (optional)"))
        self.baseline.setPlaceholderText(
            self.tr("Optional: where things stood, such as {0}").format(example)
        )
        self.goal = QLineEdit()
        self.goal.setAccessibleName(self.tr("Goal (optional)"))
        self.goal.setPlaceholderText(self.tr("Optional: the value you aim for"))
        self.problem = QLabel()
        self.problem.setProperty("role", "warning")  # themed for light and dark
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Unit"), self.unit)
        form.addRow(self.tr("&Better"), self.better)
        form.addRow(self.tr("&Definition"), self.definition)
        form.addRow(self.tr("Base&line"), self.baseline)
        form.addRow(self.tr("&Goal"), self.goal)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        if measure is not None:
            self._fill(measure)

    def _fill(self, measure: Measure) -> None:
        self.name.setText(measure.name)
        self.unit.setText(measure.unit)
        self.better.setCurrentIndex(max(0, self.better.findData(measure.better.value)))
        self.definition.setPlainText(measure.definition)
        self.baseline.setText(number_text(measure.baseline))
        self.goal.setText(number_text(measure.goal))

    def _on_accepted(self) -> None:
        if not self.name.text().strip():
            self._say(self.name, message_text(Msg.EMPTY_MEASURE_NAME))
            return
        numbers: list[float | None] = []
        for field, words in ((self.baseline, self.tr("Baseline")), (self.goal, self.tr("Goal"))):
            text = field.text().strip()
            value = read_number(text) if text else None
            if text and value is None:
                self._refuse(field, words, text)
                return
            numbers.append(value)
        self.chosen.emit(
            MeasureFields(
                self.name.text(),
                self.unit.text(),
                str(self.better.currentData()),
                self.definition.toPlainText(),
                numbers[0],
                numbers[1],
            )
        )
        self.accept()

    def _refuse(self, field: QLineEdit, words: str, text: str) -> None:
        example = number_text(12.5)
        said = message_text(
            Msg.MEASURE_FIELD_NOT_A_NUMBER, field=words, value=text, example=example
        )
        self._say(field, said)

    def _say(self, field: QLineEdit, said: str) -> None:
        self.problem.setText(said)
        self.problem.show()
        field.setFocus()
        field.selectAll()
