"""Counting words as a writer would: runs of letters and digits, with inner ' and - kept."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

_WORD = re.compile(r"\w+(?:['’\-]\w+)*")


def count_words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def counted(context: str, source: str, n: int) -> str:
    """``source`` with ``%n`` as ``n``, through Qt's plural forms, so a translation can say
    it in its own plural forms. With no translation loaded (English), "(s)" and "(es)" are
    made right here."""
    text = QCoreApplication.translate(context, source, "", n)
    for ending in ("s", "es"):
        text = text.replace(f"({ending})", "" if n == 1 else ending)
    return text


def words_label(count: int) -> str:
    """ "1 word", "12 words"."""
    return counted("WordCount", "%n word(s)", count)
