"""``reflect import jrnl PATH [--time-format FORMAT] [--password-env NAME] [--config FILE]``."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_harness import SAMPLES, Reflect

pytest_plugins = ("cli_fixtures",)

FROM_JRNL = SAMPLES / "jrnl" / "from_jrnl"


def test_a_custom_time_format(reflect: Reflect) -> None:
    path = FROM_JRNL / "ampm_day_first.txt"
    result = reflect.ok("import", "jrnl", str(path), "--time-format", "%d.%m.%Y %I:%M %p")
    assert "Imported 3 items." in result.out


def test_the_time_format_from_jrnls_config(reflect: Reflect, tmp_path: Path) -> None:
    config = tmp_path / "jrnl.yaml"
    config.write_text("timeformat: '%d.%m.%Y %I:%M %p'\ntagsymbols: '#@'\n", encoding="utf-8")
    reflect.ok("import", "jrnl", str(FROM_JRNL / "ampm_day_first.txt"), "--config", str(config))
    tags = {tag for entry in reflect.entries() for tag in entry["tags"]}
    assert {"flow", "discharge", "urgent", "starred"} <= tags


def test_a_folder_journal(reflect: Reflect) -> None:
    assert "Imported 3 items." in reflect.ok("import", "jrnl", str(FROM_JRNL / "folder")).out


def test_an_encrypted_journal_with_the_password_from_the_environment(
    reflect: Reflect, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JRNL_PASSWORD", "correct horse")
    path = FROM_JRNL / "encrypted_v3.txt"
    result = reflect.ok("import", "jrnl", str(path), "--password-env", "JRNL_PASSWORD")
    assert "Imported 3 items." in result.out


def test_an_encrypted_journal_without_a_password_says_how_to_give_one(reflect: Reflect) -> None:
    before = reflect.snapshot()
    result = reflect("import", "jrnl", str(FROM_JRNL / "encrypted_v2.txt"))
    assert result.code != 0
    assert "encrypted jrnl journal" in result.err and "--password-env" in result.err
    assert reflect.snapshot() == before


def test_a_wrong_password_imports_nothing(
    reflect: Reflect, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = reflect.snapshot()
    monkeypatch.setenv("JRNL_PASSWORD", "wrong")
    path = FROM_JRNL / "encrypted_v2.txt"
    result = reflect("import", "jrnl", str(path), "--password-env", "JRNL_PASSWORD")
    assert result.code != 0
    assert "The password does not open" in result.err
    assert reflect.snapshot() == before


def test_an_unset_password_variable_is_named(
    reflect: Reflect, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_SUCH_VARIABLE", raising=False)
    path = FROM_JRNL / "encrypted_v2.txt"
    result = reflect("import", "jrnl", str(path), "--password-env", "NO_SUCH_VARIABLE")
    assert result.code != 0
    assert "NO_SUCH_VARIABLE is not set" in result.err


def test_jrnl_options_are_refused_for_other_formats(reflect: Reflect) -> None:
    path = SAMPLES / "markdown"
    result = reflect("import", "markdown", str(path), "--time-format", "%H:%M")
    assert result.code != 0
    assert "only for jrnl" in result.err
