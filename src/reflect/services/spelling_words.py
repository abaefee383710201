"""Which words of a line of Markdown to spell-check: prose words, not syntax.

Left out: web addresses and e-mail addresses, code spans, link targets, HTML tags, words
with digits or underscores (``v2``, ``snake_case``), ALL-CAPS acronyms, and every line of a
fenced code block. Offsets are in Python characters; Qt counts UTF-16 units, so the
highlighter converts (:func:`utf16_offsets`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

# Stretches that are not prose, blanked out before words are looked for.
_SKIPPED = re.compile(
    r"`+[^`]*`+"  # code spans (an unclosed backtick is left alone)
    r"|\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"  # a link's or image's target: ](url "title")
    r"|^\s*\[[^\]]+\]:\s*\S+"  # a reference definition: [id]: url
    r"|<[^>\s]+>"  # autolinks and HTML tags
    r"|\b(?:https?|ftp|file|mailto):\S+"  # web addresses
    r"|\bwww\.\S+"
    r"|\S+@\S+\.\S+"  # e-mail addresses
    r"|&[#\w]+;",  # HTML entities
    re.IGNORECASE,
)
# A run of letters, digits, underscores, apostrophes and hyphens; trimmed and judged below.
_TOKEN = re.compile(r"[\w'’\-]+")
_EDGES = "'’-_"
FENCE = re.compile(r"^\s{0,3}(```|~~~)")


class Word(NamedTuple):
    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def words_in(line: str) -> Iterator[Word]:
    """The words of ``line`` worth checking, with where each starts."""
    prose = _SKIPPED.sub(lambda m: " " * len(m.group()), line)
    for match in _TOKEN.finditer(prose):
        raw = match.group()
        text = raw.strip(_EDGES)
        if not text or not worth_checking(text):
            continue
        yield Word(match.start() + raw.index(text), text)


def worth_checking(word: str) -> bool:
    """A word of letters (with inner apostrophes or hyphens), not an acronym."""
    if any(c.isdigit() or c == "_" for c in word):
        return False
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2:
        return False
    return not (len(letters) > 1 and all(c.isupper() for c in letters))


def opens_or_closes_fence(line: str) -> bool:
    """A line of three backticks or tildes starts or ends a fenced code block."""
    return FENCE.match(line) is not None


def word_at(line: str, column: int) -> Word | None:
    """The checkable word touching ``column`` (a cursor just after a word counts)."""
    for word in words_in(line):
        if word.start <= column <= word.end:
            return word
    return None


def utf16_offsets(line: str) -> list[int]:
    """For each character index of ``line`` (and its end), the UTF-16 index Qt uses."""
    offsets = [0]
    for char in line:
        offsets.append(offsets[-1] + (2 if ord(char) > 0xFFFF else 1))
    return offsets
