"""The shell: what flows and dialogs need from the main window, as a protocol.

Flows (open a file, share, receive, install a pack, the File menu's long work) are typed
against this rather than the window class, so the window can import them without a cycle and
tests can drive a flow with a small fake shell.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from reflect.ui.navigation import Navigator

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from reflect.app import App
    from reflect.formats.progress import Progress
    from reflect.ui.tasks import BackgroundTask


class Shell(Navigator, Protocol):
    @property
    def app(self) -> App:
        """The journal's services."""
        ...

    def widget(self) -> QWidget:
        """The window, as the parent of dialogs and message boxes."""
        ...

    def bring_forward(self) -> None:
        """Show the window and raise it above others (a file was opened from outside)."""
        ...

    def autosave_now(self) -> None:
        """Save what is in the editor as a draft, before work that replaces the journal."""
        ...

    def run_task(
        self, label: str, work: Callable[[Progress], Any], on_success: Callable[[Any], None]
    ) -> BackgroundTask:
        """Run ``work`` off the UI thread with progress and cancel; ``on_success`` after."""
        ...
