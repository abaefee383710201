"""``reflect export pdf``: what is printed, in what order, and one clear error for bad input.

The PDF's text is read back with poppler's ``pdftotext`` (installed by .ci/run). In-process runs
use pytest-qt's ``qapp`` so the test session's one Qt application is a full QApplication; the
subprocess test shows the command working with no display at all.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from cli_harness import Reflect, assert_one_error, run_process

from fakes import FakeClock
from reflect.app import App
from reflect.messages import Msg

pytest_plugins = ("cli_fixtures",)


def pdf_text(path: Path) -> str:
    assert shutil.which("pdftotext"), "poppler-utils is needed (.ci/run installs it)"
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    # No ligatures (ﬁ, ﬂ) in the text: "first" copied or searched in a PDF reader is "first".
    assert "\ufb01" not in done.stdout and "\ufb02" not in done.stdout
    return done.stdout


def order_of(text: str, *words: str) -> list[int]:
    return [text.index(word) for word in words]


@pytest.fixture
def journal(app: App, clock: FakeClock) -> dict[str, str]:
    """Three entries a day apart (written out of title order), one inquiry linking two."""
    inquiry = app.inquiries.add("How do I listen better?", why="Teams talk less when I talk more")
    ids = {"inquiry": inquiry.id}
    for key, title, linked in (
        ("first", "Alpha morning", True),
        ("second", "Bravo huddle", False),
        ("third", "Charlie review", True),
    ):
        entry = app.entries.write(
            f"Body of {title}.",
            title=title,
            tags=["listening"],
            inquiry_id=inquiry.id if linked else None,
        )
        ids[key] = entry.id
        clock.advance(days=1)
    app.actions.add("Ask one more question each huddle", inquiry_id=inquiry.id)
    return ids


def test_export_pdf_prints_every_entry_in_the_order_written(
    reflect: Reflect, journal: dict[str, str], tmp_path: Path, qapp: object
) -> None:
    out = tmp_path / "journal.pdf"
    result = reflect.ok("export", "pdf", "--out", str(out))
    assert result.out == f"Printed 3 entries to {out}.\n"
    text = pdf_text(out)
    positions = order_of(text, "Alpha morning", "Bravo huddle", "Charlie review")
    assert positions == sorted(positions)
    assert "Body of Bravo huddle." in text
    assert "2026-03-01 to 2026-03-03" in text
    assert stat.S_IMODE(out.stat().st_mode) & 0o077 == 0  # owner-only
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".journal.pdf")] == []


def test_export_pdf_of_chosen_entries_keeps_the_order_written(
    reflect: Reflect, journal: dict[str, str], tmp_path: Path, qapp: object
) -> None:
    out = tmp_path / "two.pdf"
    reflect.ok("export", "pdf", "--out", str(out), "--entry", journal["third"][:8], "--entry",
               journal["first"])  # fmt: skip
    text = pdf_text(out)
    assert order_of(text, "Alpha morning", "Charlie review") == sorted(
        order_of(text, "Alpha morning", "Charlie review")
    )
    assert "Bravo huddle" not in text


def test_export_pdf_of_an_inquiry_holds_its_question_actions_and_linked_entries_only(
    reflect: Reflect, journal: dict[str, str], tmp_path: Path, qapp: object
) -> None:
    out = tmp_path / "inquiry.pdf"
    result = reflect.ok("export", "pdf", "--out", str(out), "--inquiry", journal["inquiry"])
    assert result.out == f"Printed 2 entries to {out}.\n"
    text = pdf_text(out)
    assert "How do I listen better?" in text
    assert "Teams talk less when I talk more" in text
    assert "Ask one more question each huddle" in text
    assert "Alpha morning" in text and "Charlie review" in text
    assert "Bravo huddle" not in text


def test_export_pdf_since_and_until_narrow_the_entries_by_day(
    reflect: Reflect, journal: dict[str, str], tmp_path: Path, qapp: object
) -> None:
    out = tmp_path / "range.pdf"
    reflect.ok("export", "pdf", "--out", str(out), "--since", "2026-03-02", "--until", "2026-03-02")
    text = pdf_text(out)
    assert "Bravo huddle" in text
    assert "Alpha morning" not in text and "Charlie review" not in text
    reflect.ok("export", "pdf", "--out", str(out), "--since", "2026-03-02")
    assert "Alpha morning" not in pdf_text(out)
    assert "Charlie review" in pdf_text(out)


def test_unknown_entry_or_inquiry_is_one_message_and_no_file(
    reflect: Reflect, journal: dict[str, str], tmp_path: Path, qapp: object
) -> None:
    out = tmp_path / "never.pdf"
    result = reflect("export", "pdf", "--out", str(out), "--entry", "ffffffff")
    assert_one_error(result, Msg.ENTRY_NOT_FOUND, id="ffffffff")
    result = reflect("export", "pdf", "--out", str(out), "--inquiry", "ffffffff")
    assert_one_error(result, Msg.INQUIRY_NOT_FOUND, id="ffffffff")
    result = reflect("export", "pdf", "--out", str(out), "--since", "2030-01-01")
    assert_one_error(result, Msg.NOTHING_TO_PRINT)
    result = reflect("export", "pdf", "--out", str(out), "--since", "yesterday")
    assert_one_error(result, Msg.BAD_DATE, value="yesterday")
    assert list(tmp_path.glob("*.pdf")) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_unwritable_folder_is_one_message_and_nothing_left_behind(
    reflect: Reflect, journal: dict[str, str], tmp_path: Path, qapp: object
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = reflect("export", "pdf", "--out", str(locked / "out.pdf"))
    finally:
        locked.chmod(0o700)
    assert_one_error(result)
    assert "out.pdf" in result.err
    assert list(locked.iterdir()) == []


def test_out_inside_a_file_is_one_message_and_nothing_left_behind(
    reflect: Reflect, journal: dict[str, str], tmp_path: Path, qapp: object
) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("a file, not a folder")
    result = reflect("export", "pdf", "--out", str(not_a_folder / "out.pdf"))
    assert_one_error(result)
    assert "out.pdf" in result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal", "notes.txt", "scratch"]


def test_pdf_options_are_refused_for_other_formats(reflect: Reflect, tmp_path: Path) -> None:
    result = reflect("export", "json", "--out", str(tmp_path / "j.json"), "--since", "2026-01-01")
    assert result.code == 2
    assert "--since is only for pdf." in result.err
    assert not (tmp_path / "j.json").exists()


def test_export_pdf_runs_with_no_display(
    reflect: Reflect, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reflect.write("# Written far from any screen\nOver ssh.")
    out = tmp_path / "headless.pdf"
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):  # as over ssh or in cron
        monkeypatch.delenv(name, raising=False)
    done = run_process("--data-dir", str(reflect.data_dir), "export", "pdf", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "Written far from any screen" in pdf_text(out)
