"""Coaching: note a peer coaching trio session, follow up last time's action, look back.

The form sits in a scroll area with, above it, a card asking how the action committed to last
time went; recent sessions are listed beside it and open in the editor.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.app import App
from reflect.core.action import ActionStatus
from reflect.core.coaching import short_date
from reflect.core.entry import shorten
from reflect.errors import ReflectError
from reflect.services.coaching import RecordedSession
from reflect.ui.navigation import Navigator
from reflect.ui.pages.coaching.coaching_form import ISO, CoachingForm
from reflect.ui.texts import entry_title, error_text
from reflect.ui.widgets.basics import card, label, scrolling

FORM_WIDTH = 680
RECENT_WIDTH = 300
RECENT_LIMIT = 12
SUMMARY_LIMIT = 90


class CoachingPage(QWidget):
    def __init__(self, app: App, navigator: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._nav = navigator
        self._service = app.coaching
        self._last: RecordedSession | None = None
        self.form = CoachingForm()
        holder = QWidget()
        columns = QHBoxLayout(holder)
        columns.setContentsMargins(32, 24, 32, 32)
        columns.setSpacing(40)
        columns.addWidget(self._column(), 1, Qt.AlignmentFlag.AlignTop)
        columns.addWidget(self._recent_panel(), 0, Qt.AlignmentFlag.AlignTop)
        columns.addStretch(0)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(holder))
        self.refresh()
        self._chain_focus()

    # Building ----------------------------------------------------------------------------

    def _column(self) -> QWidget:
        content = QWidget()
        content.setMaximumWidth(FORM_WIDTH)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addWidget(label(self.tr("Coaching"), "title"))
        column.addWidget(
            label(
                self.tr(
                    "Notes from your peer coaching trio. Write them soon after the session, "
                    "while the questions are still fresh."
                ),
                "muted",
            )
        )
        column.addSpacing(8)
        column.addWidget(self._followup_card())
        column.addWidget(self.form)
        column.addSpacing(16)
        column.addLayout(self._save_row())
        return content

    def _followup_card(self) -> QFrame:
        self.followup_card, inner = card()
        inner.setSpacing(6)
        self.last_label = label("", "last-action")
        self.last_label.setTextFormat(Qt.TextFormat.PlainText)  # the action is the user's text
        self.last_meta = label("", "muted")
        self.followup = QPlainTextEdit()
        self.followup.setTabChangesFocus(True)
        self.followup.setFixedHeight(self.followup.fontMetrics().lineSpacing() * 3 + 16)
        self.followup.setAccessibleName(self.tr("How last session's action went"))
        self.last_label.setBuddy(self.followup)
        self.mark_done = QPushButton(self.tr("Mark that action done"))
        self.mark_done.clicked.connect(self._on_mark_done_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.mark_done)
        buttons.addStretch(1)
        inner.addWidget(self.last_label)
        inner.addWidget(self.last_meta)
        inner.addWidget(self.followup)
        inner.addLayout(buttons)
        return self.followup_card

    def _save_row(self) -> QHBoxLayout:
        self.save_button = QPushButton(self.tr("Save session"))
        self.save_button.setProperty("role", "primary")
        self.save_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.save_button.setToolTip(self.tr("Save session (Ctrl+Return)"))
        self.save_button.clicked.connect(self.save)
        self.message = label("", "muted")
        self.message.setAccessibleName(self.tr("What happened when saving"))
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addSpacing(12)
        row.addWidget(self.message, 1)
        return row

    def _recent_panel(self) -> QWidget:
        panel = QWidget()
        panel.setFixedWidth(RECENT_WIDTH)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        heading = label(self.tr("Recent sessions"), "section")
        heading.setIndent(0)
        self.recent = QListWidget()
        self.recent.setObjectName("recentSessions")  # its cards are a little roomier
        self.recent.setProperty("role", "card-list")
        self.recent.setAccessibleName(self.tr("Recent sessions"))
        self.recent.setAccessibleDescription(self.tr("Press Enter to open a session."))
        self.recent.setWordWrap(True)
        self.recent.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recent.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recent.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.recent.itemActivated.connect(self._on_recent_activated)
        heading.setBuddy(self.recent)
        self.recent_empty = label(self.tr("Sessions you save appear here."), "muted")
        self.recent_hint = label(self.tr("Double-click or press Enter to open one."), "muted")
        layout.addWidget(heading)
        layout.addWidget(self.recent_empty)
        layout.addWidget(self.recent)
        layout.addWidget(self.recent_hint)
        return panel

    def _chain_focus(self) -> None:
        chain = [
            self.followup,
            self.mark_done,
            *self.form.focus_chain(),
            self.save_button,
            self.recent,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # Showing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Bring the lists up to date; never touches what is being typed."""
        self._last = self._service.last_session()
        self._show_last(self._last)
        self.form.set_names(self._service.member_names())
        self.form.set_inquiries([(i.question, i.id) for i in self._app.inquiries.active()])
        self._fill_recent()

    def _start_afresh(self) -> None:
        """Today's date and, since trios rarely change, last session's members and inquiry."""
        self.form.reset_dates(self._today())
        if self._last is not None:
            self.form.members.setText(", ".join(self._last.session.members))
            self.form.choose_inquiry(self._last.session.inquiry_id)

    def _show_last(self, last: RecordedSession | None) -> None:
        action = last.action if last is not None else None
        self.followup_card.setHidden(action is None)
        if last is None or action is None:
            return
        due = self.tr(" (due {0})").format(short_date(action.due)) if action.due else ""
        self.last_label.setText(
            self.tr("Last time you committed to: “{0}”{1}. How did it go?").format(
                action.text.rstrip(" ."), due
            )
        )
        status = {
            ActionStatus.OPEN: "",
            ActionStatus.DONE: self.tr(" · marked done"),
            ActionStatus.DROPPED: self.tr(" · dropped"),
        }[action.status]
        self.last_meta.setText(
            self.tr("From {0}").format(entry_title(last.entry.display_title)) + status
        )
        self.mark_done.setVisible(action.status is ActionStatus.OPEN)

    def _fill_recent(self) -> None:
        chosen = self.recent.currentItem()
        chosen_id = chosen.data(Qt.ItemDataRole.UserRole) if chosen is not None else None
        self.recent.clear()
        for recorded in self._service.sessions(RECENT_LIMIT):
            summary = recorded.session.insight or recorded.session.issue
            text = entry_title(recorded.entry.display_title)
            if summary:
                text += "\n" + shorten(" ".join(summary.split()), SUMMARY_LIMIT)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, recorded.entry.id)
            self.recent.addItem(item)
        self.recent_empty.setVisible(self.recent.count() == 0)
        self.recent.setVisible(self.recent.count() > 0)
        self.recent_hint.setVisible(self.recent.count() > 0)
        if chosen_id is not None:
            self.select(chosen_id)

    def select(self, item_id: str) -> None:
        for row in range(self.recent.count()):
            item = self.recent.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == item_id:
                self.recent.setCurrentItem(item)
                self.recent.scrollToItem(item)
                return

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.form.is_blank():
            self._start_afresh()

    def _today(self) -> QDate:
        return QDate.fromString(self._service.today(), ISO)

    # Slots -------------------------------------------------------------------------------

    def save(self) -> None:
        followup = "" if self.followup_card.isHidden() else self.followup.toPlainText()
        session = self.form.session(followup)
        try:
            entry, action = self._service.record(session)
        except ReflectError as exc:
            # The text stays in the form so nothing typed is lost; say what to fix.
            self._say(error_text(exc))
            return
        self.followup.clear()
        self.form.clear()
        self.refresh()
        self._start_afresh()
        self.select(entry.id)
        if action is not None:
            self._say(self.tr("Saved. Your action is in Actions."))
        else:
            self._say(self.tr("Saved. The session is in your journal."))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self._nav.notify(text)

    def _on_mark_done_clicked(self) -> None:
        action = self._last.action if self._last is not None else None
        if action is None:
            return
        try:
            self._service.mark_done(action.id)
        except ReflectError as exc:
            self._say(error_text(exc))
            return
        self.refresh()
        self._say(self.tr("Marked done."))
        self.followup.setFocus()

    def _on_recent_activated(self, item: QListWidgetItem) -> None:
        self._nav.open_entry(item.data(Qt.ItemDataRole.UserRole))
