"""A pack spec's [evaluation] section: the documented example reads as written, and every
mistake is refused with its field named."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pack_fixtures import example_folder, example_spec, shipped_catalog
from reflect.core.evaluation import DEFAULT_MIN_GROUP, MIN_GROUP_FLOOR
from reflect.errors import BadInput
from reflect.formats.pack_spec import read_spec
from reflect.messages import Msg

CARD_FILE = 'evaluator_card_file = "evaluator.reflectcard"'
NOTICE_START = 'privacy_notice = """'
SECOND_POINT = 'key = "middle"\nlabel = "Halfway"\ndate = 2027-02-10'
RATING = 'framework = "csif"                              # all its domains; or name some:\n'
DOMAINS = 'domains = ["vision", "capability", "cqi"]'
QUESTION_KEY = 'key = "changed"'
QUESTION = (
    '[[evaluation.questions]]\nkey = "changed"\n'
    'text = "What, if anything, do you do differently since the programme started?"'
)


def refused(tmp_path: Path, *replacements: tuple[str, str]) -> tuple[str, str]:
    spec = example_folder(tmp_path, *replacements)
    with pytest.raises(BadInput) as caught:
        read_spec(spec, shipped_catalog(tmp_path).find)
    assert caught.value.msg is Msg.PACK_SPEC_INVALID
    return caught.value.params["field"], caught.value.params["reason"]


def test_the_documented_example_carries_its_plan(tmp_path: Path) -> None:
    plan = example_spec(tmp_path).evaluation

    assert plan is not None
    assert plan.evaluator_card.splitlines()[2] == "name: Dr Priya Nair, programme evaluator"
    assert "how long" not in plan.privacy_notice  # the facilitator's own words, not a template
    assert "31 December 2028" in plan.privacy_notice
    assert [p.key for p in plan.time_points] == ["start", "middle", "end", "six-months-after"]
    assert plan.time_points[1].day == date(2027, 2, 10)
    assert (plan.ask_counts, plan.min_group) == (True, DEFAULT_MIN_GROUP)


def test_a_card_and_notice_may_be_written_inline(tmp_path: Path) -> None:
    inline = 'evaluator_card = """\n-----BEGIN REFLECT CONTACT CARD-----\nversion: 1\n"""'
    plan = example_spec(tmp_path, (CARD_FILE, inline)).evaluation

    assert plan is not None and plan.evaluator_card.endswith("version: 1")


def test_min_group_defaults_to_five_when_left_out(tmp_path: Path) -> None:
    plan = example_spec(tmp_path, ("min_group = 5 ", "# min_group = 5 ")).evaluation

    assert plan is not None and plan.min_group == 5


