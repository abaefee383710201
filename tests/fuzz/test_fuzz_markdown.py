"""Fuzzing the Markdown renderer with pathological text: whatever Markdown a peer (or the user)
writes, up to the largest size Reflect renders, comes back as inert HTML or escaped plain text,
in bounded time and nesting.

Examples are runs of the characters that make parsers backtrack (``[``, ``](``, ``*``, ``_``,
backticks, ``<``, ``>``, ``&``, ``|``, ``-``, ``#``) and of short Markdown constructs, repeated
thousands of times and interleaved, plus the named worst cases of
``tests/pathological_markdown.py`` at random sizes and mixed with each other.
"""

from __future__ import annotations

import time
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from formats.test_markdown_html import GENEROUS_SECONDS, assert_inert
from fuzz_support import fuzz_settings
from pathological_markdown import PATHOLOGICAL
from reflect.formats.markdown_html import MAX_DEPTH, MAX_RENDER_CHARS, render

PIECES = st.sampled_from(
    [
        "[", "]", "(", ")", "](", "[a](", "[]", "![", "!", "*", "**", "_", "__", "~~", "`",
        "``", "```", "<", ">", "<a ", "</", "<!--", "-->", "<?", "<![CDATA[", "<https://",
        "&", "&#", "&amp;", "&#x", ";", "\\", "|", "|-", "-", "- ", "1. ", "> ", "#", "=",
        "\n", "\n\n", "    ", "  ", " ", "\t", "a", "word ", "[a]: https://example.org\n",
        "[a]", "[a][]", "*a ", " a*", "_a ", " a_", "\ue000", "\x00",
    ]
)  # fmt: skip


@st.composite
def runs(draw: st.DrawFn) -> str:
    """A few pieces, each repeated up to tens of thousands of times, up to the render cap."""
    parts = draw(st.lists(st.tuples(PIECES, st.integers(1, 50_000)), min_size=1, max_size=6))
    nested = draw(st.booleans())
    text = "".join(piece * count for piece, count in parts)
    if nested:  # the same runs again in reverse order: openers then their closers
        text += "".join(piece * count for piece, count in reversed(parts))
    return text[:MAX_RENDER_CHARS]


@st.composite
def worst_mixed(draw: st.DrawFn) -> str:
    """Named worst cases at random sizes, one after another, up to the render cap."""
    names = draw(st.lists(st.sampled_from(sorted(PATHOLOGICAL)), min_size=1, max_size=4))
    sizes = draw(st.lists(st.integers(1, MAX_RENDER_CHARS), min_size=len(names)))
    text = "\n\n".join(PATHOLOGICAL[n](s) for n, s in zip(names, sizes, strict=False))
    return text[:MAX_RENDER_CHARS]


PATHOLOGICAL_MARKDOWN = runs() | worst_mixed()
VOID = {"br", "hr", "img", "input"}


class _Depth(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__()
        self.depth = self.deepest = 0
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

    def handle_endtag(self, tag: str) -> None:
        self.depth -= 1


@fuzz_settings(quick=25)
@given(PATHOLOGICAL_MARKDOWN)
def test_pathological_markdown_renders_inert_and_bounded(text: str) -> None:
    started = time.monotonic()
    out = render(text)
    took = time.monotonic() - started

    assert took < GENEROUS_SECONDS, f"{took:.1f} s for {len(text)} characters"
    assert_inert(out)
    assert _Depth(out).deepest <= MAX_DEPTH  # deeper text is shown plain, one <pre> deep
