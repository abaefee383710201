"""What a list or a search is narrowed to: inquiry, tag, kind, framework and dates."""

from __future__ import annotations

from dataclasses import dataclass

from reflect.core.entry import EntryKind


@dataclass(frozen=True)
class EntryFilter:
    inquiry_id: str | None = None
    tag: str | None = None
    kind: EntryKind | None = None
    framework_id: str | None = None
    since: str | None = None  # UTC text, inclusive
    until: str | None = None  # UTC text, exclusive

    @property
    def is_empty(self) -> bool:
        return self == EntryFilter()
