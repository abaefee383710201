"""Search: results as you type, with the matched words highlighted; Enter opens the result.

Each keystroke's query runs off the UI thread (``LatestOnly``), so the window never waits for
one: a query made stale by a newer keystroke is interrupted and its answer dropped. A query of
one character (which matches most of a journal and tells little) waits for a pause in typing, so
it is usually overtaken by the second letter; from two characters on, every keystroke searches.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from reflect.app import App
from reflect.core.entry import EntryKind
from reflect.core.search import SearchHit, SearchRequest
from reflect.errors import ReflectError
from reflect.ui.navigation import Navigator
from reflect.ui.tasks import LatestOnly
from reflect.ui.texts import entry_title, error_text, kind_label, moment_day_text
from reflect.ui.widgets.hit_delegate import HitDelegate, HitRow, RowRole

# How long a one-character query waits for the next key before it is searched anyway.
SHORT_QUERY_PAUSE_MS = 300
RESULTS_SHOWN = 100  # the best matches shown; one more is asked for, to know if there are more
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
        # Rows of one height: the list measures one, not a hundred, and paints only those on
        # screen, so showing a keystroke's results takes a few milliseconds (docs/benchmarks.md).
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
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
        request = SearchRequest(text, limit=RESULTS_SHOWN + 1)
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
        for hit in hits[:RESULTS_SHOWN]:
            self._add(hit)
        self.summary.setText(self._summary(text, len(hits)))
        if self._open_first and self.results.count():
            self._open_first = False
            self._open(self.results.item(0))

    def _add(self, hit: SearchHit) -> None:
        item = QListWidgetItem()
        item.setData(HitRole, hit)
        item.setData(RowRole, _hit_row(hit))
        item.setData(
            Qt.ItemDataRole.AccessibleTextRole, f"{entry_title(hit.title)}. {hit.plain_snippet}"
        )
        self.results.addItem(item)

    def _summary(self, text: str, found: int) -> str:
        if not text.strip():
            return ""
        if not found:
            return self.tr("No matches.")
        if found > RESULTS_SHOWN:  # always many, so never "1 best match"
            more = self.tr("The {count} best matches. Add a word to narrow them.")
            return more.format(count=RESULTS_SHOWN)
        return self.tr("%n match(es)", "", found)

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


def _hit_row(hit: SearchHit) -> HitRow:
    """A result as its row shows it: the kind named in words, the day written the user's way."""
    if hit.kind == "inquiry":
        kind = QCoreApplication.translate("SearchPage", "Inquiry")
    else:
        kind = kind_label(EntryKind(hit.kind))
    tags = "".join(f" #{tag}" for tag in hit.tags)
    meta = f"{moment_day_text(hit.created)} · {kind}{tags}"
    return HitRow(entry_title(hit.title), tuple(hit.snippet_spans()), meta)
