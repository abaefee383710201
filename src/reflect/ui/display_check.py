"""Whether the window can open here, asked before Qt starts.

Qt aborts the whole process, with a message about platform plugins, when it finds no display or
when its X11 plugin cannot load (since Qt 6.5 it needs libxcb-cursor, which desktops often lack).
So the command line asks first and says in one line what is missing. This module imports no Qt.
"""

from __future__ import annotations

import ctypes.util
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from reflect.messages import Msg

# Platforms that draw without a display server: tests, screenshots, a framebuffer, VNC.
NO_DISPLAY_NEEDED = ("offscreen", "minimal", "minimalegl", "linuxfb", "eglfs", "vnc", "vkkhr")
LIBRARY = "xcb-cursor"  # what Qt's xcb plugin needs and a desktop most often lacks

LibraryFinder = Callable[[str], "str | None"]


def missing_display(
    env: Mapping[str, str],
    platform: str,
    find_library: LibraryFinder = ctypes.util.find_library,
    bundle_dir: Path | None = None,
) -> Msg | None:
    """Why the window cannot open with this environment on this ``sys.platform``, or None.

    Only Linux (and other X11/Wayland systems) is checked; Windows and macOS always have one.
    ``bundle_dir`` is where an installed bundle keeps its own libraries (found when frozen)."""
    if platform.startswith(("win", "darwin", "cygwin")):
        return None
    wanted = [name.split(":")[0].strip() for name in env.get("QT_QPA_PLATFORM", "").split(";")]
    wanted = [name for name in wanted if name]
    if any(name.startswith(NO_DISPLAY_NEEDED) for name in wanted):
        return None
    wayland = bool(env.get("WAYLAND_DISPLAY")) and (
        not wanted or any(name.startswith("wayland") for name in wanted)
    )
    if wayland:
        return None
    x11 = bool(env.get("DISPLAY")) and (not wanted or "xcb" in wanted)
    if not x11:
        return Msg.NO_DISPLAY
    if find_library(LIBRARY) is None and not carried(bundle_dir or frozen_dir()):
        return Msg.WINDOW_LIBRARIES_MISSING
    return None


def frozen_dir() -> Path | None:
    """Where an installed bundle keeps its libraries (PyInstaller's folder), else None."""
    folder = getattr(sys, "_MEIPASS", None)
    return Path(folder) if folder else None


def carried(folder: Path | None) -> bool:
    """The bundle brings its own libxcb-cursor, beside the executable's other libraries."""
    return folder is not None and any(folder.glob(f"lib{LIBRARY}.so*"))
