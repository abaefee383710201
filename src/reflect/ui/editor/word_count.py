"""Counting words as a writer would: runs of letters and digits, with inner ' and - kept."""

from __future__ import annotations

import re

from reflect.ui.counted import counted

_WORD = re.compile(r"\w+(?:['’\-]\w+)*")


def count_words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def words_label(count: int) -> str:
    """ "1 word", "12 words"."""
    return counted().words(count)
