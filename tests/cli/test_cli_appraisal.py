"""``reflect appraisal export``: warnings shown and the export refused until they are edited
away or kept; PDF and Markdown read back."""

from __future__ import annotations

import stat
from pathlib import Path

import click
import pytest
from cli_harness import Reflect, assert_one_error
from test_cli_export_pdf import pdf_text

from reflect.messages import Msg

pytest_plugins = ("cli_fixtures",)

GIBBS = (
    "## Description\nA handover went wrong when Dr Jane Smith was called away.\n\n"
    "## Feelings\nAnxious.\n\n## Evaluation\nWe caught it in time.\n\n"
    "## Action plan\nUse SBAR at every handover.\n"
)


def test_warnings_name_entry_field_and_context_and_nothing_is_written(
    reflect: Reflect, tmp_path: Path
) -> None:
    entry = reflect.write(GIBBS, "--framework", "gibbs")
    out = tmp_path / "a.md"
    result = reflect("appraisal", "export", "--form", "nmc", entry[:8], "--out", str(out))
    assert_one_error(result, Msg.APPRAISAL_WARNINGS, count=1)
    assert "Warning: “A handover went wrong when Dr Jane Smith was called away.”, " in result.out
    assert "What was the CPD activity" in result.out
    assert "went wrong when [Dr Jane Smith] was called away" in result.out
    assert "looks like a person's name" in result.out
    assert not out.exists()


def test_keep_warnings_writes_markdown_owner_only(reflect: Reflect, tmp_path: Path) -> None:
    entry = reflect.write(GIBBS, "--framework", "gibbs")
    out = tmp_path / "a.md"
    reflect.ok(
        "appraisal", "export", "--form", "aomrc", entry, "--out", str(out), "--keep-warnings"
    )
    text = out.read_text(encoding="utf-8")
    assert "## Outline of the activity or event\n\nDescription: A handover went wrong" in text
    assert "## Next steps\n\nUse SBAR at every handover." in text
    assert stat.S_IMODE(out.stat().st_mode) & 0o077 == 0


def test_edit_removes_the_hit_and_the_pdf_reads_back(
    reflect: Reflect, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    entry = reflect.write(GIBBS, "--framework", "gibbs")
    plain = reflect.write("# Course\nI went to a course on sepsis.")
    shown: list[str] = []

    def edit(text: str, **_: object) -> str:
        shown.append(text)
        return text.replace("Dr Jane Smith", "the nurse in charge")

    monkeypatch.setattr(click, "edit", edit)
    out = tmp_path / "a.pdf"
    result = reflect.ok(
        "appraisal", "export", "--form", "nmc", entry, plain, "--out", str(out), "--edit"
    )
    assert result.out == f"Wrote 2 accounts to {out}.\n"
    assert len(shown) == 2 and "## What did you learn from it?" in shown[0]
    text = " ".join(pdf_text(out).split())
    for words in (
        "Reflective account 1 of 2",
        "official NMC reflective account form",
        "when the nurse in charge was called away",
        "How did you change or improve your practice as a result? Use SBAR",
        "Reflective account 2 of 2",
        "I went to a course on sepsis.",
        "(Left for you to write.)",
    ):
        assert words in text, words
    assert "Smith" not in text
    assert stat.S_IMODE(out.stat().st_mode) & 0o077 == 0


def test_a_wrong_extension_or_an_unknown_entry_writes_nothing(
    reflect: Reflect, tmp_path: Path
) -> None:
    entry = reflect.write("Plain words.")
    html = tmp_path / "a.html"
    result = reflect("appraisal", "export", "--form", "nmc", entry, "--out", str(html))
    assert_one_error(result, Msg.APPRAISAL_BAD_EXTENSION, name="a.html")
    out = tmp_path / "a.md"
    result = reflect("appraisal", "export", "--form", "nmc", "nosuch", "--out", str(out))
    assert_one_error(result, Msg.ENTRY_NOT_FOUND, id="nosuch")
    assert not html.exists() and not out.exists()
