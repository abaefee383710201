"""Framework files: every shipped file is valid, each kind of mistake is named, dump/read agree."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.core.entry import EntryKind
from reflect.core.framework import Domain, Framework, Origin, Prompt, Scale, Section, Source
from reflect.errors import BadInput
from reflect.formats.framework_toml import (
    FORMAT_VERSION,
    MAX_BYTES,
    dump_framework,
    parse_framework,
    read_framework,
)
from reflect.messages import Msg
from reflect.resources import resource_path

SHIPPED_DIR = resource_path("frameworks")
SHIPPED = sorted(SHIPPED_DIR.glob("*.toml"))
REQUIRED = {
    "csif", "five-principles", "gibbs", "what-so-what-now-what", "kolb", "appreciative-inquiry",
    "pdsa", "grow", "icb-cycle", "nmc-reflective-account", "aomrc-reflection",
}  # fmt: skip
# FRAMEWORKS.md marks only these as CONFIRMED for the names the files use.
VERIFIED = {"five-principles", "gibbs", "what-so-what-now-what", "kolb"}


def shipped(framework_id: str) -> Framework:
    return read_framework(SHIPPED_DIR / f"{framework_id}.toml", Origin.SHIPPED)


def prompt_ids(framework: Framework) -> list[str]:
    return [p.id for p in framework.prompts]


# Shipped files -------------------------------------------------------------------------------


def test_the_resources_folder_holds_every_required_framework() -> None:
    assert SHIPPED_DIR.is_dir()
    assert {path.stem for path in SHIPPED} >= REQUIRED


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_every_shipped_file_is_valid(path: Path) -> None:
    framework = read_framework(path, Origin.SHIPPED)

    assert framework.id == path.stem
    assert framework.verified == (framework.id in VERIFIED)
    assert framework.description.strip() and framework.source.title.strip()
    assert framework.source.link == "" or framework.source.link.startswith("https://")
    assert all(p.help.strip() for p in framework.prompts), "every prompt explains itself"
    assert parse_framework(dump_framework(framework), path, Origin.SHIPPED) == framework


def test_csif_domains_keep_the_ids_saved_assessments_use() -> None:
    csif = shipped("csif")
    ids = ["vision", "operating-model", "capability", "redesign", "cqi", "innovation"]
    assert [d.id for d in csif.domains] == ids
    assert prompt_ids(csif)[:6] == ids  # a prompt per domain
    assert (csif.scale.low, csif.scale.high, csif.verified) == (1, 5, False)
    assert set(csif.scale.labels) == {1, 2, 3, 4, 5}


@pytest.mark.parametrize(
    ("framework_id", "expected"),
    [
        (
            "gibbs",
            ["description", "feelings", "evaluation", "analysis", "conclusion", "action-plan"],
        ),
        ("what-so-what-now-what", ["what", "so-what", "now-what"]),
        ("grow", ["goal", "reality", "options", "will"]),
    ],
)
def test_prompt_ids_the_demo_journal_uses(framework_id: str, expected: list[str]) -> None:
    assert prompt_ids(shipped(framework_id)) == expected


def test_pdsa_records_the_model_questions_a_cycle_header_and_the_four_steps() -> None:
    ids = prompt_ids(shipped("pdsa"))
    assert {"aim", "measures", "changes", "cycle-number", "dates"} <= set(ids)
    assert [i for i in ids if i in {"plan", "do", "study", "act"}] == ["plan", "do", "study", "act"]


def test_grow_suits_coaching_and_five_principles_rates_its_principles() -> None:
    assert shipped("grow").kind is EntryKind.COACHING
    assert [d.label for d in shipped("five-principles").domains] == [
        "Define scope and goals together",
        "Build relationships and trust",
        "See diverse expertise as an asset",
        "Develop shared system leadership",
        "Use an improvement mindset",
    ]


# Mistakes, one test per kind -----------------------------------------------------------------

VALID = """\
format = "reflect-framework"
format_version = 2
id = "trial"
name = "Trial framework"
version = "1"
kind = "reflection"
description = "For tests."
verified = false

