"""Insights' connections: how many people and organisations you reached in each sector, month
by month, and the private list itself with “Add connection…”."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from reflect.app import App
from reflect.core.connection import Connection, Sector, totals
from reflect.ui.navigation import Navigator
from reflect.ui.pages.insights.connection_dialog import ConnectionDialog, sector_label
from reflect.ui.widgets.basics import card, label

LIST_LIMIT = 200  # the newest; the CLI's `reflect connection list` has them all


class ConnectionsPanel(QWidget):
    def __init__(self, app: App, navigator: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._nav = navigator
        self.dialog: ConnectionDialog | None = None
        frame, inner = card()
        heading = QHBoxLayout()
        heading.addWidget(label(self.tr("Connections across the system"), "card-heading"), 1)
        self.add_button = QPushButton(self.tr("Add connection…"))
        self.add_button.setAccessibleName(self.tr("Add connection"))
        self.add_button.clicked.connect(self.open_dialog)
        heading.addWidget(self.add_button)
        inner.addLayout(heading)
        about = self.tr(
            "People and organisations you reach beyond your own: a private list. Only counts "
            "by sector can leave in a share, and only when you choose."
        )
        inner.addWidget(label(about, "muted"))
        self.counts = _table([self.tr("Month"), *map(sector_label, Sector), self.tr("Total")])
        self.counts.setAccessibleName(self.tr("Connections by sector, per month"))
        inner.addWidget(self.counts)
        self.list = _table([self.tr("Met"), self.tr("Name"), self.tr("Sector"), self.tr("Where")])
        self.list.setAccessibleName(self.tr("Your connections, most recent first"))
        inner.addWidget(self.list)
        self.empty = label(self.tr("No connections logged yet."), "muted")
        inner.addWidget(self.empty)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)

    def refresh(self) -> None:
        connections = self._app.connections.all()
        rows = self._app.connections.counts()
        self.counts.setRowCount(0)
        for row in reversed(rows):  # newest month first, like the list
            self._add_row(
                self.counts, [row.month, *(str(n) for _, n in row.counts), str(row.total)]
            )
        overall = totals(rows)
        if rows:
            every = [str(overall[s]) for s in Sector]
            self._add_row(self.counts, [self.tr("All"), *every, str(sum(overall.values()))])
        self.list.setRowCount(0)
        for connection in connections[:LIST_LIMIT]:
            self._add_row(self.list, _cells(connection))
        for table in (self.counts, self.list):
            table.setVisible(bool(connections))
            table.resizeColumnsToContents()
            _fit_height(table)
        self.empty.setVisible(not connections)

    def open_dialog(self) -> ConnectionDialog:
        self.dialog = ConnectionDialog(self._app, self)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.added.connect(lambda _: self._nav.notify(self.tr("Connection added.")))
        self.dialog.finished.connect(self.dialog.deleteLater)
        self.dialog.open()
        return self.dialog

    def table_cells(self, table: QTableWidget) -> list[list[str]]:
        """What a table shows, row by row (for tests and screen readers' checks)."""
        return [
            [(table.item(r, c) or QTableWidgetItem()).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())
        ]

    @staticmethod
    def _add_row(table: QTableWidget, cells: list[str]) -> None:
        row = table.rowCount()
        table.insertRow(row)
        for column, text in enumerate(cells):
            table.setItem(row, column, QTableWidgetItem(text))


def _cells(connection: Connection) -> list[str]:
    return [connection.met, connection.name, sector_label(connection.sector), connection.where]


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
    table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fit_height(table: QTableWidget) -> None:
    """Show up to twelve rows without an inner scroll bar; the page itself scrolls."""
    shown = min(table.rowCount(), 12)
    rows = sum(table.rowHeight(r) for r in range(shown))
    frame = 2 * table.frameWidth()
    table.setFixedHeight(table.horizontalHeader().sizeHint().height() + rows + frame + 2)
