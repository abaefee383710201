"""Reflect's own lossless JSON export (``reflect-journal``), documented in docs/formats.md.

Writers always write the newest version; the reader accepts every version up to it and refuses
newer files with a clear message. Version 2 added measures and their points; a version 1 file
simply has none.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from reflect import __version__
from reflect.core.action import Action, ActionKind, ActionStatus
from reflect.core.assessment import Assessment, Score
from reflect.core.clock import is_showable
from reflect.core.connection import NAME_LIMIT, NOTE_LIMIT, WHERE_LIMIT, Connection, Sector
from reflect.core.contents import JournalContents
from reflect.core.entry import Entry, EntryKind, Response, Revision, normalize_tags
from reflect.core.inquiry import Inquiry, InquiryStatus, Wording
from reflect.core.measure import MAX_MAGNITUDE, Better, Measure, Point
from reflect.errors import BadInput
from reflect.files import is_text, read_text
from reflect.formats.progress import Progress, no_progress
from reflect.messages import Msg

FORMAT = "reflect-journal"
# 2: measures and their points, connections, learning_links and the "learning" entry
# kind (and, ignored by readers that came before it, learning_measures).
VERSION = 2
MAX_SCORE = 1_000_000  # far beyond any rating scale, well inside SQLite's integers
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)

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


def _text(raw: dict[str, Any], key: str, default: str | None = None) -> str:
    value = raw.get(key, default)
    if not isinstance(value, str) or not is_text(value):
        raise TypeError(f'"{key}" must be text')
    return value


def _moment(raw: dict[str, Any], key: str, default: str | None = None) -> str:
    """A timestamp with its offset, as ISO 8601 text; kept exactly as written."""
    value = _text(raw, key, default)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f'"{key}" is not an ISO 8601 timestamp') from None
    if parsed.tzinfo is None:
        raise ValueError(f'"{key}" has no UTC offset')
    if not is_showable(parsed):
        raise ValueError(f'"{key}" is too far in the past or the future')
    return value


def _optional(raw: dict[str, Any], key: str) -> str | None:
    value = raw.get(key)
    if value is not None and (not isinstance(value, str) or not is_text(value)):
        raise TypeError(f'"{key}" must be text or null')
    return value


def _optional_moment(raw: dict[str, Any], key: str) -> str | None:
    return None if raw.get(key) is None else _moment(raw, key)


def _optional_day(raw: dict[str, Any], key: str) -> str | None:
    """A local calendar day written YYYY-MM-DD (as the actions page reads it), or None."""
    value = _optional(raw, key)
    if value is not None and not _is_day(value):
        raise ValueError(f'"{key}" is not a day written YYYY-MM-DD')
    return value


def _is_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return bool(_DAY.fullmatch(text))


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
        Response(_text(r, "prompt_id"), _text(r, "text")) for r in raw.get("responses", [])
    )
    _unique([r.prompt_id for r in responses], "prompt")
    return responses


def _inquiry(raw: dict[str, Any]) -> Inquiry:
    wordings = tuple(Wording(_text(w, "question"), _moment(w, "created")) for w in raw["wordings"])
    if not wordings:
        raise ValueError("an inquiry needs at least one wording")
    return Inquiry(
        id=_text(raw, "id"),
        wordings=wordings,
        why=_text(raw, "why", ""),
        status=InquiryStatus(_text(raw, "status", "active")),
        status_note=_text(raw, "status_note", ""),
        created=_moment(raw, "created"),
        updated=_moment(raw, "updated", raw.get("created")),
    )


def _entry(raw: dict[str, Any]) -> Entry:
    return Entry(
        id=_text(raw, "id"),
        kind=EntryKind(_text(raw, "kind", "note")),
        title=_text(raw, "title", ""),
        body=_text(raw, "body", ""),
        created=_moment(raw, "created"),
        updated=_moment(raw, "updated", raw.get("created")),
        tags=_tags(raw),
        inquiry_id=_optional(raw, "inquiry_id"),
        event_id=_optional(raw, "event_id"),
        framework_id=_optional(raw, "framework_id"),
        responses=_responses(raw),
        deleted=_optional_moment(raw, "deleted"),
    )


def _revision(entry_id: str, raw: dict[str, Any]) -> Revision:
    return Revision(
        id=0,
        entry_id=entry_id,
        saved=_moment(raw, "saved"),
        title=_text(raw, "title", ""),
        body=_text(raw, "body", ""),
        kind=EntryKind(_text(raw, "kind", "note")),
        tags=_tags(raw),
        inquiry_id=_optional(raw, "inquiry_id"),
        framework_id=_optional(raw, "framework_id"),
        responses=_responses(raw),
    )


def _action(raw: dict[str, Any]) -> Action:
    return Action(
        id=_text(raw, "id"),
        text=_text(raw, "text"),
        kind=ActionKind(_text(raw, "kind")),
        status=ActionStatus(_text(raw, "status")),
        created=_moment(raw, "created"),
        updated=_moment(raw, "updated", raw.get("created")),
        due=_optional_day(raw, "due"),
        entry_id=_optional(raw, "entry_id"),
        inquiry_id=_optional(raw, "inquiry_id"),
    )


def _assessment(raw: dict[str, Any]) -> Assessment:
    scores = tuple(
        Score(_text(s, "domain_id"), _int(s, "score"), _text(s, "evidence", ""))
        for s in raw["scores"]
    )
    _unique([s.domain_id for s in scores], "domain")
    return Assessment(
        id=_text(raw, "id"),
        framework_id=_text(raw, "framework_id"),
        created=_moment(raw, "created"),
        scores=scores,
        inquiry_id=_optional(raw, "inquiry_id"),
        note=_text(raw, "note", ""),
    )


def _int(raw: dict[str, Any], key: str) -> int:
    value = raw[key]
    if not isinstance(value, int) or isinstance(value, bool) or abs(value) > MAX_SCORE:
        raise TypeError(f'"{key}" must be a whole number from -{MAX_SCORE} to {MAX_SCORE}')
    return value


def _measure(raw: dict[str, Any]) -> Measure:
    return Measure(
        id=_text(raw, "id"),
        name=_text(raw, "name"),
        unit=_text(raw, "unit", ""),
        better=Better(_text(raw, "better")),
        created=_moment(raw, "created"),
        updated=_moment(raw, "updated", raw.get("created")),
        inquiry_id=_optional(raw, "inquiry_id"),
        definition=_text(raw, "definition", ""),
        baseline=_optional_number(raw, "baseline"),
        goal=_optional_number(raw, "goal"),
    )


def _points(raw: Any, path: Path) -> list[Point]:
    if not isinstance(raw, dict):
        return []
    try:
        points = [_point(_text(raw, "id"), p) for p in raw.get("points", [])]
        _unique([p.day for p in points], "date")
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _malformed(path, f"points of measure {raw.get('id')}: {_describe(exc)}") from exc
    return points


def _point(measure_id: str, raw: dict[str, Any]) -> Point:
    day = _optional_day(raw, "date")
    if day is None:
        raise KeyError("date")
    value = _optional_number(raw, "value")
    if value is None:
        raise KeyError("value")
    return Point(measure_id, day, value, _text(raw, "note", ""))


def _optional_number(raw: dict[str, Any], key: str) -> float | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f'"{key}" must be a number or null')
    if not abs(value) <= MAX_MAGNITUDE:  # also refuses NaN
        raise ValueError(f'"{key}" is beyond {MAX_MAGNITUDE:g} or not a number')
    return float(value)


def _learning_link(raw: dict[str, Any], other: str = "pdsa_entry_id") -> tuple[str, str]:
    return _text(raw, "entry_id"), _text(raw, other)


def _measure_link(raw: dict[str, Any]) -> tuple[str, str]:
    return _learning_link(raw, "measure_id")


def _connection(raw: dict[str, Any]) -> Connection:
    met = _text(raw, "met")
    if not _is_day(met):
        raise ValueError('"met" is not a day written YYYY-MM-DD')
    connection = Connection(
        id=_text(raw, "id"),
        name=_text(raw, "name"),
        sector=Sector(_text(raw, "sector")),
        met=met,
        created=_moment(raw, "created"),
        updated=_moment(raw, "updated", raw.get("created")),
        where=_text(raw, "where", ""),
        note=_text(raw, "note", ""),
        inquiry_id=_optional(raw, "inquiry_id"),
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
