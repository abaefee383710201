"""How pages ask the window to go somewhere, without knowing the window."""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from reflect.core.entry import EntryKind


class PageId(StrEnum):
    TODAY = "today"
    PROGRAMME = "programme"
    INQUIRIES = "inquiries"
    JOURNAL = "journal"
    COACHING = "coaching"
    TRIO = "trio"
    ACTIONS = "actions"
    INSIGHTS = "insights"
    SEARCH = "search"
    EDITOR = "editor"


class Navigator(Protocol):
    def show_page(self, page: PageId) -> None: ...

    def open_entry(self, entry_id: str) -> None: ...

    def new_entry(
        self,
        kind: EntryKind = EntryKind.REFLECTION,
        inquiry_id: str | None = None,
        framework_id: str | None = None,
        event_id: str | None = None,
    ) -> None: ...

    def show_inquiry(self, inquiry_id: str) -> None: ...

    def notify(self, message: str) -> None: ...
