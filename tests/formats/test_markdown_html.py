"""The safe renderer shows words, never runs or loads anything, and never crashes."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.formats.markdown_html import MAX_RENDER_CHARS, render


class _Elements(HTMLParser):
    """Collects the real elements and attributes of rendered HTML (not escaped text)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def assert_inert(html: str) -> None:
    for tag, attrs in _Elements(html).found:
        assert tag not in {"script", "img", "iframe", "style", "object", "embed", "svg"}
        assert not [name for name in attrs if name.startswith("on") or name in {"src", "style"}]
        href = attrs.get("href")
        assert href is None or href.startswith(("https://", "mailto:")), href


def test_ordinary_markdown_renders() -> None:
    out = render("# Title\n\n**bold** and *soft*\n\n- one\n- two\n\n[site](https://example.org)")
    assert "<h1>Title</h1>" in out
    assert "<strong>bold</strong>" in out and "<em>soft</em>" in out
    assert "<li>one</li>" in out
    assert 'href="https://example.org"' in out


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src="file:///dev/zero">',
        "![zero](file:///dev/zero)",
        "![x][r]\n\n[r]: file:///dev/zero",
        '<a href="javascript:alert(1)">x</a>',
        "[x](javascript:alert(1))",
        "[x](file:///etc/passwd)",
        "[x](/etc/passwd)",
        '<iframe src="https://example.org"></iframe>',
        '<div onclick="alert(1)">x</div>',
        "<style>body{background:url(file:///dev/zero)}</style>",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
    ],
)
def test_hostile_input_loads_and_runs_nothing(hostile: str) -> None:
    assert_inert(render(hostile))


def test_raw_html_shows_as_text() -> None:
    assert "&lt;script&gt;" in render("<script>alert(1)</script>")


def test_deep_nesting_falls_back_to_plain_text() -> None:
    out = render(">" * 500 + " deep")
    assert "deep" in out


def test_deep_lists_do_not_crash() -> None:
    text = "\n".join("    " * n + "- item" for n in range(500))
    assert "item" in render(text)


def test_huge_input_is_capped() -> None:
    out = render("a" * (10 * 1024 * 1024))
    assert len(out) < MAX_RENDER_CHARS + 100


def test_text_is_escaped_in_the_fallback() -> None:
    out = render("<b>" + ">" * 500)
    assert "<b>" not in out


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_renders_without_error(text: str) -> None:
    assert_inert(render(text))
