"""Markdown front matter, read as YAML (PyYAML, every scalar kept as text) within bounds."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.formats.front_matter import split_front_matter


def test_text_without_front_matter_is_returned_unchanged() -> None:
    text = "# Board round\n\n---\nA rule, not front matter.\n"
    assert split_front_matter(text) == ({}, text)


def test_scalars_stay_strings_and_comments_are_ignored() -> None:
    text = (
        "---\n"
        "# a comment line\n"
        "title: Flow huddle with the site team\n"
        "\n"
        "created: 2024-03-01\n"
        "score: 7   # trailing comment\n"
        "ward: C# unit\n"
        "link: https://example.org/guide#section\n"
        "---\n"
        "Body text.\n"
    )
    fields, body = split_front_matter(text)
    assert fields == {
        "title": "Flow huddle with the site team",
        "created": "2024-03-01",
        "score": "7",
        "ward": "C# unit",
        "link": "https://example.org/guide#section",
    }
    assert body == "Body text.\n"


def test_quoted_strings() -> None:
    text = (
        "---\n"
        'a: "Quick note: spread plan"  # quoted for the colon\n'
        "b: 'it''s the ward''s plan'\n"
        'c: "line\\none \\"two\\" caf\\u00e9"\n'
        "d: ''\n"
        "---\n"
    )
    fields, _ = split_front_matter(text)
    assert fields == {
        "a": "Quick note: spread plan",
        "b": "it's the ward's plan",
        "c": 'line\none "two" café',
        "d": "",
    }


def test_inline_and_block_lists() -> None:
    text = (
        "---\n"
        "tags: [flow, 'bay, two', \"#pdsa\", ]\n"
        "empty: []\n"
        "aliases:\n"
        "  - Huddle\n"
        "  - 'Site: huddle'\n"
        "\n"
        "  - Third\n"
        "people:\n"
        "- ward manager\n"
        "- bed manager\n"
        "nothing:\n"
        "---\n"
    )
    fields, _ = split_front_matter(text)
    assert fields == {
        "tags": ["flow", "bay, two", "#pdsa"],
        "empty": [],
        "aliases": ["Huddle", "Site: huddle", "Third"],
        "people": ["ward manager", "bed manager"],
        "nothing": "",
    }


def test_body_keeps_everything_after_the_closing_fence() -> None:
    fields, body = split_front_matter("---\ntitle: x\n...\n\n# Heading\n---\nmore\n")
    assert fields == {"title": "x"}
    assert body == "\n# Heading\n---\nmore\n"


def test_windows_line_endings_and_empty_front_matter() -> None:
    assert split_front_matter("---\r\ntitle: win\r\n---\r\nbody\r\n") == (
        {"title": "win"},
        "body\r\n",
    )
    assert split_front_matter("---\n---\n") == ({}, "")


def test_yaml_the_old_subset_refused_now_reads_with_every_scalar_as_text() -> None:
    text = (
        "---\n"
        "summary: |\n"
        "  First line.\n"
        "  Second line: with a colon.\n"
        "folded: >\n"
        "  one\n"
        "  two\n"
        "title: 'She said \"stop\" and it''s done'\n"
        'quote: "It\'s \\"nested\\" quoting"\n'
        "links: {site: 'https://example.org', count: 3}\n"
        "meta:\n"
        "  nested: map\n"
        "  when: 2024-03-01\n"
        "tags:\n"
        "  - [flow, 2]\n"
        "typed: !!str 2024\n"
        "flags: [yes, no, ~, null, 1.5]\n"
        "---\n"
        "Body.\n"
    )
    fields, body = split_front_matter(text)
    assert fields == {
        "summary": "First line.\nSecond line: with a colon.\n",
        "folded": "one two\n",
        "title": 'She said "stop" and it\'s done',
        "quote": 'It\'s "nested" quoting',
        "links": {"site": "https://example.org", "count": "3"},
        "meta": {"nested": "map", "when": "2024-03-01"},
        "tags": [["flow", "2"]],
        "typed": "2024",
        "flags": ["yes", "no", "~", "null", "1.5"],
    }
    assert body == "Body.\n"


def alias_bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        previous = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [" + ", ".join([previous] * 9) + "]")
    return "---\n" + "\n".join(lines) + "\n---\n"


def test_an_alias_bomb_is_refused_at_its_first_alias_without_expanding_it() -> None:
    started = time.perf_counter()
    with pytest.raises(ValueError, match=r"^line 2: YAML anchors \(&\) and aliases \(\*\)"):
        split_front_matter(alias_bomb())
    # Expanded, the bomb would hold 9**9 strings; refused at line 2 it never builds one list.
    assert time.perf_counter() - started < 5


def test_front_matter_over_the_size_cap_is_refused_before_parsing() -> None:
    block = "".join(f"key{n}: {'x' * 60}\n" for n in range(2000))  # about 140 KB
    with pytest.raises(ValueError, match=r"^line 1: the front matter is longer than 64 KiB"):
        split_front_matter("---\n" + block + "---\n")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("---\ntitle: x\n", "line 1: front matter is not closed"),
        ("---\nbase: &anchor x\n---\n", "line 2: YAML anchors (&) and aliases (*)"),
        ("---\na: x\ncopy: *anchor\n---\n", "line 3: YAML anchors (&) and aliases (*)"),
        ("---\na: 1\n\na: 2\n---\n", "line 4: the key 'a' appears twice"),
        ("---\n- loose item\n---\n", "line 2: the front matter should be 'key: value' lines"),
        ("---\njust words\n---\n", "line 2: the front matter should be 'key: value' lines"),
        ("---\ntitle: Re: meeting\n---\n", "line 2: this is not valid YAML"),
        ("---\ntitle: 'open\n---\n", "line 3: this is not valid YAML"),
        ('---\ntitle: "\\q"\n---\n', "line 2: this is not valid YAML"),
        ('---\ntitle: "\\ud800"\n---\n', "line 2: the value is not text"),
        ("---\n[a]: b\n---\n", "line 2: a key must be text"),
        ("---\nnest: " + "[" * 40 + "]" * 40 + "\n---\n", "line 2: the front matter nests"),
        ("---\nnul: \x00\n---\n", "line 2: this is not valid YAML"),
    ],
)
def test_unreadable_or_unsafe_yaml_is_refused_with_the_line(text: str, reason: str) -> None:
    with pytest.raises(ValueError) as exc:
        split_front_matter(text)
    assert str(exc.value).startswith(reason)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_gives_fields_or_a_value_error(text: str) -> None:
    try:
        fields, body = split_front_matter("---\n" + text)
    except ValueError:
        return
    assert isinstance(fields, dict)
    assert isinstance(body, str)
