"""Markdown to HTML that is safe to show, whoever wrote the text, in bounded time.

The same renderer serves the editor's preview and text from peers, which is untrusted: raw HTML
is never interpreted (a ``<`` that does not open an autolink is shown as itself), the result is
cleaned with nh3 (no images, links only to https and mailto), input is capped, nesting deeper
than the window can lay out quickly falls back to plain text, and so does any failure.

The Markdown step is cmark-gfm (through cmarkgfm), the CommonMark reference implementation in C,
which is linear in its input even on the CommonMark pathological cases (runs of ``[``, ``](``,
emphasis, backticks, ``<``, nested quotes and lists); Python-Markdown took hours on some of them.
See docs/exchange.md, "Rendering peer text". Qt-specific protections (no resource loading, links
only after confirmation, rendering off the UI thread) live in the UI.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Callable

MAX_RENDER_CHARS = 200_000
# Deeper nesting (quotes in quotes, lists in lists, emphasis in emphasis) costs the sanitiser
# and Qt's layout time that grows faster than the text; no real note nests this deep.
MAX_DEPTH = 64
# The window lays the HTML out on its UI thread, at about 4 µs an element: past this many
# elements (a 20,000-cell table, say) the text is shown plain, which lays out in milliseconds.
MAX_ELEMENTS = 20_000
# Wall-clock budget for one render; past it the text is shown plain. Measured worst case at
# MAX_RENDER_CHARS is a fraction of this (benchmarks/bench_render.py).
BUDGET_SECONDS = 1.0
SAFE_SCHEMES = ("https://", "mailto:")

_TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "del",
}  # fmt: skip
_DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "svg", "math", "template"}
_EXTENSIONS = ("table", "strikethrough")  # no bare-URL autolinks, as before

# Every "<" becomes this private-use character before parsing, so cmark can never read raw HTML
# (nor an angle-bracketed link destination); it is turned back into "&lt;" in the output. A "<"
# that opens a CommonMark autolink (<https://…>, <name@example.org>) is kept. Each look-ahead
# stops at the next "<", ">" or space, so the substitution is linear.
_LT = "\ue000"
# Likewise "![" stands in for itself, so no image is ever parsed: ``![alt](url)`` shows as the
# words it is, neither dropped (nh3 removes <img>) nor turned into a link to the image.
_BANG = "\ue001"
_AUTOLINK = re.compile(
    r"<(?!(?:[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\x00-\x20<>]*"
    r"|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\-]+@[A-Za-z0-9\-.]+)>)"
)
_TAG = re.compile(r"<(/?)([a-z0-9]+)[^>]*?(/?)>")
_VOID = {"br", "hr", "input", "img"}

Clock = Callable[[], float]


class TooSlow(Exception):
    """The render ran past its budget; the text is shown plain."""


def render(text: str, clock: Clock = time.monotonic, budget: float = BUDGET_SECONDS) -> str:
    """HTML for ``text``; plain escaped text when it is too large, too deep, too slow or broken.

    ``clock`` is read between the steps; when ``budget`` seconds have passed the render stops
    and the text is shown plain (tests inject a fake clock).
    """
    if len(text) > MAX_RENDER_CHARS:
        return plain(text[:MAX_RENDER_CHARS] + "\n…")
    start = clock()

    def check() -> None:
        if clock() - start > budget:
            raise TooSlow()

    try:
        fragment = _markdown(text)
        check()
        depth, elements = _shape(fragment)
        if depth > MAX_DEPTH or elements > MAX_ELEMENTS:
            return plain(text)
        check()
        cleaned = clean(fragment)
        check()
    except (TooSlow, RecursionError, ValueError, RuntimeError, MemoryError):
        return plain(text)
    return cleaned


def plain(text: str) -> str:
    return "<pre>" + html.escape(text) + "</pre>"


def clean(fragment: str) -> str:
    import nh3

    return str(
        nh3.clean(
            fragment,
            tags=_TAGS,
            clean_content_tags=_DROPPED_WITH_CONTENT,
            attributes={"a": {"href", "title"}},
            attribute_filter=_only_safe_links,
            link_rel="noopener noreferrer",
        )
    )


def _only_safe_links(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        return value if value.strip().lower().startswith(SAFE_SCHEMES) else None
    return value


def _markdown(text: str) -> str:
    """cmark-gfm's HTML for ``text``: no raw HTML (cmark's safe mode, and ``<`` hidden), and no
    images (``![`` hidden)."""
    from cmarkgfm import cmark

    hidden = text.replace(_LT, "\ufffd").replace(_BANG, "\ufffd").replace("![", _BANG)
    hidden = _AUTOLINK.sub(_LT, hidden)
    out = cmark.markdown_to_html_with_extensions(
        hidden,
        options=cmark.Options.CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE,  # no raw HTML: not UNSAFE
        extensions=list(_EXTENSIONS),
    )
    out = str(out).replace(_LT, "&lt;").replace(_BANG, "![")
    return out.replace("%EE%80%80", "%3C").replace("%EE%80%81", "!%5B")


def _shape(fragment: str) -> tuple[int, int]:
    """The deepest nesting and the number of elements in cmark's (well-formed) output, in one
    linear pass."""
    depth = deepest = elements = 0
    for match in _TAG.finditer(fragment):
        closing, name, self_closing = match.groups()
        if closing:
            depth -= 1
            continue
        elements += 1
        if name not in _VOID and not self_closing:
            depth += 1
            deepest = max(deepest, depth)
    return deepest, elements
