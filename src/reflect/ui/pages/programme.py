"""Programme: the facilitator's events on a timeline with today marked, what was written for
each, and a quiet "Reflect on this" beside past events that have no reflection yet."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.app import App
from reflect.core.programme import Event, LinkedEntry, Programme
from reflect.ui.navigation import Navigator
from reflect.ui.texts import entry_title, event_kind_label
from reflect.ui.widgets.basics import card, label, page_content, scrolling_page
from reflect.ui.widgets.safe_browser import SafeBrowser

WELCOME_HEIGHT = 180


class ProgrammePage(QWidget):
    install_requested = Signal()
    reflect_requested = Signal(str)  # an event id
    evaluation_requested = Signal(str)  # a programme id: open its evaluation return form

    def __init__(self, app: App, navigator: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._nav = navigator
        self._scroll = scrolling_page(self)
        self.today_marker: QWidget | None = None
        self.reflect_buttons: dict[str, QPushButton] = {}
        self.refresh()

    def refresh(self) -> None:
        content, self._layout = page_content(spacing=10)
        self.today_marker = None
        self.reflect_buttons = {}
        programmes = self._app.programme.all()
        if not programmes:
            self._empty()
        for programme in programmes:
            self._programme(programme)
        self._layout.addStretch(1)
        self._scroll.setWidget(content)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.today_marker is not None:
            self._scroll.ensureWidgetVisible(self.today_marker, 0, 160)

    def _empty(self) -> None:
        self._layout.addWidget(label(self.tr("Programme"), "title"))
        self._layout.addWidget(
            label(
                self.tr(
                    "Your facilitator will send the programme as a pack: a file ending in "
                    ".reflectpack. Open it, drop it on this window, or install it here. Its "
                    "workshops and coaching sessions then appear on a timeline, and Reflect "
                    "offers to help you reflect the day after each one."
                ),
                "muted",
            )
        )
        row = QHBoxLayout()
        install = QPushButton(self.tr("Install a programme pack…"))
        install.clicked.connect(self.install_requested)
        self.install_button = install
        row.addWidget(install)
        row.addStretch(1)
        self._layout.addLayout(row)

    def _programme(self, programme: Programme) -> None:
        facilitator = programme.facilitator
        self._layout.addWidget(plain(programme.name, "title"))
        by = self.tr("From {0}").format(facilitator.name)
        if facilitator.contact:
            by += f" · {facilitator.contact}"
        by += " · " + self.tr("version {0}").format(programme.pack_version)
        self._layout.addWidget(plain(by, "muted"))
        if programme.welcome.strip():
            self._welcome(programme.welcome)
        if programme.evaluation is not None:
            self._evaluation(programme.pack_id)
        self._timeline(programme)

    def _evaluation(self, pack_id: str) -> None:
        row = QHBoxLayout()
        note = self.tr("This programme asks for an evaluation. You decide what, if anything, "
                       "to send.")  # fmt: skip
        row.addWidget(label(note, "muted"), 1)
        button = QPushButton(self.tr("Evaluation returns…"))
        button.clicked.connect(lambda _=False: self.evaluation_requested.emit(pack_id))
        self.evaluation_button = button
        row.addWidget(button)
        self._layout.addLayout(row)

    def _welcome(self, text: str) -> None:
        frame, layout = card()
        browser = SafeBrowser()
        browser.show_markdown(text)
        browser.setFrameShape(QFrame.Shape.NoFrame)
        browser.setMaximumHeight(WELCOME_HEIGHT)
        browser.setAccessibleName(self.tr("Welcome note from your facilitator"))
        layout.addWidget(browser)
        self._layout.addWidget(frame)

    def _timeline(self, programme: Programme) -> None:
        today = self._app.programme.today()
        written = self._app.programme.written_for()
        month = ""
        for event in programme.events:
            if self.today_marker is None and event.day >= today:
                self._mark_today(today)
            heading = f"{event.day:%B %Y}"
            if heading != month:
                month = heading
                self._layout.addWidget(label(heading, "section"))
            self._layout.addWidget(self._event_row(event, written.get(event.id, []), today))
        if self.today_marker is None:
            self._mark_today(today)

    def _mark_today(self, today: date) -> None:
        marker = QFrame()
        marker.setObjectName("todayMarker")  # the theme draws its line
        row = QHBoxLayout(marker)
        row.setContentsMargins(0, 4, 0, 0)
        row.addWidget(label(self.tr("Today, {0}").format(f"{today:%A %d %B}"), "muted"))
        self.today_marker = marker
        self._layout.addWidget(marker)

    def _event_row(self, event: Event, written: list[LinkedEntry], today: date) -> QWidget:
        row = QWidget()
        row.setAccessibleName(f"{event.day:%d %B}: {event.title}")
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 2, 0, 2)
        when = f"{event.day:%a %d}" + (f"\n{event.time}" if event.time else "")
        day = label(when, "muted" if event.day < today else "", wrap=False)
        day.setFixedWidth(64)
        day.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(day)
        body = QVBoxLayout()
        body.setSpacing(2)
        heading = f"<b>{escape(event.title)}</b>"
        kind = event_kind_label(event.kind)
        # Not "Workshop 2 · workshop", and nothing for a drop-in or a deadline ("other").
        if event.kind.invites_reflection and kind.casefold() not in event.title.casefold():
            heading += f" · {escape(kind)}"
        body.addWidget(label(heading))
        if event.description:
            body.addWidget(plain(event.description, "muted"))
        for entry in written:
            body.addWidget(self._entry_link(entry))
        if not written and event.kind.invites_reflection and event.day < today:
            body.addWidget(self._reflect_button(event))
        layout.addLayout(body, 1)
        return row

    def _entry_link(self, entry: LinkedEntry) -> QPushButton:
        button = QPushButton("↳ " + entry_title(entry.title))
        button.setFlat(True)
        button.setProperty("role", "entry-link")
        button.setToolTip(self.tr("Open this entry"))
        button.clicked.connect(lambda _=False, i=entry.entry_id: self._nav.open_entry(i))
        return button

    def _reflect_button(self, event: Event) -> QPushButton:
        button = QPushButton(self.tr("Reflect on this"))
        button.setFlat(True)
        button.setProperty("role", "reflect-link")
        button.setAccessibleDescription(self.tr("Write a reflection on {0}").format(event.title))
        button.clicked.connect(lambda _=False, i=event.id: self.reflect_requested.emit(i))
        self.reflect_buttons[event.id] = button
        return button


def plain(text: str, role: str = "") -> QLabel:
    """A label for text from a pack: shown as written, never read as HTML."""
    widget = label(text, role)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget
