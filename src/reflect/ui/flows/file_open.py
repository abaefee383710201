"""Files handed to Reflect to open: a ``.reflect`` bundle or a ``.reflectpack``.

They arrive on the command line (how Linux and Windows file associations start the app) or,
on macOS, as a file-open event, also while Reflect is already running.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtGui import QFileOpenEvent

from reflect.ui.flows.install_pack import install_pack_file, pack_paths
from reflect.ui.flows.receive import bundle_paths, dropped_paths, receive_file
from reflect.ui.read_only import refuse_read_only

if TYPE_CHECKING:
    from reflect.ui.shell import Shell


def openable(paths: list[Path]) -> list[Path]:
    """The bundles and packs among ``paths`` (dropped on the window, say)."""
    return [p for p in paths if pack_paths([p]) or bundle_paths([p])]


def open_file(window: Shell, path: Path) -> None:
    """Install a pack or receive a bundle; other files are not Reflect's to open."""
    if pack_paths([path]):
        install_pack_file(window, path)
    elif bundle_paths([path]):
        receive_file(window, path)


def open_dropped(window: Shell, mime: QMimeData) -> None:
    """Open every bundle and pack dropped on the window; other files are passed over."""
    if refuse_read_only(window):
        return
    for path in openable(dropped_paths(mime)):
        open_file(window, path)


class FileOpenEvents(QObject):
    """Installed on the application: opens what the system asks Reflect to open."""

    def __init__(self, window: Callable[[], Shell | None], parent: QObject) -> None:
        super().__init__(parent)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        window = self._window()
        if window is None or not event.file():
            return False
        window.bring_forward()
        open_file(window, Path(event.file()))
        return True
