"""A deterministic journal to benchmark with: entries, and the jrnl text file that holds them.

``generate(n, seed)`` writes ``n`` entries from one seeded generator, each drawn independently
of ``n``, so the 1,000-entry corpus is the first thousand entries of the 100,000-entry one.
Entries are shaped like a busy journal: mostly short (a median near 50 words, a long tail to a
couple of thousand), a title line, paragraphs, zero to three ``@tags`` written in the text as
jrnl users do, one of Reflect's four kinds, and most of them linked to one of a few inquiries.
Words are drawn by Zipf's law from :mod:`benchmarks.vocabulary`.
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from benchmarks.vocabulary import INQUIRIES, TAGS, ranked_words

# Bumped whenever a change here would write a different corpus, so cached files are rebuilt.
GENERATOR_VERSION = 1
DEFAULT_SEED = 20260301
SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000, "300k": 300_000}  # 300k: not in --quick

START = datetime(1990, 1, 1, 8, 0)
_KINDS = (("reflection", 50), ("note", 25), ("coaching", 15), ("progress", 10))
_LINKED_SHARE = 0.6  # entries linked to an inquiry
_MEDIAN_WORDS = 50
_SPREAD = 0.8  # sigma of the log-normal length: most entries short, a few very long
_MOST_WORDS = 2_500


@dataclass(frozen=True)
class CorpusEntry:
    """One entry as written: a local time, a title line, a body with its ``@tags`` in it."""

    number: int
    moment: datetime  # naive local time, as jrnl keeps it
    title: str
    body: str
    tags: tuple[str, ...]
    kind: str
    inquiry: int | None  # index into vocabulary.INQUIRIES


class _Words:
    """Draws words by Zipf's law (the word of rank r is used in proportion to 1/r)."""

    def __init__(self, rng: random.Random, words: list[str], exponent: float) -> None:
        self.rng = rng
        self.words = words
        weights = (1 / rank**exponent for rank in range(1, len(words) + 1))
        self.cumulative = list(itertools.accumulate(weights))

    def draw(self, count: int) -> list[str]:
        total, last = self.cumulative[-1], len(self.words) - 1
        picks = (bisect.bisect(self.cumulative, self.rng.random() * total) for _ in range(count))
        return [self.words[min(n, last)] for n in picks]


def generate(count: int, seed: int = DEFAULT_SEED) -> Iterator[CorpusEntry]:
    """The first ``count`` entries of the corpus for ``seed``, oldest first."""
    rng = random.Random(seed)
    words = _Words(rng, ranked_words(), exponent=1.0)
    tag_words = _Words(rng, list(TAGS), exponent=1.1)
    moment = START
    for number in range(count):
        moment += timedelta(minutes=rng.randint(60, 300))
        yield _entry(number, moment, rng, words, tag_words)


def _entry(
    number: int, moment: datetime, rng: random.Random, words: _Words, tags: _Words
) -> CorpusEntry:
    length = min(_MOST_WORDS, max(3, round(rng.lognormvariate(0, _SPREAD) * _MEDIAN_WORDS)))
    chosen = tuple(dict.fromkeys(tags.draw(rng.choice((0, 0, 1, 1, 1, 2, 2, 3)))))
    body = _body(words.draw(length), chosen, rng)
    title = _sentence(words.draw(rng.randint(2, 8))).rstrip(".")
    kind = rng.choices([k for k, _ in _KINDS], [w for _, w in _KINDS])[0]
    inquiry = rng.randrange(len(INQUIRIES)) if rng.random() < _LINKED_SHARE else None
    return CorpusEntry(number, moment, title, body, chosen, kind, inquiry)


def _body(drawn: list[str], tags: tuple[str, ...], rng: random.Random) -> str:
    """Sentences of 5 to 22 words, paragraphs of 1 to 6 sentences, tags placed among them."""
    for tag in tags:
        drawn.insert(rng.randrange(len(drawn) + 1), "@" + tag)
    paragraphs: list[str] = []
    sentences: list[str] = []
    at = 0
    while at < len(drawn):
        size = rng.randint(5, 22)
        sentences.append(_sentence(drawn[at : at + size]))
        at += size
        if len(sentences) >= rng.randint(1, 6) or at >= len(drawn):
            paragraphs.append(" ".join(sentences))
            sentences = []
    return "\n\n".join(paragraphs)


def _sentence(words: list[str]) -> str:
    text = " ".join(words)
    return text[:1].upper() + text[1:] + "."


def jrnl_text(entries: list[CorpusEntry]) -> Iterator[str]:
    """The entries as jrnl writes its plain-text journal (``timeformat: "%Y-%m-%d %H:%M"``)."""
    for entry in entries:
        yield f"[{entry.moment:%Y-%m-%d %H:%M}] {entry.title}\n{entry.body}\n\n"


def write_jrnl(entries: list[CorpusEntry], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".partial")
    with temporary.open("w", encoding="utf-8") as handle:
        handle.writelines(jrnl_text(entries))
    temporary.replace(path)
    return path