[source]
title = "A source"
year = 2024
link = "https://example.org/source"

[scale]
low = 1
high = 5

[scale.labels]
"1" = "Low"

[[domains]]
id = "first-domain"
label = "First domain"

[[domains]]
id = "second-domain"
label = "Second domain"

[[sections]]
id = "one"
title = "Section one"

[[sections.prompts]]
id = "alpha"
label = "Alpha"
help = "Say something."

[[sections]]
id = "two"
title = "Section two"

[[sections.prompts]]
id = "beta"
label = "Beta"

[[sections.prompts]]
id = "gamma"
label = "Gamma"
"""


def edited(old: str, new: str) -> str:
    assert old in VALID, old
    return VALID.replace(old, new, 1)


def problem(tmp_path: Path, text: str) -> tuple[BadInput, Path]:
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BadInput) as caught:
        read_framework(path, Origin.USER)
    return caught.value, path


def assert_invalid(tmp_path: Path, text: str, field: str, *reason_parts: str) -> None:
    error, path = problem(tmp_path, text)
    assert error.msg is Msg.FRAMEWORK_INVALID, error.text
    assert (error.params["path"], error.params["field"]) == (path, field)
    assert str(path) in error.text and field in error.text
    for part in reason_parts:
        assert part in error.params["reason"], error.params["reason"]


def test_the_sample_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "trial.toml"
    path.write_text(VALID, encoding="utf-8")
    framework = read_framework(path, Origin.USER)
    assert prompt_ids(framework) == ["alpha", "beta", "gamma"]
    assert framework.scale.labels == {1: "Low"} and framework.origin is Origin.USER


def test_not_toml_names_the_line(tmp_path: Path) -> None:
    assert_invalid(tmp_path, edited('name = "Trial framework"', "name = Trial"), "line 4, column 8")


def test_missing_format(tmp_path: Path) -> None:
    assert_invalid(tmp_path, edited('format = "reflect-framework"\n', ""), "format", "missing")


def test_wrong_format(tmp_path: Path) -> None:
    text = edited('format = "reflect-framework"', 'format = "reflect-journal"')
    assert_invalid(tmp_path, text, "format", '"reflect-framework"')


def test_missing_format_version(tmp_path: Path) -> None:
    assert_invalid(tmp_path, edited("format_version = 2\n", ""), "format_version", "missing")


def test_newer_format_version_has_its_own_message(tmp_path: Path) -> None:
    newer = FORMAT_VERSION + 1
    text = edited("format_version = 2", f"format_version = {newer}\nshiny_new_key = 1")
    error, path = problem(tmp_path, text)
    assert error.msg is Msg.FRAMEWORK_TOO_NEW
    assert error.params == {"path": path, "version": newer}


def test_missing_required_key(tmp_path: Path) -> None:
    assert_invalid(tmp_path, edited('name = "Trial framework"\n', ""), "name", "missing")


def test_missing_key_deep_inside(tmp_path: Path) -> None:
    text = edited('id = "gamma"\nlabel = "Gamma"', 'id = "gamma"')
    assert_invalid(tmp_path, text, "sections[1].prompts[1].label", "missing")


def test_wrong_type(tmp_path: Path) -> None:
    assert_invalid(tmp_path, edited("verified = false", 'verified = "no"'), "verified", "true or")


def test_wrong_type_of_number(tmp_path: Path) -> None:
    text = edited("year = 2024", 'year = "2024"')
    assert_invalid(tmp_path, text, "source.year", "whole number")


def test_wrong_type_of_table(tmp_path: Path) -> None:
    text = edited(
        '[source]\ntitle = "A source"\nyear = 2024\nlink = "https://example.org/source"',
        'source = "A source"',
    )
    assert_invalid(tmp_path, text, "source", "table")


def test_empty_text(tmp_path: Path) -> None:
    text = edited('label = "Beta"', 'label = "  "')
    assert_invalid(tmp_path, text, "sections[1].prompts[0].label", "empty")


def test_bad_id_slug(tmp_path: Path) -> None:
    assert_invalid(tmp_path, edited('id = "trial"', 'id = "Trial Run"'), "id", '"Trial Run"')


def test_bad_prompt_id_slug(tmp_path: Path) -> None:
    text = edited('id = "beta"', 'id = "beta_2"')
    assert_invalid(tmp_path, text, "sections[1].prompts[0].id", "lowercase")


def test_duplicate_prompt_ids_across_sections(tmp_path: Path) -> None:
    text = edited('id = "gamma"', 'id = "alpha"')
    assert_invalid(tmp_path, text, "sections[1].prompts[1].id", "sections[0].prompts[0].id")


def test_duplicate_domain_ids(tmp_path: Path) -> None:
    text = edited('id = "second-domain"', 'id = "first-domain"')
    assert_invalid(tmp_path, text, "domains[1].id", '"first-domain"')


def test_duplicate_section_ids(tmp_path: Path) -> None:
    assert_invalid(tmp_path, edited('id = "two"', 'id = "one"'), "sections[1].id", "section")


def test_scale_low_not_below_high(tmp_path: Path) -> None:
    text = edited("low = 1\nhigh = 5", "low = 5\nhigh = 5")
    assert_invalid(tmp_path, text, "scale.low", "less than high")


def test_scale_label_outside_the_scale(tmp_path: Path) -> None:
    text = edited('"1" = "Low"', '"1" = "Low"\n"7" = "Beyond"')
    assert_invalid(tmp_path, text, "scale.labels.7", "outside the scale 1 to 5")


def test_scale_label_that_is_not_a_score(tmp_path: Path) -> None:
    text = edited('"1" = "Low"', 'one = "Low"')
    assert_invalid(tmp_path, text, "scale.labels.one", "whole number")


def test_unknown_key_suggests_the_likely_one(tmp_path: Path) -> None:
    text = edited('label = "Alpha"', 'lable = "Alpha"')
    assert_invalid(tmp_path, text, "sections[0].prompts[0].lable", 'did you mean "label"?')


def test_unknown_top_level_key(tmp_path: Path) -> None:
    text = edited("verified = false", "verified = false\ncolour = 3")
    assert_invalid(tmp_path, text, "colour", "not a known key")


def test_sections_must_have_prompts(tmp_path: Path) -> None:
    text = edited(
        '[[sections.prompts]]\nid = "alpha"\nlabel = "Alpha"\nhelp = "Say something."\n', ""
    )
    assert_invalid(tmp_path, text, "sections[0].prompts", "missing")


def test_unknown_kind(tmp_path: Path) -> None:
    assert_invalid(tmp_path, edited('kind = "reflection"', 'kind = "diary"'), "kind", "coaching")


def test_link_must_be_https(tmp_path: Path) -> None:
    text = edited('link = "https://example.org/source"', 'link = "file:///etc/passwd"')
    assert_invalid(tmp_path, text, "source.link", "https://")


def test_deep_nesting_is_refused_not_crashed(tmp_path: Path) -> None:
    error, _ = problem(tmp_path, VALID + "deep = " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert error.msg is Msg.FRAMEWORK_INVALID


def test_a_huge_file_is_refused(tmp_path: Path) -> None:
    assert_invalid(tmp_path, VALID + "#" * MAX_BYTES, "the file", "larger")


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(VALID.replace("For tests.", "Café").encode("latin-1"))
    with pytest.raises(BadInput) as caught:
        read_framework(path, Origin.USER)
    assert caught.value.msg is Msg.FILE_NOT_UTF8


# Writing -------------------------------------------------------------------------------------

AWKWARD = 'a "quoted" \\ back\tslash\nnew line \r \x00 \x1f \x7f café 🌱 \u2028 """ \'\'\''


