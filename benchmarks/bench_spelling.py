"""Spell checking: ``python3 -m benchmarks.bench_spelling [WORDS_PER_PARAGRAPH]``.

Measures (never asserts) what docs/spelling.md quotes: how long the British English dictionary
takes to load, how many words a second the speller checks (each word new, then from its cache),
how long a suggestion list takes, and what a keystroke costs in a paragraph of
WORDS_PER_PARAGRAPH words (default 300): the real highlighter over a real QPlainTextEdit,
re-checking the paragraph typed in, as the window does. Not part of ``benchmarks/run.py``.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src")]

from reflect.resources import resource_path  # noqa: E402
from reflect.services.spelling import Speller  # noqa: E402
from reflect.services.spelling_words import words_in  # noqa: E402

MISSPELT = ("recieve", "improvment", "organsation", "acommodate", "relevent", "definately")


def demo_words() -> list[str]:
    """Every word of the demo journal's entries: real writing in the programme's voice."""
    journal = json.loads(resource_path("demo", "journal.json").read_text(encoding="utf-8"))
    texts: list[str] = []

    def walk(value: object, key: str = "") -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str) and key in ("title", "body", "question", "text"):
            texts.append(value)

    walk(journal)
    return [w.text for line in "\n".join(texts).splitlines() for w in words_in(line)]


def main() -> int:
    per_paragraph = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    words = demo_words()
    with tempfile.TemporaryDirectory() as scratch:
        speller = Speller(Path(scratch) / "spelling-words.txt")
        started = time.perf_counter()
        speller.load()
        print(f"dictionary load: {time.perf_counter() - started:.3f} s")

        distinct = sorted(set(words))
        started = time.perf_counter()
        wrong = [w for w in distinct if not speller.is_correct(w)]
        took = time.perf_counter() - started
        print(f"check, each word new: {len(distinct) / took:,.0f} words/s ({len(distinct)} words)")
        started = time.perf_counter()
        for _ in range(20):
            for word in words:
                speller.is_correct(word)
        took = time.perf_counter() - started
        print(f"check, cached: {20 * len(words) / took:,.0f} words/s")
        print(f"demo words not in the dictionary: {len(wrong)} {wrong[:12]}")

        times = []
        for word in MISSPELT:
            started = time.perf_counter()
            first = speller.suggestions(word)[:1]
            times.append(time.perf_counter() - started)
            print(f"suggest {word!r}: {times[-1]:.3f} s -> {first}")
        print(f"suggestions: median {statistics.median(times):.3f} s, worst {max(times):.3f} s")

        keystrokes(speller, words, per_paragraph)
    return 0


def keystrokes(speller: Speller, words: list[str], per_paragraph: int) -> None:
    """Type at the end of a long paragraph; each keystroke re-highlights that paragraph."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from reflect.ui.editor.spelling import SpellHighlighter

    app = QApplication.instance() or QApplication([])
    edit = QPlainTextEdit()
    paragraph = " ".join((words * (per_paragraph // max(1, len(words)) + 1))[:per_paragraph])
    edit.setPlainText(f"{paragraph} {' '.join(MISSPELT)}")
    highlighter = SpellHighlighter(edit.document(), speller)
    highlighter.rehighlight()
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    times = []
    for char in "and then we recieved the programme's feedback " * 4:
        started = time.perf_counter()
        cursor.insertText(char)  # contentsChange re-highlights the block at once
        times.append(time.perf_counter() - started)
    times.sort()
    median, p95 = statistics.median(times) * 1000, times[int(len(times) * 0.95)] * 1000
    print(f"keystroke, {per_paragraph}-word paragraph: median {median:.2f} ms, p95 {p95:.2f} ms")
    del app


if __name__ == "__main__":
    sys.exit(main())
