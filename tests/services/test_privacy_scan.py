"""Warnings about NHS numbers, dates of birth and people's names in text about to be shared."""

from __future__ import annotations

from datetime import date

import pytest

from reflect.messages import Msg
from reflect.services.privacy_scan import Finding, find_in_items, find_in_text, valid_nhs_number

TODAY = date(2026, 3, 1)
NHS = Msg.LOOKS_LIKE_NHS_NUMBER
DOB = Msg.LOOKS_LIKE_DATE_OF_BIRTH
NAME = Msg.LOOKS_LIKE_NAME


def found(text: str) -> list[tuple[str, Msg]]:
    return [(text[s.start : s.end], s.reason) for s in find_in_text(text, TODAY)]


# NHS numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["9434765919", "4010232137", "9876543210", "4505577104"])
def test_valid_check_digits(number: str) -> None:
    assert valid_nhs_number(number)


@pytest.mark.parametrize(
    "number",
    [
        "9434765918",  # last digit off by one
        "9434765910",
        "1234567890",  # the check digit would be 10: never issued
        "0000000000",  # passes the arithmetic, but is no one's number
        "1111111111",
        "943476591",
        "94347659190",
    ],
)
def test_invalid_check_digits(number: str) -> None:
    assert not valid_nhs_number(number)


@pytest.mark.parametrize(
    "written", ["9434765919", "943 476 5919", "943-476-5919", "(943 476 5919)"]
)
def test_nhs_numbers_with_or_without_separators(written: str) -> None:
    text = f"Discussed patient {written} with the team."
    assert found(text) == [(written.strip("()"), NHS)]


@pytest.mark.parametrize(
    "text",
    [
        "Patient 943 476 5918 was discussed.",  # wrong check digit
        "Reference 943-476 5919 is mixed.",  # separators must match
        "Order 19434765919 arrived.",  # part of a longer number
        "Call 020 7946 0958 or 07700 900123.",  # phone numbers
        "We saved 1,234,567,890 pounds.",
        "Ticket INC-943-476-5919-2",
    ],
)
def test_no_nhs_number(text: str) -> None:
    assert [reason for _, reason in found(text)] == []


# Dates of birth -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date_text"),
    [
        ("DOB 12/03/1956, lives alone", "12/03/1956"),
        ("D.O.B.: 12/03/56 per the notes", "12/03/56"),
        ("Her date of birth is 1956-03-12.", "1956-03-12"),
        ("He was born on 3 March 1956 in Leeds.", "3 March 1956"),
        ("born 3rd Mar 2019, so a child", "3rd Mar 2019"),
        ("dob: March 3, 1956", "March 3, 1956"),
        ("She was born 01.02.2020.", "01.02.2020"),
    ],
)
def test_dates_next_to_birth_words(text: str, date_text: str) -> None:
    assert found(text) == [(date_text, DOB)]


def test_an_old_day_month_year_date_alone_reads_as_a_birth_date() -> None:
    assert found("Seen on 14/07/1948 in clinic.") == [("14/07/1948", DOB)]
    assert found("Seen on 14-07-1948.") == [("14-07-1948", DOB)]


@pytest.mark.parametrize(
    "text",
    [
        "Workshop on 12/03/2026 went well.",  # recent: a meeting, not a birthday
        "Plan agreed 01/09/2015.",  # ten years ago: still too recent to be a birthday
        "Version 1.2.3 and ratio 3/4.",
        "The 31/02/1950 date is impossible.",
        "Born to lead, she said.",  # the word alone
        "The programme was born in 2019.",  # a year is not a date
        "We met on 2026-03-01 to plan.",
    ],
)
def test_no_date_of_birth(text: str) -> None:
    assert [reason for _, reason in found(text) if reason is DOB] == []


# Names ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I met Sarah Jones at the workshop.", "Sarah Jones"),
        ("then Mary Ann Smith arrived", "Mary Ann Smith"),
        ("Yesterday Sarah Jones called.", "Sarah Jones"),  # the opener is not part of it
        ("We asked Dr Patel about it.", "Dr Patel"),
        ("Dr. Okafor agreed.", "Dr. Okafor"),  # a title counts even at a sentence start
        ("The notes from Mrs O'Brien were clear.", "Mrs O'Brien"),
        ("Chat with Anna-Marie Lewis-Hunt today", "Anna-Marie Lewis-Hunt"),
    ],
)
def test_names(text: str, name: str) -> None:
    assert found(text) == [(name, NAME)]


def test_several_names_in_a_list() -> None:
    assert found("with Aisha Patel, Ben Okafor and Cai") == [
        ("Aisha Patel", NAME),
        ("Ben Okafor", NAME),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Model for Improvement is used in Plan Do Study Act cycles across NHS England.",
        "We used Quality Improvement methods in the Community Mental Health Team.",
        "Sarah said hello. Then I left.",
        "Sarah Jones opened the meeting.",  # at a sentence start: may be any two words
        "- Sarah Jones came",  # a list item starts a sentence too
        "# Workshop Notes",
        "We met on Monday January 12 with the Board.",
        "I think we should stop the Friday report and start a weekly huddle.",
        "The St Thomas Hospital team joined. Leeds Teaching Hospitals sent a Director.",
        "it was a long day. Good progress though; Next Steps agreed.",
    ],
)
def test_ordinary_text_raises_no_alarm(text: str) -> None:
    assert found(text) == []


# Items ----------------------------------------------------------------------------------------


def test_findings_name_the_item_field_and_span() -> None:
    items = [
        {"type": "inquiry", "id": "i-1", "question": "How do I stop?", "wordings": [
            {"question": "Why does Dr Patel never stop?", "created": None}]},
        {"type": "note", "text": "Nothing here."},
        {
            "type": "entry",
            "id": "e-1",
            "kind": "reflection",
            "title": "Ward round",
            "body": "Patient 943 476 5919 again.",
            "created": "2026-03-01T09:00:00+00:00",
            "tags": ["Sarah Jones"],  # tags are labels, not prose
            "responses": [{"prompt_id": "aim", "label": "Aim", "text": "DOB 12/03/1956"}],
        },
    ]  # fmt: skip

    findings = find_in_items(items, TODAY)

    assert findings == [
        Finding(0, "wordings[0].question", 9, 17, "Dr Patel", NAME),
        Finding(2, "body", 8, 20, "943 476 5919", NHS),
        Finding(2, "responses[0].text", 4, 14, "12/03/1956", DOB),
    ]
    body = items[2]["body"]
    assert isinstance(body, str) and body[8:20] == "943 476 5919"


def test_ids_and_timestamps_are_not_scanned() -> None:
    items = [{"type": "action", "id": "9434765919", "text": "Stop it", "kind": "stop",
              "due": "2026-03-12", "created": "1950-01-01T00:00:00+00:00"}]  # fmt: skip

    assert find_in_items(items, TODAY) == []


def test_long_text_stays_fast_and_finds_everything() -> None:
    paragraph = "Today I met Sarah Jones. We talked about the Model for Improvement. " * 2000

    spans = find_in_text(paragraph, TODAY)

    assert len(spans) == 2000
