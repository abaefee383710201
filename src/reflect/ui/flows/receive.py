"""Opening a ``.reflect`` bundle in the window: from the File menu, a drop, or the command line.

All three go through :func:`receive_file`. The bundle is opened in the background; a bundle
from someone not in the user's peers is imported only after an explicit "Import as
unverified?", and a passphrase bundle asks for its passphrase. The outcome is one message; a
failure is one message too, and stores nothing (the service guarantees that).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox

from reflect.errors import BadInput
from reflect.messages import Msg
from reflect.services.receiving import ReceiveOutcome
from reflect.ui.counted import counted
from reflect.ui.read_only import refuse_read_only
from reflect.ui.tasks import BackgroundTask
from reflect.ui.texts import error_text

if TYPE_CHECKING:
    from reflect.ui.shell import Shell

CONTEXT = "Receive"
# Refusals the user can answer (by choosing to trust, or typing a passphrase) and try again.
ANSWERABLE = (Msg.BUNDLE_UNKNOWN_SENDER, Msg.BUNDLE_NEEDS_PASSPHRASE)


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class ReceiveFlow(QObject):
    """One bundle being received; ``finished`` carries the outcome, or None when nothing was."""

    finished = Signal(object)

    def __init__(self, window: Shell, path: Path) -> None:
        super().__init__(window.widget())
        self._window = window
        self._path = path
        self.outcome: ReceiveOutcome | None = None
        self.task: BackgroundTask | None = None

    def start(self, accept_unverified: bool = False, passphrase: str | None = None) -> None:
        receiving = self._window.app.receiving
        path = self._path

        def work(progress: object) -> ReceiveOutcome | BadInput:
            try:
                return receiving.receive(path, accept_unverified, passphrase)
            except BadInput as exc:
                if exc.msg in ANSWERABLE:
                    return exc  # answered on the UI thread, then tried again
                raise

        task = self._window.run_task(
            tr("Opening {0}…").format(path.name), work, self._on_task_succeeded
        )
        self.task = task
        task.finished.connect(lambda: self._on_task_finished(task))

    def _on_task_succeeded(self, result: ReceiveOutcome | BadInput) -> None:
        if isinstance(result, ReceiveOutcome):
            self.outcome = result
            tell(self._window, outcome_text(result))
        elif result.msg is Msg.BUNDLE_UNKNOWN_SENDER:
            if ask_import_unverified(self._window, error_text(result)):
                self._retry(accept_unverified=True)
        elif result.msg is Msg.BUNDLE_NEEDS_PASSPHRASE:
            passphrase = ask_passphrase(self._window, error_text(result))
            if passphrase is not None:
                self._retry(passphrase=passphrase)

    def _retry(self, accept_unverified: bool = False, passphrase: str | None = None) -> None:
        self.start(accept_unverified, passphrase)

    def _on_task_finished(self, task: BackgroundTask) -> None:
        if task is self.task:  # not an earlier attempt that led to a retry
            self.finished.emit(self.outcome)


def choose_bundle(window: Shell) -> None:
    """File ▸ Open a bundle: choose a ``.reflect`` file and receive it."""
    if refuse_read_only(window):
        return
    chosen, _ = QFileDialog.getOpenFileName(
        window.widget(), tr("Open a bundle"), "", tr("Reflect bundles (*.reflect)")
    )
    if chosen:
        receive_file(window, Path(chosen))


def receive_file(window: Shell, path: Path) -> ReceiveFlow:
    """Open the bundle at ``path`` into the Trio inbox, asking only what must be asked."""
    flow = ReceiveFlow(window, path)
    flow.start()
    return flow


def outcome_text(outcome: ReceiveOutcome) -> str:
    name = outcome.bundle.sender_name
    if not outcome.new:
        return error_text(BadInput(Msg.BUNDLE_ALREADY_RECEIVED, name=name))
    if outcome.bundle.kind == "feedback":
        text = tr("Feedback from {0}: comments attached to {1} of your entries.").format(
            name, outcome.comments
        )
        if outcome.unmatched:
            text += " " + counted().unmatched_comments(outcome.unmatched)
    else:
        text = tr("A summary from {0} is in your Trio inbox.").format(name)
    if outcome.peer is None:
        text += " " + tr("It is marked unverified.")
    elif not outcome.sender_verified:
        text += " " + tr(
            "Unverified sender: you have not compared fingerprints with {0} yet, so this may not "
            "be from them. Compare fingerprints on the Trio page."
        ).format(outcome.peer.name)
    return text


def tell(window: Shell, text: str) -> None:
    window.notify(text)
    QMessageBox.information(window.widget(), tr("Bundle received"), text)


def ask_import_unverified(window: Shell, why: str) -> bool:
    answer = QMessageBox.question(
        window.widget(),
        tr("Import as unverified?"),
        why
        + "\n\n"
        + tr("Import it anyway, marked unverified? Only do this if you know who sent it."),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_passphrase(window: Shell, why: str) -> str | None:
    text, ok = QInputDialog.getText(
        window.widget(), tr("Passphrase"), why, QLineEdit.EchoMode.Password
    )
    return text if ok and text else None
