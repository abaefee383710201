"""Inquiries: every question by status on the left; the chosen one, its story and its work.

The detail shows the current wording large, why it matters, how it ended (when it has), every
earlier wording with its date, and the actions, measures, learning log and entries linked
to it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reflect.app import App
from reflect.core.action import Action, ActionKind, ActionStatus
from reflect.core.entry import EntryKind
from reflect.core.entry_filter import EntryFilter
from reflect.core.inquiry import Inquiry, InquiryStatus
from reflect.errors import ReflectError
from reflect.ui.navigation import Navigator
from reflect.ui.pages.inquiries.inquiry_dialogs import (
    StatusDialog,
    ask_new_question,
    ask_rewording,
    ask_why,
    outcome_heading,
    status_label,
)
from reflect.ui.pages.inquiries.learning_section import LearningSection
from reflect.ui.pages.inquiries.measures_section import MeasuresSection
from reflect.ui.pages.inquiries.report_dialog import open_report_dialog
from reflect.ui.texts import day_text, entry_title, error_text, kind_label, moment_day_text
from reflect.ui.widgets.basics import card, fit_to_rows, label, scrolling

IdRole = Qt.ItemDataRole.UserRole
ENTRY_LIMIT = 100
_ACTION_WORDS = {
    ActionKind.START: "Start",
    ActionKind.STOP: "Stop",
    ActionKind.CONTINUE: "Continue",
}


class InquiriesPage(QWidget):
    def __init__(self, app: App, navigator: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._nav = navigator
        self._inquiries: dict[str, Inquiry] = {}
        self._shown: str | None = None
        self.status_dialog: StatusDialog | None = None
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Inquiries"))
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setProperty("role", "inquiry-list")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(self._on_list_current_changed)
        self.new_button = QPushButton(self.tr("New inquiry…"))
        self.new_button.setAccessibleName(self.tr("New inquiry"))
        self.new_button.clicked.connect(self._on_new_clicked)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(16, 16, 8, 16)
        column.addWidget(label(self.tr("Inquiries"), "title"))
        column.addWidget(self.list, 1)
        column.addWidget(self.new_button)
        self._detail = scrolling(QWidget())
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self._detail)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([300, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.refresh()

    # The list ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload from the journal, keeping the chosen inquiry (or choosing the first)."""
        chosen = self.current_id()
        self._inquiries = {i.id: i for i in self._app.inquiries.all()}
        self.list.blockSignals(True)
        self.list.clear()
        for status in InquiryStatus:
            group = [i for i in self._inquiries.values() if i.status is status]
            if group:
                self.list.addItem(self._group_item(status, len(group)))
                for inquiry in group:
                    self.list.addItem(self._inquiry_item(inquiry))
        row = self._row_of(chosen)
        first = 1 if self.list.count() else -1  # row 0 is the first group's heading
        self.list.setCurrentRow(row if row >= 0 else first)
        self.list.blockSignals(False)
        self._show_detail()

    def _group_item(self, status: InquiryStatus, count: int) -> QListWidgetItem:
        item = QListWidgetItem(f"{status_label(status)}  ·  {count}")
        item.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading: arrow keys pass over it
        font = QFont(self.list.font())
        font.setBold(True)
        item.setFont(font)
        item.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
        return item

    def changeEvent(self, event: QEvent) -> None:  # a Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
            for row in range(self.list.count()):
                if not self.list.item(row).flags():  # a heading, coloured by hand
                    self.list.item(row).setForeground(muted)

    def _inquiry_item(self, inquiry: Inquiry) -> QListWidgetItem:
        text = inquiry.question
        if inquiry.status is not InquiryStatus.ACTIVE:
            text += "\n" + outcome_heading(inquiry.status, moment_day_text(inquiry.updated))
        item = QListWidgetItem(text)
        item.setData(IdRole, inquiry.id)
        item.setData(
            Qt.ItemDataRole.AccessibleTextRole,
            f"{status_label(inquiry.status)}: {inquiry.question}",
        )
        return item

    def _row_of(self, inquiry_id: str | None) -> int:
        rows = range(self.list.count()) if inquiry_id else range(0)
        return next((r for r in rows if self.list.item(r).data(IdRole) == inquiry_id), -1)

    def current_id(self) -> str | None:
        chosen = self.list.currentItem().data(IdRole) if self.list.currentItem() else None
        return str(chosen) if chosen else None

    def current(self) -> Inquiry | None:
        chosen = self.current_id()
        return self._inquiries.get(chosen) if chosen else None

    def select(self, inquiry_id: str) -> None:
        if inquiry_id not in self._inquiries:
            self.refresh()
        row = self._row_of(inquiry_id)
        if row >= 0:
            self.list.setCurrentRow(row)
            self.list.scrollToItem(self.list.item(row))

    def _on_list_current_changed(self, *_: object) -> None:
        self._show_detail()

    # The detail --------------------------------------------------------------------------

    def _show_detail(self) -> None:
        inquiry = self.current()
        bar = self._detail.verticalScrollBar()
        scroll = bar.value() if inquiry is not None and inquiry.id == self._shown else 0
        focused = self.focusWidget()
        refocus = focused.objectName() if focused and self._detail.isAncestorOf(focused) else ""
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(10)
        if inquiry is None:
            self._empty(layout)
        else:
            self._header(layout, inquiry)
            self._why(layout, inquiry)
            self._wordings(layout, inquiry)
            self._actions(layout, inquiry)
            self.measures = MeasuresSection(self._app, inquiry.id, self._nav.notify)
            layout.addWidget(self.measures)
            self.learning = LearningSection(self._app, self._nav, layout, inquiry)
            self._entries(layout, inquiry)
        layout.addStretch(1)
        old = self._detail.takeWidget()
        if old is not None:
            old.deleteLater()  # later: this may run inside one of its buttons' clicks
        self._detail.setWidget(content)
        self._shown = inquiry.id if inquiry is not None else None
        bar.setValue(scroll)
        again = content.findChild(QWidget, refocus) if refocus else None
        if again is not None:
            again.setFocus()

    def _empty(self, layout: QVBoxLayout) -> None:
        layout.addWidget(label(self.tr("Your inquiry questions"), "title"))
        text = self.tr(
            "An inquiry is the question you hold through the programme: open, about your own "
            "practice, and one you cannot answer yet. Reflections, coaching notes and actions "
            "link to it, so you can see how your thinking moved."
        )
        layout.addWidget(label(text, "muted"))
        row = QHBoxLayout()
        start = self._button(row, self.tr("Ask your first question…"), self._on_new_clicked)
        start.setProperty("role", "primary-compact")
        row.addStretch(1)
        layout.addLayout(row)

    def _header(self, layout: QVBoxLayout, inquiry: Inquiry) -> None:
        first = inquiry.wordings[0].created if inquiry.wordings else inquiry.created
        since = self.tr("{0} · first asked {1}").format(
            status_label(inquiry.status), moment_day_text(first)
        )
        layout.addWidget(label(since, "muted"))
        self.question_label = label(inquiry.question, "question")
        self.question_label.setAccessibleName(self.tr("Current question"))
        layout.addWidget(self.question_label)
        if inquiry.status is not InquiryStatus.ACTIVE:
            layout.addWidget(self._outcome(inquiry))
        row = QHBoxLayout()
        row.setContentsMargins(0, 6, 0, 6)
        self.reflect_button = self._button(row, self.tr("Reflect on this"), self._on_reflect)
        self.reflect_button.setProperty("role", "primary-compact")
        self.reword_button = self._button(row, self.tr("Reword…"), self._on_reword_clicked)
        self.status_button = self._button(row, self.tr("Change status…"), self._on_status_clicked)
        self.report_button = self._button(row, self.tr("Report…"), self._on_report_clicked)
        row.addStretch(1)
        layout.addLayout(row)

    def _outcome(self, inquiry: Inquiry) -> QWidget:
        frame, inner = card()
        heading = outcome_heading(inquiry.status, moment_day_text(inquiry.updated))
        self.outcome_label = label(heading, "card-heading")
        inner.addWidget(self.outcome_label)
        if inquiry.status_note:
            inner.addWidget(label(inquiry.status_note))
        if inquiry.status is InquiryStatus.STOPPED:
            respect = self.tr(
                "Stopping is a real outcome: it frees time and attention for what "
                "matters more, and what you learned on the way stays here."
            )
            inner.addWidget(label(respect, "muted"))
        return frame

    def _why(self, layout: QVBoxLayout, inquiry: Inquiry) -> None:
        row = QHBoxLayout()
        row.addWidget(label(self.tr("Why it matters"), "section"), 1)
        self.why_button = self._button(row, self.tr("Edit why…"), self._on_why_clicked)
        row.setAlignment(self.why_button, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(row)
        missing = self.tr(
            "Not written yet. What makes this question worth your time, and who "
            "would notice if it moved?"
        )
        self.why_label = label(inquiry.why or missing, "" if inquiry.why else "muted")
        layout.addWidget(self.why_label)

    def _wordings(self, layout: QVBoxLayout, inquiry: Inquiry) -> None:
        layout.addWidget(label(self.tr("How the question changed"), "section"))
        frame, inner = card()
        inner.setSpacing(4)
        self.wording_labels: list[tuple[str, str]] = []
        for n, wording in enumerate(inquiry.wordings):
            when = self.tr("First asked {0}") if n == 0 else self.tr("Reworded {0}")
            dated = when.format(moment_day_text(wording.created))
            if n:
                inner.addSpacing(8)
            inner.addWidget(label(dated, "muted"))
            inner.addWidget(label(wording.question))
            self.wording_labels.append((dated, wording.question))
        layout.addWidget(frame)

    def _entries(self, layout: QVBoxLayout, inquiry: Inquiry) -> None:
        linked = EntryFilter(inquiry_id=inquiry.id)
        total = self._app.entries.count(linked)
        layout.addWidget(label(self.tr("Entries · {0}").format(total), "section"))
        self.entry_list = QListWidget()
        self.entry_list.setAccessibleName(self.tr("Entries linked to this inquiry"))
        for entry in self._app.entries.page(linked, limit=ENTRY_LIMIT):
            when = f"{moment_day_text(entry.created)}  ·  {kind_label(entry.kind)}"
            item = QListWidgetItem(f"{when}  ·  {entry_title(entry.display_title)}")
            item.setData(IdRole, entry.id)
            item.setToolTip(entry_title(entry.display_title))
            self.entry_list.addItem(item)
        self.entry_list.itemClicked.connect(self._on_entry_list_item_activated)
        self.entry_list.itemActivated.connect(self._on_entry_list_item_activated)
        fit_to_rows(self.entry_list)
        layout.addWidget(self.entry_list)
        if not total:
            self.entry_list.hide()
            layout.addWidget(
                label(self.tr("No entries yet. “Reflect on this” starts one."), "muted")
            )
        if total > ENTRY_LIMIT:
            more = self.tr("…and %n earlier entry(s) in the Journal.", "", total - ENTRY_LIMIT)
            layout.addWidget(label(more, "muted"))

    def _on_entry_list_item_activated(self, item: QListWidgetItem) -> None:
        self._nav.open_entry(str(item.data(IdRole)))

    def _actions(self, layout: QVBoxLayout, inquiry: Inquiry) -> None:
        actions = self._app.actions.find(inquiry_id=inquiry.id)
        layout.addWidget(label(self.tr("Actions · {0}").format(len(actions)), "section"))
        self.action_rows: list[tuple[str, str]] = []
        if not actions:
            layout.addWidget(label(self.tr("No actions linked to this inquiry yet."), "muted"))
        for kind in ActionKind:
            group = [a for a in actions if a.kind is kind]
            if not group:
                continue
            frame, inner = card()
            inner.addWidget(label(self.tr(_ACTION_WORDS[kind]), "muted"))
            for action in group:
                state = self._action_state(action)
                row = QHBoxLayout()
                row.addWidget(label(action.text), 1)
                row.addWidget(label(state, "muted", wrap=False), 0, Qt.AlignmentFlag.AlignTop)
                inner.addLayout(row)
                self.action_rows.append((action.text, state))
            layout.addWidget(frame)

    def _action_state(self, action: Action) -> str:
        if action.status is ActionStatus.DONE:
            return self.tr("done")
        if action.status is ActionStatus.DROPPED:
            return self.tr("dropped")
        if action.due is None:
            return self.tr("open")
        day = day_text(date.fromisoformat(action.due))
        if action.due < date.today().isoformat():
            return self.tr("overdue since {0}").format(day)
        return self.tr("due {0}").format(day)

    def _button(self, row: QHBoxLayout, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(text)  # lets focus come back to it after a refresh
        button.setAccessibleName(text.rstrip("…"))
        button.setProperty("role", "inquiry-button")
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    # Changes (the window refreshes the page when the journal announces them) -------------

    def _on_new_clicked(self) -> None:
        question = ask_new_question(self)
        if question:
            created = self._attempt(lambda: self._app.inquiries.add(question))
            if created is not None:
                self.select(created.id)

    def _on_report_clicked(self) -> None:
        if (inquiry := self.current()) is not None:
            self.report_dialog = open_report_dialog(self._app, self._nav, inquiry.id, self)

    def _on_reword_clicked(self) -> None:
        inquiry = self.current()
        question = ask_rewording(self, inquiry.question) if inquiry else None
        if inquiry is not None and question:
            self._attempt(lambda: self._app.inquiries.reword(inquiry.id, question))

    def _on_why_clicked(self) -> None:
        inquiry = self.current()
        why = ask_why(self, inquiry.why) if inquiry else None
        if inquiry is not None and why is not None:
            self._attempt(lambda: self._app.inquiries.set_why(inquiry.id, why))

    def _on_status_clicked(self) -> None:
        inquiry = self.current()
        if inquiry is None:
            return
        dialog = StatusDialog(inquiry, self)
        dialog.chosen.connect(lambda status, note: self.change_status(inquiry.id, status, note))
        dialog.finished.connect(dialog.deleteLater)
        self.status_dialog = dialog
        dialog.open()

    def change_status(self, inquiry_id: str, status: str, note: str) -> None:
        self._attempt(lambda: self._app.inquiries.set_status(inquiry_id, status, note))

    def _on_reflect(self) -> None:
        inquiry = self.current()
        if inquiry is not None:
            self._nav.new_entry(EntryKind.REFLECTION, inquiry.id)

    def _attempt(self, change: Callable[[], Inquiry]) -> Inquiry | None:
        try:
            return change()
        except ReflectError as exc:
            self._nav.notify(error_text(exc))
            return None
