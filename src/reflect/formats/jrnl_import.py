"""Read jrnl journals in every form jrnl reads: the plain-text journal file (in any
``timeformat``), folder journals (``YYYY/MM/DD.txt``), the jrnl 1.x format, encrypted journals
(see :mod:`reflect.formats.jrnl_crypto`) and ``jrnl --format json`` exports.

The plain-text rules follow jrnl's own reader (``jrnl/journals/Journal.py`` and ``Entry.py``):
an entry starts at a line ``[<timeformat>] title``, the title is that whole first line, a
trailing ``*`` marks a starred entry, and tags are words starting with a tag symbol (``@``
unless the config says otherwise) anywhere in the entry. Reflect has no star, so a starred
entry gets the tag ``starred``. jrnl 1.x wrote the time without brackets (``LegacyJournal``);
the first line of a file tells which it is. In a folder journal the file's path gives the day
(as jrnl does), so a ``timeformat`` of only the time works. Plain files are read line by line
so a journal of any size streams; an encrypted journal is decrypted in memory and the JSON
export is parsed in one piece.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
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
from reflect.formats import jrnl_crypto
from reflect.formats.jrnl_folder import day_files
from reflect.formats.jrnl_time import JrnlClock, check_time_format, parse_moment
from reflect.formats.progress import Progress, no_progress
from reflect.messages import Msg

TEXT_FORMAT = "jrnl"
JSON_FORMAT = "jrnl JSON"
STARRED_TAG = "starred"
DEFAULT_TAG_SYMBOLS = "@"
DEFAULT_EXTENSION = ".txt"
# jrnl's default timeformat, plus the 12-hour and with-seconds variants people configure.
_BOM = b"\xef\xbb\xbf"
_REPORTS = 100
_MAX_LINE = 4 * 1024 * 1024  # bytes: longer is not a journal written by hand


@dataclass(frozen=True)
class JrnlOptions:
    """How to read a jrnl journal: what ``reflect import jrnl`` and the window can set.

    ``time_format`` is jrnl's ``timeformat`` (strftime codes); without it the time format comes
    from ``config`` (a ``jrnl.yaml``), else jrnl's default ``%Y-%m-%d %H:%M`` and its 12-hour
    and with-seconds variants are recognised. ``password`` opens an encrypted journal.
    """

    time_format: str | None = None
    password: str | None = None
    config: Path | None = None


@dataclass(frozen=True)
class _Settings:
    time_format: str | None
    tags: re.Pattern[str]
    extension: str


@dataclass
class _Draft:
    """An entry whose body lines are still being collected."""

    moment: datetime
    first_line: str
    lines: list[str] = field(default_factory=list)


def read_jrnl(
    path: Path, progress: Progress = no_progress, options: JrnlOptions = JrnlOptions()
) -> Iterator[Entry]:
    """Entries from a jrnl journal file or folder, or a JSON export.

    Raises ``BadInput`` with ``Msg.JRNL_PASSWORD_NEEDED`` for an encrypted journal read
    without a password, and ``Msg.JRNL_WRONG_PASSWORD`` when the password does not open it.
    """
    require_exists(path)
    settings = _settings(path, options)
    if path.is_dir():
        yield from reported(_read_folder(path, settings, progress), path, TEXT_FORMAT)
        return
    data = _decrypted(path, options.password)
    is_json = _starts_with_brace(io.BytesIO(data) if data is not None else _open(path))
    if is_json:
        reader = _read_json(
            data if data is not None else read_bytes(path), path, settings, progress
        )
    elif data is not None:
        reader = _read_text(lambda: io.BytesIO(data), len(data), path, settings, progress)
    else:
        reader = _read_text(lambda: _open(path), path.stat().st_size, path, settings, progress)
    yield from reported(reader, path, JSON_FORMAT if is_json else TEXT_FORMAT)


def is_encrypted(path: Path) -> bool:
    """Whether ``path`` is a jrnl journal file that needs a password (read cheaply)."""
    try:
        if not path.is_file():
            return False
        with path.open("rb") as handle:
            head = handle.read(jrnl_crypto.SNIFF_BYTES)
        return jrnl_crypto.sniff(head, path.stat().st_size) is not None
    except OSError:
        return False


# Settings


def _settings(path: Path, options: JrnlOptions) -> _Settings:
    from reflect.formats.jrnl_config import JrnlConfig, read_jrnl_config

    config = read_jrnl_config(options.config, path) if options.config else JrnlConfig()
    time_format = options.time_format or config.time_format
    if time_format is not None:
        check_time_format(time_format)
    symbols = config.tag_symbols or DEFAULT_TAG_SYMBOLS
    extension = config.extension or DEFAULT_EXTENSION
    return _Settings(
        time_format=time_format,
        tags=_tag_pattern(symbols),
        extension=extension if extension.startswith(".") else f".{extension}",
    )


def _tag_pattern(symbols: str) -> re.Pattern[str]:
    """jrnl's ``Entry.tag_regex``: a tag symbol and word characters, after a space or at a
    line's start (so e-mail addresses are not tags)."""
    escaped = "".join(f"\\{c}" if c in "\\]^-[" else c for c in symbols)
    return re.compile(rf"(?<!\S)([{escaped}][-+*#/\w]+)")


# Encrypted journals


def _decrypted(path: Path, password: str | None) -> bytes | None:
    """The journal's text as UTF-8 if it is encrypted; None if it is plain."""
    size = path.stat().st_size
    with _open(path) as handle:
        head = handle.read(jrnl_crypto.SNIFF_BYTES)
    encryption = jrnl_crypto.sniff(head, size)
    if encryption is None:
        return None
    if not password:
        raise BadInput(Msg.JRNL_PASSWORD_NEEDED, path=path, version=encryption.value)
    if size > jrnl_crypto.MAX_ENCRYPTED_BYTES:
        limit = jrnl_crypto.MAX_ENCRYPTED_BYTES // (1024 * 1024)
        raise BadInput(
            Msg.FILE_MALFORMED,
            path=path,
            format=TEXT_FORMAT,
            reason=f"an encrypted journal larger than {limit} MB",
        )
    try:
        text = jrnl_crypto.decrypt(read_bytes(path), password, encryption)
    except jrnl_crypto.WrongPassword:
        raise BadInput(Msg.JRNL_WRONG_PASSWORD, path=path, version=encryption.value) from None
    return text.encode("utf-8", "surrogatepass")


# Plain text


def _starts_with_brace(handle: BinaryIO) -> bool:
    with handle:
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


