"""Read Day One JSON exports: a ``Journal.json``, or the export zip holding one or more of them.

Day One writes each entry's ``text`` as Markdown with punctuation escaped (``\\.``, ``\\-``,
``\\(``) and media as ``![](dayone-moment://…)`` links. The escapes that carry no meaning are
removed, media links become a visible note, and ``richText`` is ignored. Reflect has no star,
so a starred entry gets the tag ``starred``. The zip is read in memory, never extracted.
"""

from __future__ import annotations

import io
import json
import lzma
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from reflect.core.clock import is_showable, to_text
from reflect.core.entry import Entry, EntryKind, normalize_tags, split_heading
from reflect.core.ids import stable_id
from reflect.files import Malformed, decode_utf8, is_text, read_bytes, reported
from reflect.formats.progress import Progress, no_progress

FORMAT = "Day One"
STARRED_TAG = "starred"
_MEDIA = re.compile(r"!\[[^\]\n]*\]\(dayone-moment:/*([^)\n]*)\)")
_MEDIA_KINDS = {"video": "video", "audio": "audio recording", "pdfAttachment": "PDF"}
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Escapes that still matter in Markdown (and render cleanly) are kept; the rest are noise.
_ALWAYS_KEPT = frozenset("\\*_`[]")
_KEPT_AT_LINE_START = frozenset("#-+>=")
_MEMBER_LIMIT = 512 * 1024 * 1024
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    lzma.LZMAError,
    struct.error,
    EOFError,
    OSError,
    NotImplementedError,
    RuntimeError,
    ValueError,
)
_REPORTS = 100

Journal = tuple[str, list[object]]


def read_dayone(path: Path, progress: Progress = no_progress) -> Iterator[Entry]:
    """Entries from a Day One ``Journal.json`` or export ``.zip``, in the export's order."""
    yield from reported(_read(path, progress), path, FORMAT)


def _read(path: Path, progress: Progress) -> Iterator[Entry]:
    data = read_bytes(path)
    journals = _journals(path, data)
    total = sum(len(items) for _, items in journals)
    if not total:
        raise Malformed("no entries found")
    step, done = max(1, total // _REPORTS), 0
    for name, items in journals:
        for number, item in enumerate(items, start=1):
            entry = _entry(item, f"{name} entry {number}".lstrip())
            if entry:
                yield entry
            done += 1
            if done % step == 0 and done < total:
                progress(done, total)
    progress(total, total)


def _journals(path: Path, data: bytes) -> list[Journal]:
    if data.startswith(b"PK") or path.suffix.lower() == ".zip":
        return _zip_journals(path, data)
    if not data.removeprefix(b"\xef\xbb\xbf").strip():
        raise Malformed("no entries found")
    entries = _entries_list(_parse_json(decode_utf8(data, path), ""))
    if entries is None:
        raise Malformed('expected an object with an "entries" list')
    return [("", entries)]


def _zip_journals(path: Path, data: bytes) -> list[Journal]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS as exc:
        raise Malformed(f"it is not a readable zip file ({exc})") from exc
    with archive:
        journals: list[Journal] = []
        for info in archive.infolist():
            if _is_journal_candidate(info):
                member = path / info.filename
                document = _parse_json(decode_utf8(_member(archive, info), member), info.filename)
                entries = _entries_list(document)
                if entries is not None:
                    journals.append((info.filename, entries))
    if not journals:
        raise Malformed('the zip holds no Day One journal (a .json file with an "entries" list)')
    return journals


def _is_journal_candidate(info: zipfile.ZipInfo) -> bool:
    # macOS adds __MACOSX/ and ._name resource forks to zips; they are not JSON.
    parts = info.filename.split("/")
    hidden = any(part.startswith((".", "__MACOSX")) for part in parts)
    return not info.is_dir() and not hidden and info.filename.lower().endswith(".json")


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    if info.file_size > _MEMBER_LIMIT:
        raise Malformed(f"{info.filename} is too large to import")
    try:
        return archive.read(info)
    except _ZIP_ERRORS as exc:
        raise Malformed(f"{info.filename} cannot be read from the zip ({exc})") from exc


def _parse_json(text: str, name: str) -> object:
    where = f"{name} " if name else ""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise Malformed(f"{where}line {exc.lineno} column {exc.colno}: {exc.msg}") from exc
    except (ValueError, RecursionError) as exc:
        raise Malformed(f"{where}cannot be read as JSON ({exc})") from exc


def _entries_list(document: object) -> list[object] | None:
    entries = document.get("entries") if isinstance(document, dict) else None
    return entries if isinstance(entries, list) else None


def _entry(item: object, where: str) -> Entry | None:
    """One Day One entry; None when it has no text at all, as there is nothing to keep."""
    if not isinstance(item, dict):
        raise Malformed(f"{where} is not an object")
    created = _moment(item, "creationDate", where)
    if created is None:
        raise Malformed(f"{where} has no creationDate")
    updated = _moment(item, "modifiedDate", where) or created
    uuid, text, tags = (
        _text(item, "uuid", where),
        _text(item, "text", where) or "",
        _tags(item, where),
    )
    title, body = _title_and_body(text)
    if not title and not body:
        return None
    return Entry(
        id=stable_id("dayone", uuid) if uuid else stable_id("dayone", created, text),
        kind=EntryKind.NOTE,
        title=title,
        body=body,
        created=created,
        updated=updated,
        tags=tags,
    )


def _moment(item: dict[str, object], key: str, where: str) -> str | None:
    value = _text(item, key, where)
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
        # Day One writes UTC; a time without an offset is taken to be UTC as well.
        moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        text = to_text(moment)
    except (ValueError, OverflowError) as exc:
        raise Malformed(f"{where}: {key} {value!r} is not a date and time") from exc
    if not is_showable(moment):
        raise Malformed(f"{where}: {key} {value!r} is too far in the past or the future")
    return text


def _text(item: dict[str, object], key: str, where: str) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not is_text(value):
        raise Malformed(f"{where}: {key} is not text")
    return value


def _tags(item: dict[str, object], where: str) -> tuple[str, ...]:
    tags = item.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) and is_text(t) for t in tags):
        raise Malformed(f"{where}: tags is not a list of text")
    return normalize_tags([*tags, STARRED_TAG] if item.get("starred") is True else tags)


def _title_and_body(text: str) -> tuple[str, str]:
    cleaned = _unescape(_MEDIA.sub(_media_note, text)).strip()
    title, body = split_heading(cleaned)
    return title, body.strip()


def _media_note(match: re.Match[str]) -> str:
    kind = _MEDIA_KINDS.get(match.group(1).split("/")[0], "photo")
    return f"[{kind} not imported]"


def _unescape(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        char = match.group(1)
        before = text[text.rfind("\n", 0, match.start()) + 1 : match.start()].strip()
        if char in _ALWAYS_KEPT or (char in _KEPT_AT_LINE_START and not before):
            return match.group(0)
        if char in ".)" and before.isdigit():
            return match.group(0)  # "1\." would become a numbered list
        return char

    return _ESCAPE.sub(replace, text)
