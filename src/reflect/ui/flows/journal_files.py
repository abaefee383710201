"""The File menu's long work: import, export, backup and restore, each through a background
task with progress and cancel, with native file dialogs (or the backups list) to choose what
and where.

A Markdown folder refused for notes that cannot be read is offered again: import the notes
that can be read and skip the rest, then see which were left out and why."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox

from reflect.core.contents import ImportReport, SkippedItem
from reflect.errors import InvalidItem
from reflect.formats.jrnl_import import JrnlOptions
from reflect.formats.progress import Progress
from reflect.messages import Msg
from reflect.services.transfer import SKIPPABLE_FORMATS
from reflect.ui.dialogs.backups_dialog import BackupsDialog
from reflect.ui.tasks import BackgroundTask
from reflect.ui.texts import message_text

if TYPE_CHECKING:
    from reflect.ui.shell import Shell

EXPORT_CHOICES = (("json", "Reflect JSON (lossless)…"), ("markdown", "Markdown folder…"))
IMPORT_CHOICES = (
    ("jrnl", "jrnl journal (*.txt *.json)", False),
    ("jrnl", "jrnl folder journal", True),
    ("dayone", "Day One export (*.json *.zip)", False),
    ("markdown", "Folder of Markdown notes", True),
    ("json", "Reflect JSON export (*.json)", False),
)
# A dialog lists this many skipped notes; the command line lists them all.
SHOWN_SKIPPED = 15


@dataclass(frozen=True)
class _Refused:
    """An import refused for items that cannot be read, and what skipping them would read."""

    error: InvalidItem
    readable: ImportReport


class JournalFiles(QObject):
    imported = Signal(object)  # the ImportReport, once the user has been told

    def __init__(self, window: Shell) -> None:
        super().__init__(window.widget())
        self._window = window
        self._app = window.app

    def import_file(self, format_name: str, folder: bool) -> BackgroundTask | None:
        """Choose what to import (and its password, if it is encrypted), then import it."""
        if folder:
            chosen = QFileDialog.getExistingDirectory(
                self._window.widget(), self.tr("Choose a folder to import")
            )
        else:
            chosen = QFileDialog.getOpenFileName(
                self._window.widget(), self.tr("Choose a file to import")
            )[0]
        if not chosen:
            return None
        path = Path(chosen)
        password = None
        if self._app.transfer.needs_password(format_name, path):
            password, ok = QInputDialog.getText(
                self._window.widget(),
                self.tr("Encrypted journal"),
                self.tr("{0} is encrypted. Its jrnl password:").format(path.name),
                QLineEdit.EchoMode.Password,
            )
            if not ok:
                return None
        return self.start_import(format_name, path, password)

    def start_import(
        self, format_name: str, path: Path, password: str | None = None
    ) -> BackgroundTask:
        """Import the whole file or folder; if notes cannot be read, offer to skip them.
        ``password`` opens an encrypted jrnl journal."""
        jrnl = JrnlOptions(password=password) if password is not None else None

        def work(progress: Progress) -> ImportReport | _Refused:
            try:
                return self._app.transfer.import_path(format_name, path, progress, jrnl=jrnl)
            except InvalidItem as refused:
                if format_name not in SKIPPABLE_FORMATS:
                    raise
                # Nothing was stored; read again to count what skipping would import.
                readable = self._app.transfer.readable(format_name, path, progress)
                return _Refused(refused, readable)

        def done(result: ImportReport | _Refused) -> None:
            if isinstance(result, _Refused):
                self._offer_skipping(format_name, path, result)
            else:
                self._report_import(result)

        return self._window.run_task(self.tr("Importing {0}…").format(path.name), work, done)

    def _offer_skipping(self, format_name: str, path: Path, refused: _Refused) -> None:
        good, skipped = refused.readable.seen, refused.readable.skipped
        answer = QMessageBox.question(
            self._window.widget(),
            self.tr("Some notes cannot be read"),
            self.tr("Import the {0} that can be read and skip {1}?").format(
                self.notes_text(good), len(skipped)
            )
            + "\n\n"
            + self._skipped_lines(skipped)
            + "\n\n"
            + self.tr("Nothing has been imported yet."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._window.run_task(
                self.tr("Importing {0}…").format(path.name),
                lambda progress: self._app.transfer.import_path(
                    format_name, path, progress, skip_invalid=True
                ),
                self._report_import,
            )

    def _report_import(self, report: ImportReport) -> None:
        done = self.tr("Imported %n new item(s).", "", report.total_added)
        self._window.notify(done)
        if report.skipped:
            notes = self.notes_text(len(report.skipped))
            QMessageBox.information(
                self._window.widget(),
                self.tr("Imported"),
                done
                + "\n\n"
                + message_text(Msg.IMPORT_SKIPPED, count=notes)
                + "\n"
                + self._skipped_lines(report.skipped),
            )
        self.imported.emit(report)

    def notes_text(self, count: int) -> str:
        return self.tr("%n note(s)", "", count)

    def _skipped_lines(self, skipped: list[SkippedItem]) -> str:
        lines = [
            message_text(Msg.SKIPPED_ITEM, where=item.where, reason=item.reason)
            for item in skipped[:SHOWN_SKIPPED]
        ]
        if len(skipped) > SHOWN_SKIPPED:
            lines.append(
                self.tr("…and {0} more (reflect import markdown --skip-invalid lists all).").format(
                    len(skipped) - SHOWN_SKIPPED
                )
            )
        return "\n".join(lines)

    def export(self, format_name: str) -> None:
        if format_name == "json":
            chosen, _ = QFileDialog.getSaveFileName(
                self._window.widget(),
                self.tr("Export journal"),
                "reflect-journal.json",
                "JSON (*.json)",
            )
        else:
            chosen = QFileDialog.getExistingDirectory(
                self._window.widget(), self.tr("Choose an empty folder")
            )
        if chosen:
            self.start_export(format_name, Path(chosen))

    def start_export(self, format_name: str, out: Path) -> BackgroundTask:
        return self._window.run_task(
            self.tr("Exporting…"),
            lambda progress: self._app.transfer.export(format_name, out, progress),
            lambda count: self._window.notify(
                self.tr("Exported %n entry(s) to {0}.", "", count).format(out)
            ),
        )

    def back_up(self) -> BackgroundTask:
        return self._window.run_task(
            self.tr("Backing up…"),
            lambda progress: self._app.backups.backup(),
            lambda path: self._window.notify(self.tr("Backup saved to {0}.").format(path)),
        )

    def restore(self) -> BackupsDialog:
        """List the backups to choose one from (opened without blocking, so tests can drive
        it); the chosen one is restored after the user confirms."""
        dialog = BackupsDialog(
            self._app.backups.listing(), self._app.paths.backups_dir, self._window.widget()
        )
        dialog.chosen.connect(self.confirm_restore)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def confirm_restore(self, backup: Path) -> None:
        answer = QMessageBox.question(
            self._window.widget(),
            self.tr("Restore this backup?"),
            self.tr(
                "Your journal will be replaced by this backup. The current journal is "
                "kept as a backup first, so nothing is lost."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.start_restore(backup)

    def start_restore(self, backup: Path) -> BackgroundTask:
        self._window.autosave_now()
        return self._window.run_task(
            self.tr("Restoring…"),
            lambda progress: self._app.backups.restore(backup),
            lambda kept: self._window.notify(self.tr("Restored. The previous journal was kept.")),
        )
