"""Search: results as you type, with the matched words highlighted; Enter opens the result."""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from reflect.app import App
from reflect.core.search import SearchHit, SearchRequest
from reflect.ui.navigation import Navigator
from reflect.ui.texts import entry_title
from reflect.ui.widgets.html_delegate import HtmlDelegate, HtmlRole

TYPING_PAUSE_MS = 150
HitRole = Qt.ItemDataRole.UserRole


class SearchField(QLineEdit):
    """Down arrow moves into the results, so the keyboard path needs no Tab."""

    def __init__(self, results: QListWidget) -> None:
        super().__init__()
        self._results = results

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and self._results.count():
            self._results.setFocus()
            self._results.setCurrentRow(0)
            return
        super().keyPressEvent(event)


class SearchPage(QWidget):
    def __init__(self, app: App, navigator: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._nav = navigator
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setItemDelegate(HtmlDelegate(self.results))
        self.results.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.results.itemActivated.connect(self._on_result_activated)
        self.field = SearchField(self.results)
        self.field.setPlaceholderText(self.tr('Search words, parts of words or "exact phrases"'))
        self.field.setAccessibleName(self.tr("Search"))
        self.field.setClearButtonEnabled(True)
        self.field.returnPressed.connect(self._on_return)
        self.summary = QLabel()
        self.summary.setProperty("role", "muted")
        self._pause = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.run_search)
        self.field.textChanged.connect(self._pause.start)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.field)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)

    def focus_field(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def run_search(self) -> None:
        self._pause.stop()
        text = self.field.text()
        hits = self._app.search.search(SearchRequest(text, limit=100)) if text.strip() else []
        self.results.clear()
        for hit in hits:
            self._add(hit)
        if text.strip():
            self.summary.setText(
                self.tr("No matches.") if not hits else self.tr("%n match(es)", "", len(hits))
            )
        else:
            self.summary.setText("")

    def _add(self, hit: SearchHit) -> None:
        item = QListWidgetItem()
        item.setData(HitRole, hit)
        item.setData(HtmlRole, _hit_html(hit))
        item.setData(
            Qt.ItemDataRole.AccessibleTextRole, f"{entry_title(hit.title)}. {hit.plain_snippet}"
        )
        self.results.addItem(item)

    def _on_return(self) -> None:
        self.run_search()
        if self.results.count():
            self._open(self.results.item(0))

    def _on_result_activated(self, item: QListWidgetItem) -> None:
        self._open(item)

    def _open(self, item: QListWidgetItem) -> None:
        hit = item.data(HitRole)
        if hit.kind == "inquiry":
            self._nav.show_inquiry(hit.id)
        else:
            self._nav.open_entry(hit.id)


def _hit_html(hit: SearchHit) -> str:
    when = datetime.fromisoformat(hit.created).astimezone().strftime("%d %b %Y")
    snippet = "".join(
        f"<b><u>{html.escape(text)}</u></b>" if marked else html.escape(text)
        for text, marked in hit.snippet_spans()
    )
    tags = "".join(f" #{html.escape(t)}" for t in hit.tags)
    return (
        f"<div><b>{html.escape(entry_title(hit.title))}</b></div>"
        f"<div>{snippet}</div>"
        f"<div style='color:gray'>{when} · {html.escape(hit.kind)}{tags}</div>"
    )
