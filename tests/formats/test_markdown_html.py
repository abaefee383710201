"""The safe renderer shows words, never runs or loads anything, and never crashes."""

from __future__ import annotations

import time
import tracemalloc
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pathological_markdown import PATHOLOGICAL
from reflect.formats.markdown_html import MAX_DEPTH, MAX_ELEMENTS, MAX_RENDER_CHARS, render

# Generous: the worst case measured takes about half a second on a loaded two-core machine;
# Python-Markdown took 45 s on 20,000 "[" and would take hours on MAX_RENDER_CHARS of them.
GENEROUS_SECONDS = 15.0
MEMORY_BOUND = 300 * 1024 * 1024


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


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_text_of_the_largest_size_renders_quickly_in_bounded_memory(
    name: str,
) -> None:
    text = PATHOLOGICAL[name](MAX_RENDER_CHARS)
    assert len(text) == MAX_RENDER_CHARS
    tracemalloc.start()
    try:
        started = time.monotonic()
        out = render(text)
        took = time.monotonic() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert took < GENEROUS_SECONDS, f"{name}: {took:.1f} s"
    assert peak < MEMORY_BOUND, f"{name}: {peak / 2**20:.0f} MB"
    assert_inert(out)


def test_a_render_past_its_budget_shows_plain_text() -> None:
    ticks = iter(range(0, 100, 2))  # every reading of the clock is two seconds later
    out = render("**bold** [link](https://example.org)", clock=lambda: next(ticks), budget=1.0)
    assert out.startswith("<pre>") and "**bold**" in out


def test_a_render_within_its_budget_is_markdown() -> None:
    out = render("**bold**", clock=lambda: 0.0, budget=1.0)
    assert "<strong>bold</strong>" in out


def test_nesting_past_the_limit_shows_plain_text() -> None:
    assert "<blockquote>" in render("> " * (MAX_DEPTH - 1) + "deep")
    assert render("> " * (MAX_DEPTH + 1) + "deep").startswith("<pre>")


def test_more_elements_than_the_window_lays_out_quickly_show_plain_text() -> None:
    assert "<em>" in render("*a* " * (MAX_ELEMENTS // 2))
    assert render("*a* " * (MAX_ELEMENTS + 1)).startswith("<pre>")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a <b>c</b> d", "a &lt;b&gt;c&lt;/b&gt; d"),  # raw HTML is words, not markup
        ("`<i>`", "<code>&lt;i&gt;</code>"),
        ("x < y", "x &lt; y"),
        ("![the view](https://example.org/v.png)", "![the view](https://example.org/v.png)"),
        ("\ue000", "\ufffd"),  # the stand-in for "<" cannot be smuggled in
    ],
)
def test_angle_brackets_and_images_keep_their_words(text: str, shown: str) -> None:
    assert shown in render(text)


def test_autolinks_still_link() -> None:
    out = render("<https://example.org/a> and <someone@example.org>")
    assert 'href="https://example.org/a"' in out
    assert 'href="mailto:someone@example.org"' in out


def test_tables_and_fenced_code_render() -> None:
    out = render("|a|b|\n|-|-|\n|1|2|\n\n```\n<x>\n```")
    assert "<td>1</td>" in out
    assert "<pre><code>&lt;x&gt;" in out
