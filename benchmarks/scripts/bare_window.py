"""The floor for start-up: a bare PySide6 window that quits once it has painted.

Run as a process, as ``reflect --quit-after-paint`` is: Python starts, Qt loads, one empty
QWidget is shown, and the event loop ends after its first paint event.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class QuitAfterPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QCoreApplication.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.resize(1100, 720)
    watcher = QuitAfterPaint(window)
    window.installEventFilter(watcher)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
