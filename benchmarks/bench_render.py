"""The Markdown renderer on pathological text: ``python3 -m benchmarks.bench_render [SIZE]``.

Every case of ``tests/pathological_markdown.py`` at SIZE characters (default: the render cap)
and at half of it, through ``render`` (cmark-gfm, the nesting and element checks, nh3) and then
Qt's ``setHtml`` (offscreen), as the window would. Prints the seconds of each, whether the text
fell back to plain, and the ratio full/half (about 2 for a linear renderer). Not part of
``benchmarks/run.py``; docs/exchange.md ("Rendering peer text") quotes its results.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from pathological_markdown import PATHOLOGICAL  # noqa: E402
from reflect.formats.markdown_html import MAX_RENDER_CHARS, render  # noqa: E402


def timed(text: str) -> tuple[float, str]:
    started = time.perf_counter()
    html = render(text)
    return time.perf_counter() - started, html


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QTextBrowser

    size = int(sys.argv[1]) if len(sys.argv) > 1 else MAX_RENDER_CHARS
    app = QApplication.instance() or QApplication([])
    browser = QTextBrowser()
    worst = 0.0
    print(f"{'case':36} {'render s':>9} {'half s':>7} {'ratio':>6} {'Qt s':>6}  shown")
    for name, make in PATHOLOGICAL.items():
        took, html = timed(make(size))
        half, _ = timed(make(size // 2))
        started = time.perf_counter()
        browser.setHtml(html)
        laid = time.perf_counter() - started
        shown = "plain" if html.startswith("<pre>") and not html.startswith("<pre><code") else "md"
        ratio = took / half if half > 0.005 else float("nan")
        print(f"{name:36} {took:9.3f} {half:7.3f} {ratio:6.1f} {laid:6.3f}  {shown}")
        worst = max(worst, took + laid)
    print(f"worst render + layout: {worst:.3f} s")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
