"""Today: the active inquiry front and centre, a big "Reflect now", what is due, what is new.

An empty journal shows a short welcome with two ways in instead.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from reflect.app import App
from reflect.core.action import ActionStatus, led_by_kind
from reflect.core.entry import EntryKind
from reflect.ui.navigation import Navigator
from reflect.ui.texts import entry_title
from reflect.ui.widgets.basics import card, label, page_content, scrolling_page
from reflect.ui.widgets.eliding_button import ElidingButton

FOCUS_LIMIT = 3
DUE_SOON_DAYS = 14


class TodayPage(QWidget):
    start_inquiry_requested = Signal()
    demo_requested = Signal()

    def __init__(self, app: App, navigator: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._nav = navigator
        self._scroll = scrolling_page(self)
        self.refresh()

    def refresh(self) -> None:
        content, self._layout = page_content(spacing=12)
        if not self._app.inquiries.all() and not self._app.entries.count():
            self._welcome()
        else:
            self._layout.addWidget(label(f"{date.today():%A %d %B}", "title"))
            self._inquiries()
            self._reflect_now()
            self._due_soon()
            self._latest()
        self._layout.addStretch(1)
        self._scroll.setWidget(content)

    def _welcome(self) -> None:
        self._layout.addWidget(label(self.tr("Welcome to Reflect"), "title"))
        self._layout.addWidget(
            label(
                self.tr(
                    "Reflect is a private journal for your inquiry through the programme. "
                    "Write after each workshop and coaching session, keep track of what you "
                    "start and what you stop, and look back to see how your thinking moved. "
                    "Everything stays on this computer."
                )
            )
        )
        row = QHBoxLayout()
        start = QPushButton(self.tr("Start with an inquiry question"))
        start.setProperty("role", "primary")
        start.clicked.connect(self.start_inquiry_requested)
        demo = QPushButton(self.tr("Look around a demo journal"))
        demo.clicked.connect(self.demo_requested)
        self.start_button, self.demo_button = start, demo
        row.addWidget(start)
        row.addWidget(demo)
        row.addStretch(1)
        self._layout.addLayout(row)

    def _inquiries(self) -> None:
        active = self._app.inquiries.active()
        heading = self.tr("Your inquiry") if len(active) == 1 else self.tr("Your inquiries")
        self._layout.addWidget(label(heading, "section"))
        if not active:
            self._layout.addWidget(
                label(self.tr("No active inquiry. Start one from Inquiries."), "muted")
            )
        for inquiry in active:
            frame, inner = card()
            question = label(inquiry.question, "question")
            inner.addWidget(question)
            if inquiry.why:
                inner.addWidget(label(inquiry.why, "muted"))
            self._layout.addWidget(frame)
        if len(active) > FOCUS_LIMIT:
            self._layout.addWidget(
                label(
                    self.tr(
                        "You are holding %n inquiry(s). Focus usually beats breadth: one "
                        "inquiry a mile deep teaches more than many a mile wide. Could one pause?",
                        "",
                        len(active),
                    ),
                    "muted",
                )
            )

    def _reflect_now(self) -> None:
        button = QPushButton(self.tr("Reflect now"))
        button.setProperty("role", "primary")
        button.setAccessibleDescription(self.tr("Write a reflection linked to your inquiry"))
        active = self._app.inquiries.active()
        linked = active[0].id if len(active) == 1 else None
        # After a workshop, offer the framework the user reflected with last time.
        button.clicked.connect(
            lambda: self._nav.new_entry(
                EntryKind.REFLECTION, linked, self._app.entries.last_framework_id()
            )
        )
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        self._layout.addLayout(row)
        self.reflect_button = button

    def _due_soon(self) -> None:
        today = date.today()
        horizon = (today + timedelta(days=DUE_SOON_DAYS)).isoformat()
        due = [
            a
            for a in self._app.actions.find(status=ActionStatus.OPEN)
            if a.due is not None and a.due <= horizon
        ]
        self._layout.addWidget(label(self.tr("Due soon"), "section"))
        if not due:
            self._layout.addWidget(label(self.tr("Nothing due in the next two weeks."), "muted"))
        for action in due:
            overdue = action.due is not None and action.due < today.isoformat()
            when = self.tr("overdue since {0}") if overdue else self.tr("due {0}")
            day = f"{date.fromisoformat(action.due or today.isoformat()):%a %d %b}"
            text = f"{action_text(self, action.kind.value, action.text)} ({when.format(day)})"
            self._layout.addWidget(label(text))

    def _latest(self) -> None:
        self._layout.addWidget(label(self.tr("Latest entries"), "section"))
        for entry in self._app.entries.page(limit=5):
            when = datetime.fromisoformat(entry.created).astimezone().strftime("%d %b, %H:%M")
            button = ElidingButton(f"{when}  ·  {entry_title(entry.display_title)}")
            button.setFlat(True)
            button.setProperty("role", "latest-entry")
            button.clicked.connect(lambda _=False, e=entry.id: self._nav.open_entry(e))
            self._layout.addWidget(button)


def action_text(widget: QWidget, kind: str, text: str) -> str:
    """The action's text, led by its kind unless the text already starts with that word."""
    words = {
        "start": widget.tr("Start"),
        "stop": widget.tr("Stop"),
        "continue": widget.tr("Continue"),
    }
    return led_by_kind(words.get(kind, kind), text)
