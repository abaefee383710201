"""The one way slow work (import, export, backup, restore) runs: off the UI thread, with a
progress dialog and a cancel button, then a callback on the UI thread.

Modelled on Anki's CollectionOp/QueryOp: the window never freezes, a cancel rolls back, known
errors become a message and bugs reach the crash handler.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot
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
