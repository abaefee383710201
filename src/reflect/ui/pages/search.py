"""Search: results as you type, with the matched words highlighted; Enter opens the result.

Each keystroke's query runs off the UI thread (``LatestOnly``), so the window never waits for
one: a query made stale by a newer keystroke is interrupted and its answer dropped. A query of
one character (which matches most of a journal and tells little) waits for a pause in typing, so
it is usually overtaken by the second letter; from two characters on, every keystroke searches.
"""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from reflect.app import App
from reflect.core.search import SearchHit, SearchRequest
from reflect.errors import ReflectError
from reflect.ui.navigation import Navigator
from reflect.ui.tasks import LatestOnly
from reflect.ui.texts import entry_title, error_text
from reflect.ui.widgets.html_delegate import HtmlDelegate, HtmlRole

# How long a one-character query waits for the next key before it is searched anyway.
SHORT_QUERY_PAUSE_MS = 300
RESULTS_BATCH = 8  # about a screenful of rows, laid out before the first paint
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
        # Rows are laid out a few at a time between events: measuring 100 rows of wrapped HTML
        # at once held the window for 50 to 100 ms on every keystroke (docs/benchmarks.md).
        self.results.setLayoutMode(QListWidget.LayoutMode.Batched)
        self.results.setBatchSize(RESULTS_BATCH)
        self.results.itemActivated.connect(self._on_result_activated)
        self.field = SearchField(self.results)
        self.field.setPlaceholderText(self.tr('Search words, parts of words or "exact phrases"'))
        self.field.setAccessibleName(self.tr("Search"))
        self.field.setClearButtonEnabled(True)
        self.field.returnPressed.connect(self._on_return)
        self.summary = QLabel()
        self.summary.setProperty("role", "muted")
        self._pause = QTimer(self, singleShot=True, interval=SHORT_QUERY_PAUSE_MS)
        self._pause.timeout.connect(self.run_search)
        self.field.textChanged.connect(self._on_text_changed)
        self._searches = LatestOnly(self)
        self._searches.done.connect(self._on_found)
        self._searches.failed.connect(self._on_failed)
        self._shown_for: str | None = ""  # the text the results shown are for
        self._open_first = False  # Enter came before the answer: open the best match then
        self._unshown: list[SearchHit] = []  # results still to be added to the list
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.field)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)

    def focus_field(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def _on_text_changed(self, text: str) -> None:
        self._open_first = False
        if len("".join(text.split())) == 1:
            self._pause.start()
        else:
            self.run_search()

    def run_search(self) -> None:
        """Search for the field's text off the UI thread; the answer is shown when it comes."""
        self._pause.stop()
        text = self.field.text()
        service = self._app.search
        if self._searches.busy:
            service.interrupt()  # its answer would be dropped anyway: stop spending time on it
        if not text.strip():
            self._searches.drop()
            self._show(text, [])
            return
        request = SearchRequest(text, limit=100)
        self._shown_for = None
        self._searches.request(lambda: (text, service.background_search(request)))

    def _on_found(self, found: tuple[str, list[SearchHit] | None]) -> None:
        text, hits = found
        if text != self.field.text():
            return
        if hits is None:  # interrupted, though still wanted (an interrupt that came late)
            self.run_search()
        else:
            self._show(text, hits)

    def _on_failed(self, error: BaseException) -> None:
        if not isinstance(error, ReflectError):
            raise error  # a bug: the crash handler takes it from here
        self.results.clear()
        self.summary.setText(error_text(error))

    def _show(self, text: str, hits: list[SearchHit]) -> None:
        self._shown_for = text
        self.results.clear()
        self._unshown = list(hits)
        self._add_some()
        if text.strip():
            self.summary.setText(
                self.tr("No matches.") if not hits else self.tr("%n match(es)", "", len(hits))
            )
        else:
            self.summary.setText("")
        if self._open_first and self.results.count():
            self._open_first = False
            self._open(self.results.item(0))

    def _add_some(self) -> None:
        """Add the next few rows; the rest follow between events, so the window answers keys
        while a hundred rows of HTML are made (at once they held it for 20 to 90 ms)."""
        some, self._unshown = self._unshown[:RESULTS_BATCH], self._unshown[RESULTS_BATCH:]
        for hit in some:
            self._add(hit)
        if self._unshown:
            QTimer.singleShot(0, self, self._add_some)

    def _add(self, hit: SearchHit) -> None:
        item = QListWidgetItem()
        item.setData(HitRole, hit)
        item.setData(HtmlRole, _hit_html(hit))
        item.setData(
            Qt.ItemDataRole.AccessibleTextRole, f"{entry_title(hit.title)}. {hit.plain_snippet}"
        )
        self.results.addItem(item)

    def _on_return(self) -> None:
        if self._shown_for == self.field.text() and not self._pause.isActive():
            if self.results.count():
                self._open(self.results.item(0))
            return
        self._open_first = True
        if self._pause.isActive():
            self.run_search()

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
