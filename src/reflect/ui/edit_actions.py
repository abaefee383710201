"""What the Edit menu's Undo, Redo, Cut, Copy, Paste and Select all do: act on the text field
that has focus, whatever page it is on.

The rule for Undo: it undoes typing in a focused text field; anywhere else it brings back the
entry last moved to the trash (which also has its own menu item)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

TextField = QLineEdit | QPlainTextEdit | QTextEdit
# These change the text, so a read-only field (a preview, a received entry) has none of them.
_CHANGES = {"undo", "redo", "cut", "paste"}


def focused_text_field() -> TextField | None:
    widget: QWidget | None = QApplication.focusWidget()
    return widget if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)) else None


def act_on_focus(name: str) -> bool:
    """Call ``name`` (``"copy"``, ``"paste"``…) on the focused text field; False if none can."""
    field = focused_text_field()
    if field is None or (name in _CHANGES and field.isReadOnly()):
        return False
    getattr(field, name)()
    return True


def undo_or(fallback: Callable[[], None]) -> None:
    """Undo typing in the focused text field, or else call ``fallback``."""
    if not act_on_focus("undo"):
        fallback()
