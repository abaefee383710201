"""A printable selection as pages: a PDF file or a printer, through Qt's own printing support.

The HTML comes from ``services/printing.py`` (already sanitised: no images, no raw HTML), and
is laid out in an ``InertDocument``, which refuses every resource it might be asked for, so
nothing on disk or on the network is ever read while printing. Fonts are the system's.
``QTextDocument.print_`` paginates and numbers the pages itself. Painting a PDF is safe off the
UI thread (QPainter on a QPdfWriter is allowed there), so the window does it in a task.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QUrl
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
    QTextOption,
)

from reflect import files
from reflect.formats.progress import Progress, no_progress
from reflect.services.printing import PrintDocument, PrintSelection, PrintWords
from reflect.ui.widgets.inert_resources import inert_resource

if TYPE_CHECKING:
    from reflect.app import App

BODY_POINTS = 11
# Short lines and headings that say what they are; pre-wrap so that a long line (or text shown
# plain because it was too large to render) wraps instead of running off the page.
STYLE = """
h1 { font-size: 20pt; }
h2 { font-size: 15pt; margin-top: 18pt; }
h3 { font-size: 12pt; margin-top: 10pt; }
p.period { font-size: 12pt; }
p.meta { color: #555555; }
pre { white-space: pre-wrap; }
blockquote { margin-left: 12pt; }
"""


class InertDocument(QTextDocument):
    """A text document that loads nothing: every resource it asks for (an image, a style sheet,
    anything a URL names) comes back empty, whatever the URL."""

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        # print_ lays out a clone whose parent is this document, so the clone asks here too.
        return inert_resource(kind)


def ensure_gui_app() -> QGuiApplication:
    """The running Qt application, or a new one for the command line (text layout needs one,
    for fonts). With no display (a server, ssh, CI) it uses Qt's offscreen platform. A full
    QApplication, though only text is laid out: whatever runs in this process next (a test
    session's widgets) finds the kind of application it needs."""
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    desktop = sys.platform in ("win32", "darwin")  # always have a display platform
    if not os.environ.get("QT_QPA_PLATFORM") and not has_display and not desktop:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    return QApplication([sys.argv[0] if sys.argv else "reflect"])


def laid_out(document: PrintDocument) -> InertDocument:
    """An inert Qt document holding ``document``'s HTML, ready to print."""
    text = InertDocument()
    text.setDefaultStyleSheet(STYLE)
    font = QFont()  # the system's own font: nothing is fetched or embedded from elsewhere
    font.setPointSize(BODY_POINTS)
    # No ligatures: a PDF reader's search and copy then find "first", not "ﬁrst".
    for feature in ("liga", "clig"):
        font.setFeature(QFont.Tag(feature), 0)
    text.setDefaultFont(font)
    option = QTextOption()
    # A word longer than the line (a URL, a pasted hash, a hostile 1 MB line) breaks anywhere.
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    text.setDefaultTextOption(option)
    text.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, document.title)
    for name, png in document.images:
        # Given to the document by name before layout, so the inert loader is never asked.
        image = QImage.fromData(png)  # the format read from the bytes: PNG, or nothing
        if not image.isNull():
            text.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    text.setHtml(document.html)
    return text


def print_document(document: PrintDocument, device: QPagedPaintDevice) -> None:
    """Paint ``document`` onto a printer or PDF writer, in pages numbered at the foot."""
    laid_out(document).print_(device)


def pdf_bytes(document: PrintDocument) -> bytes:
    """``document`` as a PDF file's bytes: A4, numbered pages, with print_'s own 2 cm margins
    (the writer's are zero, or the two would add up)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setTitle(document.title)
    writer.setCreator("Reflect")
    print_document(document, writer)
    del writer  # finishes the file
    buffer.close()
    return bytes(data.data())


def write_pdf(
    app: App,
    selection: PrintSelection,
    path: Path,
    words: PrintWords | None = None,
    progress: Progress = no_progress,
) -> PrintDocument:
    """Save ``selection`` as a PDF at ``path``, atomically and readable by its owner only;
    return what was printed. Unknown ids and an unwritable folder raise before anything is
    left behind; so does a cancel (``progress`` raises it) before the file is written."""
    progress(0, 2)
    document = app.printing.document(selection, words)
    ensure_gui_app()
    progress(1, 2)
    data = pdf_bytes(document)
    progress(2, 2)
    files.write_bytes(path, data)
    return document
