"""Search requests and results, and how a user's words become search terms."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reflect.core.entry_filter import EntryFilter

# Snippets mark matched words with these control characters; views turn them into bold text.
MARK_START = "\x02"
MARK_END = "\x03"

_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Terms:
    """Words (matched as prefixes and stems) and quoted phrases (matched exactly)."""

    words: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.words and not self.phrases


@dataclass(frozen=True)
class SearchRequest:
    text: str
    filter: EntryFilter = field(default_factory=EntryFilter)
    limit: int = 50


@dataclass(frozen=True)
class SearchHit:
    """One ranked result: an entry, or an inquiry whose question matched."""

    id: str
    kind: str  # an EntryKind value, or "inquiry"
    title: str
    snippet: str
    created: str
    tags: tuple[str, ...]
    inquiry_id: str | None
    score: float

    def snippet_spans(self) -> list[tuple[str, bool]]:
        """The snippet as (text, highlighted) pieces."""
        spans: list[tuple[str, bool]] = []
        for n, piece in enumerate(re.split(f"[{MARK_START}{MARK_END}]", self.snippet)):
            if piece:
                spans.append((piece, n % 2 == 1))
        return spans

    @property
    def plain_snippet(self) -> str:
        return self.snippet.replace(MARK_START, "").replace(MARK_END, "")


def parse_terms(text: str) -> Terms:
    """Split what the user typed into words and "quoted phrases", dropping punctuation."""
    words: list[str] = []
    phrases: list[tuple[str, ...]] = []
    for phrase, bare in _TOKEN.findall(text):
        if phrase:
            found = tuple(_WORD.findall(phrase))
            if len(found) > 1:
                phrases.append(found)
            words.extend(found if len(found) == 1 else ())
        else:
            words.extend(_WORD.findall(bare))
    return Terms(tuple(words), tuple(phrases))
