"""A question before something is deleted for good, asked without a nested event loop (the box
is opened, not exec'd), so it can be answered by keyboard, by mouse, and by tests alike."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget


def ask_to_delete(
    parent: QWidget, title: str, text: str, detail: str, on_yes: Callable[[], None]
) -> QMessageBox:
    """Open the question; ``on_yes`` runs only when Delete is chosen. No is the default, so
    a stray Enter deletes nothing. The caller keeps the box while it is open."""
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    box.setInformativeText(detail)
    yes = box.addButton(QMessageBox.StandardButton.Yes)
    yes.setText(QCoreApplication.translate("ConfirmDelete", "Delete"))
    no = box.addButton(QMessageBox.StandardButton.No)
    no.setText(QCoreApplication.translate("ConfirmDelete", "Keep"))
    box.setDefaultButton(no)
    box.setEscapeButton(no)

    def clicked(button: QAbstractButton) -> None:
        if button is yes:
            on_yes()

    box.buttonClicked.connect(clicked)
    box.finished.connect(box.deleteLater)
    box.open()
    return box
