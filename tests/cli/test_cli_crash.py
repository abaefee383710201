"""An unexpected bug: one line naming a crash log under <data-dir>/logs, and exit code 70."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cli_harness import Reflect

from reflect import __version__
from reflect import crash as crash_module
from reflect.services.entries import EntryService
from reflect.services.inquiries import InquiryService

pytest_plugins = ("cli_fixtures",)

CRASH_LINE = re.compile(
    r"Error: Reflect hit an unexpected problem \(RuntimeError\)\. "
    r"Details were written to (?P<log>.+\.log)\.\n"
)


def explode(*args: Any, **kwargs: Any) -> Any:
    raise RuntimeError("a bug planted by the test")


def crash_log(reflect: Reflect, err: str) -> Path:
    match = CRASH_LINE.fullmatch(err)
    assert match, err
    log = Path(match.group("log"))
    assert log.parent == reflect.data_dir / "logs"
    assert log.is_file()
    return log


def test_a_bug_prints_one_line_naming_the_crash_log_and_exits_70(
    reflect: Reflect, monkeypatch: pytest.MonkeyPatch
) -> None:
    reflect.write("Written before the bug.")
    monkeypatch.setattr(EntryService, "page", explode)

    result = reflect("list")

    assert result.code == 70
    assert result.out == ""
    log = crash_log(reflect, result.err).read_text(encoding="utf-8")
    assert log.startswith(f"Reflect {__version__}\n")
    assert "Traceback (most recent call last):" in log
    assert "in explode" in log
    assert log.rstrip().endswith("RuntimeError: a bug planted by the test")


def test_a_bug_while_writing_leaves_the_journal_as_it_was(
    reflect: Reflect, monkeypatch: pytest.MonkeyPatch
) -> None:
    inquiry_id = reflect.add_inquiry("How might we own delays?")
    before = reflect.snapshot()
    monkeypatch.setattr(InquiryService, "set_status", explode)

    result = reflect("inquiry", "status", inquiry_id, "paused")

    assert result.code == 70
    crash_log(reflect, result.err)
    monkeypatch.undo()
    assert reflect.snapshot() == before


def test_with_debug_a_bug_raises_and_writes_no_log(
    reflect: Reflect, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(EntryService, "page", explode)

    with pytest.raises(RuntimeError, match="a bug planted by the test"):
        reflect("--debug", "list")

    assert not (reflect.data_dir / "logs").exists()


def test_a_second_crash_does_not_overwrite_the_first_log(
    reflect: Reflect, monkeypatch: pytest.MonkeyPatch
) -> None:
    class FrozenClock(datetime):
        """Two crashes within the same second."""

        @classmethod
        def now(cls, tz: Any = None) -> FrozenClock:
            return cls(2026, 3, 1, 9, 0, 0, 123456, tzinfo=UTC)

    monkeypatch.setattr(crash_module, "datetime", FrozenClock)
    monkeypatch.setattr(EntryService, "page", explode)
    monkeypatch.setattr(InquiryService, "all", explode)

    first = crash_log(reflect, reflect("list").err)
    first_text = first.read_text(encoding="utf-8")
    second = crash_log(reflect, reflect("inquiry", "list").err)

    assert second != first
    assert first.read_text(encoding="utf-8") == first_text
    assert "in inquiry_list" in second.read_text(encoding="utf-8")
