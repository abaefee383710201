"""Converting entries and revisions to and from database rows."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from reflect.core.draft import Draft
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


def state_json(item: Entry | Revision | Draft) -> str:
    """The editable parts of an entry (as kept by a revision or a draft), as JSON."""
    return json.dumps(
        {
            "title": item.title,
            "body": item.body,
            "kind": str(item.kind),
            "tags": list(item.tags),
            "inquiry_id": item.inquiry_id,
            "event_id": getattr(item, "event_id", None),
            "framework_id": item.framework_id,
            "responses": [[r.prompt_id, r.text] for r in item.responses],
        },
        ensure_ascii=False,
    )


def state_fields(text: str) -> dict[str, Any]:
    """The keyword arguments for a Revision or Draft from :func:`state_json` text."""
    state = json.loads(text)
    return {
        "title": state["title"],
        "body": state["body"],
        "kind": EntryKind(state["kind"]),
        "tags": tuple(state["tags"]),
        "inquiry_id": state["inquiry_id"],
        "framework_id": state["framework_id"],
        "responses": tuple(Response(p, t) for p, t in state["responses"]),
    }


def revision_from_row(row: dict[str, Any]) -> Revision:
    return Revision(
        id=row["id"], entry_id=row["entry_id"], saved=row["saved"], **state_fields(row["state"])
    )
