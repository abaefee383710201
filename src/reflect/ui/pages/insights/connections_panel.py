"""Insights' connections: how many people and organisations you reached in each sector, month
by month, and the private list itself with “Add connection…”, “Edit…” (or Enter, or a
double-click on a row) and “Delete” (or the Delete key), which asks first, naming it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from reflect.app import App
from reflect.core.connection import Connection, Sector, totals
from reflect.errors import ReflectError
from reflect.ui.navigation import Navigator
from reflect.ui.pages.insights.connection_dialog import ConnectionDialog, sector_label
from reflect.ui.pages.insights.connection_list import ConnectionList
from reflect.ui.texts import error_text
from reflect.ui.widgets.basics import card, label

LIST_LIMIT = 200  # the newest; the CLI's `reflect connection list` has them all
ID_ROLE = Qt.ItemDataRole.UserRole  # on each row's first cell: the connection it shows


class ConnectionsPanel(QWidget):
    def __init__(self, app: App, navigator: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._nav = navigator
        self.dialog: ConnectionDialog | None = None
        self.confirm: QMessageBox | None = None
        frame, inner = card()
        heading = QHBoxLayout()
        heading.addWidget(label(self.tr("Connections across the system"), "card-heading"), 1)
        self.add_button = QPushButton(self.tr("Add connection…"))
        self.add_button.setAccessibleName(self.tr("Add connection"))
        self.add_button.clicked.connect(lambda: self.open_dialog())
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
        self.list = ConnectionList()
        _set_up(self.list, [self.tr("Met"), self.tr("Name"), self.tr("Sector"), self.tr("Where")])
        self.list.setAccessibleName(self.tr("Your connections, most recent first"))
        self.list.setAccessibleDescription(
            self.tr("Enter edits the chosen connection; Delete deletes it, after asking")
        )
        self.list.edit_requested.connect(self.edit_chosen)
        self.list.delete_requested.connect(self.ask_delete)
        self.list.doubleClicked.connect(self.edit_chosen)
        self.list.itemSelectionChanged.connect(self._enable_buttons)
        inner.addWidget(self.list)
        inner.addWidget(self._list_buttons())
        self.empty = label(self.tr("No connections logged yet."), "muted")
        inner.addWidget(self.empty)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)

    def _list_buttons(self) -> QWidget:
        self.buttons = QWidget()
        row = QHBoxLayout(self.buttons)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setAccessibleName(self.tr("Edit the chosen connection"))
        self.edit_button.clicked.connect(self.edit_chosen)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setAccessibleName(self.tr("Delete the chosen connection"))
        self.delete_button.clicked.connect(self.ask_delete)
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        self._enable_buttons()
        return self.buttons

    def refresh(self) -> None:
        # The list is rebuilt on every change; the chosen connection stays chosen (or, once
        # deleted, the one now in its row), so keyboard work goes on where it was.
        chosen_id, chosen_row = self.chosen_id(), self.list.currentRow()
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
            self._add_row(self.list, _cells(connection), connection.id)
        for table in (self.counts, self.list):
            table.setVisible(bool(connections))
            _fit_columns(table)
            _fit_height(table)
        self.buttons.setVisible(bool(connections))
        self.empty.setVisible(not connections)
        if chosen_id is not None:
            self.list.choose(self._row_of(chosen_id, chosen_row))
        self._enable_buttons()

    def chosen_id(self) -> str | None:
        """The id of the connection in the chosen row, if a row is chosen."""
        row = self.list.currentRow()
        if row < 0 or not self.list.selectionModel().hasSelection():
            return None
        return self._id_at(row)

    def _id_at(self, row: int) -> str | None:
        item = self.list.item(row, 0)
        return str(item.data(ID_ROLE)) if item is not None else None

    def _row_of(self, connection_id: str, fallback: int) -> int:
        for row in range(self.list.rowCount()):
            if self._id_at(row) == connection_id:
                return row
        return min(fallback, self.list.rowCount() - 1)

    def _enable_buttons(self) -> None:
        chosen = self.chosen_id() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _chosen(self) -> Connection | None:
        chosen_id = self.chosen_id()
        if chosen_id is None:
            return None
        try:
            return self._app.connections.get(chosen_id)
        except ReflectError as exc:  # deleted meanwhile, by the CLI for instance
            self._nav.notify(error_text(exc))
            self.refresh()
            return None

    def open_dialog(self, connection: Connection | None = None) -> ConnectionDialog:
        """“Add connection…”, or with ``connection`` the same dialog filled in to edit it."""
        self.dialog = ConnectionDialog(self._app, self, connection)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.added.connect(lambda _: self._nav.notify(self.tr("Connection added.")))
        self.dialog.edited.connect(lambda _: self._nav.notify(self.tr("Connection saved.")))
        # Back to where the keys were: the list to edit from, or the button to add from.
        back = self.list if connection is not None else self.add_button
        self.dialog.finished.connect(lambda _: back.setFocus())
        self.dialog.finished.connect(self.dialog.deleteLater)
        self.dialog.open()
        return self.dialog

    def edit_chosen(self) -> None:
        connection = self._chosen()
        if connection is not None:
            self.open_dialog(connection)

    def ask_delete(self) -> None:
        """Ask, naming the connection, before deleting it for good: nothing else on this page
        offers an undo."""
        connection = self._chosen()
        if connection is None:
            return
        self.confirm = box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Delete connection?"))
        box.setText(
            self.tr("Delete “{0}”? It leaves your list and the counts by sector for good.").format(
                connection.name
            )
        )
        yes = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(yes)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _: self._answered(connection, box.clickedButton() is yes))
        box.finished.connect(box.deleteLater)
        box.open()

    def _answered(self, connection: Connection, delete: bool) -> None:
        self.confirm = None
        if delete:
            try:
                self._app.connections.delete(connection.id)  # the page refreshes from the feed
            except ReflectError as exc:
                self._nav.notify(error_text(exc))
                return
            self._nav.notify(self.tr("Deleted “{0}”.").format(connection.name))
        (self.list if self.list.rowCount() else self.add_button).setFocus()

    def table_cells(self, table: QTableWidget) -> list[list[str]]:
        """What a table shows, row by row (for tests and screen readers' checks)."""
        return [
            [(table.item(r, c) or QTableWidgetItem()).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())
        ]

    @staticmethod
    def _add_row(table: QTableWidget, cells: list[str], row_id: str | None = None) -> None:
        row = table.rowCount()
        table.insertRow(row)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column == 0 and row_id is not None:
                item.setData(ID_ROLE, row_id)
            table.setItem(row, column, item)


def _cells(connection: Connection) -> list[str]:
    return [connection.met, connection.name, sector_label(connection.sector), connection.where]


def _table(headers: list[str]) -> QTableWidget:
    return _set_up(QTableWidget(), headers)


def _set_up(table: QTableWidget, headers: list[str]) -> QTableWidget:
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
    table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fit_columns(table: QTableWidget) -> None:
    """Every column but the last as wide as its contents; the last fills the rest. Sizing the
    last to its contents too would undo its stretch until the table is next resized, so a
    change made while the page is shown left a narrow last column and a blank band."""
    for column in range(table.columnCount() - 1):
        table.resizeColumnToContents(column)


def _fit_height(table: QTableWidget) -> None:
    """Show up to twelve rows without an inner scroll bar; the page itself scrolls."""
    shown = min(table.rowCount(), 12)
    rows = sum(table.rowHeight(r) for r in range(shown))
    frame = 2 * table.frameWidth()
    table.setFixedHeight(table.horizontalHeader().sizeHint().height() + rows + frame + 2)
