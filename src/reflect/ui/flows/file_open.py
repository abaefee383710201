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

from reflect.exchange.file_types import BUNDLE, PACK, SUFFIXES
from reflect.ui.read_only import refuse_read_only

if TYPE_CHECKING:
    from reflect.ui.shell import Shell


# Installing and receiving load the pack and bundle readers and their services: imported when
# a file comes, not with the window (start-up time, docs/benchmarks.md).


def openable(paths: list[Path]) -> list[Path]:
    """The bundles and packs among ``paths`` (dropped on the window, say)."""
    return [p for p in paths if p.suffix.lower() in SUFFIXES]


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files dropped on the window."""
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def open_file(window: Shell, path: Path) -> None:
    """Install a pack or receive a bundle; other files are not Reflect's to open."""
    if path.suffix.lower() == PACK.suffix:
        from reflect.ui.flows.install_pack import install_pack_file

        install_pack_file(window, path)
    elif path.suffix.lower() == BUNDLE.suffix:
        from reflect.ui.flows.receive import receive_file

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
        # Every event of every object passes here: the class test alone, as the cheapest
        # (reading event.type() makes a Python enum for each event).
        if not isinstance(event, QFileOpenEvent):
            return False
        window = self._window()
        if window is None or not event.file():
            return False
        window.bring_forward()
        open_file(window, Path(event.file()))
        return True
