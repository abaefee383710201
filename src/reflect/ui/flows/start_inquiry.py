"""Starting a first inquiry from the Today page: ask for the question, then show it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog

from reflect.errors import ReflectError
from reflect.ui.texts import error_text

if TYPE_CHECKING:
    from reflect.ui.shell import Shell


def start_inquiry(window: Shell) -> None:
    tr = QCoreApplication.translate
    question, ok = QInputDialog.getMultiLineText(
        window.widget(),
        tr("Inquiry", "Your inquiry question"),
        tr("Inquiry", "What question will you hold through the programme?"),
    )
    if not ok or not question.strip():
        return
    try:
        inquiry = window.app.inquiries.add(question)
    except ReflectError as exc:
        window.notify(error_text(exc))
        return
    window.show_inquiry(inquiry.id)
