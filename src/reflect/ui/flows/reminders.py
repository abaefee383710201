"""Nudges to reflect: a quiet bar in the window the day after a workshop or coaching session,
and, when the user opts in, a daily reminder to write and a message from a tray icon. No
background service: this runs only while Reflect is open, and checks again every few minutes so
a day that turns over is noticed. The bar offers one thing at a time and never while the
editor is open."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from functools import partial

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
from reflect.core.clock import Clock
from reflect.core.programme import EventKind, Nudge
from reflect.services.evaluation_returns import DuePoint
from reflect.ui.flows.daily_timer import DailyTimer
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


def return_text(due: DuePoint) -> str:
    return tr("Your {0} return for the evaluation of {1} is due. Would you like to see what it "
              "would hold? Nothing leaves unless you agree.").format(
        due.point.label, due.programme_name
    )  # fmt: skip


def daily_text() -> str:
    return tr("Nothing written today yet. A few lines before the day ends?")


class NudgeBar(QFrame):
    """One offer at a time, Reflect now (or Write now) or Not now: a reflection on the newest
    recent event, else an evaluation return that is due, else the day's reminder to write once
    it is due."""

    reflect_requested = Signal(str)  # an event id
    write_requested = Signal()
    return_requested = Signal(str, str)  # a programme id, a time point key

    def __init__(
        self,
        app: App,
        writing: Callable[[], bool] = lambda: False,
        parent: QWidget | None = None,
    ) -> None:
        """``writing`` says whether the editor is open: then nothing is offered."""
        super().__init__(parent)
        self._app = app
        self._writing = writing
        self.nudge: Nudge | None = None
        self.due: DuePoint | None = None  # an evaluation return offered
        self.daily = False  # the daily reminder came due and nothing is written yet
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
        """Show what is offered now; the event offered, if any."""
        self.nudge, self.due = None, None
        if self._writing():  # never interrupt writing; what waits shows when the editor closes
            self.hide()
            return None
        self.nudge = self._app.programme.offer()
        if self.nudge is None:
            self.due = self._app.evaluation_returns.offer()
        if self.nudge is not None:
            days_ago = (self._app.programme.today() - self.nudge.event.day).days
            self.text.setText(nudge_text(self.nudge, days_ago))
            self.reflect.setText(tr("Reflect now"))
        elif self.due is not None:
            self.text.setText(return_text(self.due))
            self.reflect.setText(tr("See the return…"))
        elif self.daily and not self._app.entries.written_today():
            self.text.setText(daily_text())
            self.reflect.setText(tr("Write now"))
        else:
            self.daily = False
            self.hide()
            return None
        self.show()
        return self.nudge

    def offer_daily(self) -> bool:
        """The daily reminder is due: offer to write, unless something was written today.
        Whether the user can be told now (the editor is closed)."""
        self.daily = not self._app.entries.written_today()
        self.refresh()
        return self.daily and not self._writing()

    def _on_reflect(self) -> None:
        if self.nudge is not None:
            self.reflect_requested.emit(self.nudge.event.id)
        elif self.due is not None:
            self.return_requested.emit(self.due.programme_id, self.due.point.key)
        elif self.daily:
            self.write_requested.emit()

    def _on_later(self) -> None:
        if self.nudge is not None:
            self._app.programme.not_now(self.nudge.event.id)
        elif self.due is not None:
            self._app.evaluation_returns.not_now(self.due.programme_id, self.due.point.key)
        else:
            self.daily = False
        self.refresh()


class Reminders(QObject):
    """Keeps the bar current, brings up the daily reminder when it is due and, when wanted and
    possible, announces new nudges and the daily reminder in the tray."""

    reflect_requested = Signal(str)
    write_requested = Signal()
    open_requested = Signal()
    quit_requested = Signal()

    def __init__(self, bar: NudgeBar, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bar = bar
        self.announced: set[str] = set()
        self.tray: QSystemTrayIcon | None = None
        self._pending: Callable[[], None] | None = None  # what clicking a tray message does
        self._timer = QTimer(self, interval=CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        self.daily = DailyTimer(clock, self)
        self.daily.due.connect(self._on_daily_due)

    def remind_daily(self, at: time | None) -> None:
        """Remind to write at ``at`` each day, if nothing is written by then; None: never."""
        self.daily.set_time(at)

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
            self._pending = partial(self.reflect_requested.emit, nudge.event.id)
            self.tray.showMessage("Reflect", self._bar.text.text())

    def _on_daily_due(self) -> None:
        if self._bar.offer_daily() and self.tray is not None:
            self._pending = self.write_requested.emit
            self.tray.showMessage("Reflect", daily_text())

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
        if self._pending is not None:
            self._pending()
