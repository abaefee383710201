"""A chart in a card: its title, the chart or the same numbers as a table, and PNG export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from reflect.ui.widgets.basics import card, label
from reflect.ui.widgets.charts.chart_base import ChartWidget, export_png


class ChartPanel(QWidget):
    """Shows ``chart`` with a "Show as table" toggle and a "Save as PNG…" button."""

    exported = Signal(str)  # the path written
    export_failed = Signal(str)  # the path that could not be written

    def __init__(self, chart: ChartWidget, file_stem: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self._file_stem = file_stem
        frame, layout = card()
        layout.setSpacing(8)
        self.heading = label(chart.title, "card-heading")
        self.table_toggle = QPushButton(self.tr("Show as table"))
        self.table_toggle.setCheckable(True)
        self.table_toggle.setAccessibleDescription(
            self.tr("Switch between the chart and a table of the same numbers")
        )
        self.table_toggle.toggled.connect(self._on_table_toggle_toggled)
        self.export_button = QPushButton(self.tr("Save as PNG…"))
        self.export_button.setAccessibleName(self.tr("Save {0} as PNG").format(chart.title))
        self.export_button.clicked.connect(self._on_export_clicked)
        row = QHBoxLayout()
        row.addWidget(self.heading, 1)
        row.addWidget(self.table_toggle)
        row.addWidget(self.export_button)
        layout.addLayout(row)
        self.table = self._make_table()
        self.stack = QStackedWidget()
        self.stack.addWidget(chart)
        self.stack.addWidget(self.table)
        layout.addWidget(self.stack, 1)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        chart.data_changed.connect(self._fill_table)
        self._fill_table()

    def _make_table(self) -> QTableWidget:
        table = QTableWidget()
        table.setAccessibleName(self.tr("{0}, as a table").format(self.chart.title))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        # The chart sets the height; a long table scrolls inside it.
        table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        return table

    def _fill_table(self) -> None:
        headers, rows = self.chart.table()
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, item)
        self.table.setAccessibleDescription(self.chart.summary())

    def table_cells(self) -> list[list[str]]:
        """What the table shows, row by row (for tests and copying)."""
        return [
            [self._cell(r, c) for c in range(self.table.columnCount())]
            for r in range(self.table.rowCount())
        ]

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _on_table_toggle_toggled(self, checked: bool) -> None:
        self.stack.setCurrentWidget(self.table if checked else self.chart)
        self.table_toggle.setText(self.tr("Show as chart") if checked else self.tr("Show as table"))

    # Export ------------------------------------------------------------------------------

    def save_png(self, path: Path) -> Path:
        """Write the chart as a PNG (no dialog); raises OSError when it cannot be written."""
        return export_png(self.chart, path)

    def _on_export_clicked(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save chart as PNG"),
            str(Path(folder) / f"{self._file_stem}.png"),
            self.tr("PNG images (*.png)"),
        )
        if not chosen:
            return
        try:
            written = self.save_png(Path(chosen))
        except OSError:
            self.export_failed.emit(chosen)
        else:
            self.exported.emit(str(written))
