"""A framework says where it comes from: format version 2 needs the source's title and year and
may say what was and was not checked; version 1 files, without a year, still read (#18)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_framework_toml import edited, sample

from reflect.core.framework import Origin, Source
from reflect.errors import BadInput
from reflect.formats.framework_toml import (
    FORMAT_VERSION,
    dump_framework,
    parse_framework,
    read_framework,
    written_version,
)
from reflect.messages import Msg
from reflect.resources import resource_path

SHIPPED = sorted(resource_path("frameworks").glob("*.toml"))
SOURCE = '[source]\ntitle = "A source"\nyear = 2024\nlink = "https://example.org/source"'


def refused(text: str, tmp_path: Path) -> BadInput:
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BadInput) as caught:
        read_framework(path, Origin.USER)
    assert caught.value.msg is Msg.FRAMEWORK_INVALID
    return caught.value


def test_a_source_without_a_year_is_refused(tmp_path: Path) -> None:
    error = refused(edited("year = 2024\n", ""), tmp_path)
    assert error.params["field"] == "source.year"
    assert "year the source was published" in error.params["reason"]


def test_a_source_without_a_title_is_refused(tmp_path: Path) -> None:
    error = refused(edited('title = "A source"\n', ""), tmp_path)
    assert (error.params["field"], error.params["reason"]) == ("source.title", "is missing")


def test_what_was_and_was_not_checked_is_read() -> None:
    text = edited(SOURCE, SOURCE + '\nchecked = "The names."\nnot_checked = "The fields."')
    framework = parse_framework(text, Path("x.toml"), Origin.USER)
    assert (framework.source.checked, framework.source.not_checked) == ("The names.", "The fields.")
    assert parse_framework(dump_framework(framework), Path("x.toml"), Origin.USER) == framework


def test_a_version_1_file_without_a_year_still_reads_and_is_written_back_as_version_1() -> None:
    old = edited("format_version = 2", "format_version = 1").replace("year = 2024\n", "")
    framework = parse_framework(old, Path("old.toml"), Origin.USER)
    assert framework.source.year is None
    text = dump_framework(framework)
    assert "format_version = 1\n" in text
    assert parse_framework(text, Path("old.toml"), Origin.USER) == framework


def test_version_1_knows_nothing_of_checked(tmp_path: Path) -> None:
    old = edited("format_version = 2", "format_version = 1")
    error = refused(old.replace(SOURCE, SOURCE + '\nchecked = "The names."'), tmp_path)
    assert error.params["field"] == "source.checked"


def test_a_framework_with_a_year_is_written_in_the_newest_version() -> None:
    framework = sample(source=Source("Title", year=2020))
    assert written_version(framework) == FORMAT_VERSION == 2
    assert f"format_version = {FORMAT_VERSION}\n" in dump_framework(framework)


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_every_shipped_framework_says_where_it_comes_from(path: Path) -> None:
    framework = read_framework(path, Origin.SHIPPED)
    source = framework.source
    assert "format_version = 2\n" in path.read_text(encoding="utf-8")
    assert source.title.strip() and source.year is not None
    assert source.checked.strip(), "say what was checked, or that nothing was"
    assert framework.verified or source.not_checked.strip(), "say what was not checked"
    assert "wording" not in source.not_checked.lower(), "the wording is Reflect's own by design"


def test_no_shipped_link_is_a_site_home_page_but_the_one_that_says_so() -> None:
    for path in SHIPPED:
        source = read_framework(path, Origin.SHIPPED).source
        bare = source.link.removeprefix("https://").rstrip("/")
        if source.link and "/" not in bare:
            assert "home page" in source.not_checked, path.stem
