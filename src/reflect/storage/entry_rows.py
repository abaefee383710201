"""Converting entries and revisions to and from database rows."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from reflect.core.entry import Entry, EntryKind, Response, Revision

ENTRY_COLUMNS = (
    "id, kind, title, body, created, updated, inquiry_id, event_id, framework_id, deleted"
)


def entry_from_row(
    row: dict[str, Any], tags: Iterable[str], responses: Iterable[Response]
) -> Entry:
    return Entry(
        id=row["id"],
        kind=EntryKind(row["kind"]),
        title=row["title"],
        body=row["body"],
        created=row["created"],
        updated=row["updated"],
        tags=tuple(tags),
        inquiry_id=row["inquiry_id"],
        event_id=row["event_id"],
        framework_id=row["framework_id"],
        responses=tuple(responses),
        deleted=row["deleted"],
    )


def entry_values(entry: Entry) -> tuple[Any, ...]:
    return (
        entry.id,
        str(entry.kind),
        entry.title,
        entry.body,
        entry.created,
        entry.updated,
        entry.inquiry_id,
        entry.event_id,
        entry.framework_id,
        entry.deleted,
    )


def revision_state(entry: Entry | Revision) -> str:
    """The parts of an entry a revision keeps, as JSON."""
    return json.dumps(
        {
            "title": entry.title,
            "body": entry.body,
            "kind": str(entry.kind),
            "tags": list(entry.tags),
            "inquiry_id": entry.inquiry_id,
            "framework_id": entry.framework_id,
            "responses": [[r.prompt_id, r.text] for r in entry.responses],
        },
        ensure_ascii=False,
    )


def revision_from_row(row: dict[str, Any]) -> Revision:
    state = json.loads(row["state"])
    return Revision(
        id=row["id"],
        entry_id=row["entry_id"],
        saved=row["saved"],
        title=state["title"],
        body=state["body"],
        kind=EntryKind(state["kind"]),
        tags=tuple(state["tags"]),
        inquiry_id=state["inquiry_id"],
        framework_id=state["framework_id"],
        responses=tuple(Response(p, t) for p, t in state["responses"]),
    )
