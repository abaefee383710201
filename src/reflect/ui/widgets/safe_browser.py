"""A text browser for Markdown that loads nothing and opens links only when the user agrees.

Used for every rendered text: the editor's preview today, and text from peers later.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QMessageBox, QTextBrowser, QWidget

from reflect.formats.markdown_html import SAFE_SCHEMES, render


class SafeBrowser(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Never navigate or open anything on a click: links go through on_anchor_clicked.
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self.on_anchor_clicked)

    def show_markdown(self, text: str) -> None:
        self.setHtml(render(text))

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        # Images (and anything else a document asks for) are never fetched: a blank image
        # stands in, so a hostile file: or http: reference can neither hang nor leak.
        if kind == QTextDocument.ResourceType.ImageResource.value:
            return QImage()
        return None

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
