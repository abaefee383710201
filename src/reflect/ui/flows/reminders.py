"""Nudges to reflect: a quiet bar in the window the day after a workshop or coaching session,
and, when the user opts in, a message from a tray icon. No background service: this runs only
while Reflect is open, and checks again every few minutes so a day that turns over is noticed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QSystemTrayIcon,
    QWidget,
)

from reflect.app import App
from reflect.core.programme import EventKind, Nudge
from reflect.ui.widgets.basics import label

CHECK_EVERY_MS = 10 * 60 * 1000
CONTEXT = "Reminders"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def nudge_text(nudge: Nudge, days_ago: int) -> str:
    event = nudge.event
    kind = tr("coaching session") if event.kind is EventKind.COACHING else tr("workshop")
    if days_ago == 1:
        when = tr("Yesterday's {0}").format(kind)
    else:
        when = tr("The {0} on {1}").format(kind, f"{event.day:%A %d %B}")
    return tr("{0}, {1}. Would you like to reflect on it?").format(when, event.title)


class NudgeBar(QFrame):
    """One offer at a time, newest event first: Reflect now, or Not now."""

    reflect_requested = Signal(str)  # an event id

    def __init__(
        self,
        app: App,
        editing: Callable[[], str | None] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        """``editing`` names the event the editor is writing about, which needs no offer."""
        super().__init__(parent)
        self._app = app
        self._editing = editing
        self.nudge: Nudge | None = None
        self.setObjectName("nudgeBar")  # the theme gives it a band of its own
        self.setAccessibleName(tr("Reminder to reflect"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        self.text = label("")
        self.reflect = QPushButton(tr("Reflect now"))
        self.reflect.clicked.connect(self._on_reflect)
        self.later = QPushButton(tr("Not now"))
        self.later.setFlat(True)
        self.later.clicked.connect(self._on_later)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.reflect)
        layout.addWidget(self.later)
        self.hide()

    def refresh(self) -> Nudge | None:
        editing = self._editing()
        waiting = [n for n in self._app.programme.nudges() if n.event.id != editing]
        self.nudge = waiting[0] if waiting else None
        if self.nudge is None:
            self.hide()
            return None
        days_ago = (self._app.programme.today() - self.nudge.event.day).days
        self.text.setText(nudge_text(self.nudge, days_ago))
        self.show()
        return self.nudge

    def _on_reflect(self) -> None:
        if self.nudge is not None:
            self.reflect_requested.emit(self.nudge.event.id)

    def _on_later(self) -> None:
        if self.nudge is not None:
            self._app.programme.not_now(self.nudge.event.id)
        self.refresh()


class Reminders(QObject):
    """Keeps the bar current and, when wanted and possible, announces new nudges in the tray."""

    reflect_requested = Signal(str)
    open_requested = Signal()
    quit_requested = Signal()

    def __init__(self, bar: NudgeBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bar = bar
        self.announced: set[str] = set()
        self.tray: QSystemTrayIcon | None = None
        self._pending: str | None = None  # the event the last tray message was about
        self._timer = QTimer(self, interval=CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def use_tray(self, wanted: bool) -> None:
        if wanted and self.tray is None and QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = self._make_tray()
            self.tray.show()
        elif not wanted and self.tray is not None:
            self.tray.hide()
            self.tray.deleteLater()
            self.tray = None

    def check(self) -> None:
        nudge = self._bar.refresh()
        if nudge is None or nudge.event.id in self.announced:
            return
        self.announced.add(nudge.event.id)
        if self.tray is not None:
            self._pending = nudge.event.id
            self.tray.showMessage("Reflect", self._bar.text.text())

    def _make_tray(self) -> QSystemTrayIcon:
        tray = QSystemTrayIcon(QApplication.windowIcon(), self)
        menu = QMenu()
        menu.addAction(tr("Open Reflect"), self.open_requested.emit)
        menu.addAction(tr("Quit"), self.quit_requested.emit)
        tray.setContextMenu(menu)
        tray.setToolTip("Reflect")
        tray.activated.connect(lambda _reason: self.open_requested.emit())
        tray.messageClicked.connect(self._on_message_clicked)
        self._menu = menu
        return tray

    def _on_message_clicked(self) -> None:
        if self._pending:
            self.reflect_requested.emit(self._pending)
