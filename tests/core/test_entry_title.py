"""What an entry is called, everywhere (core.entry.title_of)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from reflect.core.entry import Entry, EntryKind, Response, title_of


@pytest.mark.parametrize(
    ("title", "body", "responses", "called"),
    [
        ("Workshop 3", "# Other\nText", ["Answer"], "Workshop 3"),
        ("", "\n\n## After *workshop* 3\nText", ["Answer"], "After workshop 3"),
        ("", "  \n", ["", "\nThe huddle moved.\nMore."], "The huddle moved."),
        ("", "", [], ""),
    ],
)
def test_the_title_then_the_body_then_the_responses(
    title: str, body: str, responses: list[str], called: str
) -> None:
    entry = Entry(
        "id",
        EntryKind.REFLECTION,
        title,
        body,
        "2026-03-01T09:00:00+00:00",
        "2026-03-01T09:00:00+00:00",
        responses=tuple(Response(f"p{n}", text) for n, text in enumerate(responses)),
    )

    assert title_of(title, body, responses) == entry.display_title == called


def test_responses_are_not_read_when_the_body_names_the_entry() -> None:
    def responses() -> Iterator[str]:
        raise AssertionError("read")
        yield ""  # pragma: no cover

    assert title_of("", "First line", responses()) == "First line"
