"""Colours and spacing: calm, readable, and following the system's light or dark preference."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


class Scheme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


_LIGHT = {
    QPalette.ColorRole.Window: "#f6f4ef",
    QPalette.ColorRole.WindowText: "#22262a",
    QPalette.ColorRole.Base: "#fffdf9",
    QPalette.ColorRole.AlternateBase: "#efece5",
    QPalette.ColorRole.Text: "#22262a",
    QPalette.ColorRole.Button: "#ece8df",
    QPalette.ColorRole.ButtonText: "#22262a",
    QPalette.ColorRole.Highlight: "#2f6f6a",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.PlaceholderText: "#6b7075",
    QPalette.ColorRole.Link: "#1f5f8b",
    QPalette.ColorRole.ToolTipBase: "#fffdf9",
    QPalette.ColorRole.ToolTipText: "#22262a",
    QPalette.ColorRole.Mid: "#c9c4b8",
}
_DARK = {
    QPalette.ColorRole.Window: "#1d2124",
    QPalette.ColorRole.WindowText: "#e6e3dc",
    QPalette.ColorRole.Base: "#24292d",
    QPalette.ColorRole.AlternateBase: "#2a3034",
    QPalette.ColorRole.Text: "#e6e3dc",
    QPalette.ColorRole.Button: "#2c3237",
    QPalette.ColorRole.ButtonText: "#e6e3dc",
    QPalette.ColorRole.Highlight: "#4f9d95",
    QPalette.ColorRole.HighlightedText: "#0f1214",
    QPalette.ColorRole.PlaceholderText: "#9aa1a6",
    QPalette.ColorRole.Link: "#8cc4ec",
    QPalette.ColorRole.ToolTipBase: "#2c3237",
    QPalette.ColorRole.ToolTipText: "#e6e3dc",
    QPalette.ColorRole.Mid: "#454c52",
}

STYLE = """
QListWidget#sidebar { border: none; padding: 8px 0; font-size: 11pt; }
QListWidget#sidebar { background: palette(window); }
QListWidget#sidebar::item { padding: 8px 16px; border-radius: 6px; margin: 1px 8px;
                            color: palette(window-text); }
QListWidget#sidebar::item:selected { background: palette(highlight);
                                     color: palette(highlighted-text); }
QLabel[role="title"] { font-size: 18pt; font-weight: 600; }
QLabel[role="question"] { font-size: 14pt; }
QLabel[role="muted"] { color: %(muted)s; }
QLabel[role="section"] { font-size: 11pt; font-weight: 600; margin-top: 10px; }
QFrame[role="card"] { background: palette(base); border: 1px solid palette(mid);
                      border-radius: 10px; }
QPushButton[role="primary"] { background: palette(highlight); color: palette(highlighted-text);
                              border: none; border-radius: 8px; padding: 10px 22px;
                              font-size: 12pt; font-weight: 600; }
QPushButton[role="primary"]:focus { outline: 2px solid palette(text); }
*:focus { outline-color: palette(highlight); }
"""


def apply(app: QApplication, scheme: Scheme = Scheme.SYSTEM) -> None:
    """Use Fusion with our palette, dark when asked or when the system prefers dark."""
    app.setStyle("Fusion")
    dark = wants_dark(scheme)
    palette = QPalette()
    for role, colour in (_DARK if dark else _LIGHT).items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        dimmed = QColor(palette.color(role))
        dimmed.setAlpha(110)
        palette.setColor(QPalette.ColorGroup.Disabled, role, dimmed)
    app.setPalette(palette)
    # Qt style sheets have no palette name for placeholder text, so muted text gets its colour.
    muted = (_DARK if dark else _LIGHT)[QPalette.ColorRole.PlaceholderText]
    app.setStyleSheet(STYLE % {"muted": muted})
    app.setProperty("reflect_dark", dark)


def wants_dark(scheme: Scheme) -> bool:
    """Whether ``scheme`` means dark right now (following the system when asked to)."""
    return scheme is Scheme.DARK or (scheme is Scheme.SYSTEM and system_prefers_dark())


def system_prefers_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def is_dark(app: QApplication) -> bool:
    return bool(app.property("reflect_dark"))
