"""The writing surface: plain Markdown text with a few formatting helpers and a focus escape.

Tab indents (Markdown lists need it); Ctrl+Tab and Ctrl+Shift+Tab move focus out, so the
editor is never a keyboard trap. The context menu (right-click, the Menu key or Shift+F10)
starts with spelling corrections when spell checking is attached (ui/editor/spelling.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QFont, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QToolBar, QWidget

if TYPE_CHECKING:
    from reflect.ui.editor.spelling import SpellChecking


class MarkdownEdit(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spelling: SpellChecking | None = None  # set by ui.editor.spelling.check_spelling
        self.setTabChangesFocus(False)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.setFont(font)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(14)

    def event(self, event: QEvent) -> bool:
        # Qt's text edits take Ctrl+Tab before keyPressEvent sees it, so catch it here.
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if ctrl and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                # QPlainTextEdit's own override refuses while Tab types; QWidget's moves focus.
                QWidget.focusNextPrevChild(self, event.key() == Qt.Key.Key_Tab)
                return True
        return super().event(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def context_menu(self, pos: QPoint) -> QMenu:
        """The menu for a right-click at ``pos`` (viewport coordinates): spelling first."""
        menu = self.createStandardContextMenu(pos)
        if self.spelling is not None:
            self.spelling.add_to_menu(menu, self.cursorForPosition(pos))
        return menu

    def wrap_selection(self, marker: str, placeholder: str) -> None:
        """Surround the selection (or a placeholder word) with ``marker``, e.g. ``**``."""
        cursor = self.textCursor()
        text = cursor.selectedText() or placeholder
        cursor.insertText(f"{marker}{text}{marker}")
        if not cursor.hasSelection():
            cursor.movePosition(QTextCursor.MoveOperation.Left, n=len(marker))
            cursor.movePosition(
                QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, len(text)
            )
        self.setTextCursor(cursor)
        self.setFocus()

    def prefix_lines(self, prefix: str) -> None:
        """Start each selected line (or the current one) with ``prefix``, e.g. ``- ``."""
        cursor = self.textCursor()
        start, end = sorted((cursor.selectionStart(), cursor.selectionEnd()))
        cursor.setPosition(start)
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        cursor.beginEditBlock()
        while True:
            cursor.insertText(prefix)
            end += len(prefix)
            if not cursor.movePosition(QTextCursor.MoveOperation.NextBlock):
                break
            if cursor.position() > end:
                break
        cursor.endEditBlock()
        self.setFocus()

    def insert_link(self) -> None:
        cursor = self.textCursor()
        label = cursor.selectedText() or self.tr("link text")
        cursor.insertText(f"[{label}](https://)")
        cursor.movePosition(QTextCursor.MoveOperation.Left)
        self.setTextCursor(cursor)
        self.setFocus()


def formatting_toolbar(
    edit: MarkdownEdit, parent: QWidget, target: Callable[[], MarkdownEdit] | None = None
) -> QToolBar:
    """Bold, italic, heading, list, quote and link for ``edit`` (or for whichever area
    ``target`` names at the time); the shortcuts work while focus is anywhere in ``parent``."""
    tr = parent.tr
    at = target or (lambda: edit)
    bar = QToolBar(tr("Formatting"))
    bar.setAccessibleName(tr("Formatting"))
    actions = (
        (tr("Bold"), "Ctrl+B", lambda: at().wrap_selection("**", tr("bold"))),
        (tr("Italic"), "Ctrl+I", lambda: at().wrap_selection("*", tr("text"))),
        (tr("Heading"), "", lambda: at().prefix_lines("## ")),
        (tr("List"), "", lambda: at().prefix_lines("- ")),
        (tr("Quote"), "", lambda: at().prefix_lines("> ")),
        (tr("Link"), "Ctrl+L", lambda: at().insert_link()),
    )
    for label, shortcut, slot in actions:
        action = QAction(label, parent)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{label} ({shortcut})")
        action.triggered.connect(slot)
        bar.addAction(action)
        # On the editor too: a widget-with-children shortcut counts only inside the widgets
        # its action is on, and focus is in the text, not on the toolbar.
        parent.addAction(action)
    return bar
