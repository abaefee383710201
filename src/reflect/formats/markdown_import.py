"""Read Markdown notes (an Obsidian vault, a folder of notes, or one file) as journal entries.

Each file becomes one entry. Optional front matter supplies the title, dates, tags, kind, id
and inquiry; without it the first ``# heading`` (or the file name) is the title and the file's
modification time is the date. Inline ``#tags`` outside code are collected too. Hidden folders
such as ``.obsidian`` and ``.trash`` are skipped. An ``id`` that is a UUID is kept as the
entry id, so a note exported by Reflect comes back as the same entry.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from reflect.core.clock import is_showable, to_text
from reflect.core.entry import Entry, EntryKind, normalize_tags, split_heading
from reflect.core.ids import stable_id
from reflect.files import (
    Malformed,
    decode_utf8,
    is_text,
    read_bytes,
    reported,
    require_exists,
)
from reflect.formats.front_matter import FrontMatter, split_front_matter
from reflect.formats.progress import Progress, no_progress

FORMAT = "Markdown"
SUFFIXES = (".md", ".markdown")
_FENCED_CODE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?(?:^ {0,3}\1[ \t]*$|\Z)", re.M | re.S)
_INLINE_CODE = re.compile(r"(`+)[^\n]+?\1")
_LINK_TARGET = re.compile(r"\]\([^)\n]*\)")
_INLINE_TAG = re.compile(r"(?<![\w#&/])#([^\W\d_][\w/-]*)")
_REPORTS = 100


def read_markdown(path: Path, progress: Progress = no_progress) -> Iterator[Entry]:
    """One entry per Markdown file under ``path`` (or for ``path`` itself), sorted by path."""
    yield from reported(_read(path, progress), path, FORMAT)


def _read(path: Path, progress: Progress) -> Iterator[Entry]:
    require_exists(path)
    root = path if path.is_dir() else path.parent
    files = _markdown_files(path) if path.is_dir() else [path]
    if not files:
        raise Malformed("no Markdown files (*.md, *.markdown) found")
    step, kept = max(1, len(files) // _REPORTS), 0
    for done, file in enumerate(files, start=1):
        entry = _note(file, file.relative_to(root).as_posix())
        if entry:
            kept += 1
            yield entry
        if done % step == 0 and done < len(files):
            progress(done, len(files))
    if not kept:
        raise Malformed("no entries found (the Markdown files are empty)")
    progress(len(files), len(files))


def _markdown_files(folder: Path) -> list[Path]:
    found: list[Path] = []
    for current, dirs, names in os.walk(folder):
        # Pruning in place stops os.walk descending into .obsidian, .trash, .git and the like.
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        found.extend(
            Path(current, name)
            for name in names
            if not name.startswith(".") and name.lower().endswith(SUFFIXES)
        )
    return sorted(found)


def _note(file: Path, relative: str) -> Entry | None:
    """The entry for one file; None for a blank file, which notes apps leave behind."""
    if not is_text(relative):
        # Python keeps such bytes as lone surrogates, which no id, title or message can hold.
        shown = relative.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        raise Malformed(f"{shown}: the file name is not UTF-8; rename the file and try again")
    text = decode_utf8(read_bytes(file), file).replace("\r\n", "\n")
    if not text.strip():
        return None
    try:
        meta, body = split_front_matter(text)
    except ValueError as exc:
        raise Malformed(f"{relative} {exc}") from exc
    title, body = _title_and_body(meta, body.strip(), relative, file.stem)
    created = _moment(meta, ("created", "date"), relative) or _modified_time(file, relative)
    given_id = _scalar(meta, "id", relative)
    return Entry(
        id=_entry_id(given_id, relative, created),
        kind=_kind(_scalar(meta, "kind", relative)),
        title=title,
        body=body,
        created=created,
        updated=_moment(meta, ("updated", "modified"), relative) or created,
        tags=normalize_tags([*_front_matter_tags(meta, relative), *_inline_tags(meta, body)]),
        inquiry_id=_uuid(_scalar(meta, "inquiry", relative)),
    )


def _title_and_body(meta: FrontMatter, body: str, relative: str, stem: str) -> tuple[str, str]:
    heading, rest = split_heading(body)
    if "title" in meta:
        # A title given in the front matter wins, even an empty one (an untitled entry).
        title = _scalar(meta, "title", relative) or ""
        # Exports often repeat the title as a heading; keep it only if it says something new.
        return title, rest if title and heading == title else body
    return (heading, rest) if heading else (stem, body)


def _scalar(meta: FrontMatter, key: str, relative: str) -> str | None:
    value = meta.get(key)
    if value is None or isinstance(value, str):
        return value.strip() if value else None
    raise Malformed(f"{relative}: {key} in the front matter should be one value, not a list")


def _moment(meta: FrontMatter, keys: tuple[str, ...], relative: str) -> str | None:
    for key in keys:
        value = _scalar(meta, key, relative)
        if value:
            return _parse_moment(value, key, relative)
    return None


def _parse_moment(value: str, key: str, relative: str) -> str:
    """YYYY-MM-DD, YYYY-MM-DD HH:MM or ISO 8601; a time without an offset is local time."""
    try:
        moment = datetime.fromisoformat(value)
        text = to_text(moment)
    except (ValueError, OverflowError, OSError) as exc:
        raise Malformed(
            f"{relative}: {key} {value!r} is not a date (use YYYY-MM-DD, YYYY-MM-DD HH:MM "
            "or ISO 8601)"
        ) from exc
    if not is_showable(moment):
        raise Malformed(f"{relative}: {key} {value!r} is too far in the past or the future")
    return text


def _modified_time(file: Path, relative: str) -> str:
    """The file's time, for a note without a date (a broken clock can set it anywhere)."""
    try:
        moment = datetime.fromtimestamp(file.stat().st_mtime, UTC)
    except (ValueError, OverflowError, OSError):
        moment = None
    if moment is None or not is_showable(moment):
        raise Malformed(
            f"{relative}: there is no date in its front matter and its file time is not a "
            "usable date; add a line such as created: 2026-03-01"
        )
    return to_text(moment)


def _entry_id(given: str | None, relative: str, created: str) -> str:
    if given:
        return _uuid(given) or stable_id("markdown", given)
    return stable_id("markdown", relative, created)


def _uuid(value: str | None) -> str | None:
    """The canonical form of a UUID, or None for anything else."""
    try:
        return str(uuid.UUID(value)) if value else None
    except ValueError:
        return None


def _kind(value: str | None) -> EntryKind:
    # Other tools use "kind" for their own purposes, so an unknown value is simply a note.
    try:
        return EntryKind((value or "").lower())
    except ValueError:
        return EntryKind.NOTE


def _front_matter_tags(meta: FrontMatter, relative: str) -> list[str]:
    value = meta.get("tags")
    if value is None:
        return []
    if isinstance(value, str):
        return re.split(r"[,\s]+", value)
    if isinstance(value, list):
        return [str(tag) for tag in value]
    raise Malformed(f"{relative}: tags in the front matter should be a list")


def _inline_tags(meta: FrontMatter, body: str) -> list[str]:
    if "id" in meta and "kind" in meta:
        # Reflect's own export lists every tag in the front matter; a "#1" in the text is not one.
        return []
    prose = _LINK_TARGET.sub("]", _INLINE_CODE.sub("", _FENCED_CODE.sub("", body)))
    return _INLINE_TAG.findall(prose)
