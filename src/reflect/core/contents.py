"""A whole journal's contents as plain data: what exports write and imports read."""

from __future__ import annotations

from dataclasses import dataclass, field

from reflect.core.action import Action
from reflect.core.assessment import Assessment
from reflect.core.entry import Entry, Revision
from reflect.core.inquiry import Inquiry


@dataclass(frozen=True)
class JournalContents:
    inquiries: tuple[Inquiry, ...] = ()
    entries: tuple[Entry, ...] = ()
    revisions: tuple[Revision, ...] = ()
    actions: tuple[Action, ...] = ()
    assessments: tuple[Assessment, ...] = ()


@dataclass
class ImportReport:
    """How many items of each sort were new; items already present are skipped."""

    added: dict[str, int] = field(default_factory=dict)
    seen: int = 0

    @property
    def total_added(self) -> int:
        return sum(self.added.values())
