"""The File menu's long work: import, export, backup and restore, each through a background
task with progress and cancel, with native file dialogs (or the backups list) to choose what
and where."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox

from reflect.formats.jrnl_import import JrnlOptions
from reflect.ui.dialogs.backups_dialog import BackupsDialog
from reflect.ui.tasks import BackgroundTask

if TYPE_CHECKING:
    from reflect.ui.shell import Shell

IMPORT_CHOICES = (
    ("jrnl", "jrnl journal (*.txt *.json)", False),
    ("jrnl", "jrnl folder journal", True),
    ("dayone", "Day One export (*.json *.zip)", False),
    ("markdown", "Folder of Markdown notes", True),
    ("json", "Reflect JSON export (*.json)", False),
)


class JournalFiles(QObject):
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
        options = {"jrnl": JrnlOptions(password=password)} if password is not None else {}
        return self._window.run_task(
            self.tr("Importing {0}…").format(path.name),
            lambda progress: self._app.transfer.import_path(format_name, path, progress, **options),
            lambda report: self._window.notify(
                self.tr("Imported {0} new items.").format(report.total_added)
            ),
        )

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
                self.tr("Exported {0} entries to {1}.").format(count, out)
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
