"""Reflect's own lossless JSON export (``reflect-journal``), documented in docs/formats.md.

Writers always write the newest version; the reader accepts every version up to it and refuses
newer files with a clear message. Version 2 added measures and their points; a version 1 file
simply has none.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any, TypeVar

from reflect import __version__
from reflect.core.action import Action, ActionKind, ActionStatus
from reflect.core.assessment import Assessment, Score
from reflect.core.connection import NAME_LIMIT, NOTE_LIMIT, WHERE_LIMIT, Connection, Sector
from reflect.core.contents import JournalContents
from reflect.core.entry import Entry, EntryKind, Response, Revision, normalize_tags
from reflect.core.inquiry import Inquiry, InquiryStatus, Wording
from reflect.core.measure import Better, Measure, Point
from reflect.errors import BadInput
from reflect.files import is_text, read_text
from reflect.formats import json_fields as fields
from reflect.formats.progress import Progress, no_progress
from reflect.messages import Msg

FORMAT = "reflect-journal"
# 2: measures and their points, connections, learning_links and the "learning" entry
# kind (and, ignored by readers that came before it, learning_measures).
VERSION = 2

T = TypeVar("T")


def dumps(contents: JournalContents, exported: str) -> str:
    revisions: dict[str, list[dict[str, Any]]] = {}
    points: dict[str, list[dict[str, Any]]] = {}
    for point in contents.points:
        points.setdefault(point.measure_id, []).append(
            {"date": point.day, "value": point.value, "note": point.note}
        )
    for revision in contents.revisions:
        revisions.setdefault(revision.entry_id, []).append(_revision_json(revision))
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported": exported,
        "generator": f"Reflect {__version__}",
        "inquiries": [_inquiry_json(i) for i in contents.inquiries],
        "entries": [_entry_json(e, revisions.get(e.id, [])) for e in contents.entries],
        "actions": [_enums_as_text(asdict(a)) for a in contents.actions],
        "assessments": [asdict(a) for a in contents.assessments],
        "measures": [_measure_json(m, points.get(m.id, [])) for m in contents.measures],
        "connections": [_enums_as_text(asdict(c)) for c in contents.connections],
        "learning_links": [{"entry_id": e, "pdsa_entry_id": c} for e, c in contents.learning_links],
        "learning_measures": [
            {"entry_id": e, "measure_id": m} for e, m in contents.learning_measures
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def read_journal_json(path: Path, progress: Progress = no_progress) -> JournalContents:
    text = read_text(path)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _malformed(path, f"line {exc.lineno}: {exc.msg}") from exc
    except (ValueError, RecursionError) as exc:
        # Numbers too long to convert, or nesting too deep to parse.
        raise _malformed(path, str(exc) or "nested too deeply") from exc
    progress(1, 2)
    contents = _parse_document(document, path)
    progress(2, 2)
    return contents


def _parse_document(document: Any, path: Path) -> JournalContents:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _malformed(path, f'the "format" field is not "{FORMAT}"')
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _malformed(path, 'the "version" field is missing or not a whole number')
    if version > VERSION:
        raise BadInput(Msg.FILE_TOO_NEW, path=path, version=version)
    return JournalContents(
        inquiries=_each(document, "inquiries", _inquiry, path),
        entries=_each(document, "entries", _entry, path),
        revisions=tuple(r for e in _list(document, "entries", path) for r in _revisions(e, path)),
        actions=_each(document, "actions", _action, path),
        assessments=_each(document, "assessments", _assessment, path),
        measures=_each(document, "measures", _measure, path),
        points=tuple(p for m in _list(document, "measures", path) for p in _points(m, path)),
        connections=_each(document, "connections", _connection, path),
        learning_links=_each(document, "learning_links", _learning_link, path),
        learning_measures=_each(document, "learning_measures", _measure_link, path),
    )


def _list(document: dict[str, Any], key: str, path: Path) -> list[Any]:
    value = document.get(key, [])
    if not isinstance(value, list):
        raise _malformed(path, f'"{key}" is not a list')
    return value


def _each(
    document: dict[str, Any], key: str, parse: Callable[[dict[str, Any]], T], path: Path
) -> tuple[T, ...]:
    items = []
    for n, raw in enumerate(_list(document, key, path), start=1):
        try:
            if not isinstance(raw, dict):
                raise TypeError("not an object")
            items.append(parse(raw))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise _malformed(path, f"{key} item {n}: {_describe(exc)}") from exc
    return tuple(items)


def _revisions(raw: Any, path: Path) -> list[Revision]:
    if not isinstance(raw, dict):
        return []
    try:
        return [_revision(raw["id"], r) for r in raw.get("revisions", [])]
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _malformed(path, f"revisions of entry {raw.get('id')}: {_describe(exc)}") from exc


def _describe(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f'the field "{exc.args[0]}" is missing'
    return str(exc)


def _malformed(path: Path, reason: str) -> BadInput:
    return BadInput(Msg.FILE_MALFORMED, path=path, format="Reflect JSON", reason=reason)


# Writing ---------------------------------------------------------------------------------


def _enums_as_text(data: dict[str, Any]) -> dict[str, Any]:
    return {
        k: (
            str(v)
            if isinstance(v, (EntryKind, InquiryStatus, ActionKind, ActionStatus, Sector))
            else v
        )
        for k, v in data.items()
    }


def _inquiry_json(inquiry: Inquiry) -> dict[str, Any]:
    return _enums_as_text(asdict(inquiry))


def _entry_json(entry: Entry, revisions: list[dict[str, Any]]) -> dict[str, Any]:
    data = _enums_as_text(asdict(entry))
    data["revisions"] = revisions
    return data


def _measure_json(measure: Measure, points: list[dict[str, Any]]) -> dict[str, Any]:
    data = asdict(measure)
    data["better"] = str(measure.better)
    data["points"] = points
    return data


def _revision_json(revision: Revision) -> dict[str, Any]:
    data = _enums_as_text(asdict(revision))
    del data["id"], data["entry_id"]
    return data


# Reading ---------------------------------------------------------------------------------


def _tags(raw: dict[str, Any]) -> tuple[str, ...]:
    value = raw.get("tags", [])
    if not isinstance(value, list) or not all(isinstance(v, str) and is_text(v) for v in value):
        raise TypeError('"tags" must be a list of text')
    return normalize_tags(value)


def _unique(ids: list[str], what: str) -> None:
    if len(set(ids)) != len(ids):
        raise ValueError(f"the same {what} appears twice")


def _responses(raw: dict[str, Any]) -> tuple[Response, ...]:
    responses = tuple(
        Response(fields.text(r, "prompt_id"), fields.text(r, "text"))
        for r in raw.get("responses", [])
    )
    _unique([r.prompt_id for r in responses], "prompt")
    return responses


def _inquiry(raw: dict[str, Any]) -> Inquiry:
    wordings = tuple(
        Wording(fields.text(w, "question"), fields.moment(w, "created")) for w in raw["wordings"]
    )
    if not wordings:
        raise ValueError("an inquiry needs at least one wording")
    return Inquiry(
        id=fields.text(raw, "id"),
        wordings=wordings,
        why=fields.text(raw, "why", ""),
        status=InquiryStatus(fields.text(raw, "status", "active")),
        status_note=fields.text(raw, "status_note", ""),
        created=fields.moment(raw, "created"),
        updated=fields.moment(raw, "updated", raw.get("created")),
    )


def _entry(raw: dict[str, Any]) -> Entry:
    return Entry(
        id=fields.text(raw, "id"),
        kind=EntryKind(fields.text(raw, "kind", "note")),
        title=fields.text(raw, "title", ""),
        body=fields.text(raw, "body", ""),
        created=fields.moment(raw, "created"),
        updated=fields.moment(raw, "updated", raw.get("created")),
        tags=_tags(raw),
        inquiry_id=fields.optional(raw, "inquiry_id"),
        event_id=fields.optional(raw, "event_id"),
        framework_id=fields.optional(raw, "framework_id"),
        responses=_responses(raw),
        deleted=fields.optional_moment(raw, "deleted"),
    )


def _revision(entry_id: str, raw: dict[str, Any]) -> Revision:
    return Revision(
        id=0,
        entry_id=entry_id,
        saved=fields.moment(raw, "saved"),
        title=fields.text(raw, "title", ""),
        body=fields.text(raw, "body", ""),
        kind=EntryKind(fields.text(raw, "kind", "note")),
        tags=_tags(raw),
        inquiry_id=fields.optional(raw, "inquiry_id"),
        framework_id=fields.optional(raw, "framework_id"),
        responses=_responses(raw),
    )


def _action(raw: dict[str, Any]) -> Action:
    return Action(
        id=fields.text(raw, "id"),
        text=fields.text(raw, "text"),
        kind=ActionKind(fields.text(raw, "kind")),
        status=ActionStatus(fields.text(raw, "status")),
        created=fields.moment(raw, "created"),
        updated=fields.moment(raw, "updated", raw.get("created")),
        due=fields.optional_day(raw, "due"),
        entry_id=fields.optional(raw, "entry_id"),
        inquiry_id=fields.optional(raw, "inquiry_id"),
    )


def _assessment(raw: dict[str, Any]) -> Assessment:
    scores = tuple(
        Score(
            fields.text(s, "domain_id"),
            fields.whole_number(s, "score"),
            fields.text(s, "evidence", ""),
        )
        for s in raw["scores"]
    )
    _unique([s.domain_id for s in scores], "domain")
    return Assessment(
        id=fields.text(raw, "id"),
        framework_id=fields.text(raw, "framework_id"),
        created=fields.moment(raw, "created"),
        scores=scores,
        inquiry_id=fields.optional(raw, "inquiry_id"),
        note=fields.text(raw, "note", ""),
    )


def _measure(raw: dict[str, Any]) -> Measure:
    return Measure(
        id=fields.text(raw, "id"),
        name=fields.text(raw, "name"),
        unit=fields.text(raw, "unit", ""),
        better=Better(fields.text(raw, "better")),
        created=fields.moment(raw, "created"),
        updated=fields.moment(raw, "updated", raw.get("created")),
        inquiry_id=fields.optional(raw, "inquiry_id"),
        definition=fields.text(raw, "definition", ""),
        baseline=fields.optional_number(raw, "baseline"),
        goal=fields.optional_number(raw, "goal"),
    )


def _points(raw: Any, path: Path) -> list[Point]:
    if not isinstance(raw, dict):
        return []
    try:
        points = [_point(fields.text(raw, "id"), p) for p in raw.get("points", [])]
        _unique([p.day for p in points], "date")
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _malformed(path, f"points of measure {raw.get('id')}: {_describe(exc)}") from exc
    return points


def _point(measure_id: str, raw: dict[str, Any]) -> Point:
    day = fields.optional_day(raw, "date")
    if day is None:
        raise KeyError("date")
    value = fields.optional_number(raw, "value")
    if value is None:
        raise KeyError("value")
    return Point(measure_id, day, value, fields.text(raw, "note", ""))


def _learning_link(raw: dict[str, Any], other: str = "pdsa_entry_id") -> tuple[str, str]:
    return fields.text(raw, "entry_id"), fields.text(raw, other)


def _measure_link(raw: dict[str, Any]) -> tuple[str, str]:
    return _learning_link(raw, "measure_id")


def _connection(raw: dict[str, Any]) -> Connection:
    met = fields.text(raw, "met")
    if not fields.is_day(met):
        raise ValueError('"met" is not a day written YYYY-MM-DD')
    connection = Connection(
        id=fields.text(raw, "id"),
        name=fields.text(raw, "name"),
        sector=Sector(fields.text(raw, "sector")),
        met=met,
        created=fields.moment(raw, "created"),
        updated=fields.moment(raw, "updated", raw.get("created")),
        where=fields.text(raw, "where", ""),
        note=fields.text(raw, "note", ""),
        inquiry_id=fields.optional(raw, "inquiry_id"),
    )
    for key, value, limit in (
        ("name", connection.name, NAME_LIMIT),
        ("where", connection.where, WHERE_LIMIT),
        ("note", connection.note, NOTE_LIMIT),
    ):
        if len(value) > limit:
            raise ValueError(f'"{key}" is longer than {limit} characters')
    if not connection.name.strip():
        raise ValueError('"name" is empty')
    return connection
