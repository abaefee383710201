"""Drafts: what the editor holds, autosaved so nothing typed is lost before it is kept."""

from __future__ import annotations

from dataclasses import dataclass

from reflect.core.entry import EntryKind, Response


@dataclass(frozen=True)
class Draft:
    """Unsaved editor state for a new entry (``entry_id`` None) or an edit of an entry."""

    id: str
    updated: str
    entry_id: str | None = None
    title: str = ""
    body: str = ""
    kind: EntryKind = EntryKind.REFLECTION
    tags: tuple[str, ...] = ()
    inquiry_id: str | None = None
    event_id: str | None = None
    framework_id: str | None = None
    responses: tuple[Response, ...] = ()

    @property
    def is_blank(self) -> bool:
        return not (self.title.strip() or self.body.strip() or any(r.text for r in self.responses))
