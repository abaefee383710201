"""File ▸ Evaluation ▸ Collect returns…: the evaluator's view of a programme's evaluation.

The evaluator picks the returns that reached them and a folder for the report. Opening and
checking every file runs off the UI thread (``services/evaluation_cohort.py``); the charts are
then drawn here, on the UI thread (they are widgets), and the HTML, PDF and CSVs written in a
second task. The summary says what was read, each file refused and why, the repeats counted
once and the withdrawals honoured; "Open report folder" shows the folder in the file manager.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.core.evaluation import EvaluationPlan
from reflect.core.programme import Programme
from reflect.errors import ReflectError
from reflect.formats.progress import Progress
from reflect.messages import Msg
from reflect.services.evaluation_cohort import Gathered, gather, refusal_text
from reflect.services.evaluation_report import with_charts
from reflect.ui.printing.evaluation_pdf import WrittenReport, paper_chart, write_evaluation_report
from reflect.ui.printing.print_flow import window_words
from reflect.ui.shell import Shell
from reflect.ui.texts import error_text, message_text
from reflect.ui.widgets.basics import label


def collect_returns(shell: Shell) -> QDialog | None:
    """Open the view, or say why not (no installed programme asks for an evaluation)."""
    programmes = shell.app.evaluation_returns.programmes()
    if not programmes:
        title = QCoreApplication.translate("CollectDialog", "Evaluation")
        QMessageBox.information(shell.widget(), title, message_text(Msg.EVALUATION_NONE))
        return None
    dialog = CollectDialog(shell, programmes)
    dialog.show()
    return dialog


class CollectDialog(QDialog):
    def __init__(
        self,
        shell: Shell,
        programmes: list[tuple[Programme, EvaluationPlan]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent or shell.widget())
        self._shell = shell
        self._programmes = programmes
        self._files: list[Path] = []
        self._written: WrittenReport | None = None
        self.setWindowTitle(self.tr("Collect evaluation returns"))
        self.setMinimumWidth(560)
        outer = QVBoxLayout(self)
        outer.addWidget(
            label(
                self.tr(
                    "Choose the return files that reached you and a folder for the report. "
                    "Each file is opened with your keys and checked; figures about fewer "
                    "people than the programme's minimum are not shown."
                )
            )
        )
        form = QFormLayout()
        self.programme = QComboBox()
        for programme, _plan in programmes:
            self.programme.addItem(programme.name, programme.pack_id)
        form.addRow(self.tr("&Programme:"), self.programme)
        self.files = QListWidget()
        self.files.setAccessibleName(self.tr("Return files"))
        self.add_files = QPushButton(self.tr("&Add return files…"))
        self.add_files.clicked.connect(self._choose_files)
        files_row = QVBoxLayout()
        files_row.addWidget(self.files)
        files_row.addWidget(self.add_files)
        form.addRow(self.tr("Returns:"), files_row)
        self.folder = QLineEdit()
        self.folder.setAccessibleName(self.tr("Report folder"))
        self.choose_folder = QPushButton(self.tr("C&hoose…"))
        self.choose_folder.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_folder)
        folder_label = QLabel(self.tr("Report &folder:"))
        folder_label.setBuddy(self.folder)  # a row of a layout, not a widget: named by hand
        form.addRow(folder_label, folder_row)
        outer.addLayout(form)
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.setAccessibleName(self.tr("What was collected"))
        self.summary.setPlaceholderText(self.tr("What was read and refused will show here."))
        outer.addWidget(self.summary, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.collect = buttons.addButton(
            self.tr("&Collect and write report"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_folder = buttons.addButton(
            self.tr("&Open report folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.collect.clicked.connect(self._collect)
        self.open_folder.clicked.connect(self._open_folder)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.folder.textChanged.connect(self._update_buttons)
        self._update_buttons()

    # Choosing ------------------------------------------------------------------------------

    def _choose_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Evaluation returns"), "", self.tr("Evaluation returns (*.reflecteval)")
        )
        for name in chosen:
            path = Path(name)
            if path not in self._files:
                self._files.append(path)
                self.files.addItem(path.name)
        self._update_buttons()

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the report"))
        if chosen:
            self.folder.setText(chosen)

    def _update_buttons(self) -> None:
        self.collect.setEnabled(bool(self._files) and bool(self.folder.text().strip()))
        self.open_folder.setEnabled(self._written is not None)

    # Working -------------------------------------------------------------------------------

    def _collect(self) -> None:
        app = self._shell.app
        programme, plan = self._programmes[self.programme.currentIndex()]
        paths, folder = list(self._files), Path(self.folder.text().strip())
        try:
            identity = app.keys.identity()  # may ask for a passphrase: here, not in the task
        except ReflectError as exc:
            QMessageBox.warning(self, self.tr("Evaluation"), error_text(exc))
            return
        frameworks, today = app.frameworks, app.programme.today()
        chosen = replace(programme, evaluation=plan)

        def work(progress: Progress) -> Gathered:
            return gather(paths, chosen, identity, frameworks, today, progress)

        self.collect.setEnabled(False)
        self.summary.clear()
        task = self._shell.run_task(
            self.tr("Opening the returns…"), work, lambda got: self._gathered(got, folder)
        )
        task.finished.connect(self._update_buttons)  # after a refusal too: try again

    def _gathered(self, gathered: Gathered, folder: Path) -> None:
        self.summary.setPlainText("\n".join(self.summary_lines(gathered)))
        report = with_charts(gathered.report, paper_chart)  # widgets: on the UI thread
        words = window_words()
        self.collect.setEnabled(False)
        task = self._shell.run_task(
            self.tr("Writing the report…"),
            lambda progress: write_evaluation_report(folder, report, words),
            self._done,
        )
        task.finished.connect(self._update_buttons)

    def _done(self, written: WrittenReport) -> None:
        self._written = written
        names = ", ".join(path.name for path in written.paths)
        self.summary.appendPlainText(
            self.tr("Wrote the report to {0}: {1}").format(written.folder, names)
        )
        self._update_buttons()
        self.open_folder.setFocus()

    def summary_lines(self, gathered: Gathered) -> list[str]:
        collected = gathered.collected
        lines = [
            self.tr("Files read: {0}").format(gathered.files),
            self.tr("Returns counted: {0}, from {1} people").format(
                len(collected.returns), collected.people
            ),
            self.tr("Refused: {0}").format(len(collected.refused)),
        ]
        # The file's name is enough here: the list above shows where the files are.
        lines += [f"  {refusal_text(Path(p.name), m, message_text)}" for p, m in collected.refused]
        lines.append(self.tr("Repeated files counted once: {0}").format(collected.duplicates))
        lines.append(self.tr("Replaced by a newer return: {0}").format(collected.replaced))
        lines.append(
            self.tr("Withdrawals honoured: {0} (their {1} returns left out)").format(
                collected.withdrawn, collected.removed
            )
        )
        return lines

    def _open_folder(self) -> None:
        if self._written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._written.folder)))
