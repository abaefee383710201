"""Entry use cases: write, edit (keeping revisions), list, trash and restore."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from reflect.core.clock import Clock, local_day_start, to_text
from reflect.core.entry import Entry, EntryKind, Response, Revision, normalize_tags
from reflect.core.entry_filter import EntryFilter
from reflect.core.ids import new_id
from reflect.errors import BadInput, NotFound
from reflect.messages import Msg
from reflect.services import typed_input
from reflect.services.changes import Change, ChangeFeed, Topic
from reflect.services.typed_input import parse_choice
from reflect.storage.entries import EntryRepository

_EDITABLE = {"title", "body", "kind", "tags", "inquiry_id", "event_id", "framework_id", "responses"}


class EntryService:
    def __init__(self, repo: EntryRepository, changes: ChangeFeed, clock: Clock) -> None:
        self._repo = repo
        self._changes = changes
        self._clock = clock
        # The journal's tags, for completion: counting every tag row takes a few tenths of a
        # second at 100,000 entries, too slow for each time the editor opens.
        self._known_tags: dict[str, str] | None = None  # casefolded -> as written
        changes.subscribe(self._on_change)

    def write(
        self,
        body: str,
        *,
        title: str = "",
        kind: EntryKind | str = EntryKind.REFLECTION,
        tags: list[str] | tuple[str, ...] = (),
        inquiry_id: str | None = None,
        event_id: str | None = None,
        framework_id: str | None = None,
        responses: tuple[Response, ...] = (),
    ) -> Entry:
        now = to_text(self._clock())
        entry = Entry(
            id=new_id(),
            kind=parse_kind(kind),
            title=title.strip(),
            body=body.strip("\n"),
            created=now,
            updated=now,
            tags=normalize_tags(tags),
            inquiry_id=inquiry_id,
            event_id=event_id,
            framework_id=framework_id,
            responses=_kept(responses),
        )
        _require_content(entry)
        self._repo.add(entry)
        self._changes.publish(Topic.ENTRIES, entry.id)
        return entry

    def update(self, typed_id: str, **changes: Any) -> Entry:
        """Change some fields of a live entry; the previous state becomes a revision."""
        unknown = set(changes) - _EDITABLE
        if unknown:
            raise TypeError(f"not editable: {sorted(unknown)}")
        current = self.get(typed_id)
        if current.deleted is not None:
            raise NotFound(Msg.ENTRY_NOT_FOUND, id=typed_id)
        updated = _apply(current, changes)
        if updated == current:
            return current
        updated = replace(updated, updated=to_text(self._clock()))
        _require_content(updated)
        self._repo.update(updated)
        self._changes.publish(Topic.ENTRIES, updated.id)
        return updated

    def get(self, typed_id: str) -> Entry:
        entry = self._repo.get(self.resolve(typed_id))
        if entry is None:
            raise NotFound(Msg.ENTRY_NOT_FOUND, id=typed_id)
        return entry

    def resolve(self, typed_id: str) -> str:
        return typed_input.resolve(typed_id, self._repo.ids_starting, Msg.ENTRY_NOT_FOUND)

    def page(
        self, filt: EntryFilter | None = None, limit: int = 50, offset: int = 0
    ) -> list[Entry]:
        return self._repo.page(filt or EntryFilter(), limit, offset)

    def count(self, filt: EntryFilter | None = None) -> int:
        return self._repo.count(filt or EntryFilter())

    def written_today(self) -> bool:
        """Whether an entry (not in the trash) was started today, local time: the daily
        reminder is for days with none."""
        today = self._clock().astimezone().date()
        return self.count(EntryFilter(since=local_day_start(today))) > 0

    def revisions(self, typed_id: str) -> list[Revision]:
        return self._repo.revisions(self.resolve(typed_id))

    def last_framework_id(self, kind: EntryKind = EntryKind.REFLECTION) -> str | None:
        """The framework last used for this kind of entry, to offer it again."""
        return self._repo.latest_framework_id(str(kind))

    def tag_counts(self) -> list[tuple[str, int]]:
        return self._repo.tag_counts()

    def known_tags(self) -> list[str]:
        """Every tag in the journal, most used first when first counted; kept between calls,
        with the tags of entries written since added (a tag no longer used may linger)."""
        if self._known_tags is None:
            self._known_tags = {tag.casefold(): tag for tag, _ in self.tag_counts()}
        return list(self._known_tags.values())

    def _on_change(self, change: Change) -> None:
        if self._known_tags is None or change.topic not in (Topic.ENTRIES, Topic.JOURNAL):
            return
        if change.topic is Topic.JOURNAL or not change.ids:
            self._known_tags = None  # an import or a restore: count again when next asked
            return
        for entry in self._repo.get_many(change.ids).values():
            for tag in entry.tags:
                self._known_tags.setdefault(tag.casefold(), tag)

    def trash(self, typed_id: str) -> Entry:
        entry = self.get(typed_id)
        if entry.deleted is None:
            self._repo.set_deleted(entry.id, to_text(self._clock()))
            self._changes.publish(Topic.ENTRIES, entry.id)
        return self.get(entry.id)

    def restore(self, typed_id: str) -> Entry:
        entry = self.get(typed_id)
        if entry.deleted is None:
            raise BadInput(Msg.NOT_IN_TRASH, id=entry.id)
        self._repo.set_deleted(entry.id, None)
        self._changes.publish(Topic.ENTRIES, entry.id)
        return self.get(entry.id)

    def trashed(self) -> list[Entry]:
        return self._repo.trashed()

    def empty_trash(self) -> int:
        removed = self._repo.empty_trash()
        if removed:
            self._changes.publish(Topic.ENTRIES)
        return removed


def parse_kind(value: EntryKind | str) -> EntryKind:
    return parse_choice(EntryKind, value, Msg.BAD_KIND)


def _apply(entry: Entry, changes: dict[str, Any]) -> Entry:
    cleaned = dict(changes)
    if "kind" in cleaned:
        cleaned["kind"] = parse_kind(cleaned["kind"])
    if "tags" in cleaned:
        cleaned["tags"] = normalize_tags(cleaned["tags"])
    if "responses" in cleaned:
        cleaned["responses"] = _kept(cleaned["responses"])
    if "title" in cleaned:
        cleaned["title"] = cleaned["title"].strip()
    return replace(entry, **cleaned)


def _kept(responses: tuple[Response, ...] | list[Response]) -> tuple[Response, ...]:
    """Responses with text, one per prompt (the last one written wins)."""
    by_prompt = {r.prompt_id: r for r in responses if r.text.strip()}
    return tuple(by_prompt.values())


def _require_content(entry: Entry) -> None:
    if not (entry.title or entry.body.strip() or entry.responses):
        raise BadInput(Msg.EMPTY_ENTRY)
