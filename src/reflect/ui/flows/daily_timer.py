"""When the daily reminder is due: one single-shot timer to the next due moment, computed from
a clock that tests replace, so nothing polls and nothing runs while Reflect is closed."""

from __future__ import annotations

import math
from datetime import datetime, time, timedelta

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from reflect.core.clock import Clock
from reflect.core.daily_reminder import next_due

# A timer counts on a monotonic clock, which stops while the computer sleeps and does not see
# the wall clock change (travel, summer time): so it wakes at least hourly to look again.
RECHECK_MS = 60 * 60 * 1000


class DailyTimer(QObject):
    """Emits ``due`` once a day at the chosen time, while Reflect runs. A time already past
    when Reflect starts is not caught up: opening Reflect is itself the moment to write."""

    due = Signal()

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._at: time | None = None
        self.due_at: datetime | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse one may fire early
        self.timer.timeout.connect(self._on_timeout)

    def set_time(self, at: time | None) -> None:
        """Remind at ``at`` each day; None stops reminding."""
        self._at = at
        if at is None:
            self.timer.stop()
            self.due_at = None
        else:
            self._arm(self._now())

    def _now(self) -> datetime:
        return self._clock().astimezone()

    def _arm(self, now: datetime) -> None:
        assert self._at is not None
        self.due_at = next_due(now, self._at)
        wait = math.ceil((self.due_at - now) / timedelta(milliseconds=1))
        self.timer.start(max(0, min(RECHECK_MS, wait)))

    def _on_timeout(self) -> None:
        if self._at is None or self.due_at is None:
            return
        now = self._now()
        # Woken after the due moment on the same day (on time, or after a short sleep): remind.
        # A day later (the computer slept through it), that day's reminder has gone by.
        if now >= self.due_at and now.date() == self.due_at.date():
            self.due.emit()
        self._arm(now)
