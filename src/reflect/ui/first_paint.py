"""Quit once the window has painted: how start-up is timed and how a built bundle is
smoke-tested (``reflect --quit-after-paint``), with no timers or sleeps."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class QuitAfterPaint(QObject):
    """Watches one widget; after its first paint, asks the event loop to end."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.painted = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            # Quit after this paint has finished, not in the middle of it.
            QTimer.singleShot(0, QCoreApplication.quit)
        return False
