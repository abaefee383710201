"""A whole journal's contents as plain data: what exports write and imports read."""

from __future__ import annotations

from dataclasses import dataclass, field

from reflect.core.action import Action
from reflect.core.assessment import Assessment
from reflect.core.connection import Connection
from reflect.core.entry import Entry, Revision
from reflect.core.inquiry import Inquiry
from reflect.core.measure import Measure, Point


@dataclass(frozen=True)
class JournalContents:
    inquiries: tuple[Inquiry, ...] = ()
    entries: tuple[Entry, ...] = ()
    revisions: tuple[Revision, ...] = ()
    actions: tuple[Action, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    measures: tuple[Measure, ...] = ()
    points: tuple[Point, ...] = ()  # the measures' values
    connections: tuple[Connection, ...] = ()
    # (learning log entry id, the PDSA cycle entry id it learned from)
    learning_links: tuple[tuple[str, str], ...] = ()
    # (learning log entry id, the measure id it learned from)
    learning_measures: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class SkippedItem:
    """One item an import left out because it could not be read (``--skip-invalid``)."""

    where: str  # which item: for a Markdown folder, the file's path relative to the folder
    reason: str


@dataclass
class ImportReport:
    """How many items of each sort were new; items already present are skipped, and so are
    unreadable items when the import was asked to skip them."""

    added: dict[str, int] = field(default_factory=dict)
    seen: int = 0
    skipped: list[SkippedItem] = field(default_factory=list)

    @property
    def total_added(self) -> int:
        return sum(self.added.values())