def sample(**changes: Any) -> Framework:
    base = Framework(
        id="sample",
        name="Sample",
        version="1",
        description="Text.",
        source=Source("Title"),
        verified=False,
        sections=(Section("s", "S", (Prompt("p", "P"),)),),
    )
    return replace(base, **changes)


def test_awkward_text_survives_a_round_trip() -> None:
    framework = sample(
        name=AWKWARD,
        description=AWKWARD,
        source=Source(AWKWARD, AWKWARD, 1999, 'https://example.org/a?b="c"', AWKWARD),
        sections=(Section("s", AWKWARD, (Prompt("p", AWKWARD, AWKWARD),)),),
        domains=(Domain("d", AWKWARD, AWKWARD),),
        scale=Scale(0, 10, {0: AWKWARD, 10: "Top"}),
        kind=EntryKind.NOTE,
    )
    assert parse_framework(dump_framework(framework), Path("x.toml"), Origin.SHIPPED) == framework


def test_defaults_are_left_out_of_the_file() -> None:
    text = dump_framework(sample())
    assert "[scale]" not in text and "help" not in text and "publisher" not in text


slugs = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=20)
nonblank = texts.filter(str.strip)


def source(draw: st.DrawFn) -> Source:
    """What was (not) checked can be said only with a year (format version 2)."""
    year = draw(st.none() | st.integers(1000, 9999))
    link = draw(st.sampled_from(["", "https://example.org/x"]))
    title, publisher, note = draw(nonblank), draw(texts), draw(texts)
    if year is None:
        return Source(title, publisher, year, link, note)
    return Source(title, publisher, year, link, note, draw(texts), draw(texts))


