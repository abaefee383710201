"""Frameworks as data: prompts to write under, and domains to rate yourself on.

Each framework comes from one TOML file (shipped in resources/frameworks/, copied by the user,
or carried by a facilitator's pack); see docs/frameworks.md for the file format. "Blank" is not
a framework: an entry without one simply has no ``framework_id``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from reflect.core.entry import EntryKind, Response, split_heading

# Lowercase letters and digits in words joined by single hyphens: "action-plan", "csif".
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SLUG_LIMIT = 64


def is_slug(text: str) -> bool:
    """True for ids Reflect accepts: ``gibbs``, ``so-what``, ``what-so-what-now-what``."""
    return len(text) <= SLUG_LIMIT and _SLUG.fullmatch(text) is not None


class Origin(StrEnum):
    SHIPPED = "shipped"  # in resources/frameworks/, never modified
    USER = "user"  # copied or imported by the user, editable
    PACK = "pack"  # from a facilitator's pack, never modified


@dataclass(frozen=True)
class Source:
    """Where a framework comes from, and what of it was (``checked``) and was not
    (``not_checked``) checked against that source; ``note`` holds anything else (authors,
    credits). ``year`` is None only in files of format version 1."""

    title: str
    publisher: str = ""
    year: int | None = None
    link: str = ""
    note: str = ""
    checked: str = ""
    not_checked: str = ""


@dataclass(frozen=True)
class Prompt:
    id: str
    label: str
    help: str = ""


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    prompts: tuple[Prompt, ...]


@dataclass(frozen=True)
class Domain:
    """Something a person rates themselves on, e.g. one domain of the CSIF."""

    id: str
    label: str
    help: str = ""


@dataclass(frozen=True)
class Scale:
    low: int = 1
    high: int = 5
    # Compared, but not hashed: a dict cannot be.
    labels: dict[int, str] = field(default_factory=dict, hash=False)

    def contains(self, score: int) -> bool:
        return self.low <= score <= self.high

    @property
    def points(self) -> range:
        return range(self.low, self.high + 1)

    def label(self, score: int) -> str:
        """The words for a score ("3: Developing"), or the number alone."""
        words = self.labels.get(score)
        return f"{score}: {words}" if words else str(score)


@dataclass(frozen=True)
class Framework:
    id: str
    name: str
    version: str
    description: str
    source: Source
    verified: bool  # True only where the wording was checked against the source
    sections: tuple[Section, ...]
    domains: tuple[Domain, ...] = ()
    scale: Scale = field(default_factory=Scale)
    origin: Origin = Origin.SHIPPED
    kind: EntryKind = EntryKind.REFLECTION  # the entry kind it suits

    @property
    def prompts(self) -> tuple[Prompt, ...]:
        return tuple(p for section in self.sections for p in section.prompts)

    @property
    def editable(self) -> bool:
        """Only the user's own frameworks may change; shipped and pack files never do."""
        return self.origin is Origin.USER

    def prompt(self, prompt_id: str) -> Prompt | None:
        return next((p for p in self.prompts if p.id == prompt_id), None)

    def domain(self, domain_id: str) -> Domain | None:
        return next((d for d in self.domains if d.id == domain_id), None)


# A heading that may start a prompt's response: "#" to "###", closing #s optional.
_PROMPT_HEADING = re.compile(r"^ {0,3}#{1,3}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def guided_parts(framework: Framework, text: str) -> tuple[str, str, tuple[Response, ...]]:
    """Title, body and responses of Markdown written with a framework.

    As for any entry, a leading heading becomes the title, unless it names a prompt.
    """
    title, rest = split_heading(text)
    if title and heading_prompt(framework, title):
        title, rest = "", text
    body, responses = split_responses(framework, rest)
    return title, body, responses


def split_responses(framework: Framework, text: str) -> tuple[str, tuple[Response, ...]]:
    """Split Markdown into a body and a response per prompt.

    A heading ("#" to "###") that names a prompt, by id or by label (case and closing
    punctuation ignored), starts that prompt's response. Text before the first such heading,
    and any heading that names no prompt together with the text under it, stays in the body.
    A prompt named twice gets both parts, in order. Lines inside fenced code are never headings.
    """
    segments: list[tuple[str | None, list[str]]] = [(None, [])]
    fence = ""
    for line in text.split("\n"):
        match = None if fence or _FENCE.match(line) else _PROMPT_HEADING.match(line)
        fence = _fence_after(line, fence)
        if match:
            prompt = heading_prompt(framework, match.group(1))
            segments.append((prompt.id if prompt else None, [] if prompt else [line]))
        else:
            segments[-1][1].append(line)
    texts: dict[str | None, list[str]] = {None: []}
    for key, lines in segments:
        texts.setdefault(key, []).append("\n".join(lines).strip("\n"))
    body = _paragraphs(texts.pop(None))
    responses = (Response(pid, _paragraphs(parts)) for pid, parts in texts.items() if pid)
    return body, tuple(r for r in responses if r.text)


def heading_prompt(framework: Framework, heading: str) -> Prompt | None:
    """The prompt a heading's text names, by id first, then by label."""
    key = _heading_key(heading)
    prompts = framework.prompts
    return next((p for p in prompts if _heading_key(p.id) == key), None) or next(
        (p for p in prompts if _heading_key(p.label) == key), None
    )


def _heading_key(text: str) -> str:
    """Heading text compared loosely: no emphasis marks, case or closing punctuation."""
    return " ".join(re.sub(r"[*_`]", "", text).casefold().rstrip(" ?:.!").split())


def _fence_after(line: str, fence: str) -> str:
    """The code fence still open after ``line`` ("" outside code)."""
    match = _FENCE.match(line)
    if not match:
        return fence
    marker = match.group(1)
    if not fence:
        return marker
    closes = marker[0] == fence[0] and len(marker) >= len(fence) and not line[match.end() :].strip()
    return "" if closes else fence


def _paragraphs(parts: list[str]) -> str:
    return "\n\n".join(part for part in parts if part.strip())
