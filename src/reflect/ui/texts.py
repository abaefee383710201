"""User-facing text that comes from outside the UI, passed through Qt's translation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reflect.errors import ReflectError


def error_text(error: ReflectError) -> str:
    """The catalogue message for ``error``, translated, with its details filled in."""
    template = QCoreApplication.translate("Messages", error.msg.template)
    return template.format(**error.params)
