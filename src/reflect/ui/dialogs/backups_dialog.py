"""File ▸ Restore from backup: the backups Reflect keeps, newest first, to choose one to put back.

The dialog only chooses; :class:`reflect.ui.flows.journal_files.JournalFiles` confirms and restores.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reflect.core.backup import Backup, BackupReason

TAKEN, REASON, SIZE = range(3)
HEADERS = {TAKEN: "Taken", REASON: "Why", SIZE: "Size"}
REASONS = {
    BackupReason.DAILY: "Daily copy",
    BackupReason.MANUAL: "Made by you",
    BackupReason.PRE_MIGRATION: "Before an update",
    BackupReason.PRE_RESTORE: "Before a restore",
    BackupReason.PRE_CONVERSION: "Before encrypting or decrypting",
    BackupReason.OTHER: "Other file",
}

Index = QModelIndex | QPersistentModelIndex


def reason_label(reason: BackupReason) -> str:
    return QCoreApplication.translate("Backups", REASONS[reason])


def taken_text(backup: Backup) -> str:
    """When the copy was taken, in local time."""
    return backup.taken.astimezone().strftime("%Y-%m-%d %H:%M")


def size_text(backup: Backup) -> str:
    return QLocale().formattedDataSize(backup.size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


def cell_text(backup: Backup, column: int) -> str:
    if column == TAKEN:
        return taken_text(backup)
    if column == REASON:
        return reason_label(backup.reason)
    return size_text(backup)


class BackupsModel(QAbstractTableModel):
    """A passive table over a list of backups, newest first."""

    def __init__(self, backups: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backups = backups

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.backups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Backups", HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        backup = self.backups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(backup, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(backup.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == SIZE:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


class BackupsDialog(QDialog):
    chosen = Signal(object)  # the Path of the backup to restore

    def __init__(self, backups: list[Backup], backups_dir: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self._backups_dir = backups_dir
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.model = BackupsModel(backups, self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Backups, newest first"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._on_restore)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.setVisible(bool(backups))
        self.empty = QLabel(
            self.tr(
                "No backups yet. Reflect makes one each day you use it once there is writing to "
                "keep, and File ▸ Back up now makes one at any time."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setVisible(not backups)
        intro = QLabel(
            self.tr(
                "Reflect copies your journal each day you use it, before an update and before a "
                "restore. Your journal as it is now is kept as a backup before one is put back."
            )
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self._buttons())
        self.resize(560, 380)

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setEnabled(False)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self._on_restore)
        self.other_file = QPushButton(self.tr("Another file…"))
        self.other_file.setToolTip(self.tr("Restore a copy kept somewhere else"))
        self.other_file.clicked.connect(self._on_other_file)
        box.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.other_file, QDialogButtonBox.ButtonRole.ActionRole)
        box.rejected.connect(self.reject)
        return box

    def selected(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backups[rows[0].row()] if rows else None

    def _on_selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def _on_restore(self) -> None:
        backup = self.selected()
        if backup is not None:
            self.accept()
            self.chosen.emit(backup.path)

    def _on_other_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup to restore"),
            str(self._backups_dir),
            self.tr("Backups (*.db)"),
        )
        if chosen:
            self.accept()
            self.chosen.emit(Path(chosen))
