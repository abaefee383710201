"""The sidebar and the stack of pages beside it, made from the one table of pages.

Pages are built the first time they are shown, so opening the window costs one page, not
nine; the window adds the editor when it is first wanted (ui/editor/window_editor.py).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar, cast

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reflect.ui.navigation import PAGES, PageId, page_row
from reflect.ui.widgets.basics import scrolling

# Builds a page from its class: the window passes in the services and itself as navigator.
PageFactory = Callable[[PageId, Any], QWidget]


class PageStack(QObject):
    """Owns the sidebar list and the stacked pages, keeping the two in step."""

    chosen = Signal(object)  # the PageId the user picked in the sidebar

    def __init__(self, build: PageFactory, parent: QWidget) -> None:
        super().__init__(parent)
        self._build = build
        self._pages: dict[PageId, QWidget] = {}
        self.stack = QStackedWidget()
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Sections"))
        self.sidebar.setMaximumWidth(220)
        for row in PAGES:
            item = QListWidgetItem(page_name(row.id))
            item.setData(Qt.ItemDataRole.UserRole, row.id.value)
            self.sidebar.addItem(item)
        self.sidebar.currentItemChanged.connect(self._on_sidebar_changed)

    def add(self, page_id: PageId, widget: QWidget) -> None:
        self._pages[page_id] = widget
        self.stack.addWidget(widget)

    def page(self, page_id: PageId) -> QWidget:
        """The page, built (with its module imported) the first time it is asked for."""
        if page_id not in self._pages:
            row = page_row(page_id)
            cls = getattr(importlib.import_module(row.module), row.cls)
            self.add(page_id, self._build(page_id, cls))
        return self._pages[page_id]

    def current_id(self) -> PageId:
        current = self.stack.currentWidget()
        return next((p for p, w in self._pages.items() if w is current), PageId.TODAY)

    def select(self, page_id: PageId) -> QWidget:
        """Show the page and mark it in the sidebar (no row for the editor)."""
        widget = self.page(page_id)
        row = next((n for n, r in enumerate(PAGES) if r.id is page_id), -1)
        # Switching pages moves focus; focus landing in the sidebar makes it choose a row,
        # which would switch pages again in the middle of this switch and leave two pages
        # painted. The sidebar is quiet until the switch is complete.
        self.sidebar.blockSignals(True)
        try:
            self.sidebar.setCurrentRow(row)
            self._size_by(widget)
            self.stack.setCurrentWidget(widget)
            self.sidebar.setCurrentRow(row)
        finally:
            self.sidebar.blockSignals(False)
        return widget

    def _size_by(self, current: QWidget) -> None:
        # A stack is as tall as the tallest page in it: pages not shown ask for no room, so
        # one tall page (Trio) does not give every other page a second, outer scroll bar.
        ignored, preferred = QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        for page in self._pages.values():
            policy = preferred if page is current else ignored
            page.setSizePolicy(policy, policy)

    def beside_sidebar(self, banner: QWidget) -> QSplitter:
        """The sidebar beside the pages, with ``banner`` (the reminder bar) above the pages."""
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(banner)
        # On a small or scaled screen the window can be smaller than a page needs: the page
        # scrolls, instead of the window growing past the screen's edge.
        self.stack_area = scrolling(MinimumHeight(self.stack))
        column.addWidget(self.stack_area, 1)
        splitter = QSplitter()
        splitter.addWidget(self.sidebar)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        return splitter

    def _on_sidebar_changed(self, current: QListWidgetItem | None, _: object) -> None:
        if current is not None:
            self.chosen.emit(PageId(current.data(Qt.ItemDataRole.UserRole)))


def refresh(widget: QWidget) -> None:
    """Ask a page to reload what it shows, if it knows how."""
    method = getattr(widget, "refresh", None)
    if callable(method):
        method()


def page_name(page_id: PageId) -> str:
    """The page's name as the sidebar and the Go menu show it, translated."""
    return QCoreApplication.translate("Pages", page_row(page_id).name)


PageT = TypeVar("PageT")


class HasPages(Protocol):
    pages: PageStack


class PageAttr(Generic[PageT]):
    """A typed attribute for one page (``window.journal``), built the first time it is read."""

    def __init__(self, page_id: PageId) -> None:
        self.page_id = page_id

    def __get__(self, owner: HasPages, kind: type | None = None) -> PageT:
        return cast(PageT, owner.pages.page(self.page_id))


class MinimumHeight(QWidget):
    """Holds one widget and asks a scroll area for only its minimum size. A scroll area that
    resizes its content takes the content's height for its width (its preferred height, when
    labels wrap) as the least it may have, so a page would scroll in any window shorter than
    it would like; this way it scrolls only when the window is shorter than it needs."""

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self._content = content
        content.setParent(self)

    def minimumSizeHint(self) -> QSize:
        return self._content.minimumSizeHint().expandedTo(self._content.minimumSize())

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._content.setGeometry(self.rect())
        super().resizeEvent(event)
