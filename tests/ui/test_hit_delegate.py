"""Search result rows: matched words are marked where Qt counts them, emoji and all."""

from __future__ import annotations

from PySide6.QtGui import QFont

from reflect.ui.widgets.hit_delegate import match_formats


def test_matched_words_are_marked_at_qt_positions_after_an_emoji() -> None:
    spans = (("🙂 the ", False), ("huddle", True), (" ran ", False), ("long", True))
    marks = [(m.start, m.length, m.format.fontWeight()) for m in match_formats(spans)]
    bold = QFont.Weight.Bold.value
    # "🙂" is two UTF-16 code units: "huddle" starts at 7, not at 6 as Python counts.
    assert marks == [(7, 6, bold), (18, 4, bold)]
