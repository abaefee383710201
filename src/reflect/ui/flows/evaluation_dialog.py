"""The evaluation return form: what a return for one time point would hold, exactly as it would
leave, with the facilitator's privacy notice, and a file saved only after an explicit "I agree".

Scores only by default: counts and quotes are unticked until the participant ticks them. The
ratings are the journal's latest self-assessment and are not edited here (to change them, assess
yourself again; docs/evaluation.md says why). Any change to what would leave unticks the consent,
so what is agreed to is always what is shown. Reflect sends nothing: "Save return…" writes a file
(in the background) for the participant to send. "Withdraw from the evaluation…" explains what a
withdrawal does and writes one the same way.

The draft is gathered from the journal on the UI thread (a handful of queries) a moment after
each change; sealing and writing run off it through the window's ``run_task``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reflect.core.evaluation import CountKey
from reflect.core.evaluation_due import DueState
from reflect.errors import ReflectError
from reflect.messages import Msg
from reflect.services.evaluation_draft import Draft
from reflect.services.evaluation_preview import Line, return_lines
from reflect.ui.flows.evaluation_quotes import QuotePicker
from reflect.ui.tasks import BackgroundTask
from reflect.ui.texts import error_text
from reflect.ui.widgets.basics import label, scrolling

if TYPE_CHECKING:
    from reflect.ui.shell import Shell

RECENT_ENTRIES = 40
FOLLOW_MS = 150  # one rebuild per pause in typing
ANSWER_HEIGHT = 64
SUFFIX = ".reflecteval"


def translated(msg: Msg) -> str:
    return QCoreApplication.translate("Messages", msg.template)


def lines_text(lines: list[Line]) -> str:
    return "\n".join(line.render(translated) for line in lines)


class PreviewBox(QPlainTextEdit):
    """Read-only, selectable by keyboard, Tab moves on: exactly what will leave."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setReadOnly(True)
        self.setTabChangesFocus(True)
        self.setAccessibleName(name)


class ConsentFooter(QWidget):
    """The consent checkbox and the button it unlocks."""

    def __init__(self, consent: str, action: str) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.consent = QCheckBox(consent)
        self.status = label("", "muted")
        self.save = QPushButton(action)
        self.save.setEnabled(False)
        self.consent.toggled.connect(self._on_consent)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.save)
        layout.addWidget(self.consent)
        layout.addWidget(self.status)
        layout.addLayout(self.buttons)
        self.ready = False  # there is something that may be saved

    def set_ready(self, ready: bool) -> None:
        self.ready = ready
        self.consent.setChecked(False)  # what was agreed to is no longer what is shown
        self.consent.setEnabled(ready)
        self._on_consent(False)

    def _on_consent(self, on: bool) -> None:
        self.save.setEnabled(on and self.ready)
        self.save.setDefault(on and self.ready)


