"""One column of the Actions page: a heading, an add row and the list of its actions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reflect.core.action import Action, ActionKind, ActionStatus
from reflect.ui.pages.actions.action_list import ActionDelegate, ActionListModel
from reflect.ui.widgets.basics import label

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
        self.title = label(title, "card-heading", wrap=False)
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
        self.view.setProperty("role", "action-list")
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
