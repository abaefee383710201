"""What the PyInstaller bundle leaves out: Qt modules, plugins, translations and Python modules
that Reflect never loads, and everything that could open a network connection.

Reflect's UI imports only QtCore, QtGui and QtWidgets (QtSvg comes in as a library, for the SVG
icon); ``grep -rhoE "PySide6\\.Qt[A-Za-z]+" src/reflect`` says so. PyInstaller's PySide6 hooks
collect every plugin those modules *can* use; the lists below keep the ones a desktop session
needs. docs/packaging.md records the sizes before and after.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Python modules nothing in Reflect needs. ``ssl`` goes so the bundle cannot speak TLS at all
# (urllib and http.client, pulled in by keyring's helpers, work without it); PySide6's hooks
# pull QtNetwork and QtDBus bindings that Reflect never imports.
EXCLUDED_MODULES = [
    "tkinter",
    "_tkinter",
    "unittest",
    "pydoc",
    "pydoc_data",
    "test",
    "lib2to3",
    "idlelib",
    "distutils",
    "setuptools",
    "pkg_resources",
    "pip",
    "ensurepip",
    "venv",
    "ssl",
    "_ssl",
    "PySide6.QtNetwork",
    "PySide6.QtDBus",
    "PySide6.QtOpenGL",
    "PySide6.QtQml",
    "PySide6.QtQuick",
]

# Qt plugins, as "folder/file stem", that a desktop session uses. Every other plugin goes:
# eglfs, linuxfb, vnc (a network display server) and vkkhrdisplay are for embedded devices;
# tls and networkinformation exist only for networking; generic/ holds evdev and TUIO (UDP)
# input for kiosks; the gtk3 theme would mix the build machine's GTK libraries with the user's
# (the desktop portal theme still follows the system's dark or light setting); Reflect never
# loads pictures except its own SVG icon.
KEPT_PLUGINS = [
    "platforms/qxcb",
    "platforms/qwayland-egl",
    "platforms/qwayland-generic",
    "platforms/qoffscreen",  # headless use and the smoke test
    "platforms/qwindows",
    "platforms/qcocoa",
    "platformthemes/qxdgdesktopportal",
    "platforminputcontexts/*",  # compose keys and IBus input methods
    "xcbglintegrations/*",
    "wayland-decoration-client/*",
    "wayland-graphics-integration-client/*",
    "wayland-shell-integration/*",
    "iconengines/qsvgicon",
    "imageformats/qsvg",
    "styles/*",  # Windows and macOS native styles
]

# Qt libraries that only the dropped plugins or modules load, by module name: the same rule
# matches libQt6Network.so.6 (Linux), Qt6Network.dll (Windows), QtNetwork.framework (macOS) and
# the QtNetwork.abi3.so binding.
EXCLUDED_QT_LIBRARIES = [
    "Network",
    "EglFSDeviceIntegration",
    "EglFsKmsSupport",
    "Pdf",
    "Qml",
    "QmlModels",
    "QmlMeta",
    "QmlWorkerScript",
    "Quick",
    "VirtualKeyboard",
]

PLUGIN_PATH = re.compile(
    r"(?:^|/)(?:Qt6?|PySide6)/plugins/(?P<folder>[^/]+)/(?:lib)?(?P<stem>[^/.]+)[^/]*$"
)
TRANSLATION_PATH = re.compile(r"(?:^|/)(?:Qt6?|PySide6)/translations/[^/]+\.qm$")
QT_LIBRARY = re.compile(rf"^(?:lib)?Qt6?(?:{'|'.join(EXCLUDED_QT_LIBRARIES)})(?:\.|$)")


def plugin_kept(folder: str, stem: str) -> bool:
    return f"{folder}/{stem}" in KEPT_PLUGINS or f"{folder}/*" in KEPT_PLUGINS


def wanted(dest: str) -> bool:
    """Whether a file PyInstaller collected (named by its place in the bundle) stays in."""
    path = dest.replace("\\", "/")
    plugin = PLUGIN_PATH.search(path)
    if plugin:
        return plugin_kept(plugin["folder"], plugin["stem"])
    if TRANSLATION_PATH.search(path):
        return False  # Reflect loads its own translations from resources/, never Qt's
    return not any(QT_LIBRARY.match(part) for part in path.split("/"))


def trimmed(toc: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """A PyInstaller TOC (dest, source, kind) without the entries ``wanted`` refuses."""
    return [entry for entry in toc if wanted(entry[0])]
