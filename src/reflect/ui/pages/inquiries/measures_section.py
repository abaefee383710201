"""An inquiry's measures on its page: each with its values in a small table that takes pasted
columns (``date<TAB>value`` lines from a spreadsheet), and what its chart shows, in words."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reflect.app import App
from reflect.core.measure import Better, Measure, Point
from reflect.errors import ReflectError
from reflect.messages import Msg
from reflect.services.measure_words import run_chart_note, signal_sentence, xmr_sentences
from reflect.ui.pages.inquiries.confirm_box import ask_to_delete
from reflect.ui.pages.inquiries.measure_dialog import MeasureDialog, MeasureFields, number_text
from reflect.ui.texts import error_text, message_text
from reflect.ui.widgets.basics import card, label
from reflect.ui.widgets.charts.measure_panel import MeasurePanel, measure_panel

MAX_PASTE_ROWS = 5_000  # far more than anyone pastes; bounds the work a stray paste can cause
VISIBLE_ROWS = 6


def translated(msg: Msg) -> str:
    return QCoreApplication.translate("Messages", msg.template)


class PointsTable(QTableWidget):
    """Date, value and note; always one empty row at the end to type into. Ctrl+V pastes
    tab- (or comma-) separated columns from the current cell down, adding rows as needed.
    Delete on a row asks for it to go (``delete_requested`` carries the row)."""

    delete_requested = Signal(int)

    def __init__(self, notify: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self._notify = notify
        self.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Value"), self.tr("Note")])
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setVisible(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as it does everywhere else
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.itemChanged.connect(self._keep_an_empty_row)

    def load(self, points: list[Point]) -> None:
        self.blockSignals(True)
        self.setRowCount(0)
        for point in points:
            self._append([point.day, f"{point.value:g}", point.note])
        self._append(["", "", ""])
        self.blockSignals(False)
        self.setFixedHeight(
            self.horizontalHeader().height()
            + self.rowHeight(0) * VISIBLE_ROWS
            + 2 * self.frameWidth()
        )

    def rows(self) -> list[tuple[str, str, str]]:
        """Every row with a date or a value, as typed."""
        found = []
        for row in range(self.rowCount()):
            cells = [self._text(row, column) for column in range(3)]
            if cells[0] or cells[1]:
                found.append((cells[0], cells[1], cells[2]))
        return found

    def event(self, event: QEvent) -> bool:  # a Qt override
        # Claim Ctrl+V before the Edit menu's Paste (which pastes only into text fields).
        paste = isinstance(event, QKeyEvent) and event.matches(QKeySequence.StandardKey.Paste)
        if event.type() == QEvent.Type.ShortcutOverride and paste:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # a Qt override
        editing = self.state() == QAbstractItemView.State.EditingState
        if event.key() == Qt.Key.Key_Delete and not editing and self.currentRow() >= 0:
            self.delete_requested.emit(self.currentRow())
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste(QGuiApplication.clipboard().text())
            event.accept()
            return
        super().keyPressEvent(event)

    def paste(self, text: str) -> None:
        lines = [line for line in text.splitlines() if line.strip()]
        if len(lines) > MAX_PASTE_ROWS:
            self._notify(message_text(Msg.MEASURE_PASTE_TOO_LONG, limit=MAX_PASTE_ROWS))
            return
        top = max(self.currentRow(), 0)
        left = max(self.currentColumn(), 0)
        self.blockSignals(True)
        for offset, line in enumerate(lines):
            cells = line.split("\t") if "\t" in line else line.split(",")
            row = top + offset
            while row >= self.rowCount():
                self._append(["", "", ""])
            for n, cell in enumerate(cells[: 3 - left]):
                self.setItem(row, left + n, QTableWidgetItem(cell.strip()))
        self.blockSignals(False)
        self._keep_an_empty_row()

    def _append(self, cells: list[str]) -> None:
        row = self.rowCount()
        self.insertRow(row)
        for column, text in enumerate(cells):
            self.setItem(row, column, QTableWidgetItem(text))

    def cell_text(self, row: int, column: int) -> str:
        return self._text(row, column)

    def _text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text().strip() if item is not None else ""

    def _keep_an_empty_row(self, *_: object) -> None:
        last = self.rowCount() - 1
        if last < 0 or any(self._text(last, column) for column in range(3)):
            self.blockSignals(True)
            self._append(["", "", ""])
            self.blockSignals(False)


class MeasuresSection(QWidget):
    """The measures of one inquiry; changes go through the service, which announces them."""

    def __init__(
        self,
        app: App,
        inquiry_id: str,
        notify: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._inquiry_id = inquiry_id
        self._notify = notify
        self.dialog: MeasureDialog | None = None
        self.confirmation: QMessageBox | None = None
        self.edit_buttons: dict[str, QPushButton] = {}
        self.delete_buttons: dict[str, QPushButton] = {}
        self.delete_value_buttons: dict[str, QPushButton] = {}
        self.tables: dict[str, PointsTable] = {}
        self.save_buttons: dict[str, QPushButton] = {}
        self.sentences: dict[str, list[str]] = {}
        self.charts: dict[str, MeasurePanel] = {}
        measures = app.measures.find(inquiry_id)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(label(self.tr("Measures · {0}").format(len(measures)), "section"), 1)
        self.add_button = QPushButton(self.tr("Add measure…"))
        self.add_button.setObjectName("Add measure…")  # focus comes back to it after a refresh
        self.add_button.setAccessibleName(self.tr("Add measure"))
        self.add_button.setProperty("role", "inquiry-button")
        self.add_button.clicked.connect(self._on_add_clicked)
        row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(row)
        if not measures:
            hint = self.tr(
                "No measures yet. A measure is one thing you count over time to see whether "
                "a change makes a difference."
            )
            layout.addWidget(label(hint, "muted"))
        for measure in measures:
            layout.addWidget(self._measure_card(measure))

    def _measure_card(self, measure: Measure) -> QWidget:
        frame, inner = card()
        heading = QHBoxLayout()
        heading.addWidget(label(f"{measure.name} ({measure.unit})", "card-heading"), 1)
        for text, name, slot, buttons in (
            (self.tr("Edit measure…"), "edit", self._on_edit_clicked, self.edit_buttons),
            (self.tr("Delete measure…"), "delete", self._on_delete_clicked, self.delete_buttons),
        ):
            button = QPushButton(text)
            button.setObjectName(f"{name}-{measure.id}")  # focus comes back after a refresh
            button.setAccessibleName(f"{text.rstrip('…')}: {measure.name}")
            button.clicked.connect(lambda _=False, slot=slot, m=measure: slot(m))
            heading.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            buttons[measure.id] = button
        inner.addLayout(heading)
        better = (
            self.tr("Higher is better")
            if measure.better is Better.HIGHER
            else self.tr("Lower is better")
        )
        inner.addWidget(label(" · ".join(filter(None, [better, measure.definition])), "muted"))
        aims = [
            words.format(number_text(value))
            for words, value in (
                (self.tr("Baseline {0}"), measure.baseline),
                (self.tr("Goal {0}"), measure.goal),
            )
            if value is not None
        ]
        if aims:
            inner.addWidget(label(" · ".join(aims), "muted"))
        view = self._app.measures.view(measure.id)
        note = run_chart_note(view.run_chart, translated)
        said = [note] if note else []
        signals = view.run_chart.signals + (view.xmr.signals if view.xmr else ())
        said += [
            signal_sentence(s, view.points, view.run_chart.useful, translated) for s in signals
        ]
        said += xmr_sentences(view.xmr, len(view.points), translated) if view.points else []
        for sentence in said:
            inner.addWidget(label(sentence))
        self.sentences[measure.id] = said
        if view.points:
            inner.addWidget(self._chart(measure))
        table = PointsTable(self._notify)
        table.setAccessibleName(self.tr("Values of {0}").format(measure.name))
        table.setObjectName(f"points-{measure.id}")
        table.load(list(view.points))
        table.delete_requested.connect(lambda row: self._delete_row(measure, table, row))
        inner.addWidget(table)
        row = QHBoxLayout()
        hint = self.tr(
            "Type or paste (Ctrl+V) date and value columns; a date already there is replaced."
        )
        row.addWidget(label(hint, "muted"), 1)
        remove = QPushButton(self.tr("Delete value…"))
        remove.setObjectName(f"delete-value-{measure.id}")
        remove.setAccessibleName(self.tr("Delete the chosen value of {0}").format(measure.name))
        remove.setToolTip(self.tr("Delete the value in the chosen row (Delete)"))
        remove.clicked.connect(lambda: self._delete_row(measure, table, table.currentRow()))
        row.addWidget(remove, 0, Qt.AlignmentFlag.AlignTop)
        self.delete_value_buttons[measure.id] = remove
        save = QPushButton(self.tr("Save values"))
        save.setObjectName(f"save-{measure.id}")
        save.setAccessibleName(self.tr("Save values of {0}").format(measure.name))
        save.clicked.connect(lambda: self._save(measure.id, table))
        row.addWidget(save, 0, Qt.AlignmentFlag.AlignTop)
        inner.addLayout(row)
        self.tables[measure.id] = table
        self.save_buttons[measure.id] = save
        return frame

    def _chart(self, measure: Measure) -> MeasurePanel:
        title = self.tr("Chart of {0}").format(measure.name)
        panel = measure_panel(self._app, measure.id, title, self._notify)
        panel.setObjectName(f"chart-{measure.id}")
        self.charts[measure.id] = panel
        return panel

    def _save(self, measure_id: str, table: PointsTable) -> None:
        try:
            count = self._app.measures.put_points(measure_id, table.rows())
        except ReflectError as exc:
            self._notify(error_text(exc))
            return
        self._notify(self.tr("Values saved: {0}.").format(count))

    def _on_add_clicked(self) -> None:
        dialog = MeasureDialog(self)
        dialog.chosen.connect(self._add)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _add(self, chosen: MeasureFields) -> None:
        try:
            self._app.measures.add(
                self._inquiry_id,
                chosen.name,
                chosen.unit,
                chosen.better,
                definition=chosen.definition,
                baseline=chosen.baseline,
                goal=chosen.goal,
            )
        except ReflectError as exc:
            self._notify(error_text(exc))

    def _on_edit_clicked(self, measure: Measure) -> None:
        dialog = MeasureDialog(self, measure)
        dialog.chosen.connect(lambda chosen: self._edit(measure.id, chosen))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _edit(self, measure_id: str, chosen: MeasureFields) -> None:
        try:
            self._app.measures.edit(
                measure_id,
                name=chosen.name,
                unit=chosen.unit,
                better=chosen.better,
                definition=chosen.definition,
                baseline=chosen.baseline,
                goal=chosen.goal,
            )
        except ReflectError as exc:
            self._notify(error_text(exc))
            return
        self._notify(self.tr("Measure saved."))

    def _on_delete_clicked(self, measure: Measure) -> None:
        count = len(self._app.measures.points(measure.id))
        self.confirmation = ask_to_delete(
            self,
            self.tr("Delete measure"),
            self.tr("Delete “{0}” for good?").format(measure.name),
            self.tr("Values recorded for it, which go with it: {0}. This cannot be undone.").format(
                count
            ),
            lambda: self._delete(measure),
        )

    def _delete(self, measure: Measure) -> None:
        try:
            self._app.measures.delete(measure.id)
        except ReflectError as exc:
            self._notify(error_text(exc))
            return
        self._notify(self.tr("Deleted “{0}”.").format(measure.name))

    def _delete_row(self, measure: Measure, table: PointsTable, row: int) -> None:
        day = table.cell_text(row, 0) if row >= 0 else ""
        if not day and not (row >= 0 and table.cell_text(row, 1)):
            self._notify(self.tr("Choose the row of the value to delete."))
            return
        stored = {p.day: p for p in self._app.measures.points(measure.id)}
        if day not in stored:
            # Typed here and never saved: nothing to ask, the row just goes.
            if 0 <= row < table.rowCount() - 1:
                table.removeRow(row)
            return
        shown = number_text(stored[day].value)
        self.confirmation = ask_to_delete(
            self,
            self.tr("Delete value"),
            self.tr("Delete the value {0} recorded on {1}?").format(shown, day),
            self.tr("From “{0}”. This cannot be undone.").format(measure.name),
            lambda: self._remove_point(measure.id, day),
        )

    def _remove_point(self, measure_id: str, day: str) -> None:
        try:
            self._app.measures.remove_point(measure_id, day)
        except ReflectError as exc:
            self._notify(error_text(exc))
            return
        self._notify(self.tr("Deleted the value on {0}.").format(day))
