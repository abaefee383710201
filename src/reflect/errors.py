"""The two kinds of failure: known errors the user can fix, and bugs.

A :class:`ReflectError` carries a catalogue message and is caught at the edge (a dialog or status
line in the UI, one line and a non-zero exit in the CLI). Anything else is a bug and reaches the
single crash handler, which writes a log.
"""

from __future__ import annotations

from typing import Any

from reflect.messages import Msg


class ReflectError(Exception):
    """A failure with a message for the user; nothing was changed when it is raised."""

    def __init__(self, msg: Msg, **params: Any) -> None:
        self.msg = msg
        self.params = params
        super().__init__(self.text)

    @property
    def text(self) -> str:
        """The English message with its parameters filled in."""
        return self.msg.template.format(**self.params)


class NotFound(ReflectError):
    """An id that names nothing in this journal."""


class BadInput(ReflectError):
    """A file, argument or value that Reflect cannot use."""


class InvalidItem(BadInput):
    """One item of a larger import (a note in a folder) cannot be read; importing with
    ``skip_invalid`` leaves such items out and lists them instead of refusing the whole."""


class StorageError(ReflectError):
    """The journal database or its folder cannot be used right now."""


class Cancelled(Exception):
    """Long work stopped because the user asked; everything was rolled back."""
