"""The one way slow work (import, export, backup, restore) runs: off the UI thread, with a
progress dialog and a cancel button, then a callback on the UI thread.

Modelled on Anki's CollectionOp/QueryOp: the window never freezes, a cancel rolls back, known
errors become a message and bugs reach the crash handler.

:class:`LatestOnly` is for work that follows what the user is choosing (the share preview,
rebuilt as they tick and type): no progress dialog, since nobody asked to wait for it, and only
the newest result counts.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, QThreadPool, Signal, SignalInstance, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from reflect.errors import Cancelled, ReflectError
from reflect.formats.progress import Progress
from reflect.ui.texts import error_text

Work = Callable[[Progress], Any]


class _Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal(object, object)  # (result, exception or None)

    def __init__(self, work: Work, cancel: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._cancel = cancel

    @Slot()
    def run(self) -> None:
        try:
            result = self._work(self._report)
        except BaseException as exc:  # handed to the UI thread, which decides what it is
            self.finished.emit(None, exc)
        else:
            self.finished.emit(result, None)

    def _report(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self.progressed.emit(done, total)


class BackgroundTask(QObject):
    """One piece of slow work. Keep a reference until ``finished`` is emitted."""

    finished = Signal()

    def __init__(
        self,
        parent: QWidget,
        label: str,
        work: Work,
        on_success: Callable[[Any], None],
        on_crash: Callable[[BaseException], None],
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._on_success = on_success
        self._on_crash = on_crash
        self._cancel = threading.Event()
        self._abandoned = False  # the window closed: nobody is waiting for the answer
        self._thread = QThread(self)
        self._worker = _Worker(work, self._cancel)
        self._worker.moveToThread(self._thread)
        self.dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(self.tr("Reflect"))
        self.dialog.setMinimumDuration(400)
        self.dialog.setAutoReset(False)
        self.dialog.setAutoClose(False)
        self.dialog.canceled.connect(self._cancel.set)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progressed)
        self._worker.finished.connect(self._on_finished)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def stop_and_wait(self) -> None:
        """Ask the work to stop and wait for its thread to end, saying nothing after: for a
        window that is closing (a QThread still running when its owner is destroyed aborts
        the process). Work stops at its next progress report."""
        self._abandoned = True
        self._cancel.set()
        self._thread.quit()
        self._thread.wait()

    @Slot(int, int)
    def _on_progressed(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))

    @Slot(object, object)
    def _on_finished(self, result: Any, error: BaseException | None) -> None:
        self._thread.quit()
        self._thread.wait()
        self.dialog.close()
        try:
            if not self._abandoned:
                self._report(result, error)
        finally:
            self.finished.emit()

    def _report(self, result: Any, error: BaseException | None) -> None:
        if error is None:
            self._on_success(result)
        elif isinstance(error, Cancelled):
            QMessageBox.information(
                self._parent, self.tr("Stopped"), self.tr("Stopped. Nothing was changed.")
            )
        elif isinstance(error, ReflectError):
            QMessageBox.warning(self._parent, self.tr("Reflect"), error_text(error))
        else:
            self._on_crash(error)


def _job(work: Callable[[], Any], number: int, finished: SignalInstance) -> Callable[[], None]:
    """The work as a plain callable for the pool, reporting through its owner's signal.

    The job owns no QObject: one made for it was destroyed on the pool thread when the pool
    deleted the job, while the UI thread could be delivering its signal (a crash, seen under
    load). If the owner is closed while the work runs, its signal is gone: the result is not
    wanted, and emitting raises RuntimeError, which is dropped here."""

    def run() -> None:
        try:
            outcome: tuple[Any, BaseException | None] = (work(), None)
        except BaseException as exc:  # handed to the UI thread, which decides what it is
            outcome = (None, exc)
        with contextlib.suppress(RuntimeError):  # the owner was closed: nobody waits for it
            finished.emit(number, *outcome)

    return run


class LatestOnly(QObject):
    """Work that follows the user's choices: one run at a time on a pool thread; while one
    runs only the newest request waits, and a result that is no longer the newest is dropped.

    A pool thread, not a QThread of the owner's, so closing the owner mid-run is safe (a
    running QThread destroyed with its owner aborts the process). ``done`` gives the newest
    result on the UI thread; ``failed`` its exception, known or a bug, for the owner to tell
    apart. The work must not use the journal's database, which the UI thread keeps using."""

    done = Signal(object)
    failed = Signal(object)
    # Emitted on the pool thread, delivered on the UI thread: (number, result, error or None).
    _finished = Signal(int, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._asked = 0
        self._waiting: tuple[int, Callable[[], Any]] | None = None
        self._running = False
        self._finished.connect(self._on_finished)

    @property
    def busy(self) -> bool:
        return self._running or self._waiting is not None

    def request(self, work: Callable[[], Any]) -> None:
        self._asked += 1
        self._waiting = (self._asked, work)
        if not self._running:
            self._start_next()

    def drop(self) -> None:
        """Forget what was asked so far: its result is not wanted any more."""
        self._asked += 1
        self._waiting = None

    def _start_next(self) -> None:
        assert self._waiting is not None
        number, work = self._waiting
        self._waiting = None
        self._running = True
        QThreadPool.globalInstance().start(_job(work, number, self._finished))

    @Slot(int, object, object)
    def _on_finished(self, number: int, result: Any, error: BaseException | None) -> None:
        self._running = False
        if self._waiting is not None:
            self._start_next()  # a newer request came meanwhile: this result is already stale
        elif number == self._asked:
            if error is None:
                self.done.emit(result)
            else:
                self.failed.emit(error)
