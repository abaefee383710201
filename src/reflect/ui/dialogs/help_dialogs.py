"""Help ▸ Keyboard shortcuts and Help ▸ About."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reflect import __version__
from reflect.ui.navigation import PAGES, page_shortcut
from reflect.ui.page_stack import page_name


def show_shortcuts(parent: QWidget) -> None:
    """The list in a dialog whose text scrolls, so Close stays on a small or scaled screen
    (a message box grows to the length of its text)."""
    tr = QCoreApplication.translate
    dialog = QDialog(parent)
    dialog.setWindowTitle(tr("Help", "Keyboard shortcuts"))
    text = QPlainTextEdit(shortcuts_text())
    text.setReadOnly(True)
    text.setAccessibleName(tr("Help", "Keyboard shortcuts"))
    lines = shortcuts_text().count("\n") + 2
    text.setMinimumWidth(text.fontMetrics().horizontalAdvance("M" * 36))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text, 1)
    layout.addWidget(buttons)
    dialog.resize(dialog.sizeHint().width(), text.fontMetrics().lineSpacing() * lines + 80)
    dialog.exec()
    dialog.deleteLater()


def show_about(parent: QWidget, data_dir: Path) -> None:
    tr = QCoreApplication.translate
    QMessageBox.about(
        parent,
        tr("Help", "About Reflect"),
        tr(
            "Help",
            "Reflect {0}\nA private journal for leaders of improvement.\nYour journal: {1}",
        ).format(__version__, data_dir),
    )


SHORTCUTS_BEFORE = """Ctrl+N  New entry
Ctrl+S  Save the entry
Ctrl+Return  Done (keep the entry)
Ctrl+K  Search (and Ctrl+F outside the editor)
Ctrl+F  Find and replace in the entry (in the editor)
Ctrl+Shift+P  Show or hide the preview (in the editor)
Ctrl+O  Open a bundle from your trio
Ctrl+P  Print an entry, some days or an inquiry"""

SHORTCUTS_AFTER = """Ctrl+,  Preferences
Ctrl+Shift+L  Lock the window until unlocked
Ctrl+B / Ctrl+I / Ctrl+L  Bold, italic, link (in the editor)
Ctrl+Tab / Ctrl+Shift+Tab  Move focus out of the text
F1  This list
Ctrl+Q  Quit"""


def shortcuts_text() -> str:
    """Every shortcut, with one line per sidebar page made from the table of pages."""
    tr = QCoreApplication.translate
    pages = [
        f"{page_shortcut(n)}  {page_name(row.id)}"
        for n, row in enumerate(PAGES)
        if page_shortcut(n)
    ]
    return "\n".join([tr("Help", SHORTCUTS_BEFORE), *pages, tr("Help", SHORTCUTS_AFTER)])