@st.composite
def frameworks(draw: st.DrawFn) -> Framework:
    prompt_ids = draw(st.lists(slugs, min_size=1, max_size=5, unique=True))
    cut = draw(st.integers(1, len(prompt_ids)))
    groups = [prompt_ids[:cut], prompt_ids[cut:]] if cut < len(prompt_ids) else [prompt_ids]
    section_ids = draw(st.lists(slugs, min_size=len(groups), max_size=len(groups), unique=True))
    sections = tuple(
        Section(sid, draw(nonblank), tuple(Prompt(p, draw(nonblank), draw(texts)) for p in group))
        for sid, group in zip(section_ids, groups, strict=True)
    )
    domain_ids = draw(st.lists(slugs, max_size=3, unique=True))
    low = draw(st.integers(0, 9))
    high = draw(st.integers(low + 1, 10))
    labels = draw(st.dictionaries(st.integers(low, high), nonblank, max_size=3))
    return Framework(
        id=draw(slugs),
        name=draw(nonblank),
        version=draw(nonblank),
        description=draw(nonblank),
        source=source(draw),
        verified=draw(st.booleans()),
        sections=sections,
        domains=tuple(Domain(d, draw(nonblank), draw(texts)) for d in domain_ids),
        scale=Scale(low, high, labels),
        origin=draw(st.sampled_from(list(Origin))),
        kind=draw(st.sampled_from(list(EntryKind))),
    )


@settings(max_examples=60, deadline=None)
@given(frameworks())
def test_dump_then_read_gives_the_same_framework(framework: Framework) -> None:
    text = dump_framework(framework)
    assert parse_framework(text, Path("x.toml"), framework.origin) == framework


def test_the_example_in_the_docs_is_valid() -> None:
    docs = Path(__file__).resolve().parents[2] / "docs" / "frameworks.md"
    example = docs.read_text(encoding="utf-8").split("```toml\n", 1)[1].split("```", 1)[0]
    framework = parse_framework(example, docs, Origin.USER)
    assert framework.id == "huddle-review" and framework.scale.labels == {
        1: "Not yet",
        4: "Every day",
    }


def test_a_number_too_long_to_read_is_refused_not_a_crash() -> None:
    with pytest.raises(BadInput) as caught:
        parse_framework("format_version = " + "9" * 5000, Path("long.toml"), Origin.USER)

    assert caught.value.msg is Msg.FRAMEWORK_INVALID
    assert "more digits" in caught.value.params["reason"]
