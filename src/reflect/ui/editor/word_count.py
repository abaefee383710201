"""Counting words as a writer would: runs of letters and digits, with inner ' and - kept."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

_WORD = re.compile(r"\w+(?:['’\-]\w+)*")


def count_words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def words_label(count: int) -> str:
    """ "1 word", "12 words": through Qt's plural forms, so translations can count too."""
    return QCoreApplication.translate("WordCount", "%n word(s)", "", count)
