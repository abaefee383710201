"""The app lock: File ▸ Lock (Ctrl+Shift+L) or a chosen idle time hides the journal behind a
lock screen until it is unlocked (docs/encryption.md, "The app lock").

Locking saves the draft being written first (the editor's autosave), then takes the sidebar,
pages and editor out of the window (the central widget), hides the window's own dialogs,
turns off every menu item and shortcut, and titles the window "Locked". Unlocking puts them
back. An encrypted journal whose key is a passphrase asks for it (checked off the UI thread,
since scrypt takes a tenth of a second); one whose key is in the key store unlocks from there
with one press of Unlock (on the UI thread: a keys file may ask for its passphrase); a plain
journal's lock is a screen only, and says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.errors import BadInput, ReflectError
from reflect.messages import Msg
from reflect.ui.texts import error_text
from reflect.ui.widgets.basics import label

if TYPE_CHECKING:
    from reflect.app import App
    from reflect.ui.dialogs.preferences import Preferences

# What counts as the user being there: anything typed, clicked, scrolled or moved.
_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
    }
)
MINUTE_MS = 60_000


class LockScreen(QWidget):
    """What a locked window shows: nothing of the journal, a passphrase field if one is
    needed, and Unlock."""

    unlock_requested = Signal(str)

    def __init__(self, needs_passphrase: bool, encrypted: bool) -> None:
        super().__init__()
        self.setObjectName("lock-screen")
        heading = label(self.tr("Reflect is locked"), "title")
        if needs_passphrase:
            words = self.tr("Type the journal's passphrase to unlock it.")
        elif encrypted:
            words = self.tr("Press Unlock to unlock it with the key kept in your system keyring.")
        else:
            words = self.tr(
                "The journal is hidden, not encrypted: anyone at this computer can press "
                "Unlock. Encrypt it in Preferences to need a passphrase."
            )
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.setVisible(needs_passphrase)
        self.passphrase.returnPressed.connect(self._ask)
        self.unlock = QPushButton(self.tr("&Unlock"))
        self.unlock.setDefault(True)
        self.unlock.setAutoDefault(True)
        self.unlock.clicked.connect(self._ask)
        self.problem = label("", "warning")
        self.problem.hide()  # shown with a wrong passphrase: an empty warning is an odd box
        explained = label(words)
        for text in (heading, explained, self.problem):
            text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        # One centred column of a readable width: a wrapping label centred on its own is given
        # the width of its first words, and the rest of its text is cut off.
        middle = QWidget()
        middle.setFixedWidth(self.fontMetrics().averageCharWidth() * 56)
        inner = QVBoxLayout(middle)
        for widget in (heading, explained, self.passphrase, self.problem):
            inner.addWidget(widget)
        inner.addWidget(self.unlock, 0, Qt.AlignmentFlag.AlignHCenter)
        # Centred by stretches, not by an alignment flag: an aligned widget gets only its size
        # hint's height, which does not allow for its labels wrapping at this width.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(middle)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.addStretch(1)
        column.addLayout(row)
        column.addStretch(2)

    def focus(self) -> None:
        (self.unlock if self.passphrase.isHidden() else self.passphrase).setFocus()

    def _ask(self) -> None:
        self.problem.hide()
        self.unlock_requested.emit(self.passphrase.text())

    def wrong(self) -> None:
        self.passphrase.clear()
        self.problem.setText(error_text(BadInput(Msg.JOURNAL_KEY_WRONG)))
        self.problem.show()
        self.focus()


class AppLock(QObject):
    """Locks and unlocks one window; counts idle time while unlocked."""

    locked_changed = Signal(bool)

    def __init__(self, window: Any, app: App, prefs: Preferences, save_draft: Any) -> None:
        super().__init__(window)
        self._window = window
        self._app = app
        self._prefs = prefs
        self._save_draft = save_draft
        self._screen: LockScreen | None = None
        self._hidden: QWidget | None = None
        self._title = ""
        self._actions: list[tuple[QAction, bool]] = []
        self._dialogs: list[QWidget] = []
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.lock)
        qt_app = QApplication.instance()
        if qt_app is not None:
            qt_app.installEventFilter(self)
        self.restart_idle()

    @property
    def locked(self) -> bool:
        return self._screen is not None

    def restart_idle(self) -> None:
        """Count idle time afresh (after activity, or a new choice in Preferences)."""
        minutes = self._prefs.lock_after_minutes
        if minutes and not self.locked:
            self.idle.start(minutes * MINUTE_MS)
        else:
            self.idle.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and not self.locked and self.idle.isActive():
            self.idle.start()  # the same interval, from now
        return False

    def lock(self) -> None:
        if self.locked:
            return
        self._save_draft()  # before anything is hidden: a draft being written is kept
        window = self._window
        self._title = window.windowTitle()
        self._dialogs = [
            w
            for w in QApplication.topLevelWidgets()
            if w is not window and w.isVisible() and w.parent() is window
        ]
        for dialog in self._dialogs:
            dialog.hide()
        self._actions = [(a, a.isEnabled()) for a in window.findChildren(QAction)]
        for action, _ in self._actions:
            action.setEnabled(False)
        self._hidden = window.takeCentralWidget()
        encryption = self._app.encryption
        self._screen = LockScreen(encryption.needs_passphrase(), self._app.store.encrypted)
        self._screen.unlock_requested.connect(self._check)
        window.setCentralWidget(self._screen)
        self._screen.show()  # now, not when the layout gets round to it: focus needs it shown
        window.statusBar().clearMessage()
        window.setWindowTitle(self.tr("Locked — Reflect"))
        self.idle.stop()
        self._screen.focus()
        self.locked_changed.emit(True)

    def _check(self, passphrase: str) -> None:
        screen = self._screen
        if screen is None:
            return
        if not self._app.encryption.needs_passphrase():
            # From the key store, on this thread: where keys live in keys.age, its passphrase
            # dialog must come from the UI thread.
            try:
                unlocked = self._app.encryption.unlocks(None)
            except ReflectError:
                unlocked = False
            if unlocked:
                self.unlock()
            else:
                screen.wrong()
            return
        screen.unlock.setEnabled(False)

        def done(unlocked: object) -> None:
            if self._screen is not screen:
                return
            screen.unlock.setEnabled(True)
            if unlocked:
                self.unlock()
            else:
                screen.wrong()

        self._window.run_task(
            self.tr("Unlocking…"), lambda progress: self._app.encryption.unlocks(passphrase), done
        )

    def unlock(self) -> None:
        if self._screen is None:
            return
        window = self._window
        window.takeCentralWidget()
        self._screen.deleteLater()
        self._screen = None
        hidden, self._hidden = self._hidden, None
        window.setCentralWidget(hidden)
        if hidden is not None:
            hidden.show()
        for action, enabled in self._actions:
            action.setEnabled(enabled)
        self._actions = []
        for dialog in self._dialogs:
            dialog.show()
        self._dialogs = []
        window.setWindowTitle(self._title)
        self.restart_idle()
        self.locked_changed.emit(False)
