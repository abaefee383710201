"""Browse an entry's earlier versions, newest first, and bring one back."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from reflect.app import App
from reflect.core.entry import Revision
from reflect.ui.widgets.safe_browser import SafeBrowser


class RevisionsDialog(QDialog):
    def __init__(self, app: App, entry_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Earlier versions"))
        self.resize(820, 520)
        self._app = app
        self._entry_id = entry_id
        self._revisions: list[Revision] = app.entries.revisions(entry_id)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Versions"))
        self.preview = SafeBrowser()
        self.preview.setAccessibleName(self.tr("Version text"))
        for revision in self._revisions:
            saved = datetime.fromisoformat(revision.saved).astimezone()
            self.list.addItem(saved.strftime("%d %b %Y, %H:%M"))
        if not self._revisions:
            self.list.addItem(self.tr("No earlier versions yet."))
        self.list.currentRowChanged.connect(self._on_row_changed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.bring_back = buttons.addButton(
            self.tr("Bring this version back"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.bring_back.setEnabled(bool(self._revisions))
        self.bring_back.clicked.connect(self._on_bring_back)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addWidget(self.preview, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.list.setCurrentRow(0)

    def _on_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._revisions):
            revision = self._revisions[row]
            heading = f"# {revision.title}\n\n" if revision.title else ""
            self.preview.show_markdown(heading + revision.body)

    def _on_bring_back(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._revisions):
            revision = self._revisions[row]
            # Bringing a version back is itself an edit, so the current text becomes a revision.
            self._app.entries.update(
                self._entry_id,
                title=revision.title,
                body=revision.body,
                kind=revision.kind,
                tags=revision.tags,
                responses=revision.responses,
            )
            self.accept()
