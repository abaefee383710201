"""A text browser for Markdown that loads nothing and opens links only when the user agrees.

Used for every rendered text: the editor's preview, text from peers in the Trio inbox and the
frameworks' descriptions (the share preview is plain text, to mark warnings in it). Long text
is rendered off the UI thread (one render in flight per browser, only the newest text waiting),
so neither a peer's pathological bundle nor a long entry being typed can freeze the window; see
docs/exchange.md, "Rendering peer text".
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QTextBrowser, QWidget

from reflect.formats.markdown_html import SAFE_SCHEMES, plain, render
from reflect.ui.tasks import LatestOnly
from reflect.ui.widgets.inert_resources import inert_resource

# Up to this many characters, rendering takes a few milliseconds at worst (cmark is linear:
# the worst 200,000-character text takes about half a second), so it happens at once.
INSTANT_CHARS = 4_000


def rendered(text: str) -> str:
    """``text`` as safe HTML, for a pool thread: render falls back to plain text itself, and
    this is the last resort."""
    try:
        return render(text)
    except Exception:
        return plain(text)


class SafeBrowser(QTextBrowser):
    shown = Signal()  # the newest text asked for is on screen, rendered or plain

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Never navigate or open anything on a click: links go through on_anchor_clicked.
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self.on_anchor_clicked)
        # One render in flight, only the newest text waiting; a stale result is dropped.
        self._renders = LatestOnly(self)
        self._renders.done.connect(self._on_rendered)

    @property
    def rendering(self) -> bool:
        return self._renders.busy

    def show_markdown(self, text: str, keep_while_rendering: bool = False) -> None:
        """Show ``text`` rendered: at once when short, otherwise from a pool thread, with a
        placeholder meanwhile (or, with ``keep_while_rendering``, the text shown before, as the
        editor's live preview wants)."""
        if len(text) <= INSTANT_CHARS:
            self._renders.drop()  # a long text still rendering is no longer wanted
            self.setHtml(render(text))
            self.shown.emit()
            return
        if not keep_while_rendering:
            self.setPlainText(self.tr("Preparing the text…"))
        self._renders.request(partial(rendered, text))

    @Slot(object)
    def _on_rendered(self, html: str) -> None:
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
