"""The strict YAML-subset parser for Markdown front matter."""

from __future__ import annotations

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
        "nothing": None,
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


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("---\ntitle: x\n", "line 1: front matter is not closed"),
        ("---\nparent:\n  child: 1\n---\n", "line 3: indented lines"),
        ("---\nbody: |\n  text\n---\n", "line 2: multi-line strings"),
        ("---\nbody: >\n  text\n---\n", "line 2: multi-line strings"),
        ("---\nmap: {a: 1}\n---\n", "line 2: nested maps"),
        ("---\nlist:\n  - a: b\n---\n", "line 3: nested maps"),
        ("---\nlist:\n  - - a\n---\n", "line 3: nested lists"),
        ("---\ntags: [a, [b]]\n---\n", "line 2: nested lists"),
        ("---\ntags: [a, b\n---\n", "line 2: the list is not closed"),
        ("---\ntitle: 'open\n---\n", "line 2: the quoted string is not closed"),
        ('---\ntitle: "x" y\n---\n', "line 2: unexpected text after the closing quote"),
        ('---\ntitle: "\\q"\n---\n', "line 2: unknown escape"),
        ('---\ntitle: "\\ud800"\n---\n', "line 2: \\ud800 is not a character"),
        ("---\ntitle: Re: meeting\n---\n", "line 2: a value containing ': ' must be quoted"),
        ("---\na: 1\n\na: 2\n---\n", "line 4: the key 'a' appears twice"),
        ("---\nbase: &anchor x\n---\n", "line 2: YAML anchors"),
        ("---\ncopy: *anchor\n---\n", "line 2: YAML aliases"),
        ("---\nwhen: !!str 2024\n---\n", "line 2: YAML tags"),
        ("---\n- loose item\n---\n", "line 2: expected 'key: value'"),
        ("---\njust words\n---\n", "line 2: expected 'key: value'"),
    ],
)
def test_unsupported_yaml_is_refused_with_the_line(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match="^" + reason.replace("\\", "\\\\")):
        split_front_matter(text)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_gives_fields_or_a_value_error(text: str) -> None:
    try:
        fields, body = split_front_matter("---\n" + text)
    except ValueError:
        return
    assert isinstance(fields, dict)
    assert isinstance(body, str)
