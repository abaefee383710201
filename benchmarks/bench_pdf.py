"""PDF export: ``python3 -m benchmarks.bench_pdf [ENTRIES]``.

A temporary journal of ENTRIES ordinary entries (default 500, about a year and a half of
writing) and, separately, one entry holding a single line of a million characters (shown
plain, capped at the render limit). For each: the seconds to build the safe HTML (the service)
and to lay it out and paint it into a PDF (Qt, offscreen), the page count and the file size.
Measured, not asserted; docs/formats.md ("PDF") quotes the results. The window paints in a
background task, so this is how long the progress bar shows, not a frozen window.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from reflect.app import open_app  # noqa: E402
from reflect.paths import resolve_paths  # noqa: E402
from reflect.services.printing import PrintSelection  # noqa: E402

PARAGRAPH = (
    "Met the discharge team at nine. We agreed to try **one** shared board for a fortnight, "
    "and to stop the second handover sheet. I noticed I spoke first again; next time, ask.\n\n"
)


def measure(label: str, texts: list[str]) -> None:
    from reflect.ui.printing.pdf import ensure_gui_app, pdf_bytes

    ensure_gui_app()
    with tempfile.TemporaryDirectory() as folder:
        app = open_app(resolve_paths(Path(folder)))
        for n, text in enumerate(texts):
            app.entries.write(text, title=f"Entry {n + 1}", tags=["bench"])
        started = time.perf_counter()
        document = app.printing.document(PrintSelection())
        built = time.perf_counter() - started
        started = time.perf_counter()
        data = pdf_bytes(document)
        painted = time.perf_counter() - started
        pages = data.count(b"/Type /Page\n") or data.count(b"/Type /Page")
        app.close()
    print(
        f"{label:34} {built:8.2f} {painted:9.2f} {pages:6} {len(data) / 1e6:8.1f}",
        flush=True,
    )


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    print(f"{'journal':34} {'html s':>8} {'paint s':>9} {'pages':>6} {'MB':>8}")
    measure(f"{count} entries of ~{len(PARAGRAPH) * 3} chars", [PARAGRAPH * 3] * count)
    measure("one line of 1,000,000 chars", ["z" * 1_000_000])
    return 0


if __name__ == "__main__":
    sys.exit(main())
