"""Quitting never waits for the day's quick check of the journal (a read-only look that takes
seconds on a large journal from a cold disk); a copy not yet begun waits for the next start."""

from __future__ import annotations

import threading
from pathlib import Path

from reflect.ui.flows.daily_backup import DailyBackup


class EndlessCheck:
    """A quick check that runs until it is stopped."""

    def __init__(self) -> None:
        self.running = threading.Event()
        self.stopped = threading.Event()

    def problems(self) -> list[str] | None:
        self.running.set()
        assert self.stopped.wait(10), "quitting did not stop the check"
        return None

    def stop(self) -> None:
        self.stopped.set()


class Backups:
    """Stands in for the backup service."""

    def __init__(self) -> None:
        self.check = EndlessCheck()
        self.copies: list[str] = []

    def quick_check(self) -> EndlessCheck:
        return self.check

    def check_quickly(self, check: EndlessCheck) -> None:
        check.problems()

    def back_up_if_due(self) -> Path | None:
        self.copies.append("daily")
        return None


def test_quitting_stops_the_check_and_takes_no_copy() -> None:
    backups = Backups()
    daily = DailyBackup(backups)  # type: ignore[arg-type]
    daily.start()
    assert backups.check.running.wait(10)
    daily.wait()
    assert backups.check.stopped.is_set() and backups.copies == []
