"""The day's automatic backup in the desktop app: taken off the UI thread once the window is up.

Why a thread: on a 100,000-entry journal (350 MB) the copy takes about half a second and its
integrity check about a second more on a fast disk, longer on a laptop's; holding the window
back for that once a day would make Reflect feel slow to start. The backup service reads the
journal through a connection of its own (a connection per thread), and a restore waits for it.

Why not :class:`reflect.ui.tasks.BackgroundTask`: that shows a progress dialog, and this work
is meant to go unseen; and it runs on a QThread, which aborts the process if destroyed while
running, as it would be when someone quits within a second of starting. A plain thread is
joined on quit instead (:meth:`DailyBackup.wait`), so a copy begun is complete before Reflect
exits; the quick check before it is read-only, so quitting stops it, and a copy not yet begun
is left for the next start (quitting never waits seconds for a check of a large journal).

A failure (disk full, read-only folder) is shown once on the status line; nothing else changes
and the next start tries again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from reflect.errors import ReflectError, StorageError
from reflect.messages import Msg
from reflect.services.backups import BackupService
from reflect.ui.texts import error_text

DAMAGED = (Msg.DB_CORRUPT, Msg.DB_CORRUPT_NO_BACKUP)


class DailyBackup(QObject):
    """Runs :meth:`BackupService.back_up_if_due` once, on a thread of its own."""

    done = Signal(object)  # the new backup's Path, or None when none was due
    damaged = Signal(object)  # the StorageError (DB_CORRUPT…) when the quick check found damage
    failed = Signal(str)  # a message for the status line
    crashed = Signal(object)  # a bug, for the crash handler
    _finished = Signal(object, object)  # from the thread: (result, exception or None)

    def __init__(self, backups: BackupService) -> None:
        # No Qt parent: the thread keeps this object alive until it has reported.
        super().__init__()
        self._backups = backups
        self._quitting = threading.Event()
        self._check = backups.quick_check()
        self._thread = threading.Thread(target=self._run, name="reflect-daily-backup")
        self._finished.connect(self._on_finished)  # queued: delivered on the UI thread

    def start(self) -> None:
        self._thread.start()

    def wait(self) -> None:
        """On quit: stop the check, or block until a copy already begun has finished (so it
        is never cut short)."""
        self._quitting.set()
        self._check.stop()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        try:
            # First the quick look at every page (about 0.2 s for 100,000 entries): a damaged
            # journal is offered a backup, and not copied over a sound one.
            self._backups.check_quickly(check=self._check)
            result = None if self._quitting.is_set() else self._backups.back_up_if_due()
        except Exception as exc:  # handed to the UI thread, which decides what it is
            self._finished.emit(None, exc)
        else:
            self._finished.emit(result, None)

    @Slot(object, object)
    def _on_finished(self, result: Path | None, error: Exception | None) -> None:
        if isinstance(error, StorageError) and error.msg in DAMAGED:
            self.damaged.emit(error)
        elif isinstance(error, ReflectError):
            template = QCoreApplication.translate("Messages", Msg.DAILY_BACKUP_FAILED.template)
            self.failed.emit(template.format(reason=error_text(error)))
        elif error is not None:
            self.crashed.emit(error)
        else:
            self.done.emit(result)


def start_daily_backup(
    backups: BackupService,
    notify: Callable[[str], None],
    on_crash: Callable[[BaseException], None],
    on_damaged: Callable[[StorageError], None] | None = None,
) -> DailyBackup:
    """Check the journal quickly, then start the day's backup; ``notify`` hears of a failure,
    ``on_damaged`` of damage found, ``on_crash`` of a bug."""
    daily = DailyBackup(backups)
    daily.failed.connect(notify)
    if on_damaged is not None:
        daily.damaged.connect(on_damaged)
    daily.crashed.connect(on_crash)
    daily.start()
    return daily