@pytest.mark.parametrize(
    ("replacement", "field", "reason_starts"),
    [
        (
            (NOTICE_START, 'privacy_notice_x = """'),
            "evaluation.privacy_notice_x",
            "is not a known key",
        ),
        (
            (CARD_FILE, 'evaluator_card_file = "nowhere.card"'),
            "evaluation.evaluator_card_file",
            "cannot be used",
        ),
        (
            (CARD_FILE, CARD_FILE + '\nevaluator_card = "x"'),
            "evaluation.evaluator_card_file",
            "cannot be given as well",
        ),
        ((CARD_FILE, ""), "evaluation.evaluator_card", "is missing"),
        (
            ("min_group = 5 ", "min_group = 1 "),
            "evaluation.min_group",
            f"must be a whole number from {MIN_GROUP_FLOOR}",
        ),
        (("min_group = 5 ", 'min_group = "5" '), "evaluation.min_group", "must be a whole number"),
        (("counts = true ", "counts = 1 "), "evaluation.counts", "must be true or false"),
        (
            (SECOND_POINT, 'key = "start"\nlabel = "Halfway"\ndate = 2027-02-10'),
            "evaluation.time_points[1].key",
            'repeats the time point key "start"',
        ),
        (
            (SECOND_POINT, 'key = "middle"\nlabel = "Halfway"\ndate = "2027-02-30"'),
            "evaluation.time_points[1].date",
            "must be a date",
        ),
        (
            (SECOND_POINT, 'key = "middle"\nlabel = "Halfway"'),
            "evaluation.time_points[1]",
            "needs either date or offset_days",
        ),
        (
            (SECOND_POINT, SECOND_POINT + "\noffset_days = 3"),
            "evaluation.time_points[1]",
            "needs either date or offset_days",
        ),
        (
            (SECOND_POINT, 'key = "middle"\nlabel = "Halfway"\noffset_days = -1'),
            "evaluation.time_points[1].offset_days",
            "must be a whole number from 0",
        ),
        (
            (SECOND_POINT, 'key = "Middle Point"\nlabel = "Halfway"\ndate = 2027-02-10'),
            "evaluation.time_points[1].key",
            '"Middle Point" is not a usable id',
        ),
        (
            (SECOND_POINT, 'key = "middle"\ndate = 2027-02-10'),
            "evaluation.time_points[1].label",
            "is missing",
        ),
        (
            (RATING, 'framework = "gibbs"\n'),
            "evaluation.ratings[0].framework",
            '"gibbs" is not one of the pack\'s frameworks',
        ),
        (
            (RATING + DOMAINS, 'framework = "grow"'),
            "evaluation.ratings[0].framework",
            '"grow" has no domains to rate',
        ),
        (
            (DOMAINS, 'domains = ["vision", "leadership"]'),
            "evaluation.ratings[0].domains[1]",
            '"leadership" is not a domain of "csif"',
        ),
        (
            (DOMAINS, 'domains = ["vision", "vision"]'),
            "evaluation.ratings[0].domains",
            "names a domain twice",
        ),
        (
            (DOMAINS, 'domains = "vision"'),
            "evaluation.ratings[0].domains",
            "must be a list of domain ids",
        ),
        (
            (DOMAINS, DOMAINS + '\n\n[[evaluation.ratings]]\nframework = "csif"'),
            "evaluation.ratings[1].framework",
            'repeats "csif"',
        ),
        (
            (
                QUESTION_KEY,
                'key = "changed"\ntext = "Once?"\n[[evaluation.questions]]\nkey = "changed"',
            ),
            "evaluation.questions[1].key",
            'repeats the question key "changed"',
        ),
    ],
)
def test_each_mistake_names_its_field(
    tmp_path: Path, replacement: tuple[str, str], field: str, reason_starts: str
) -> None:
    got_field, reason = refused(tmp_path, replacement)

    assert (got_field, reason[: len(reason_starts)]) == (field, reason_starts)


def test_a_section_that_asks_nothing_is_refused(tmp_path: Path) -> None:
    field, reason = refused(
        tmp_path,
        ("counts = true ", "counts = false "),
        ("[[evaluation.ratings]]\n" + RATING + DOMAINS, ""),
        (QUESTION, ""),
    )

    assert (field, reason[:12]) == ("evaluation", "asks nothing")


def test_the_privacy_notice_is_required(tmp_path: Path) -> None:
    spec = example_folder(tmp_path)
    text = spec.read_text(encoding="utf-8")
    start = text.index(NOTICE_START)
    end = text.index('"""\n', start + len(NOTICE_START)) + 4
    spec.write_text(text[:start] + text[end:], encoding="utf-8")

    with pytest.raises(BadInput) as caught:
        read_spec(spec, shipped_catalog(tmp_path).find)

    assert caught.value.params["field"] == "evaluation.privacy_notice"
    assert caught.value.params["reason"].startswith("is missing")
    assert "privacy_notice_file" in caught.value.params["reason"]


def test_a_time_point_after_the_first_event_needs_an_event(tmp_path: Path) -> None:
    spec = example_folder(tmp_path)
    text = spec.read_text(encoding="utf-8")
    head, tail = text.split("[[events]]", 1)
    tail = tail[tail.index("# Optional: ask participants") :]
    spec.write_text(head + tail, encoding="utf-8")

    with pytest.raises(BadInput) as caught:
        read_spec(spec, shipped_catalog(tmp_path).find)

    assert caught.value.params["field"] == "evaluation.time_points[0].offset_days"
    assert "has no events" in caught.value.params["reason"]
