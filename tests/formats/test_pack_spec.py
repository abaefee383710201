"""Pack specs: the documented example reads as written, and every mistake names its field."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pack_fixtures import EXAMPLES, SPEC_NAME, example_folder, example_spec, shipped_catalog
from reflect.core.programme import EventKind
from reflect.errors import BadInput
from reflect.formats.pack_spec import read_spec
from reflect.messages import Msg


def test_the_documented_example_reads_as_written(tmp_path: Path) -> None:
    spec = example_spec(tmp_path)

    assert (spec.id, spec.version, spec.framework_id) == (
        "leading-across-systems-cohort-4",
        1,
        "csif",
    )
    assert spec.facilitator_name == "Sam Okafor"
    assert spec.uses == ("csif", "what-so-what-now-what", "grow")
    assert [f.id for f in spec.frameworks] == ["huddle-check-in"]
    assert spec.welcome.startswith("# Welcome to Leading Across Systems")
    first, second = spec.events[:2]
    assert (first.key, first.day, first.time, first.kind) == (
        "welcome-session",
        date(2026, 10, 21),
        "10:00",
        EventKind.WORKSHOP,
    )
    assert (second.kind, second.framework_id) == (EventKind.COACHING, "grow")
    assert [e.day for e in spec.events] == sorted(e.day for e in spec.events)


def test_a_welcome_and_a_framework_can_be_written_inline(tmp_path: Path) -> None:
    inline = """
