"""The privacy notice in a participant's preview reads as the facilitator's paragraphs."""

from reflect.services.evaluation_preview import paragraph_lines


def texts(notice: str) -> list[str]:
    return [line.text for line in paragraph_lines(notice)]


def test_lines_wrapped_to_fit_the_spec_file_are_one_paragraph() -> None:
    notice = """
    Dr Priya Nair receives the returns. She uses them only
    to evaluate the programme.

    Returns are kept for two years.
    """

    assert texts(notice) == [
        "Dr Priya Nair receives the returns. She uses them only to evaluate the programme.",
        "",
        "Returns are kept for two years.",
    ]


def test_list_items_keep_their_own_lines() -> None:
    notice = "To withdraw or ask:\n- write to evaluation@example.org\n- or call\n  0100 000 000\n"

    assert texts(notice) == [
        "To withdraw or ask:",
        "- write to evaluation@example.org",
        "- or call 0100 000 000",
    ]
