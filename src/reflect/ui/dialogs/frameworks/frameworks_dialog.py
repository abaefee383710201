"""The Frameworks dialog: every framework with what it is and where it comes from, and the
user's own ones to copy, edit, import and delete. Shipped and pack files are never changed."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reflect.core.framework import Framework, Origin
from reflect.errors import ReflectError
from reflect.services.frameworks import FrameworkCatalog
from reflect.ui.dialogs.frameworks.framework_editor import FrameworkEditor
from reflect.ui.dialogs.frameworks.framework_info import framework_markdown
from reflect.ui.texts import error_text
from reflect.ui.widgets.basics import label
from reflect.ui.widgets.html_delegate import HtmlDelegate, HtmlRole
from reflect.ui.widgets.safe_browser import SafeBrowser

FrameworkRole = Qt.ItemDataRole.UserRole + 1

_ORIGINS = {
    Origin.USER: "Your copy",
    Origin.SHIPPED: "Comes with Reflect",
    Origin.PACK: "From a programme pack",
}


class FrameworksDialog(QDialog):
    """Opened with ``open()`` so tests can press its buttons; so is the editor it opens."""

    changed = Signal()  # a framework was copied, edited, imported or deleted

    def __init__(self, catalog: FrameworkCatalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self.editor_dialog: FrameworkEditor | None = None
        self.setWindowTitle(self.tr("Frameworks"))
        self.resize(940, 620)
        self._build()
        self.refresh()

    def _build(self) -> None:
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Frameworks"))
        self.list.setItemDelegate(HtmlDelegate(self.list))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.info = SafeBrowser()
        self.info.setAccessibleName(self.tr("About the chosen framework"))
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.info)
        splitter.setSizes([320, 620])
        splitter.setChildrenCollapsible(False)
        self.problems = label("")
        self.problems.setTextFormat(Qt.TextFormat.RichText)
        self.problems.setAccessibleName(self.tr("Framework files left out"))
        self.status = label("", "muted")
        self.status.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.status)
        layout.addLayout(self._buttons())

    def _buttons(self) -> QHBoxLayout:
        self.copy_button = QPushButton(self.tr("Make a &copy to edit"))
        self.copy_button.clicked.connect(self._on_copy)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.clicked.connect(self._on_edit)
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.clicked.connect(self._on_delete)
        self.import_button = QPushButton(self.tr("&Import…"))
        self.import_button.clicked.connect(self._on_import)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        self.close_button = close.button(QDialogButtonBox.StandardButton.Close)
        row = QHBoxLayout()
        for widget in (self.copy_button, self.edit_button, self.delete_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.import_button)
        row.addWidget(close)
        return row

    # Showing -----------------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        """List the catalog again, keeping (or moving to) the chosen framework."""
        chosen = select or self.selected_id()
        self.list.clear()
        for framework in self._catalog.all():
            self.list.addItem(self._item(framework))
        ids = [self.list.item(n).data(FrameworkRole).id for n in range(self.list.count())]
        self.list.setCurrentRow(ids.index(chosen) if chosen in ids else 0)
        self._show_problems()

    def _item(self, framework: Framework) -> QListWidgetItem:
        notes = [self.tr(_ORIGINS[framework.origin])]
        if not framework.verified:
            notes.append(self.tr("names not verified"))
        item = QListWidgetItem(framework.name)
        item.setData(FrameworkRole, framework)
        item.setData(
            HtmlRole, f"<b>{html.escape(framework.name)}</b><br><small>{' · '.join(notes)}</small>"
        )
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{framework.name}. {', '.join(notes)}")
        return item

    def _show_problems(self) -> None:
        problems = self._catalog.problems()
        self.problems.setVisible(bool(problems))
        if not problems:
            return
        lines = "".join(
            f"<li><b>{html.escape(p.path.name)}</b>: {html.escape(error_text(p.error))}</li>"
            for p in problems
        )
        heading = self.tr("These framework files in {0} could not be used and are left out:")
        self.problems.setText(
            f"<p>{html.escape(heading.format(self._catalog.user_dir))}</p><ul>{lines}</ul>"
        )

    def selected(self) -> Framework | None:
        item = self.list.currentItem()
        framework = None if item is None else item.data(FrameworkRole)
        return framework if isinstance(framework, Framework) else None

    def selected_id(self) -> str | None:
        framework = self.selected()
        return None if framework is None else framework.id

    # Slots -------------------------------------------------------------------------------

    def _on_list_current_item_changed(self, item: QListWidgetItem | None, _: object) -> None:
        framework = self.selected()
        self.info.show_markdown(framework_markdown(framework) if framework else "")
        editable = framework is not None and framework.editable
        self.copy_button.setEnabled(framework is not None)
        self.edit_button.setEnabled(editable)
        self.delete_button.setEnabled(editable)

    def _on_copy(self) -> None:
        framework = self.selected()
        if framework is None:
            return
        try:
            copied = self._catalog.copy(framework.id)
        except ReflectError as exc:
            self._warn(exc)
            return
        self._after_change(copied.id, self.tr("Made “{0}”: yours to edit.").format(copied.name))

    def _on_edit(self) -> None:
        framework = self.selected()
        if framework is None or not framework.editable:
            return
        self.editor_dialog = FrameworkEditor(self._catalog, framework, self)
        self.editor_dialog.saved.connect(self._on_editor_saved)
        self.editor_dialog.finished.connect(self.list.setFocus)
        self.editor_dialog.open()

    def _on_editor_saved(self, framework: Framework) -> None:
        self._after_change(framework.id, self.tr("Saved “{0}”.").format(framework.name))

    def _on_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a framework"), "", self.tr("Framework files (*.toml)")
        )
        if not path:
            return
        try:
            imported = self._catalog.import_file(Path(path))
        except ReflectError as exc:
            self._warn(exc)
            return
        self._after_change(imported.id, self.tr("Imported “{0}”.").format(imported.name))

    def _on_delete(self) -> None:
        framework = self.selected()
        if framework is None or not framework.editable:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete framework?"),
            self.tr("Delete “{0}”? Entries written with it keep every word.").format(
                framework.name
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        row = self.list.currentRow()
        try:
            self._catalog.delete(framework.id)
        except ReflectError as exc:
            self._warn(exc)
            return
        self._after_change(None, self.tr("Deleted “{0}”.").format(framework.name))
        self.list.setCurrentRow(min(row, self.list.count() - 1))

    def _after_change(self, select: str | None, message: str) -> None:
        self.refresh(select)
        self.status.setText(message)
        self.status.show()
        self.changed.emit()

    def _warn(self, exc: ReflectError) -> None:
        QMessageBox.warning(self, self.tr("Frameworks"), error_text(exc))


def open_frameworks(
    catalog: FrameworkCatalog, parent: QWidget, on_changed: Callable[[], None]
) -> FrameworksDialog:
    """Open the dialog without blocking (so tests can drive it); ``on_changed`` after each
    change, so pages that list frameworks can show the new names."""
    dialog = FrameworksDialog(catalog, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.changed.connect(on_changed)
    dialog.open()
    return dialog
