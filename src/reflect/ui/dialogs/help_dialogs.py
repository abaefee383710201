"""Help ▸ Keyboard shortcuts and Help ▸ About."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from reflect import __version__


def show_shortcuts(parent: QWidget) -> None:
    tr = QCoreApplication.translate
    QMessageBox.information(parent, tr("Help", "Keyboard shortcuts"), tr("Help", SHORTCUTS_HELP))


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


SHORTCUTS_HELP = """Ctrl+N  New entry
Ctrl+S  Save the entry
Ctrl+Return  Done (keep the entry)
Ctrl+F or Ctrl+K  Search
Ctrl+O  Open a bundle from your trio
Ctrl+1 … Ctrl+9  The sidebar pages in order, Today to Search
Ctrl+,  Preferences
Ctrl+B / Ctrl+I / Ctrl+L  Bold, italic, link (in the editor)
Ctrl+Tab / Ctrl+Shift+Tab  Move focus out of the text
F1  This list
Ctrl+Q  Quit"""
