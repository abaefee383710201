"""Actions: what to start, what to stop and what to continue, side by side and equally weighted.

The stop-list is first-class: stopping work is a commitment as real as starting it, so it gets
the same column, the same add row and the same follow-through as the other two.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from reflect.app import App
from reflect.core.action import Action, ActionKind, ActionStatus
from reflect.core.entry import shorten
from reflect.errors import ReflectError
from reflect.ui.navigation import Navigator
from reflect.ui.pages.actions.action_column import ActionColumn, ColumnWords
from reflect.ui.texts import error_text
from reflect.ui.widgets.basics import compact_combo, label, scrolling


class ActionsPage(QWidget):
    def __init__(self, app: App, navigator: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._nav = navigator
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(label(self.tr("Actions"), "title"))
        layout.addWidget(
            label(
                self.tr(
                    "What you will start, what you will stop and what you will keep doing. "
                    "Stopping something is as real a commitment as starting something."
                ),
                "muted",
            )
        )
        layout.addLayout(self._options())
        self.columns = {kind: self._column(kind) for kind in ActionKind}
        row = QHBoxLayout()
        row.setSpacing(12)
        for column in self.columns.values():
            row.addWidget(column, 1)
        layout.addLayout(row, 1)
        # Three columns need room; in a narrow window scroll rather than squeeze the sidebar.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(content))
        self.refresh()

    def _options(self) -> QHBoxLayout:
        self.link = compact_combo(24)
        self.link.setAccessibleName(self.tr("Link new actions to an inquiry"))
        self.link_label = QLabel(self.tr("Link new actions to"))
        self.link_label.setBuddy(self.link)
        self.show_finished = QCheckBox(self.tr("Show finished"))
        self.show_finished.setAccessibleDescription(
            self.tr("Also list actions that are done or dropped, so they can be reopened")
        )
        self.show_finished.toggled.connect(self.refresh)
        row = QHBoxLayout()
        row.addWidget(self.link_label)
        row.addWidget(self.link)
        row.addStretch(1)
        row.addWidget(self.show_finished)
        return row

    def _column(self, kind: ActionKind) -> ActionColumn:
        column = ActionColumn(kind, self._words(kind))
        column.add_requested.connect(
            lambda text, due, c=column: self._on_column_add_requested(c, text, due)
        )
        column.status_requested.connect(self._on_column_status_requested)
        column.open_requested.connect(self._nav.open_entry)
        return column

    def _words(self, kind: ActionKind) -> ColumnWords:
        tr = self.tr
        words = {
            ActionKind.START: (
                tr("Start"),
                tr("New things you will try, to move your inquiry on."),
                tr("Something to start…"),
                tr("Add something to start"),
                tr("Things to start"),
                tr("Nothing to start yet."),
            ),
            ActionKind.STOP: (
                tr("Stop"),
                tr("Things you are choosing to stop, so there is room for what matters."),
                tr("Something to stop…"),
                tr("Add something to stop"),
                tr("Things to stop"),
                tr("Nothing on your stop-list yet. What could you stop to make room?"),
            ),
            ActionKind.CONTINUE: (
                tr("Continue"),
                tr("What is already working and worth protecting."),
                tr("Something to keep doing…"),
                tr("Add something to continue"),
                tr("Things to continue"),
                tr("Nothing here yet. What is working that you want to keep?"),
            ),
        }
        return ColumnWords(*words[kind])

    # Showing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self._fill_link()
        questions = {i.id: i.question for i in self._app.inquiries.all()}
        today = date.today()
        for kind, column in self.columns.items():
            column.show_actions(self._listed(kind), questions, today)

    def _listed(self, kind: ActionKind) -> list[Action]:
        """Open ones in due order (the service's order), then finished ones, latest first."""
        actions = self._app.actions.find(kind=kind)
        listed = [a for a in actions if a.status is ActionStatus.OPEN]
        if self.show_finished.isChecked():
            finished = [a for a in actions if a.status is not ActionStatus.OPEN]
            listed += sorted(finished, key=lambda a: a.updated, reverse=True)
        return listed

    def _fill_link(self) -> None:
        active = self._app.inquiries.active()
        chosen = self.link.currentData() if self.link.count() else None
        self.link.blockSignals(True)
        self.link.clear()
        self.link.addItem(self.tr("No inquiry"), None)
        for inquiry in active:
            self.link.addItem(shorten(inquiry.question, 48), inquiry.id)
            self.link.setItemData(
                self.link.count() - 1, inquiry.question, Qt.ItemDataRole.ToolTipRole
            )
        index = self.link.findData(chosen) if chosen else -1
        if index < 0:
            index = 1 if len(active) == 1 else 0
        self.link.setCurrentIndex(index)
        self.link.blockSignals(False)
        self.link.setVisible(bool(active))
        self.link_label.setVisible(bool(active))

    def select(self, item_id: str) -> None:
        try:
            action = self._app.actions.get(item_id)
        except ReflectError as exc:
            self._nav.notify(error_text(exc))
            return
        if action.status is not ActionStatus.OPEN and not self.show_finished.isChecked():
            self.show_finished.setChecked(True)
        column = self.columns[action.kind]
        if column.select(action.id):
            column.view.setFocus()

    # Slots -------------------------------------------------------------------------------

    def _on_column_add_requested(self, column: ActionColumn, text: str, due: str | None) -> None:
        try:
            action = self._app.actions.add(
                text, column.kind, due=due, inquiry_id=self.link.currentData()
            )
        except ReflectError as exc:
            self._nav.notify(error_text(exc))
            return
        column.reset_add_row()
        self.refresh()
        column.select(action.id)

    def _on_column_status_requested(self, action_id: str, status: ActionStatus) -> None:
        try:
            action = self._app.actions.set_status(action_id, status)
        except ReflectError as exc:
            self._nav.notify(error_text(exc))
            return
        self.refresh()
        self._nav.notify(self._status_message(action))

    def _status_message(self, action: Action) -> str:
        text = shorten(action.text, 40)
        if action.status is ActionStatus.OPEN:
            return self.tr("Reopened “{0}”.").format(text)
        if action.status is ActionStatus.DONE:
            return self.tr("Marked “{0}” done. Show finished lists it again.").format(text)
        return self.tr("Dropped “{0}”. Show finished lists it again.").format(text)
