"""A list model over the journal that loads pages on demand, so 100,000 entries scroll smoothly.

The model is a passive adapter: it asks the entry service for a count and for pages of
entries, keeps a few pages cached, and forgets them when the journal changes.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from reflect.core.clock import local_date
from reflect.core.entry import Entry
from reflect.core.entry_filter import EntryFilter
from reflect.services.entries import EntryService
from reflect.ui.texts import entry_title

PAGE = 200
_CACHED_PAGES = 12

EntryRole = Qt.ItemDataRole.UserRole + 1
DayRole = Qt.ItemDataRole.UserRole + 2
NewDayRole = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex


class JournalModel(QAbstractListModel):
    def __init__(self, entries: EntryService, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries = entries
        self._filter = EntryFilter()
        self._count = entries.count(self._filter)
        self._pages: OrderedDict[int, list[Entry]] = OrderedDict()

    # Qt interface ---------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry_at(index.row()) if index.isValid() else None
        if entry is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return entry_title(entry.display_title)
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.body[:300]
        if role == EntryRole:
            return entry
        if role == DayRole:
            return local_day(entry)
        if role == NewDayRole:
            previous = self.entry_at(index.row() - 1) if index.row() > 0 else None
            return previous is None or local_day(previous) != local_day(entry)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return (
                f"{local_day(entry):%A %d %B %Y}: {entry.kind}: {entry_title(entry.display_title)}"
            )
        return None

    # Our interface ----------------------------------------------------------------------

    def set_filter(self, filt: EntryFilter) -> None:
        self._filter = filt
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._count = self._entries.count(self._filter)
        self.endResetModel()

    def entry_at(self, row: int) -> Entry | None:
        if not 0 <= row < self._count:
            return None
        page_number, offset = divmod(row, PAGE)
        page = self._page(page_number)
        return page[offset] if offset < len(page) else None

    def row_of(self, entry_id: str) -> int | None:
        for number, page in self._pages.items():
            for offset, entry in enumerate(page):
                if entry.id == entry_id:
                    return number * PAGE + offset
        return None

    def _page(self, number: int) -> list[Entry]:
        if number in self._pages:
            self._pages.move_to_end(number)
            return self._pages[number]
        page = self._entries.page(self._filter, limit=PAGE, offset=number * PAGE)
        self._pages[number] = page
        if len(self._pages) > _CACHED_PAGES:
            self._pages.popitem(last=False)
        return page


def local_day(entry: Entry) -> date:
    return local_date(entry.created)
