"""Carries the services' "what changed" announcements to the UI thread as a Qt signal."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from reflect.services.changes import Change, ChangeFeed


class ChangeRelay(QObject):
    # Emitted on the UI thread even when a background task made the change.
    changed = Signal(object)

    def __init__(self, feed: ChangeFeed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._feed = feed
        feed.subscribe(self._on_change)

    def _on_change(self, change: Change) -> None:
        self.changed.emit(change)

    def detach(self) -> None:
        self._feed.unsubscribe(self._on_change)
