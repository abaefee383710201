"""What a text document is given when it asks for a resource: something empty, never nothing.

Given None or a null image, Qt falls back to loading the URL itself (a local path or file: URL
is read from disk), so every document that shows text from a file or a peer answers with these.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QImage, QTextDocument


def inert_resource(kind: int) -> QImage | QByteArray:
    """One transparent pixel for an image; empty bytes for a style sheet or anything else."""
    if kind == QTextDocument.ResourceType.ImageResource.value:
        image = QImage(1, 1, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        return image
    return QByteArray()
