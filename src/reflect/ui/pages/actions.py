"""Actions: what to start, what to stop and what to continue, side by side and equally weighted.

The stop-list is first-class: stopping work is a commitment as real as starting it, so it gets
the same column, the same add row and the same follow-through as the other two.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reflect.app import App
from reflect.core.action import Action, ActionKind, ActionStatus
from reflect.errors import ReflectError
from reflect.ui.navigation import Navigator
from reflect.ui.pages.action_list import ActionDelegate, ActionListModel, shorten
from reflect.ui.texts import error_text
from reflect.ui.widgets import compact_combo, label, scrolling

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ColumnWords(NamedTuple):
    """What one column says, already translated."""

    title: str
    explain: str
    placeholder: str
    add: str
    name: str
    empty: str


class DueDateEdit(QDateEdit):
    """A date field that Tab leaves in one step instead of walking through its sections."""

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


class ActionColumn(QFrame):
    """One kind of action: a heading, an add row, the list, and what can be done to an item."""

    add_requested = Signal(str, object)  # text, due date text or None
    status_requested = Signal(str, object)  # action id, ActionStatus
    open_requested = Signal(str)  # entry id

    def __init__(self, kind: ActionKind, words: ColumnWords, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        self._buttons: list[QToolButton] = []
        self.setProperty("role", "card")
        self.setObjectName(f"actions-{kind}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(6)
        layout.addLayout(self._heading(words.title))
        explain = label(words.explain, "muted")
        # Two lines' room, so the add rows line up across the columns in a typical window.
        explain.setMinimumHeight(2 * explain.fontMetrics().lineSpacing())
        explain.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(explain)
        layout.addLayout(self._add_row(words))
        self.empty_note = label(words.empty, "muted")
        layout.addWidget(self.empty_note)
        layout.addWidget(self._list(words.name), 1)
        layout.addLayout(self._item_buttons())
        self._dim_disabled_buttons()

    # Building ----------------------------------------------------------------------------

    def _heading(self, title: str) -> QHBoxLayout:
        row = QHBoxLayout()
        self.title = label(title, "section", wrap=False)
        self.title.setStyleSheet("margin-top: 0;")
        self.count = label("", "muted", wrap=False)
        row.addWidget(self.title)
        row.addStretch(1)
        row.addWidget(self.count)
        return row

    def _add_row(self, words: ColumnWords) -> QVBoxLayout:
        self.add_field = QLineEdit()
        self.add_field.setPlaceholderText(words.placeholder)
        self.add_field.setAccessibleName(words.add)
        self.add_field.returnPressed.connect(self._on_add_clicked)
        self.due_edit = DueDateEdit()
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("ddd d MMM yyyy")
        self.due_edit.setSpecialValueText(self.tr("No due date"))
        self.due_edit.setAccessibleName(self.tr("Due date (optional)"))
        self.due_edit.setAccessibleDescription(
            self.tr("Up arrow picks a date from today; down to the start means no due date")
        )
        self.due_edit.installEventFilter(self)
        self.reset_add_row()
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setAccessibleName(words.add)
        self.add_button.clicked.connect(self._on_add_clicked)
        second = QHBoxLayout()
        second.addWidget(self.due_edit, 1)
        second.addWidget(self.add_button)
        rows = QVBoxLayout()
        rows.setSpacing(4)
        rows.addWidget(self.add_field)
        rows.addLayout(second)
        return rows

    def _list(self, name: str) -> QListView:
        self.model = ActionListModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(ActionDelegate(self.view))
        self.view.setAccessibleName(name)
        self.view.setAccessibleDescription(
            self.tr(
                "Space or Enter marks done or reopens; Delete drops; "
                "Ctrl+Enter opens the entry it came from"
            )
        )
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setWordWrap(True)
        self.view.setStyleSheet("QListView { background: transparent; }")
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.selectionModel().currentChanged.connect(self._on_current_changed)
        return self.view

    def _item_buttons(self) -> QHBoxLayout:
        self.done_action = self._item_action(
            self.tr("Mark done or reopen"), self._on_done_triggered, "Space", "Return", "Enter"
        )
        self.drop_action = self._item_action(
            self.tr("Drop"), self._on_drop_triggered, "Delete", "Backspace"
        )
        self.open_action = self._item_action(
            self.tr("Open the entry it came from"),
            self._on_open_triggered,
            "Ctrl+Return",
            "Ctrl+Enter",
        )
        self.open_action.setText(self.tr("Open entry"))
        row = QHBoxLayout()
        for action in (self.done_action, self.drop_action, self.open_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            # The list's own keys do the same, so Tab goes column to column and a click
            # leaves focus (and the place) in the list.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self._buttons.append(button)
            row.addWidget(button)
        row.addStretch(1)
        self._on_current_changed()
        return row

    def _item_action(self, tip: str, slot: Callable[[], None], *keys: str) -> QAction:
        action = QAction(tip, self.view)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        native = QKeySequence(keys[0]).toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({native})")
        action.triggered.connect(lambda _=False: slot())
        self.view.addAction(action)
        return action

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._dim_disabled_buttons()

    def _dim_disabled_buttons(self) -> None:
        # The app palette leaves disabled button text at full strength, so "Drop" on a finished
        # action would look usable; follow the current scheme's muted colour instead.
        disabled, role = QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText
        for button in self._buttons:
            palette = button.palette()
            muted = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
            if palette.color(disabled, role) != muted:
                palette.setColor(disabled, role, muted)
                button.setPalette(palette)

    # Showing -----------------------------------------------------------------------------

    def show_actions(self, actions: list[Action], questions: dict[str, str], today: date) -> None:
        current = self.current_action()
        row = self.view.currentIndex().row()
        self.model.set_actions(actions, questions, today)
        open_count = sum(1 for a in actions if a.status is ActionStatus.OPEN)
        self.count.setText(self.tr("{0} open").format(open_count) if open_count else "")
        self.empty_note.setVisible(open_count == 0)
        found = self.model.row_of(current.id) if current is not None else None
        if found is None and row >= 0 and self.model.rowCount():
            found = min(row, self.model.rowCount() - 1)
        if found is not None:
            self.view.setCurrentIndex(self.model.index(found))
        self._on_current_changed()

    def select(self, action_id: str) -> bool:
        row = self.model.row_of(action_id)
        if row is None:
            return False
        index = self.model.index(row)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def current_action(self) -> Action | None:
        return self.model.action_at(self.view.currentIndex().row())

    def reset_add_row(self) -> None:
        today = QDate.currentDate()
        # The day before today stands for "no due date", so Up from it lands on today.
        self.due_edit.setMinimumDate(today.addDays(-1))
        self.due_edit.setDate(today.addDays(-1))
        self.add_field.clear()

    def due_text(self) -> str | None:
        if self.due_edit.date() == self.due_edit.minimumDate():
            return None
        return str(self.due_edit.date().toString("yyyy-MM-dd"))

    # Slots -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.due_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER_KEYS
        ):
            self._on_add_clicked()
            return True
        return super().eventFilter(watched, event)

    def _on_add_clicked(self) -> None:
        self.add_requested.emit(self.add_field.text(), self.due_text())

    def _on_current_changed(self, *_: QModelIndex) -> None:
        action = self.current_action()
        is_open = action is not None and action.status is ActionStatus.OPEN
        self.done_action.setEnabled(action is not None)
        self.done_action.setText(
            self.tr("Mark done") if is_open or action is None else self.tr("Reopen")
        )
        self.drop_action.setEnabled(is_open)
        self.open_action.setEnabled(action is not None and action.entry_id is not None)

    def _on_done_triggered(self) -> None:
        action = self.current_action()
        if action is not None:
            done = action.status is ActionStatus.OPEN
            self.status_requested.emit(action.id, ActionStatus.DONE if done else ActionStatus.OPEN)

    def _on_drop_triggered(self) -> None:
        action = self.current_action()
        if action is not None and action.status is ActionStatus.OPEN:
            self.status_requested.emit(action.id, ActionStatus.DROPPED)

    def _on_open_triggered(self) -> None:
        action = self.current_action()
        if action is not None and action.entry_id is not None:
            self.open_requested.emit(action.entry_id)


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
