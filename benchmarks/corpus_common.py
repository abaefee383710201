"""A corpus written as after years about the same work (issue 16): every entry 100 to 200 words,
and a dozen common words each in 80 to 100% of entries. Built from :mod:`benchmarks.corpus`'s
generator (same seed, same Zipf draws for the rest of the words), so only these two things
differ from it."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import replace

from benchmarks import corpus

# Each word's share of entries, fixed per word between 80 and 100%.
COMMON = (
    "team", "staff", "patients", "care", "improvement", "system", "work", "people",
    "participation", "meeting", "time", "change",
)  # fmt: skip
GENERATOR_VERSION = 1


def generate(count: int, seed: int = corpus.DEFAULT_SEED) -> Iterator[corpus.CorpusEntry]:
    rng = random.Random(seed + 16)
    shares = {word: 0.8 + 0.2 * rng.random() for word in COMMON}
    fill = corpus._Words(rng, list(corpus.ranked_words()), exponent=1.0)
    for entry in corpus.generate(count, seed):
        words = entry.body.split()
        wanted = rng.randint(100, 200)
        if len(words) > wanted:
            words = words[:wanted]
        else:
            words += fill.draw(wanted - len(words))
        for word in COMMON:
            if rng.random() < shares[word]:
                words.insert(rng.randrange(len(words) + 1), word)
        yield replace(entry, body=" ".join(words))
