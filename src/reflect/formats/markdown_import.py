"""Read Markdown notes (an Obsidian vault, a folder of notes, or one file) as journal entries.

Each file becomes one entry. Optional front matter supplies the title, dates, tags, kind, id
and inquiry; without it the first ``# heading`` (or the file name) is the title and the file's
modification time is the date. Inline ``#tags`` outside code are collected too. Hidden folders
such as ``.obsidian`` and ``.trash`` are skipped. An ``id`` that is a UUID is kept as the
entry id, so a note exported by Reflect comes back as the same entry. A note Reflect exported
(``reflect-markdown: "2"``) also brings back its framework, event and framework responses, and
its inquiry's ``question``, handed to the caller's ``inquiries`` so a journal without that
inquiry can add it.

A note that cannot be read refuses the whole folder, unless the caller passes ``skip``: then
each such note is reported to it (its path and why) and the others are read.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from reflect.core.clock import is_showable, to_text
from reflect.core.contents import SkippedItem
from reflect.core.entry import Entry, EntryKind, Response, normalize_tags, split_heading
from reflect.core.ids import stable_id
from reflect.core.inquiry import Inquiry, Wording
from reflect.errors import BadInput, InvalidItem
from reflect.files import (
    Malformed,
    decode_utf8,
    is_text,
    read_bytes,
    reported,
    require_exists,
)
from reflect.formats.front_matter import FrontMatter, split_front_matter
from reflect.formats.markdown_export import FORMAT_KEY, FORMAT_VERSION
from reflect.formats.progress import Progress, no_progress
from reflect.messages import Msg

FORMAT = "Markdown"
SUFFIXES = (".md", ".markdown")
_FENCED_CODE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?(?:^ {0,3}\1[ \t]*$|\Z)", re.M | re.S)
_INLINE_CODE = re.compile(r"(`+)[^\n]+?\1")
_LINK_TARGET = re.compile(r"\]\([^)\n]*\)")
_INLINE_TAG = re.compile(r"(?<![\w#&/])#([^\W\d_][\w/-]*)")
_REPORTS = 100

Skip = Callable[[SkippedItem], None]
# The inquiries named by the notes read so far, by id, each from its note's ``question``.
Inquiries = dict[str, Inquiry]


class _NoteProblem(Malformed):
    """Why one note cannot be read: its path, then the reason."""

    def __init__(self, where: str, reason: str, separator: str = ": ") -> None:
        super().__init__(f"{where}{separator}{reason}")
        self.where = where
        self.reason = reason


def read_markdown(
    path: Path,
    progress: Progress = no_progress,
    skip: Skip | None = None,
    inquiries: Inquiries | None = None,
) -> Iterator[Entry]:
    """One entry per Markdown file under ``path`` (or for ``path`` itself), sorted by path.

    A note that cannot be read raises :class:`InvalidItem`, or, given ``skip``, is handed to
    it and left out. A folder where no note can be read is refused either way. Given
    ``inquiries``, each note's inquiry (id and question) is put there before its entry is
    yielded.
    """
    found = {} if inquiries is None else inquiries
    yield from reported(_read(path, progress, skip, found), path, FORMAT)


def _read(
    path: Path, progress: Progress, skip: Skip | None, inquiries: Inquiries
) -> Iterator[Entry]:
    require_exists(path)
    root = path if path.is_dir() else path.parent
    files = _markdown_files(path) if path.is_dir() else [path]
    if not files:
        raise Malformed("no Markdown files (*.md, *.markdown) found")
    step, kept = max(1, len(files) // _REPORTS), 0
    first_problem: InvalidItem | None = None
    for done, file in enumerate(files, start=1):
        relative = file.relative_to(root).as_posix()
        try:
            entry = _note(file, relative, inquiries)
        except (_NoteProblem, BadInput) as exc:
            problem, item = _problem(exc, path, relative)
            if skip is None:
                raise problem from None
            skip(item)
            first_problem = first_problem or problem
            entry = None
        if entry:
            kept += 1
            yield entry
        if done % step == 0 and done < len(files):
            progress(done, len(files))
    if not kept:
        if first_problem:
            raise first_problem
        raise Malformed("no entries found (the Markdown files are empty)")
    progress(len(files), len(files))


def _problem(
    exc: _NoteProblem | BadInput, path: Path, relative: str
) -> tuple[InvalidItem, SkippedItem]:
    """The error refusing the folder for one bad note, and the line listing it if skipped."""
    if isinstance(exc, _NoteProblem):
        error = InvalidItem(Msg.FILE_MALFORMED, path=path, format=FORMAT, reason=str(exc))
        return error, SkippedItem(exc.where, exc.reason)
    # Reading the file failed (not UTF-8, not readable): the catalogue's message says why.
    return InvalidItem(exc.msg, **exc.params), SkippedItem(_shown(relative), exc.text)


def _shown(relative: str) -> str:
    """A path as text, with any bytes that are not UTF-8 written as escapes."""
    return relative.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


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


def _note(file: Path, relative: str, inquiries: Inquiries) -> Entry | None:
    """The entry for one file; None for a blank file, which notes apps leave behind."""
    if not is_text(relative):
        # Python keeps such bytes as lone surrogates, which no id, title or message can hold.
        raise _NoteProblem(
            _shown(relative), "the file name is not UTF-8; rename the file and try again"
        )
    text = decode_utf8(read_bytes(file), file).replace("\r\n", "\n")
    if not text.strip():
        return None
    try:
        meta, body = split_front_matter(text)
    except ValueError as exc:
        raise _NoteProblem(relative, str(exc), separator=" ") from exc
    title, body = _title_and_body(meta, body.strip(), relative, file.stem)
    ours = _version(meta, relative) >= FORMAT_VERSION
    responses: tuple[Response, ...] = ()
    if ours:
        body, responses = _responses(body, _response_ids(meta, relative), relative)
    created = _moment(meta, ("created", "date"), relative) or _modified_time(file, relative)
    given_id = _scalar(meta, "id", relative)
    inquiry_id = _uuid(_scalar(meta, "inquiry", relative))
    question = _scalar(meta, "question", relative)
    if ours and inquiry_id and question and inquiry_id not in inquiries:
        inquiries[inquiry_id] = Inquiry(
            inquiry_id, (Wording(question, created),), created=created, updated=created
        )
    return Entry(
        id=_entry_id(given_id, relative, created),
        kind=_kind(_scalar(meta, "kind", relative)),
        title=title,
        body=body,
        created=created,
        updated=_moment(meta, ("updated", "modified"), relative) or created,
        tags=normalize_tags([*_front_matter_tags(meta, relative), *_inline_tags(meta, body)]),
        inquiry_id=inquiry_id,
        event_id=_scalar(meta, "event", relative) if ours else None,
        framework_id=_scalar(meta, "framework", relative) if ours else None,
        responses=responses,
    )


def _version(meta: FrontMatter, relative: str) -> int:
    """The Reflect export format a note was written in: 1 for any note without the marker."""
    value = _scalar(meta, FORMAT_KEY, relative)
    if value is None:
        return 1
    if not value.isdigit() or int(value) < 1:
        raise _NoteProblem(relative, f"{FORMAT_KEY} {value!r} is not a format version")
    if int(value) > FORMAT_VERSION:
        raise _NoteProblem(
            relative,
            f"written by a newer version of Reflect (Markdown format {value}); update Reflect "
            "to read it",
        )
    return int(value)


def _response_ids(meta: FrontMatter, relative: str) -> list[str]:
    value = meta.get("responses")
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(i, str) and i.strip() for i in value):
        raise _NoteProblem(relative, "responses in the front matter should be a list of prompt ids")
    ids = [i.strip() for i in value]
    if len(set(ids)) != len(ids):
        raise _NoteProblem(relative, "responses in the front matter names a prompt twice")
    return ids


def _responses(body: str, prompt_ids: list[str], relative: str) -> tuple[str, tuple[Response, ...]]:
    """Split the ``## <prompt id>`` sections the front matter lists off the end of ``body``.

    Searched from the end, last prompt first, so a body may hold headings of its own.
    """
    lines = body.split("\n")
    end = len(lines)
    found: list[Response] = []
    for prompt_id in reversed(prompt_ids):
        heading = f"## {prompt_id}"
        start = next((i for i in range(end - 1, -1, -1) if lines[i].rstrip() == heading), None)
        if start is None:
            raise _NoteProblem(relative, f"the response heading “{heading}” is missing")
        found.append(Response(prompt_id, "\n".join(lines[start + 1 : end]).strip("\n")))
        end = start
    return "\n".join(lines[:end]).strip("\n"), tuple(reversed(found))


def _title_and_body(meta: FrontMatter, body: str, relative: str, stem: str) -> tuple[str, str]:
    heading, rest = split_heading(body)
    if "title" in meta:
        # A title given in the front matter wins, even an empty one (an untitled entry).
        title = _scalar(meta, "title", relative) or ""
        # Exports often repeat the title as a heading; keep it only if it says something new.
        return title, rest if title and heading == title else body
    return (heading, rest) if heading else (stem, body)


def _scalar(meta: FrontMatter, key: str, relative: str) -> str | None:
    """A field that is one value; YAML's base loader gives text, a list or a map."""
    value = meta.get(key)
    if value is None or isinstance(value, str):
        return value.strip() if value else None
    sort = "a list" if isinstance(value, list) else "a map"
    raise _NoteProblem(relative, f"{key} in the front matter should be one value, not {sort}")


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
        raise _NoteProblem(
            relative,
            f"{key} {value!r} is not a date (use YYYY-MM-DD, YYYY-MM-DD HH:MM or ISO 8601)",
        ) from exc
    if not is_showable(moment):
        raise _NoteProblem(relative, f"{key} {value!r} is too far in the past or the future")
    return text


def _modified_time(file: Path, relative: str) -> str:
    """The file's time, for a note without a date (a broken clock can set it anywhere)."""
    try:
        moment = datetime.fromtimestamp(file.stat().st_mtime, UTC)
    except (ValueError, OverflowError, OSError):
        moment = None
    if moment is None or not is_showable(moment):
        raise _NoteProblem(
            relative,
            "there is no date in its front matter and its file time is not a usable date; "
            "add a line such as created: 2026-03-01",
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
        if not all(isinstance(tag, str) for tag in value):
            raise _NoteProblem(
                relative, "tags in the front matter should be a list of words, not of lists"
            )
        return [tag for tag in value if isinstance(tag, str)]
    raise _NoteProblem(relative, "tags in the front matter should be a list, not a map")


def _inline_tags(meta: FrontMatter, body: str) -> list[str]:
    if "id" in meta and "kind" in meta:
        # Reflect's own export lists every tag in the front matter; a "#1" in the text is not one.
        return []
    prose = _LINK_TARGET.sub("]", _INLINE_CODE.sub("", _FENCED_CODE.sub("", body)))
    return _INLINE_TAG.findall(prose)
