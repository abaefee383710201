"""Journal: every entry, newest first, grouped by day, with filters; and the trash."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reflect.app import App
from reflect.core.clock import local_day_start
from reflect.core.entry import EntryKind
from reflect.core.entry_filter import EntryFilter
from reflect.ui.navigation import Navigator
from reflect.ui.pages.journal.journal_delegate import JournalDelegate
from reflect.ui.pages.journal.journal_model import EntryRole, JournalModel
from reflect.ui.texts import entry_title, kind_label
from reflect.ui.widgets.basics import compact_combo

if TYPE_CHECKING:
    from reflect.ui.flows.appraisal_dialog import AppraisalDialog


class JournalPage(QWidget):
    def __init__(self, app: App, navigator: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._nav = navigator
        self.model = JournalModel(app.entries, self)
        self.view = QListView()
        # Every row is the same height, so the view measures one row, not the whole journal;
        # set before the model, or the first layout measures them all.
        self.view.setUniformItemSizes(True)
        # Lay rows out a batch at a time between events, so a long journal never blocks.
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(500)
        self.view.setAccessibleName(self.tr("Journal entries"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(JournalDelegate(self.view))
        # Shift or Ctrl chooses more than one entry, to export them together for appraisal.
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # The Menu key opens it too, as a right-click does.
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_context_menu)
        self.appraisal_dialog: AppraisalDialog | None = None  # the newest, for tests to drive
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.activated.connect(self._on_view_activated)
        self.trash_list = QListWidget()
        self.trash_list.setAccessibleName(self.tr("Entries in the trash"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self._trash_panel())
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters())
        layout.addWidget(self.stack, 1)

    # Filters -----------------------------------------------------------------------------

    def _filters(self) -> QVBoxLayout:
        self.inquiry = compact_combo()
        self.inquiry.setAccessibleName(self.tr("Filter by inquiry"))
        self.tag = compact_combo(10)
        self.tag.setAccessibleName(self.tr("Filter by tag"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Filter by kind"))
        self.kind.addItem(self.tr("All kinds"), None)
        for kind in EntryKind:
            self.kind.addItem(kind_label(kind), kind.value)
        self.use_dates = QCheckBox(self.tr("Between"))
        self.since = QDateEdit(QDate.currentDate().addMonths(-3))
        self.since.setCalendarPopup(True)
        self.since.setAccessibleName(self.tr("From date"))
        self.until = QDateEdit(QDate.currentDate())
        self.until.setCalendarPopup(True)
        self.until.setAccessibleName(self.tr("To date"))
        self.show_trash = QCheckBox(self.tr("Trash"))
        self.show_trash.setAccessibleDescription(self.tr("Show entries in the trash"))
        for combo in (self.inquiry, self.tag, self.kind):
            combo.currentIndexChanged.connect(self.apply_filters)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self.apply_filters)
        self.use_dates.toggled.connect(self.apply_filters)
        self.show_trash.toggled.connect(self._on_show_trash_toggled)
        what = QHBoxLayout()
        for combo in (self.inquiry, self.tag, self.kind):
            what.addWidget(combo, 1)
        when = QHBoxLayout()
        for widget in (self.use_dates, self.since, QLabel(self.tr("and")), self.until):
            when.addWidget(widget)
        when.addStretch(1)
        when.addWidget(self.show_trash)
        rows = QVBoxLayout()
        rows.addLayout(what)
        rows.addLayout(when)
        return rows

    def refresh(self) -> None:
        self._fill_combo(
            self.inquiry,
            self.tr("All inquiries"),
            [(i.question, i.id) for i in self._app.inquiries.all()],
        )
        self._fill_combo(
            self.tag,
            self.tr("All tags"),
            [(f"#{t} ({n})", t) for t, n in self._app.entries.tag_counts()],
        )
        self.apply_filters()
        self._fill_trash()

    def _fill_combo(self, combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for text, value in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)

    def current_filter(self) -> EntryFilter:
        kind = self.kind.currentData()
        since = until = None
        if self.use_dates.isChecked():
            since = local_day_start(as_date(self.since.date()))
            until = local_day_start(as_date(self.until.date()) + timedelta(days=1))
        return EntryFilter(
            inquiry_id=self.inquiry.currentData(),
            tag=self.tag.currentData(),
            kind=EntryKind(kind) if kind else None,
            since=since,
            until=until,
        )

    def apply_filters(self) -> None:
        self.since.setEnabled(self.use_dates.isChecked())
        self.until.setEnabled(self.use_dates.isChecked())
        self.model.set_filter(self.current_filter())

    def chosen_entry_ids(self) -> list[str]:
        """The entries chosen in the list, in the order they are shown; with none chosen, the
        one the keyboard is on."""
        rows = sorted(self.view.selectionModel().selectedRows(), key=lambda i: i.row())
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex()]
        return [entry.id for i in rows if (entry := i.data(EntryRole)) is not None]

    def export_for_appraisal(self) -> AppraisalDialog | None:
        """The chosen entries as accounts for appraisal or revalidation (the dialog)."""
        from reflect.ui.flows.appraisal_flow import open_appraisal

        ids = self.chosen_entry_ids()
        self.appraisal_dialog = open_appraisal(self._app, self._nav, ids, self)
        return self.appraisal_dialog

    def _on_context_menu(self, position: QPoint) -> None:
        menu = QMenu(self.view)
        action = menu.addAction(self.tr("For &appraisal or revalidation…"))
        action.setEnabled(bool(self.chosen_entry_ids()))
        action.triggered.connect(self.export_for_appraisal)
        menu.popup(self.view.viewport().mapToGlobal(position))
        self.context_menu = menu  # kept, so it lives while shown and tests can reach it

    def _on_view_activated(self, index: QModelIndex) -> None:
        entry = index.data(EntryRole)
        if entry is not None:
            self._nav.open_entry(entry.id)

    # Trash -------------------------------------------------------------------------------

    def _trash_panel(self) -> QWidget:
        panel = QWidget()
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.empty_button = QPushButton(self.tr("Empty trash…"))
        self.empty_button.clicked.connect(self._on_empty_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.empty_button)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.trash_list, 1)
        layout.addLayout(buttons)
        return panel

    def _fill_trash(self) -> None:
        self.trash_list.clear()
        for entry in self._app.entries.trashed():
            item = QListWidgetItem(entry_title(entry.display_title))
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.trash_list.addItem(item)
        self.empty_button.setEnabled(self.trash_list.count() > 0)
        if self.trash_list.count():
            self.trash_list.setCurrentRow(0)

    def _on_show_trash_toggled(self, on: bool) -> None:
        self.stack.setCurrentIndex(1 if on else 0)
        self._fill_trash()

    def _on_restore_clicked(self) -> None:
        item = self.trash_list.currentItem()
        if item is not None:
            # Read the item first: restoring refreshes this list and deletes the item.
            entry_id, title = item.data(Qt.ItemDataRole.UserRole), item.text()
            self._app.entries.restore(entry_id)
            self._nav.notify(self.tr("Restored “{0}”.").format(title))

    def _on_empty_clicked(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            self.tr("Empty the trash?"),
            self.tr(
                "Delete %n entry(s) for good? This cannot be undone.", "", self.trash_list.count()
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            removed = self._app.entries.empty_trash()
            self._nav.notify(self.tr("Deleted %n entry(s) for good.", "", removed))


def as_date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())