[[frameworks]]
format = "reflect-framework"
format_version = 1
id = "two-questions"
name = "Two questions"
version = "1"
kind = "reflection"
description = "Two."
verified = true
[frameworks.source]
title = "Ours"
[[frameworks.sections]]
id = "only"
title = "Only"
[[frameworks.sections.prompts]]
id = "first"
label = "First"
"""
    spec = example_spec(
        tmp_path,
        ('welcome_file = "programme-welcome.md"', 'welcome = "Hello, *cohort*."'),
        ("[[events]]", inline + "\n[[events]]"),
    )

    assert spec.welcome == "Hello, *cohort*."
    assert [f.id for f in spec.frameworks] == ["huddle-check-in", "two-questions"]
    assert spec.frameworks[1].sections[0].prompts[0].label == "First"


MISTAKES = [
    (('format = "reflect-pack-spec"', 'format = "reflect-pack"'), "format"),
    (("format_version = 1", "format_version = 9"), "format_version"),
    (('id = "leading-across-systems-cohort-4"', 'id = "Cohort 4!"'), "pack.id"),
    (('name = "Leading Across Systems, cohort 4"', 'name = ""'), "pack.name"),
    (("version = 1 ", "version = 0 "), "pack.version"),
    (('framework = "csif"', 'framework = "lean"'), "pack.framework"),
    (('welcome_file = "programme-welcome.md"', 'welcome_file = "missing.md"'), "pack.welcome_file"),
    (('name = "Sam Okafor"', 'nmae = "Sam Okafor"'), "facilitator.nmae"),
    (('[[frameworks]]\nid = "grow"', '[[frameworks]]\nid = "not-shipped"'), "frameworks[2].id"),
    (('file = "huddle-check-in.toml"', 'file = "gone.toml"'), "frameworks[3].file"),
    (("date = 2026-10-21", 'date = "21/10/2026"'), "events[0].date"),
    (("date = 2026-10-21", "date = 2026-10-21T10:00:00"), "events[0].date"),
    (('time = "10:00"', 'time = "10am"'), "events[0].time"),
    (('kind = "workshop"', 'kind = "webinar"'), "events[0].kind"),
    (('title = "Coaching trio 1"', "title = 1"), "events[1].title"),
    (('framework = "grow"', 'framework = "gibbs"'), "events[1].framework"),
    (('id = "trio-2"', 'id = "trio-1"'), "events[3].id"),
    (('id = "huddle"', 'id = "huddle"\nlocation = "Room 4"'), "events[5].location"),
]


@pytest.mark.parametrize(("edit", "field"), MISTAKES, ids=[field for _, field in MISTAKES])
def test_every_mistake_names_its_field(tmp_path: Path, edit: tuple[str, str], field: str) -> None:
    spec = example_folder(tmp_path, edit)

    with pytest.raises(BadInput) as caught:
        read_spec(spec, shipped_catalog(tmp_path).find)

    assert caught.value.msg is Msg.PACK_SPEC_INVALID
    assert caught.value.params["field"] == field
    assert caught.value.params["path"] == spec


def test_a_mistake_inside_an_inline_framework_names_the_framework_field(tmp_path: Path) -> None:
    inline = '[[frameworks]]\nformat = "reflect-framework"\nformat_version = 1\nid = "x"\n'
    spec = example_folder(tmp_path, ("[[events]]", inline + "\n[[events]]"))

    with pytest.raises(BadInput) as caught:
        read_spec(spec, shipped_catalog(tmp_path).find)

    assert caught.value.params["field"] == "frameworks[4].name"


def test_a_carried_framework_cannot_take_a_shipped_frameworks_id(tmp_path: Path) -> None:
    folder = example_folder(tmp_path)
    carried = folder.parent / "huddle-check-in.toml"
    carried.write_text(carried.read_text().replace('id = "huddle-check-in"', 'id = "gibbs"'))

    with pytest.raises(BadInput) as caught:
        read_spec(folder, shipped_catalog(tmp_path).find)

    assert caught.value.params["field"] == "frameworks[3]"
    assert "comes with Reflect" in caught.value.params["reason"]


@pytest.mark.parametrize("name", ["x" * 300 + ".md", "nul\\u0000.md"])
def test_a_file_name_no_file_can_have_names_the_field(tmp_path: Path, name: str) -> None:
    edit = ('welcome_file = "programme-welcome.md"', f'welcome_file = "{name}"')
    spec = example_folder(tmp_path, edit)

    with pytest.raises(BadInput) as caught:
        read_spec(spec, shipped_catalog(tmp_path).find)

    assert caught.value.params["field"] == "pack.welcome_file"


def test_a_number_too_long_to_read_is_refused_not_a_crash(tmp_path: Path) -> None:
    spec = example_folder(tmp_path, ("version = 1 ", "version = " + "9" * 5000 + " "))

    with pytest.raises(BadInput) as caught:
        read_spec(spec, shipped_catalog(tmp_path).find)

    assert caught.value.params["field"] == "the file"


def test_broken_toml_names_the_line(tmp_path: Path) -> None:
    spec = example_folder(tmp_path, ("[pack]", "[pack"))

    with pytest.raises(BadInput) as caught:
        read_spec(spec, shipped_catalog(tmp_path).find)

    assert caught.value.params["field"].startswith("line ")


def test_the_facilitators_guide_shows_the_example_and_a_valid_inline_spec(tmp_path: Path) -> None:
    guide = EXAMPLES.parent / "facilitators.md"
    blocks = [
        b.split("```", 1)[0] for b in guide.read_text(encoding="utf-8").split("```toml\n")[1:]
    ]
    example, inline = blocks

    assert example == (EXAMPLES / SPEC_NAME).read_text(encoding="utf-8")
    written = tmp_path / "inline.toml"
    written.write_text(inline, encoding="utf-8")
    spec = read_spec(written, shipped_catalog(tmp_path).find)
    assert ([f.id for f in spec.frameworks], spec.framework_id) == (["three-lines"], "three-lines")


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (('welcome_file = "programme-welcome.md"', 'welcome_file = "/dev/zero"'),
         "pack.welcome_file"),
        (('evaluator_card_file = "evaluator.reflectcard"', 'evaluator_card_file = "/dev/zero"'),
         "evaluation.evaluator_card_file"),
    ],
)  # fmt: skip
def test_a_named_file_that_never_ends_costs_one_bounded_read(
    tmp_path: Path, edit: tuple[str, str], field: str
) -> None:
    spec = example_folder(tmp_path, edit)

    with pytest.raises(BadInput) as caught:
        read_spec(spec, shipped_catalog(tmp_path).find)

    assert caught.value.params["field"] == field
    assert "longer than" in caught.value.params["reason"]