def _read_text(
    opener: Callable[[], BinaryIO],
    size: int,
    path: Path,
    settings: _Settings,
    progress: Progress,
) -> Iterator[Entry]:
    step = max(1, size // _REPORTS)
    next_report = step
    clock = JrnlClock(settings.time_format)
    lines = _lines(opener, path)
    with contextlib.closing(lines):  # the file is closed at once, even on an error
        for entry, consumed in _entries(lines, clock, settings):
            yield entry
            if next_report <= consumed < size:
                progress(consumed, size)
                next_report = consumed + step
    progress(size, size)


def _entries(
    lines: Iterator[tuple[int, str, int]], clock: JrnlClock, settings: _Settings
) -> Iterator[tuple[Entry, int]]:
    """Entries and how many bytes were read when each was complete."""
    draft: _Draft | None = None
    legacy: bool | None = None  # decided by the first line with text
    consumed = 0
    for number, line, consumed in lines:
        start = None
        if legacy is None and line.strip():
            start = clock.bracketed(line, number)
            legacy = start is None and clock.legacy(line, number) is not None
        if legacy:
            start = clock.legacy(line, number)
        elif start is None:
            start = clock.bracketed(line, number)
        if start:
            if draft:
                yield _text_entry(draft, settings), consumed
            draft = _Draft(*start)
        elif draft:
            draft.lines.append(line)
        elif line.strip():
            raise Malformed(f"line {number}: expected an entry to start with {clock.expected}")
    if draft is None:
        raise Malformed("no entries found")
    yield _text_entry(draft, settings), consumed


def _lines(opener: Callable[[], BinaryIO], path: Path) -> Generator[tuple[int, str, int]]:
    """``(line number, text, bytes read so far)``; decoding each line finds the bad byte."""
    consumed = 0
    with opener() as handle:
        number = 0
        while raw := handle.readline(_MAX_LINE + 1):
            number += 1
            if len(raw) > _MAX_LINE:
                raise Malformed(f"line {number} is longer than {_MAX_LINE // (1024 * 1024)} MB")
            data = raw.removeprefix(_BOM) if number == 1 else raw
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                offset = consumed + len(raw) - len(data) + exc.start
                raise BadInput(Msg.FILE_NOT_UTF8, path=path, offset=offset) from exc
            consumed += len(raw)
            yield number, text.rstrip("\r\n"), consumed


def _text_entry(draft: _Draft, settings: _Settings) -> Entry:
    first = draft.first_line.strip()
    # jrnl writes a star at the end of the title line; a star just after the date is accepted too.
    starred = first.endswith("*") or first.startswith("* ") or first == "*"
    title = first.strip(" *") if starred else first
    body = "\n".join(draft.lines).strip()
    tags = settings.tags.findall(f"{title}\n{body}")
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


# Folder journals


def _read_folder(root: Path, settings: _Settings, progress: Progress) -> Iterator[Entry]:
    days = day_files(root, settings.extension)
    if not days:
        raise Malformed(f"no YYYY/MM/DD{settings.extension} day files found")
    for index, (day, file) in enumerate(days):
        name = file.relative_to(root)
        lines = _lines(partial(_open, file), file)
        try:
            with contextlib.closing(lines):
                for entry, _ in _entries(lines, JrnlClock(settings.time_format, day), settings):
                    yield entry
        except Malformed as exc:
            if str(exc) == "no entries found":
                continue  # jrnl leaves no empty day files, but one does no harm
            raise Malformed(f"{name} {exc}") from None
        progress(index + 1, len(days))


# JSON export


def _read_json(data: bytes, path: Path, settings: _Settings, progress: Progress) -> Iterator[Entry]:
    items = _json_entries(decode_utf8(data, path))
    step = max(1, len(items) // _REPORTS)
    for index, item in enumerate(items):
        yield _json_entry(item, index + 1, settings)
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


def _json_entry(item: object, number: int, settings: _Settings) -> Entry:
    if not isinstance(item, dict):
        raise Malformed(f"entry {number} is not an object")
    date_text, time = item.get("date"), item.get("time", "09:00")  # 09:00: jrnl's default_hour
    if not isinstance(date_text, str) or not isinstance(time, str):
        raise Malformed(f"entry {number} has no date and time")
    try:
        moment = parse_moment(f"{date_text} {time}")
    except ValueError:
        moment = None
    if moment is None or not is_showable(moment):
        raise Malformed(f"entry {number}: {date_text} {time} is not a date and time")
    title, body = _json_text(item, "title", number), _json_text(item, "body", number)
    tags = item.get("tags")
    if tags is None:
        tags = settings.tags.findall(f"{title}\n{body}")
    elif not isinstance(tags, list) or not all(isinstance(t, str) and is_text(t) for t in tags):
        raise Malformed(f"entry {number}: tags is not a list of text")
    return _entry(moment, title, body, tags, item.get("starred") is True)


def _json_text(item: dict[str, object], key: str, number: int) -> str:
    value = item.get(key, "")
    if not isinstance(value, str) or not is_text(value):
        raise Malformed(f"entry {number}: {key} is not text")
    return value
