"""The searches to time: common words, rare words, word beginnings and quoted phrases.

Each :class:`Query` is written three ways for the same search: as a person types it into
Reflect (where every word also matches as a word beginning), as the raw FTS5 expression that
finds the same entries (so the floor does the same matching at the least cost), and as the text
``jrnl -contains`` looks for. Queries are drawn from the corpus with a fixed seed.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from benchmarks import corpus
from benchmarks.vocabulary import COMMON, DOMAIN, ranked_words

KINDS = ("common", "rare", "prefix", "phrase")
_SEED = 11
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Query:
    kind: str
    reflect: str  # as typed into Reflect's search
    fts: str  # the raw FTS5 MATCH expression for the same search
    jrnl: str  # the text given to ``jrnl -contains``


def queries(per_kind: int, seed: int = corpus.DEFAULT_SEED) -> list[Query]:
    """``per_kind`` queries of each kind, interleaved so a shortened list keeps every kind."""
    rng = random.Random(_SEED)
    by_kind = [
        [_word("common", w) for w in rng.sample(COMMON[10:150], per_kind)],
        [_word("rare", w) for w in rng.sample(ranked_words()[8_000:], per_kind)],
        [_prefix(w, rng) for w in rng.sample(_distinct(DOMAIN), per_kind)],
        _phrases(per_kind, rng, seed),
    ]
    return [query for group in zip(*by_kind, strict=True) for query in group]


def _word(kind: str, word: str) -> Query:
    return Query(kind, word, f'"{word}"*', word)


def _prefix(word: str, rng: random.Random) -> Query:
    start = word[: rng.choice((3, 4, 5))]
    return Query("prefix", start, f'"{start}"*', start)


def _phrases(count: int, rng: random.Random, seed: int) -> list[Query]:
    """Two or three words in a row, within one sentence of one of the first thousand entries
    (which every corpus size holds), so jrnl's plain substring search finds them too."""
    entries = list(corpus.generate(1_000, seed))
    found: list[Query] = []
    while len(found) < count:
        sentence = rng.choice(rng.choice(entries).body.split(". "))
        words = _WORD.findall(sentence.lower().replace("@", ""))
        size = rng.choice((2, 3))
        if len(words) <= size:
            continue
        at = rng.randrange(len(words) - size)
        phrase = " ".join(words[at : at + size])
        found.append(Query("phrase", f'"{phrase}"', f'"{phrase}"', phrase))
    return found


def _distinct(words: list[str]) -> list[str]:
    return sorted(set(words), key=words.index)
