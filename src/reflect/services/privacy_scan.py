"""Warnings about text that looks like it identifies someone, before it leaves in a bundle.

Three simple checks, chosen to catch the likely slips of someone writing about their work in
health and care: 10-digit NHS numbers whose modulus-11 check digit is valid; dates of birth (a
date next to "DOB", "born" or "date of birth", or a dd/mm/yyyy date far enough in the past to be
one); and people's names (a title such as "Dr" before a capitalised word, or two capitalised
words together that do not start a sentence). They warn; they never block. Each finding names
the item, the field and the span, so a front end can take the user straight there to edit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reflect.messages import Msg

NHS_NUMBER = re.compile(r"(?<![\d-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\d-])")
NHS_WEIGHTS = range(10, 1, -1)
_DAY_MONTH_YEAR = r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})"
NUMERIC_DATE = re.compile(rf"(?<![\d/.-]){_DAY_MONTH_YEAR}(?![\d/-]|\.\d)")
MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
WORDY_DATE = (
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\.?,?\s+\d{{2,4}}"
    rf"|(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{2,4}}"
)
ANY_DATE = rf"{_DAY_MONTH_YEAR}|\d{{4}}-\d{{2}}-\d{{2}}|{WORDY_DATE}"
BIRTH_DATE = re.compile(
    rf"\b(?:d\.?\s?o\.?\s?b\b\.?|date\s+of\s+birth|born)\s*(?:on|:|-|=|is|was|in)?\s*"
    rf"(?P<date>{ANY_DATE})",
    re.IGNORECASE,
)
TITLED_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]+)?")
CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*\b")
LINE_START = re.compile(r"\s*(?:[-*+>#]+\s*|\d+[.)]\s*)*")
SENTENCE_ENDS = (".", "!", "?", ":", ";")
OPENERS = " \t\"'“‘(["
LOOK_BACK = 80
# Capitalised words that are seldom names: sentence openers, calendar words, and the words of
# organisations, places and methods people in health and care write about every day.
NOT_NAME_WORDS = """
A An And As At But By For From If In Into It Its My No Not Of On Or Our So That The Their
Then There These They This Those To We What When Where Which While Who Why With You Your
Mr Mrs Ms Miss Mx Dr Prof St Sir Dame Lord Lady
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
June July August September October November December Christmas Easter Bank Holiday Day
Week Month Year Spring Summer Autumn Winter New Old Great Royal National General United
Kingdom England Scotland Wales Ireland Northern British European London North South East
West Central Midlands Yorkshire City County Street Road Lane Avenue Park House Court
Quality Improvement Safety Patient Patients Health Healthcare Care Social Mental Primary
Secondary Community Public Clinical Medical Nursing Trust Trusts Board Boards Council
Service Services Team Teams Programme Project Model Framework Hospital Hospitals Practice
Practices Foundation University College School Centre Center Clinic Unit Ward Department
Ministry Government Group Network Partnership Alliance System Systems Integrated Authority
Commissioning Institute Agency Office Fund Plan Do Study Act Lean Six Sigma Covid Workshop
Session Coaching Peer Peers Learning Leadership Leaders Leader Director Manager Chief
Executive Officer Nurse Sister Matron Consultant Microsoft Google Zoom Excel Word Slack
"""
NOT_NAMES = frozenset(NOT_NAME_WORDS.split())
MIN_BIRTH_AGE = 16  # years: a date this far back in dd/mm/yyyy form reads as a birth date
OLDEST_BIRTH_YEAR = 1900

# Fields that hold ids, dates, names of things or choices, never free text worth checking.
SKIPPED_FIELDS = frozenset(
    {"type", "id", "kind", "status", "created", "updated", "due", "about", "label", "tags"}
    | {"framework_name", "prompt_id", "domain_id", "score", "framework_id"}
    | {"inquiry_id", "entry_id"}
)


@dataclass(frozen=True)
class Finding:
    """Text in one field of one item that may identify a person."""

    item: int  # index into the items
    field: str  # path inside the item, such as "body" or "responses[0].text"
    start: int
    end: int
    text: str
    reason: Msg  # LOOKS_LIKE_NHS_NUMBER, LOOKS_LIKE_DATE_OF_BIRTH or LOOKS_LIKE_NAME


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    reason: Msg


def find_in_items(items: Sequence[Mapping[str, Any]], today: date) -> list[Finding]:
    """Every finding in the free text of ``items`` (bundle items), item by item."""
    return [
        Finding(n, field, span.start, span.end, text[span.start : span.end], span.reason)
        for n, item in enumerate(items)
        for field, text in text_fields(item)
        for span in find_in_text(text, today)
    ]


def text_fields(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(path, text) for each free-text value in an item, nested lists and objects included."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, Mapping):
        for key, inner in value.items():
            if key not in SKIPPED_FIELDS:
                yield from text_fields(inner, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list | tuple):
        for n, inner in enumerate(value):
            yield from text_fields(inner, f"{path}[{n}]")


def find_in_text(text: str, today: date) -> list[Span]:
    """Spans of ``text`` that look like identifiers, in order, without overlaps."""
    found = [*nhs_numbers(text), *birth_dates(text, today), *names(text)]
    kept: list[Span] = []
    for span in sorted(found, key=lambda s: (s.start, -s.end)):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def nhs_numbers(text: str) -> Iterator[Span]:
    for match in NHS_NUMBER.finditer(text):
        digits = match.group(1) + match.group(3) + match.group(4)
        if valid_nhs_number(digits):
            yield Span(match.start(), match.end(), Msg.LOOKS_LIKE_NHS_NUMBER)


def valid_nhs_number(digits: str) -> bool:
    """The modulus-11 check: weights 10 to 2 on the first nine digits give the tenth."""
    if len(digits) != 10 or not digits.isdigit() or len(set(digits)) == 1:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], NHS_WEIGHTS, strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def birth_dates(text: str, today: date) -> Iterator[Span]:
    for match in BIRTH_DATE.finditer(text):
        yield Span(match.start("date"), match.end("date"), Msg.LOOKS_LIKE_DATE_OF_BIRTH)
    for match in NUMERIC_DATE.finditer(text):
        if long_ago(match.groups(), today):
            yield Span(match.start(), match.end(), Msg.LOOKS_LIKE_DATE_OF_BIRTH)


def long_ago(parts: Sequence[str], today: date) -> bool:
    """Whether day/month/year (four-digit year) is a real date old enough to be a birth date."""
    day, month, year = parts
    if len(year) != 4:
        return False
    try:
        when = date(int(year), int(month), int(day))
    except ValueError:
        return False
    return OLDEST_BIRTH_YEAR <= when.year <= today.year - MIN_BIRTH_AGE


def names(text: str) -> Iterator[Span]:
    for match in TITLED_NAME.finditer(text):
        yield Span(match.start(), match.end(), Msg.LOOKS_LIKE_NAME)
    for run in capitalised_runs(text):
        if run and starts_sentence(text, run[0].start()):
            run = run[1:]
        if len(run) >= 2:
            yield Span(run[0].start(), run[-1].end(), Msg.LOOKS_LIKE_NAME)


def capitalised_runs(text: str) -> Iterator[list[re.Match[str]]]:
    """Runs of capitalised words one space apart, split at words that are seldom names."""
    run: list[re.Match[str]] = []
    for word in CAPITALISED.finditer(text):
        if run and text[run[-1].end() : word.start()] != " ":
            yield run
            run = []
        if word.group() in NOT_NAMES:
            yield run
            run = []
        else:
            run.append(word)
    yield run


def starts_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a line or a list item (so its capital
    says nothing about it being a name). Looks back a little way only, so long text stays fast."""
    low = max(0, start - LOOK_BACK)
    before = text[low:start].rstrip(OPENERS)
    newline = before.rfind("\n")
    if (newline >= 0 or low == 0) and LINE_START.fullmatch(before[newline + 1 :]):
        return True
    return before.endswith(SENTENCE_ENDS)
