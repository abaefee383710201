"""Find and replace within the entry being written: its free text and every prompt's answer.

Ctrl+F opens the bar with the selected words (or the last term); Enter finds the next match,
Shift+Enter the one before, Esc closes the bar and puts focus back in the text. Replace all
is one undo step in each text area it changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPalette, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QToolButton,
    QWidget,
)


class Match(NamedTuple):
    area: int  # which text area, in reading order
    start: int
    end: int


class FindBar(QWidget):
    shown_match = Signal(QPlainTextEdit)  # scroll it into view

    def __init__(
        self, areas: Callable[[], list[QPlainTextEdit]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._areas = areas
        self._at: Match | None = None
        self._return_to: QWidget | None = None
        self.field = QLineEdit(placeholderText=self.tr("Find in this entry"))
        self.field.setAccessibleName(self.tr("Find"))
        self.field.setClearButtonEnabled(True)
        self.field.textEdited.connect(self._on_term_edited)
        self.field.installEventFilter(self)
        self.count = QLabel()
        self.count.setProperty("role", "muted")
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance("0000 of 0000"))
        self.previous = QPushButton(self.tr("Previous"))
        self.previous.setToolTip(self.tr("Previous match (Shift+Enter)"))
        self.previous.clicked.connect(self.find_previous)
        self.next = QPushButton(self.tr("Next"))
        self.next.setToolTip(self.tr("Next match (Enter)"))
        self.next.clicked.connect(self.find_next)
        self.replacement = QLineEdit(placeholderText=self.tr("Replace with"))
        self.replacement.setAccessibleName(self.tr("Replace with"))
        self.replacement.returnPressed.connect(self.replace)
        self.replace_button = QPushButton(self.tr("Replace"))
        self.replace_button.clicked.connect(self.replace)
        self.replace_all_button = QPushButton(self.tr("Replace all"))
        self.replace_all_button.clicked.connect(self.replace_all)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAccessibleName(self.tr("Close find (Esc)"))
        self.close_button.setToolTip(self.close_button.accessibleName())
        self.close_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.close_button.clicked.connect(self.close_bar)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in (
            (self.field, 2),
            (self.count, 0),
            (self.previous, 0),
            (self.next, 0),
            (self.replacement, 1),
            (self.replace_button, 0),
            (self.replace_all_button, 0),
            (self.close_button, 0),
        ):
            row.addWidget(widget, stretch)
        self.hide()

    # Opening and closing -----------------------------------------------------------------

    def open_bar(self) -> None:
        """Show the bar, starting from the selected words in the focused area, if any."""
        focused = QApplication.focusWidget()
        if focused is not None and not self.isAncestorOf(focused):
            self._return_to = focused
        if isinstance(focused, QPlainTextEdit) and focused in self._areas():
            selected = focused.textCursor().selectedText()
            if selected and "\u2029" not in selected:  # one line of words, not paragraphs
                self.field.setText(selected)
                start = focused.textCursor().selectionStart()
                self._at = Match(self._areas().index(focused), start, start + len(selected))
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self._show_count()

    def close_bar(self) -> None:
        self.hide()
        self._mark([])
        areas = self._areas()
        found: QWidget | None = None
        if self._at is not None and self._at.area < len(areas):
            found = areas[self._at.area]
        target = found or self._return_to
        if target is not None and target.isVisible():
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        self._at = None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.field
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.find_previous()
            else:
                self.find_next()
            return True
        return super().eventFilter(watched, event)

    # Finding -----------------------------------------------------------------------------

    def matches(self) -> list[Match]:
        term = self.field.text()
        found: list[Match] = []
        if not term:
            return found
        for n, area in enumerate(self._areas()):
            document = area.document()
            cursor = document.find(term, 0)
            while not cursor.isNull():
                found.append(Match(n, cursor.selectionStart(), cursor.selectionEnd()))
                cursor = document.find(term, cursor.selectionEnd())
        return found

    def find_next(self) -> None:
        self._step(forward=True)

    def find_previous(self) -> None:
        self._step(forward=False)

    def _on_term_edited(self) -> None:
        # Finding as you type starts again from the match before, so it stays put if it fits.
        at = self._at
        self._at = Match(at.area, at.start - 1, at.start) if at else None
        self._step(forward=True)

    def _step(self, *, forward: bool) -> None:
        found = self.matches()
        if not found:
            self._at = None
            self._show_count()
            return
        key = (self._at.area, self._at.start) if self._at else None
        if forward:
            later = [m for m in found if key is None or (m.area, m.start) > key]
            self._at = later[0] if later else found[0]
        else:
            earlier = [m for m in found if key is not None and (m.area, m.start) < key]
            self._at = earlier[-1] if earlier else found[-1]
        self._select(self._at)
        self._show_count(found)

    def _select(self, match: Match) -> None:
        areas = self._areas()
        for other in areas:  # one match shown at a time, across all the areas
            if other.textCursor().hasSelection():
                cursor = other.textCursor()
                cursor.clearSelection()
                other.setTextCursor(cursor)
        area = areas[match.area]
        cursor = area.textCursor()
        cursor.setPosition(match.start)
        cursor.setPosition(match.end, QTextCursor.MoveMode.KeepAnchor)
        area.setTextCursor(cursor)
        self.shown_match.emit(area)

    def _mark(self, found: list[Match]) -> None:
        """Tint every match (the current one is the selection), in the theme's own colour."""
        areas = self._areas()
        tint = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        tint.setAlpha(70)
        for n, area in enumerate(areas):
            marks = []
            for match in (m for m in found if m.area == n):
                cursor = QTextCursor(area.document())
                cursor.setPosition(match.start)
                cursor.setPosition(match.end, QTextCursor.MoveMode.KeepAnchor)
                mark = QTextEdit.ExtraSelection()
                mark.cursor = cursor  # type: ignore[attr-defined]
                mark.format.setBackground(tint)  # type: ignore[attr-defined]
                marks.append(mark)
            area.setExtraSelections(marks)

    def _show_count(self, found: list[Match] | None = None) -> None:
        found = self.matches() if found is None else found
        self._mark(found if self.isVisible() else [])
        if not self.field.text():
            self.count.setText("")
        elif not found:
            self.count.setText(self.tr("No matches"))
        elif self._at in found:
            self.count.setText(
                self.tr("{0} of %n match(es)", "", len(found)).format(found.index(self._at) + 1)
            )
        else:
            self.count.setText(self.tr("%n match(es)", "", len(found)))

    # Replacing ---------------------------------------------------------------------------

    def replace(self) -> None:
        """Replace the match shown, then show the next one."""
        if self._at is not None and self._at in self.matches():
            area = self._areas()[self._at.area]
            cursor = area.textCursor()
            cursor.setPosition(self._at.start)
            cursor.setPosition(self._at.end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(self.replacement.text())
            self._at = Match(self._at.area, cursor.position() - 1, cursor.position())
        self.find_next()

    def replace_all(self) -> int:
        """Replace every match; each text area changed takes one Ctrl+Z to restore."""
        term, text, replaced = self.field.text(), self.replacement.text(), 0
        if not term:
            return 0
        for area in self._areas():
            document = area.document()
            found = document.find(term, 0)
            if found.isNull():
                continue
            edit = QTextCursor(document)
            edit.beginEditBlock()
            while not found.isNull():
                edit.setPosition(found.selectionStart())
                edit.setPosition(found.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
                edit.insertText(text)
                replaced += 1
                found = document.find(term, edit.position())
            edit.endEditBlock()
        self._at = None
        self.count.setText(self.tr("Replaced %n match(es)", "", replaced))
        return replaced
