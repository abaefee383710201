"""Markdown that makes naive parsers slow: the CommonMark pathological cases and their kin.

Each text is exactly the size asked for, so tests can use the largest size Reflect renders
(``MAX_RENDER_CHARS``) and benchmarks can double it. Used by tests/formats, tests/fuzz,
tests/ui and benchmarks/bench_render.py.
"""

from __future__ import annotations

from collections.abc import Callable


def repeated(pattern: str, head: str = "", tail: str = "") -> Callable[[int], str]:
    """``head``, then ``pattern`` over and over, then ``tail``: ``size`` characters in all."""

    def make(size: int) -> str:
        room = max(size - len(head) - len(tail), 0)
        return head + (pattern * (room // len(pattern) + 1))[:room] + tail

    return make


def halves(left: str, middle: str, right: str) -> Callable[[int], str]:
    """``left`` repeated, ``middle``, ``right`` repeated: openers then their closers."""

    def make(size: int) -> str:
        room = max(size - len(middle), 0)
        n = room // (len(left) + len(right))
        text = left * n + middle + right * n
        return text + "x" * (size - len(text))

    return make


def lines(line: Callable[[int], str]) -> Callable[[int], str]:
    """Lines ``line(0)``, ``line(1)``, … until ``size`` characters."""

    def make(size: int) -> str:
        parts: list[str] = []
        total = n = 0
        while total < size:
            parts.append(line(n) + "\n")
            total += len(parts[-1])
            n += 1
        return "".join(parts)[:size]

    return make


PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "open brackets [": repeated("["),
    "link openers [a](": repeated("[a]("),
    "closers ](": repeated("]("),
    "images ![": repeated("!["),
    "empty links [](": repeated("[]("),
    "brackets then closers [[[a]]]": halves("[", "a", "]"),
    "links nested in link text": halves("[", "a", "](b)"),
    "unclosed link text [a": repeated("[a"),
    "stars *": repeated("*"),
    "stars in words a*": repeated("a*"),
    "underscores _": repeated("_"),
    "underscores in words a_": repeated("a_"),
    "mixed emphasis *a_": repeated("*a_"),
    "strong openers **a": repeated("**a"),
    "nested emphasis *a **a": repeated("*a **a "),
    "emphasis openers then closers": halves("*a ", "b", " a*"),
    "stars around a word": halves("*", "a", "*"),
    "alternating *_": repeated("*_"),
    "backticks `": repeated("`"),
    "code spans `a": repeated("`a"),
    "growing backtick runs": lines(lambda n: "`" * (n % 200) + "a"),
    "mismatched backticks `x``": repeated("`x``"),
    "less-than <": repeated("<"),
    "tag openers <a ": repeated("<a "),
    "autolink openers <https://": repeated("<https://"),
    "email openers <a@": repeated("<a@b."),
    "comments <!--": repeated("<!--"),
    "processing <?": repeated("<?"),
    "declarations <!A": repeated("<!A "),
    "cdata <![CDATA[": repeated("<![CDATA["),
    "brackets <<>": halves("<", "a", ">"),
    "greater-than > (one deep quote)": repeated(">"),
    "quotes > > > ": repeated("> "),
    "ampersands &": repeated("&"),
    "entities &#": repeated("&#"),
    "named entities &amp": repeated("&amp"),
    "backslashes \\": repeated("\\"),
    "hashes #": repeated("#"),
    "tildes ~": repeated("~"),
    "strike ~~a": repeated("~~a"),
    "fences ```": repeated("```\n"),
    "setext headings": repeated("a\n=\n"),
    "deep list - - -": repeated("- "),
    "deep ordered list 1. 1.": repeated("1. "),
    "nested lists by indent": lines(lambda n: "  " * (n % 300) + "- item"),
    "nested quotes and lists": lines(lambda n: "> " * (n % 100) + "- " * (n % 50) + "a"),
    "table rows": repeated("|x|y|\n", head="|a|b|\n|-|-|\n"),
    "wide table": lambda size: (
        "|a" * (size // 6) + "|\n" + "|-" * (size // 6) + "|\n" + "|x" * (size // 6)
    )[:size],
    "table of empty cells": repeated("|", head="|a|\n|-|\n"),
    "link references line": repeated("[a] ", head="[a]: https://example.org\n"),
    "reference definitions": repeated("[a]: b\n"),
    "many reference labels": lines(lambda n: f"[l{n}]: https://example.org/{n}"),
    "long line of reference links": repeated("[x][a] [y][] [a] ", head="[a]: https://a.org\n"),
}


def worst_texts(size: int) -> dict[str, str]:
    return {name: make(size) for name, make in PATHOLOGICAL.items()}
