"""Keeping windows and dialogs on the screen they open on.

A size chosen in logical pixels (the main window's first size, a dialog's ``resize``, a size
remembered on a bigger monitor) can be larger than the screen once the desktop scales by 150% or
200%: 1100×720 is 1650×1080 physical, taller than a 1440×900 laptop. Every top-level window is
clamped here to ``availableGeometry()`` of its screen (the screen less panels and docks), with
room left for the title bar and borders the window manager draws outside our size.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QDialog, QFormLayout, QWidget

from reflect.ui.widgets.basics import roomy_labels

# What a window manager typically draws outside a window's own geometry: borders, a title bar.
FRAME = QMargins(8, 32, 8, 8)
READABLE_CHARACTERS = 64  # a dialog's wrapping text is given at least this width, room allowing


def room_on(available: QRect) -> QRect:
    """Where a window's own geometry may lie so that its frame stays inside ``available``."""
    return available.marginsRemoved(FRAME)


def fitted(geometry: QRect, available: QRect) -> QRect:
    """``geometry`` made no larger than the room on ``available``, and moved onto it."""
    room = room_on(available)
    size = geometry.size().boundedTo(room.size()).expandedTo(QSize(1, 1))
    left = max(room.left(), min(geometry.left(), room.right() + 1 - size.width()))
    top = max(room.top(), min(geometry.top(), room.bottom() + 1 - size.height()))
    return QRect(left, top, size.width(), size.height())


def screen_of(window: QWidget) -> QScreen:
    """The screen a top-level window is on, or will open on."""
    return QGuiApplication.screenAt(window.geometry().center()) or window.screen()


def fit_to_screen(window: QWidget, wanted: QSize | None = None) -> None:
    """Size ``window`` to ``wanted`` (else its current size) within its screen; a window placed
    on purpose (restored or moved) is also moved back onto that screen."""
    if window.isMaximized() or window.isFullScreen():
        return  # the window manager fits those to the screen itself
    available = screen_of(window).availableGeometry()
    target = fitted(QRect(window.geometry().topLeft(), wanted or window.size()), available)
    if window.testAttribute(Qt.WidgetAttribute.WA_Moved):
        window.setGeometry(target)
    else:
        window.resize(target.size())


class FitDialogs(QObject):
    """Installed on the application: every dialog and message box is fitted to its screen as
    it is shown, before Qt centres it over its parent (which keeps it inside the screen too),
    and its form labels get the little extra room scaled text needs."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of every object passes here: the class test comes first, as the cheapest
        # (reading event.type() makes a Python enum for each event).
        if (
            isinstance(watched, QDialog)
            and event.type() == QEvent.Type.Show
            and watched.isWindow()
            and watched.windowType() in (Qt.WindowType.Dialog, Qt.WindowType.Sheet)
        ):
            for form in watched.findChildren(QFormLayout):  # type: ignore[var-annotated]
                roomy_labels(form)
            # Sized before the labels grew: at least what it now needs, then within the screen.
            size = watched.size().expandedTo(watched.minimumSizeHint())
            # A dialog takes its size hint's height, which does not allow for its wrapping
            # labels at the width it gets: give it the height its layout needs at that width.
            # Its wrapping text gets a readable width, where the screen has room for it, so that
            # a paragraph is not a tall narrow column.
            layout = watched.layout()
            if layout is not None and layout.hasHeightForWidth():
                room = room_on(screen_of(watched).availableGeometry()).width()
                readable = watched.fontMetrics().averageCharWidth() * READABLE_CHARACTERS
                size.setWidth(max(size.width(), min(readable, room)))
                size.setHeight(max(size.height(), layout.totalHeightForWidth(size.width())))
            watched.resize(size)
            fit_to_screen(watched)
        return False
