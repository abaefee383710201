"""A text browser for Markdown that loads nothing and opens links only when the user agrees.

Used for every rendered text: the editor's preview, text from peers in the Trio inbox and the
frameworks' descriptions (the share preview is plain text, to mark warnings in it). Long text
is rendered off the UI thread (one render in flight per browser, only the newest text waiting),
so neither a peer's pathological bundle nor a long entry being typed can freeze the window; see
docs/exchange.md, "Rendering peer text".
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QTextBrowser, QWidget

from reflect.formats.markdown_html import SAFE_SCHEMES, plain, render
from reflect.ui.widgets.inert_resources import inert_resource

# Up to this many characters, rendering takes a few milliseconds at worst (cmark is linear:
# the worst 200,000-character text takes about half a second), so it happens at once.
INSTANT_CHARS = 4_000


class _Done(QObject):
    rendered = Signal(int, str)  # (request number, HTML)


class _RenderJob(QRunnable):
    """Renders one text on a pool thread and hands the HTML back through a queued signal."""

    def __init__(self, text: str, number: int) -> None:
        super().__init__()
        self.text = text
        self.number = number
        self.done = _Done()  # not parented: it must outlive a browser closed mid-render

    def run(self) -> None:
        try:
            html = render(self.text)
        except Exception:  # render falls back itself; this is the last resort
            html = plain(self.text)
        self.done.rendered.emit(self.number, html)


class SafeBrowser(QTextBrowser):
    shown = Signal()  # the newest text asked for is on screen, rendered or plain

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Never navigate or open anything on a click: links go through on_anchor_clicked.
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self.on_anchor_clicked)
        self._asked = 0  # number of the newest request
        self._waiting: tuple[int, str] | None = None  # newest text not yet sent to a thread
        self._job: _RenderJob | None = None  # the render in flight, if any

    @property
    def rendering(self) -> bool:
        return self._job is not None or self._waiting is not None

    def show_markdown(self, text: str, keep_while_rendering: bool = False) -> None:
        """Show ``text`` rendered: at once when short, otherwise from a pool thread, with a
        placeholder meanwhile (or, with ``keep_while_rendering``, the text shown before, as the
        editor's live preview wants)."""
        self._asked += 1
        if len(text) <= INSTANT_CHARS:
            self._waiting = None
            self.setHtml(render(text))
            self.shown.emit()
            return
        if not keep_while_rendering:
            self.setPlainText(self.tr("Preparing the text…"))
        self._waiting = (self._asked, text)
        if self._job is None:
            self._start_next()

    def _start_next(self) -> None:
        assert self._waiting is not None
        number, text = self._waiting
        self._waiting = None
        self._job = _RenderJob(text, number)
        self._job.done.rendered.connect(self._on_rendered)
        QThreadPool.globalInstance().start(self._job)

    @Slot(int, str)
    def _on_rendered(self, number: int, html: str) -> None:
        self._job = None
        if self._waiting is not None:
            self._start_next()  # a newer text arrived meanwhile: this result is already stale
            return
        if number == self._asked:
            self.setHtml(html)
            self.shown.emit()

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        # Images (and anything else a document asks for) are never fetched: a blank stands
        # in, so a hostile file: or http: reference can neither hang nor leak.
        return inert_resource(kind)

    def on_anchor_clicked(self, url: QUrl) -> None:
        target = url.toString()
        if not target.lower().startswith(SAFE_SCHEMES):
            return
        answer = QMessageBox.question(
            self,
            self.tr("Open link?"),
            self.tr("Open this link in your browser?\n\n{0}").format(target),
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(url)
