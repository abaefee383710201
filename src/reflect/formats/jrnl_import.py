"""Read jrnl journals: the plain-text journal file and ``jrnl --format json`` exports.

The plain-text rules follow jrnl's own reader (``jrnl/journals/Journal.py`` and ``Entry.py``):
an entry starts at a line ``[YYYY-MM-DD HH:MM] title``, the title is that whole first line, a
trailing ``*`` marks a starred entry, and tags are words starting with ``@`` anywhere in the
entry. Reflect has no star, so a starred entry gets the tag ``starred``. The text file is read
line by line so a journal of any size streams; the JSON export is parsed in one piece.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from reflect.core.clock import is_showable, to_text
from reflect.core.entry import Entry, EntryKind, normalize_tags
from reflect.core.ids import stable_id
from reflect.errors import BadInput
from reflect.files import (
    Malformed,
    decode_utf8,
    is_text,
    read_bytes,
    reported,
    require_exists,
)
from reflect.formats.progress import Progress, no_progress
from reflect.messages import Msg

TEXT_FORMAT = "jrnl"
JSON_FORMAT = "jrnl JSON"
STARRED_TAG = "starred"
# jrnl's default timeformat, plus the 12-hour and with-seconds variants people configure.
_MOMENT = re.compile(r"(\d{4})-(\d{2})-(\d{2}) (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AaPp][Mm]))?")
_DATE_LINE = re.compile(r"\[([^\]]*)\](?: (.*))?")
_TAG = re.compile(r"(?<!\S)(@[-+*#/\w]+)")  # jrnl's Entry.tag_regex for the symbol "@"
_EXPECTED_START = "expected an entry to start with [YYYY-MM-DD HH:MM]"
_BOM = b"\xef\xbb\xbf"
_REPORTS = 100


@dataclass
class _Draft:
    """An entry whose body lines are still being collected."""

    moment: datetime
    first_line: str
    lines: list[str] = field(default_factory=list)


def read_jrnl(path: Path, progress: Progress = no_progress) -> Iterator[Entry]:
    """Entries from a jrnl text journal or JSON export, told apart by their first character."""
    require_exists(path)
    is_json = _starts_with_brace(path)
    reader = _read_json(path, progress) if is_json else _read_text(path, progress)
    yield from reported(reader, path, JSON_FORMAT if is_json else TEXT_FORMAT)


def _parse_moment(text: str) -> datetime | None:
    """A jrnl timestamp as naive local time; None if it has another shape."""
    match = _MOMENT.fullmatch(text.strip())
    if not match:
        return None
    year, month, day, hour, minute, second, half = match.groups()
    hour_number = int(hour)
    if half:
        if not 1 <= hour_number <= 12:
            raise ValueError(f"{hour} is not an hour on a 12-hour clock")
        hour_number = hour_number % 12 + (12 if half.lower() == "pm" else 0)
    moment = datetime(int(year), int(month), int(day), hour_number, int(minute), int(second or 0))
    if not is_showable(moment):
        # Near the first or last representable day, moving it to UTC (or later to another
        # time zone) would overflow.
        raise ValueError(f"{text} is too far in the past or the future")
    return moment


def _starts_with_brace(path: Path) -> bool:
    with _open(path) as handle:
        while chunk := handle.read(65536):
            stripped = chunk.removeprefix(_BOM).lstrip()
            if stripped:
                return stripped.startswith(b"{")
    return False


def _open(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except OSError as exc:
        raise BadInput(Msg.FILE_NOT_READABLE, path=path, reason=exc.strerror or exc) from exc


def _read_text(path: Path, progress: Progress) -> Iterator[Entry]:
    size = path.stat().st_size
    step = max(1, size // _REPORTS)
    next_report = step
    draft: _Draft | None = None
    for number, line, consumed in _lines(path):
        start = _entry_start(line, number)
        if start:
            if draft:
                yield _text_entry(draft)
            draft = _Draft(*start)
        elif draft:
            draft.lines.append(line)
        elif line.strip():
            raise Malformed(f"line {number}: {_EXPECTED_START}")
        if next_report <= consumed < size:
            progress(consumed, size)
            next_report = consumed + step
    if draft is None:
        raise Malformed("no entries found")
    yield _text_entry(draft)
    progress(size, size)


def _lines(path: Path) -> Iterator[tuple[int, str, int]]:
    """``(line number, text, bytes read so far)``; decoding each line finds the bad byte."""
    consumed = 0
    with _open(path) as handle:
        for number, raw in enumerate(handle, start=1):
            data = raw.removeprefix(_BOM) if number == 1 else raw
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                offset = consumed + len(raw) - len(data) + exc.start
                raise BadInput(Msg.FILE_NOT_UTF8, path=path, offset=offset) from exc
            consumed += len(raw)
            yield number, text.rstrip("\r\n"), consumed


def _entry_start(line: str, number: int) -> tuple[datetime, str] | None:
    if not line.startswith("["):
        return None
    match = _DATE_LINE.fullmatch(line)
    if not match:
        return None
    try:
        moment = _parse_moment(match.group(1))
    except ValueError as exc:
        raise Malformed(f"line {number}: [{match.group(1)}] is not a real date and time") from exc
    return (moment, match.group(2) or "") if moment else None


def _text_entry(draft: _Draft) -> Entry:
    first = draft.first_line.strip()
    # jrnl writes a star at the end of the title line; a star just after the date is accepted too.
    starred = first.endswith("*") or first.startswith("* ") or first == "*"
    title = first.strip(" *") if starred else first
    body = "\n".join(draft.lines).strip()
    tags = _TAG.findall(f"{title}\n{body}")
    return _entry(draft.moment, title, body, tags, starred)


def _entry(moment: datetime, title: str, body: str, tags: list[str], starred: bool) -> Entry:
    created = to_text(moment)
    return Entry(
        id=stable_id("jrnl", created, title, body),
        kind=EntryKind.NOTE,
        title=title,
        body=body,
        created=created,
        updated=created,
        tags=normalize_tags([*tags, STARRED_TAG] if starred else tags),
    )


def _read_json(path: Path, progress: Progress) -> Iterator[Entry]:
    data = read_bytes(path)
    items = _json_entries(decode_utf8(data, path))
    step = max(1, len(items) // _REPORTS)
    for index, item in enumerate(items):
        yield _json_entry(item, index + 1)
        if (index + 1) % step == 0 and index + 1 < len(items):
            progress(len(data) * (index + 1) // len(items), len(data))
    progress(len(data), len(data))


def _json_entries(text: str) -> list[object]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Malformed(f"line {exc.lineno} column {exc.colno}: {exc.msg}") from exc
    except (ValueError, RecursionError) as exc:
        raise Malformed(f"the JSON cannot be read ({exc})") from exc
    entries = document.get("entries") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise Malformed('expected an object with an "entries" list')
    if not entries:
        raise Malformed("no entries found")
    return entries


def _json_entry(item: object, number: int) -> Entry:
    if not isinstance(item, dict):
        raise Malformed(f"entry {number} is not an object")
    date, time = item.get("date"), item.get("time", "09:00")  # 09:00 is jrnl's default_hour
    if not isinstance(date, str) or not isinstance(time, str):
        raise Malformed(f"entry {number} has no date and time")
    try:
        moment = _parse_moment(f"{date} {time}")
    except ValueError:
        moment = None
    if moment is None:
        raise Malformed(f"entry {number}: {date} {time} is not a date and time")
    title, body = _json_text(item, "title", number), _json_text(item, "body", number)
    tags = item.get("tags")
    if tags is None:
        tags = _TAG.findall(f"{title}\n{body}")
    elif not isinstance(tags, list) or not all(isinstance(t, str) and is_text(t) for t in tags):
        raise Malformed(f"entry {number}: tags is not a list of text")
    return _entry(moment, title, body, tags, item.get("starred") is True)


def _json_text(item: dict[str, object], key: str, number: int) -> str:
    value = item.get(key, "")
    if not isinstance(value, str) or not is_text(value):
        raise Malformed(f"entry {number}: {key} is not text")
    return value
