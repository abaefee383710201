"""Markdown to HTML that is safe to show, whoever wrote the text.

The same renderer serves the editor's preview and, later, text from peers, which is untrusted:
raw HTML is switched off in the Markdown step, the result is cleaned with nh3 (no images, links
only to https and mailto), input is capped, and any failure falls back to escaped plain text.
Qt-specific protections (no resource loading, links only after confirmation) live in the UI.
"""

from __future__ import annotations

import html
from typing import Any

MAX_RENDER_CHARS = 200_000
SAFE_SCHEMES = ("https://", "mailto:")

_TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "del",
}  # fmt: skip
_DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "svg", "math", "template"}
_UNSAFE_MARKDOWN = (
    ("preprocessors", "html_block"),
    ("inlinePatterns", "html"),
    ("inlinePatterns", "image_link"),
    ("inlinePatterns", "image_reference"),
    ("inlinePatterns", "short_image_ref"),
    ("postprocessors", "raw_html"),
)


def render(text: str) -> str:
    """HTML for ``text``; plain escaped text when it is too large or cannot be rendered."""
    if len(text) > MAX_RENDER_CHARS:
        return plain(text[:MAX_RENDER_CHARS] + "\n…")
    try:
        return clean(_markdown(text))
    except (RecursionError, ValueError, RuntimeError):
        # Deep nesting makes Python-Markdown recurse without bound; show the words instead.
        return plain(text)


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
    import markdown

    converter: Any = markdown.Markdown(
        extensions=["fenced_code", "tables", "sane_lists"], output_format="html"
    )
    for registry, name in _UNSAFE_MARKDOWN:
        items = getattr(converter, registry)
        if name in items:
            items.deregister(name)
    return str(converter.convert(text))