class EvaluationReturnDialog(QDialog):
    preview_shown = Signal()  # the preview matches the form now
    saved = Signal(Path)

    def __init__(self, window: Shell, programme_id: str, time_point: str = "") -> None:
        super().__init__(window.widget())
        self._window = window
        self._service = window.app.evaluation_returns
        self._programme_id = programme_id
        self.draft: Draft | None = None
        self._counted: dict[str, tuple[tuple[CountKey, int], ...]] = {}
        self.task: BackgroundTask | None = None
        programme, plan = self._service.pick(programme_id)
        self._plan = plan
        self.setWindowTitle(self.tr("Evaluation return: {0}").format(programme.name))
        self.resize(900, 560)
        self.preview = PreviewBox(self.tr("Exactly what will leave"))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(label(self.tr("Exactly what will leave"), "section"))
        right_layout.addWidget(self.preview, 1)
        splitter = QSplitter()
        form = scrolling(self._build_form(time_point))
        splitter.addWidget(form)
        # What will leave stays readable beside the form, however little room the screen
        # gives (at 150% the form's lists would otherwise squeeze it to a word a line); the
        # form scrolls sideways instead.
        right.setMinimumWidth(self.fontMetrics().averageCharWidth() * 36)
        splitter.setCollapsible(1, False)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 500])
        self.footer = ConsentFooter(
            self.tr("I have read what will leave and the privacy notice, and I agree to send it"),
            self.tr("Save return…"),
        )
        self.consent, self.save, self.status = (
            self.footer.consent,
            self.footer.save,
            self.footer.status,
        )
        self.save.clicked.connect(self.choose_file_and_save)
        self.withdraw = QPushButton(self.tr("Withdraw from the evaluation…"))
        self.withdraw.setAutoDefault(False)
        self.withdraw.clicked.connect(self.open_withdrawal)
        self.footer.buttons.insertWidget(0, self.withdraw)
        close = QPushButton(self.tr("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        self.footer.buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.footer)
        self.follow = QTimer(self, singleShot=True, interval=FOLLOW_MS)
        self.follow.timeout.connect(self.refresh_preview)
        self.refresh_preview()

    def _build_form(self, wanted: str) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.time_point = QComboBox()
        self.time_point.setAccessibleName(self.tr("Time point"))
        due = [p for p in self._service.due() if p.programme_id == self._programme_id]
        states = {
            DueState.NOT_YET_OPEN: self.tr("not yet open"),
            DueState.DUE: self.tr("due now"),
            DueState.SENT: self.tr("sent"),
            DueState.WITHDRAWN: self.tr("withdrawn"),
        }
        for point in due:
            self.time_point.addItem(f"{point.point.label} ({states[point.state]})", point.point.key)
        keys = [p.point.key for p in due]
        first_due = next((p.point.key for p in due if p.state is DueState.DUE), keys[0])
        self.time_point.setCurrentIndex(keys.index(wanted if wanted in keys else first_due))
        self.time_point.currentIndexChanged.connect(self._on_changed)
        form.addRow(self.tr("&Time point"), self.time_point)
        note = self.tr(
            "Your ratings are your latest self-assessment, as your journal holds it. To change "
            "them, assess yourself again first."
        )
        form.addRow(label(note, "muted"))
        self.counts = QCheckBox(self.tr("Include &counts"))
        self.counts.setVisible(self._plan.ask_counts)
        self.counts.setToolTip(
            self.tr(
                "Entries written, actions to start and to stop added, and "
                "measures with a signal, since the last time point"
            )
        )
        self.counts.toggled.connect(self._on_changed)
        form.addRow(self.counts)
        self.include_quotes = QCheckBox(self.tr("Include &quotes"))
        self.include_quotes.toggled.connect(self._on_quotes_toggled)
        form.addRow(self.include_quotes)
        self.quotes = QuotePicker(self._service.today())
        self.quotes.set_entries(self._window.app.entries.page(limit=RECENT_ENTRIES))
        self.quotes.changed.connect(self._on_changed)
        self.quotes.setVisible(False)
        form.addRow(self.quotes)
        self.answers: dict[str, QPlainTextEdit] = {}
        for question in self._plan.questions:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setAccessibleName(question.text)
            edit.setMaximumHeight(ANSWER_HEIGHT)
            edit.textChanged.connect(self._on_changed)
            self.answers[question.key] = edit
            form.addRow(label(question.text))  # a row of its own: questions are long
            form.addRow(edit)
        return box

    # What would leave --------------------------------------------------------------------

    def refresh_preview(self) -> Draft | None:
        """Build the draft from the form now and show it, or show why nothing can leave."""
        self.follow.stop()
        self.draft = None
        key = str(self.time_point.currentData())
        # Counts read every measure's points: counted once per time point, not per keystroke.
        counted = self.counts.isChecked() and key not in self._counted
        try:
            draft = self._service.draft(
                self._programme_id,
                key,
                counts=counted,
                answers={name: edit.toPlainText() for name, edit in self.answers.items()},
            )
            if counted:
                self._counted[key] = draft.counts
            elif self.counts.isChecked():
                draft = replace(draft, counts=self._counted[key])
            if self.include_quotes.isChecked():
                draft = draft.with_quotes(self.quotes.chosen(), self._service.today())
        except ReflectError as exc:
            self.preview.setPlainText(error_text(exc))
            self.footer.set_ready(False)
        else:
            self.draft = draft
            self.preview.setPlainText(lines_text(return_lines(draft)))
            self.footer.set_ready(True)
        self.status.setText("")
        self.status.hide()  # shown again when there is something to say
        self.preview_shown.emit()
        return self.draft

    def _on_changed(self, *_: object) -> None:
        self.footer.set_ready(False)  # consent waits for the preview of what is now chosen
        self.follow.start()

    def _on_quotes_toggled(self, on: bool) -> None:
        self.quotes.setVisible(on)
        self._on_changed()

    # Saving ------------------------------------------------------------------------------

    def choose_file_and_save(self) -> None:
        draft = self.draft
        if draft is None or not self.consent.isChecked():
            return
        name = f"{self._programme_id}-{draft.time_point}{SUFFIX}"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save return"), name, self.tr("Evaluation return (*.reflecteval)")
        )
        if chosen:
            self.save_to(Path(chosen), lambda: self._service.write(draft, Path(chosen)))

    def save_to(self, out: Path, work: Callable[[], Path]) -> None:
        if not keys_ready(self._window, self.status):
            return
        self.save.setEnabled(False)
        self.task = self._window.run_task(
            self.tr("Writing the file…"), lambda _progress: work(), self._on_saved
        )

    def _on_saved(self, path: Path) -> None:
        self.footer.set_ready(False)
        self.status.setText(
            self.tr(
                "Saved {0}. Send it to the evaluator by any channel you like; Reflect sends "
                "nothing itself."
            ).format(path)
        )
        self.status.show()
        self._window.notify(self.tr("Saved {0}.").format(path))
        self.saved.emit(path)

    def open_withdrawal(self) -> WithdrawalDialog:
        dialog = WithdrawalDialog(self._window, self._programme_id, self)
        dialog.saved.connect(lambda _path: self.refresh_preview())
        dialog.open()
        return dialog


class WithdrawalDialog(QDialog):
    """What a withdrawal does, the privacy notice, and consent before it is saved."""

    saved = Signal(Path)

    def __init__(self, window: Shell, programme_id: str, parent: QWidget) -> None:
        super().__init__(parent)
        self._window = window
        self._service = window.app.evaluation_returns
        self._programme_id = programme_id
        self.task: BackgroundTask | None = None
        self.setWindowTitle(self.tr("Withdraw from the evaluation"))
        self.resize(640, 420)
        self.preview = PreviewBox(self.tr("What a withdrawal does"))
        self.preview.setPlainText(lines_text(self._service.withdrawal_preview(programme_id)))
        self.footer = ConsentFooter(
            self.tr("I understand, and I want to withdraw"), self.tr("Save withdrawal…")
        )
        self.footer.set_ready(True)
        self.consent, self.save = self.footer.consent, self.footer.save
        self.save.clicked.connect(self.choose_file_and_save)
        close = QPushButton(self.tr("Cancel"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        self.footer.buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.footer)

    def choose_file_and_save(self) -> None:
        if not self.consent.isChecked():
            return
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save withdrawal"),
            f"{self._programme_id}-withdrawal{SUFFIX}",
            self.tr("Evaluation return (*.reflecteval)"),
        )
        if not chosen:
            return
        programme_id, out = self._programme_id, Path(chosen)
        if not keys_ready(self._window, self.footer.status):
            return
        self.save.setEnabled(False)
        self.task = self._window.run_task(
            self.tr("Writing the file…"),
            lambda _progress: self._service.withdraw(programme_id, out),
            self._on_saved,
        )

    def _on_saved(self, path: Path) -> None:
        self._window.notify(self.tr("Saved {0}.").format(path))
        self.saved.emit(path)
        self.accept()


def keys_ready(window: Shell, status: QLabel) -> bool:
    """Open the keys here, on the UI thread, where a passphrase dialog may be asked for; the
    file is then sealed off it. Says why not in ``status``."""
    try:
        window.app.keys.identity()
    except ReflectError as exc:
        status.setText(error_text(exc))
        status.show()
        return False
    return True


def open_evaluation_dialog(
    window: Shell, programme_id: str, time_point: str = ""
) -> EvaluationReturnDialog | None:
    """Open the form without blocking; say why not when the programme has no evaluation."""
    try:
        dialog = EvaluationReturnDialog(window, programme_id, time_point)
    except ReflectError as exc:
        window.notify(error_text(exc))
        return None
    dialog.finished.connect(dialog.deleteLater)
    dialog.show()
    return dialog
