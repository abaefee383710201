"""Journal entries, their revisions and the rules for titles and tags."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

TITLE_LIMIT = 120


class EntryKind(StrEnum):
    REFLECTION = "reflection"
    COACHING = "coaching"
    PROGRESS = "progress"
    NOTE = "note"
    # A learning log: what was learned, what nobody expected, what the change made worse.
    LEARNING = "learning"


# Kinds whose new entries start with a framework's prompts unless another is chosen.
DEFAULT_FRAMEWORKS = {EntryKind.LEARNING: "learning-log"}


@dataclass(frozen=True)
class Response:
    """The text written under one prompt of a framework."""

    prompt_id: str
    text: str


@dataclass(frozen=True)
class Entry:
    id: str
    kind: EntryKind
    title: str
    body: str
    created: str
    updated: str
    tags: tuple[str, ...] = ()
    inquiry_id: str | None = None
    event_id: str | None = None
    framework_id: str | None = None
    responses: tuple[Response, ...] = ()
    deleted: str | None = None

    @property
    def display_title(self) -> str:
        """The title, or the first line of text when the entry has none (see title_of)."""
        return title_of(self.title, self.body, (r.text for r in self.responses))

    def searchable_body(self) -> str:
        """Body and framework responses together, as the search index sees them."""
        return "\n\n".join([self.body, *(r.text for r in self.responses)]).strip()


@dataclass(frozen=True)
class Revision:
    """An earlier state of an entry, kept whenever the entry is changed."""

    id: int
    entry_id: str
    saved: str
    title: str
    body: str
    kind: EntryKind
    tags: tuple[str, ...]
    inquiry_id: str | None
    framework_id: str | None
    responses: tuple[Response, ...]


# Closing #s count as markup only after a space (CommonMark), so "# Learning C#" keeps its #.
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_MARKUP = re.compile(r"[*_`>\[\]]+")


def title_of(title: str, body: str, responses: Iterable[str] = ()) -> str:
    """What every page, list, search result and export calls an entry: its title, else the
    first line of its body, else the first line of its framework responses; "" only when it
    has no words at all (the window then says "Untitled entry", ui/texts.py entry_title).

    ``responses`` is read only when the title and body give nothing, so a caller holding only
    a row may pass a generator that fetches them.
    """
    return title or derive_title(body) or derive_title("\n".join(responses))


def derive_title(text: str) -> str:
    """A short title from the first non-blank line, without Markdown marks."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return shorten(without_marks(line), TITLE_LIMIT)
    return ""


def without_marks(line: str) -> str:
    """One line of Markdown as words to print or list: no heading hashes or emphasis marks."""
    match = _HEADING.match(line)
    return _MARKUP.sub("", match.group(1) if match else line).strip()


def split_heading(text: str) -> tuple[str, str]:
    """Split a leading Markdown heading off as the title: ``("Title", "rest")``."""
    # Split on newlines only: titles may hold other line separators (U+2028 from web pages).
    lines = text.strip("\n").split("\n")
    if lines:
        match = _HEADING.match(lines[0])
        if match:
            return match.group(1).strip(), "\n".join(lines[1:]).strip("\n")
    return "", text


def shorten(text: str, limit: int) -> str:
    """Cut ``text`` at a word boundary near ``limit`` characters, ending in an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-") + "…"


def normalize_tag(tag: str) -> str:
    """Tags are stored without their ``@`` or ``#`` sigil and with inner spaces as hyphens."""
    return "-".join(tag.strip().lstrip("@#").split())


def normalize_tags(tags: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Clean, drop empties and repeats (case-insensitively), keep first-seen order."""
    seen: dict[str, str] = {}
    for tag in tags:
        clean = normalize_tag(tag)
        if clean and clean.casefold() not in seen:
            seen[clean.casefold()] = clean
    return tuple(seen.values())
