"""The window's pages in one table, and how pages ask the window to go somewhere.

A new sidebar page is one module plus one row in ``PAGES``: the sidebar, the Go menu, the
Ctrl+1… shortcuts and the F1 list of shortcuts are all made from it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from reflect.core.entry import EntryKind
from reflect.formats.progress import Progress


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


@dataclass(frozen=True)
class PageRow:
    """One sidebar page: its id, its name in the sidebar and the Go menu, and where its class
    lives (the module is imported the first time the page is shown)."""

    id: PageId
    name: str
    module: str
    cls: str


PAGES = (
    PageRow(PageId.TODAY, "Today", "reflect.ui.pages.today", "TodayPage"),
    PageRow(PageId.PROGRAMME, "Programme", "reflect.ui.pages.programme", "ProgrammePage"),
    PageRow(PageId.INQUIRIES, "Inquiries", "reflect.ui.pages.inquiries.page", "InquiriesPage"),
    PageRow(PageId.JOURNAL, "Journal", "reflect.ui.pages.journal.page", "JournalPage"),
    PageRow(PageId.COACHING, "Coaching", "reflect.ui.pages.coaching.page", "CoachingPage"),
    PageRow(PageId.TRIO, "Trio", "reflect.ui.pages.trio.page", "TrioPage"),
    PageRow(PageId.ACTIONS, "Actions", "reflect.ui.pages.actions.page", "ActionsPage"),
    PageRow(PageId.INSIGHTS, "Insights", "reflect.ui.pages.insights.page", "InsightsPage"),
    PageRow(PageId.SEARCH, "Search", "reflect.ui.pages.search", "SearchPage"),
)


def page_row(page_id: PageId) -> PageRow:
    return next(row for row in PAGES if row.id is page_id)


def page_shortcut(position: int) -> str:
    """The Go menu's shortcut for the page at ``position`` (0-based), or "" past the ninth."""
    return f"Ctrl+{position + 1}" if position < 9 else ""


class Navigator(Protocol):
    """What a page may ask of the window: go to a page, an entry or an inquiry; say something."""

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

    def run_task(
        self, label: str, work: Callable[[Progress], Any], on_success: Callable[[Any], None]
    ) -> object:
        """Run slow work off the UI thread, with progress and cancel (``ui/tasks.py``)."""
        ...
