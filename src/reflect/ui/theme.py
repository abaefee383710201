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

# A warning banner (such as a message from a sender not yet verified): amber in either scheme.
_LIGHT_WARNING = {"warning_bg": "#f3d9a4", "warning_text": "#3b2a05", "warning_border": "#c89a3c"}
_DARK_WARNING = {"warning_bg": "#4a3813", "warning_text": "#f6e3b8", "warning_border": "#9c7630"}
# Text marked for a warning inside a document (a name in the share preview): a highlighter's
# amber, clearly apart from the page and from the selection, with text readable on it (>= 7:1).
_LIGHT_MARK = ("#f0c96e", "#22262a")
_DARK_MARK = ("#e0b050", "#1d2124")

# Misspelt words' wavy underline: a red that stands out on either scheme's text background.
_MISSPELLING = {False: "#c0262d", True: "#ff8a80"}


def misspelling_colour(dark: bool) -> QColor:
    return QColor(_MISSPELLING[dark])


# Widgets say what they are with a dynamic property ``role`` (set before the widget is first
# polished) or, where one is already unique, an object name; only this sheet says how they look.
# ``apply`` fills in the %(name)s values per scheme, so a literal percent sign must be written %%.
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
QLabel[role="section"], QLabel[role="card-heading"] { font-size: 11pt; font-weight: 600; }
QLabel[role="section"] { margin-top: 10px; }
QLabel[role="caption"] { font-weight: 600; }
QLabel[role="domain-name"] { font-weight: 600; margin-top: 6px; }
QLabel[role="last-action"] { font-size: 12pt; }
QLabel[role="warning"] { background: %(warning_bg)s; color: %(warning_text)s;
                         border: 1px solid %(warning_border)s; border-radius: 6px;
                         padding: 6px 10px; }
QFrame[role="card"] { background: palette(base); border: 1px solid palette(mid);
                      border-radius: 10px; }
QFrame[role="chip"] { background: palette(alternate-base); border: 1px solid palette(mid);
                      border-radius: 10px; }
QFrame[role="chip"] QToolButton:focus { border: 2px solid palette(highlight); border-radius: 8px; }
QFrame#nudgeBar { background: palette(alternate-base); border-bottom: 1px solid palette(mid); }
QFrame#todayMarker { border-top: 2px solid palette(highlight); margin-top: 6px; }
QPushButton[role="primary"], QPushButton[role="primary-compact"] {
    background: palette(highlight); color: palette(highlighted-text);
    border: 2px solid transparent; border-radius: 8px; padding: 8px 20px; outline: none;
    font-size: 12pt; font-weight: 600; }
QPushButton[role="inquiry-button"] { padding: 6px 14px; }
QPushButton[role="primary-compact"] { padding: 4px 12px; }
/* The focus ring is the border, outside the padding, so it never crosses the text. */
QPushButton[role="primary"]:focus, QPushButton[role="primary-compact"]:focus {
    border: 2px solid palette(text); }
QPushButton[role="entry-link"], QPushButton[role="reflect-link"] { text-align: left;
                                                                    padding: 2px 4px; }
QPushButton[role="reflect-link"] { color: palette(link); }
QPushButton[role="latest-entry"] { text-align: left; padding: 4px 0; }
QListWidget[role="card-list"] { background: transparent; border: 2px solid transparent;
                                border-radius: 10px; }
QListWidget[role="card-list"]:focus { border-color: palette(highlight); }
QListWidget[role="card-list"]::item { background: palette(base); color: palette(text);
                                      border: 1px solid palette(mid); border-radius: 8px;
                                      padding: 6px 10px; margin: 0 0 6px 0; }
QListWidget[role="card-list"]::item:selected { background: palette(highlight);
                                               color: palette(highlighted-text); }
QListWidget#recentSessions::item { padding: 8px 10px; }
QListWidget[role="inquiry-list"]::item { padding: 6px 4px; }
QListWidget[role="fitted-list"]::item { padding: 5px 6px; }
QListView[role="action-list"] { background: transparent; }
*:focus { outline-color: palette(highlight); }
"""


def palette_for(dark: bool) -> QPalette:
    """Reflect's light or dark palette (light for paper, whatever the window shows)."""
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
    return palette


def apply(app: QApplication, scheme: Scheme = Scheme.SYSTEM) -> None:
    """Use Fusion with our palette, dark when asked or when the system prefers dark."""
    app.setStyle("Fusion")
    dark = wants_dark(scheme)
    app.setPalette(palette_for(dark))
    # Qt style sheets have no palette name for placeholder text, so muted text gets its colour.
    muted = (_DARK if dark else _LIGHT)[QPalette.ColorRole.PlaceholderText]
    app.setStyleSheet(STYLE % {"muted": muted, **(_DARK_WARNING if dark else _LIGHT_WARNING)})
    app.setProperty("reflect_dark", dark)


def wants_dark(scheme: Scheme) -> bool:
    """Whether ``scheme`` means dark right now (following the system when asked to)."""
    return scheme is Scheme.DARK or (scheme is Scheme.SYSTEM and system_prefers_dark())


def system_prefers_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def is_dark(app: QApplication) -> bool:
    return bool(app.property("reflect_dark"))


def mark_colours(palette: QPalette) -> tuple[QColor, QColor]:
    """The background and text of a warning marked in a document shown with ``palette``
    (style sheets cannot reach a span of text). Dark or light is read from the palette itself,
    so it is right while the scheme is being switched, before ``apply`` has finished."""
    dark = palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5
    background, text = _DARK_MARK if dark else _LIGHT_MARK
    return QColor(background), QColor(text)
