"""The hidden ``reflect spelling`` command, which the bundle's smoke test runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_harness import Reflect, assert_one_error

from reflect.messages import Msg
from reflect.services import spelling

pytest_plugins = ("cli_fixtures",)


def test_it_names_the_misspelt_words_and_is_not_in_help(reflect: Reflect) -> None:
    result = reflect("spelling", "recieve", "organisation", "colour", "color", "NHS")
    assert (result.code, result.out.split()) == (0, ["recieve", "color"])
    assert "spelling" not in reflect("--help").out


def test_a_missing_dictionary_is_one_clear_error(
    reflect: Reflect, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spelling, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    result = reflect("spelling", "recieve")
    assert_one_error(result, Msg.SPELLING_UNAVAILABLE, folder=tmp_path / "spelling")
