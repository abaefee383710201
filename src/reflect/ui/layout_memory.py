"""The window's remembered layout: its size and place, the sidebar's width, the last page."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from reflect.ui.navigation import PageId
from reflect.ui.screen_fit import fit_to_screen

DEFAULT_SIZE = (1100, 720)
SIDEBAR_WIDTH = 200


class LayoutMemory:
    """Reads and writes the layout in the window's settings file."""

    def __init__(self, settings: QSettings, window: QMainWindow, splitter: QSplitter) -> None:
        self._settings = settings
        self._window = window
        self._splitter = splitter

    def restore_geometry(self) -> None:
        geometry = self._settings.value("geometry")
        if geometry is None or not self._window.restoreGeometry(geometry):
            self._window.resize(*DEFAULT_SIZE)
        # The default, or a size remembered on a larger screen or at a smaller scale, may not
        # fit the screen it opens on now.
        fit_to_screen(self._window)

    def last_page(self) -> PageId:
        last = str(self._settings.value("page", PageId.TODAY.value))
        return PageId(last) if last in PageId.__members__.values() else PageId.TODAY

    def restore_splitter(self) -> None:
        """Call once the window is shown: splitter sizes only stick at the real size."""
        state = self._settings.value("splitter")
        if state is None or not self._splitter.restoreState(state):
            width = self._window.width()
            self._splitter.setSizes([SIDEBAR_WIDTH, max(width - SIDEBAR_WIDTH, 400)])

    def save(self, page: PageId) -> None:
        self._settings.setValue("geometry", self._window.saveGeometry())
        self._settings.setValue("splitter", self._splitter.saveState())
        self._settings.setValue("page", page.value)
        self._settings.sync()
