"""The list of connections on Insights: a table of rows that takes Enter to edit the chosen row
and Delete (Backspace on a Mac keyboard) to delete it, and chooses its first row when Tab
brings the focus in, so the arrows have somewhere to start."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QTableWidget

_EDIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_DELETE_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
_KEYBOARD_FOCUS = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)


class ConnectionList(QTableWidget):
    edit_requested = Signal()
    delete_requested = Signal()

    def choose(self, row: int) -> None:
        """Make ``row`` the current, selected row (nothing, if there are no rows)."""
        if 0 <= row < self.rowCount():
            self.setCurrentCell(row, 0)
            self.selectRow(row)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        # Handled here rather than through ``activated``: Qt's own Enter opens an editor on
        # macOS and lets the key travel on to the window elsewhere.
        if plain and event.key() in _EDIT_KEYS and self.currentRow() >= 0:
            self.edit_requested.emit()
        elif plain and event.key() in _DELETE_KEYS and self.currentRow() >= 0:
            self.delete_requested.emit()
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() in _KEYBOARD_FOCUS and not self.selectionModel().hasSelection():
            self.choose(max(self.currentRow(), 0))
