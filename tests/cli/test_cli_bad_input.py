"""Bad files and arguments: one clear line on stderr, exit code 1, no traceback, nothing changed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cli_harness import SAMPLES, Reflect, Result, assert_one_error

from reflect.messages import Msg

pytest_plugins = ("cli_fixtures",)

GOOD_JRNL = "[2024-01-10 09:00] A good entry\nIt reads fine.\n\n"


@pytest.fixture
def journal(reflect: Reflect) -> dict[str, Any]:
    """A journal with some of everything; returns its contents before the bad command."""
    inquiry_id = reflect.add_inquiry("How might we own discharge delays?")
    reflect.write("# Before\nWritten first.", "--inquiry", inquiry_id, "--tag", "kept")
    reflect.ok("import", "jrnl", str(SAMPLES / "jrnl" / "journal.txt"))
    return reflect.snapshot()


def run_and_check_unchanged(reflect: Reflect, before: dict[str, Any], *args: str) -> Result:
    result = reflect(*args)
    assert reflect.snapshot() == before
    return result


def assert_malformed(result: Result, path: Path, format_label: str, *details: str) -> None:
    assert_one_error(result)
    assert result.err.startswith(f"Error: {path} is not a valid {format_label} file: ")
    assert result.err.endswith(". Nothing was imported.\n")
    for detail in details:
        assert detail in result.err


def test_jrnl_with_text_before_the_first_entry(
    reflect: Reflect, journal: dict[str, Any], tmp_path: Path
) -> None:
    bad = tmp_path / "journal.txt"
    bad.write_text("My notes from the week\n" + GOOD_JRNL, encoding="utf-8")

    result = run_and_check_unchanged(reflect, journal, "import", "jrnl", str(bad))

    assert_malformed(result, bad, "jrnl", "line 1", "[YYYY-MM-DD HH:MM]")


def test_jrnl_that_goes_bad_after_good_entries_imports_none_of_them(
    reflect: Reflect, journal: dict[str, Any], tmp_path: Path
) -> None:
    bad = tmp_path / "journal.txt"
    bad.write_text(GOOD_JRNL + "[2024-02-30 09:00] No such day\nText.\n", encoding="utf-8")

    result = run_and_check_unchanged(reflect, journal, "import", "jrnl", str(bad))

    assert_malformed(result, bad, "jrnl", "line 4", "2024-02-30 09:00")


def test_truncated_day_one_json(reflect: Reflect, journal: dict[str, Any], tmp_path: Path) -> None:
    whole = (SAMPLES / "dayone" / "Journal.json").read_bytes()
    bad = tmp_path / "Journal.json"
    bad.write_bytes(whole[: len(whole) // 2])

    result = run_and_check_unchanged(reflect, journal, "import", "dayone", str(bad))

    assert_malformed(result, bad, "Day One")


def test_reflect_json_with_the_wrong_format(
    reflect: Reflect, journal: dict[str, Any], tmp_path: Path
) -> None:
    bad = tmp_path / "other.json"
    bad.write_text(json.dumps({"format": "someone-elses-journal", "version": 1}), "utf-8")

    result = run_and_check_unchanged(reflect, journal, "import", "json", str(bad))

    assert_malformed(result, bad, "Reflect JSON", '"format"', '"reflect-journal"')


def test_reflect_json_from_a_newer_version(
    reflect: Reflect, journal: dict[str, Any], tmp_path: Path
) -> None:
    newer = tmp_path / "newer.json"
    document = {"format": "reflect-journal", "version": 99, "entries": [], "inquiries": []}
    newer.write_text(json.dumps(document), encoding="utf-8")

    result = run_and_check_unchanged(reflect, journal, "import", "json", str(newer))

    assert_one_error(result, Msg.FILE_TOO_NEW, path=newer, version=99)
    assert "newer version" in result.err


def test_reflect_json_with_one_bad_item_imports_nothing(
    reflect: Reflect, journal: dict[str, Any], tmp_path: Path
) -> None:
    stamp = "2026-01-05T09:00:00.000000+00:00"
    good = {"id": "11111111-1111-4111-8111-111111111111", "created": stamp, "body": "Fine."}
    bad_item = {"id": "22222222-2222-4222-8222-222222222222", "created": "last Tuesday"}
    bad = tmp_path / "export.json"
    document = {"format": "reflect-journal", "version": 1, "entries": [good, bad_item]}
    bad.write_text(json.dumps(document), encoding="utf-8")

    result = run_and_check_unchanged(reflect, journal, "import", "json", str(bad))

    assert_malformed(result, bad, "Reflect JSON", "entries item 2")


def test_markdown_folder_with_unclosed_front_matter(
    reflect: Reflect, journal: dict[str, Any], tmp_path: Path
) -> None:
    folder = tmp_path / "vault"
    folder.mkdir()
    (folder / "a-good-note.md").write_text("# Good\nFine.\n", encoding="utf-8")
    (folder / "b-broken.md").write_text("---\ntitle: Broken\n\nNo closing line.\n", "utf-8")

    result = run_and_check_unchanged(reflect, journal, "import", "markdown", str(folder))

    assert_malformed(result, folder, "Markdown", "b-broken.md", "not closed")


@pytest.mark.parametrize(
    ("format_name", "name", "good_start", "bad_rest"),
    [
        ("jrnl", "journal.txt", GOOD_JRNL.encode() + b"[2024-01-11 09:00] caf", b"\xe9\n"),
        ("dayone", "Journal.json", b'{"entries": [{"text": "caf', b'\xe9"}]}'),
        ("json", "export.json", b'{"format": "reflect-journal', b'\xff"}'),
    ],
)
def test_a_file_that_is_not_utf8(
    reflect: Reflect,
    journal: dict[str, Any],
    tmp_path: Path,
    format_name: str,
    name: str,
    good_start: bytes,
    bad_rest: bytes,
) -> None:
    bad = tmp_path / name
    bad.write_bytes(good_start + bad_rest)

    result = run_and_check_unchanged(reflect, journal, "import", format_name, str(bad))

    assert_one_error(result, Msg.FILE_NOT_UTF8, path=bad, offset=len(good_start))


def test_a_markdown_note_that_is_not_utf8_is_named(
    reflect: Reflect, journal: dict[str, Any], tmp_path: Path
) -> None:
    folder = tmp_path / "vault"
    folder.mkdir()
    (folder / "good.md").write_text("Fine.\n", encoding="utf-8")
    (folder / "latin1.md").write_bytes(b"Caf\xe9 notes\n")

    result = run_and_check_unchanged(reflect, journal, "import", "markdown", str(folder))

    assert_one_error(result, Msg.FILE_NOT_UTF8, path=folder / "latin1.md", offset=3)


def test_an_unknown_import_format(
    reflect: Reflect, journal: dict[str, Any], tmp_path: Path
) -> None:
    source = tmp_path / "notes.enex"
    source.write_text("<en-export/>", encoding="utf-8")

    result = run_and_check_unchanged(reflect, journal, "import", "evernote", str(source))

    assert_one_error(
        result, Msg.UNKNOWN_FORMAT, name="evernote", choices="jrnl, dayone, markdown, json"
    )


def test_an_unknown_export_format(
    reflect: Reflect, journal: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "journal.docx"

    result = run_and_check_unchanged(reflect, journal, "export", "docx", "--out", str(out))

    assert_one_error(result, Msg.UNKNOWN_FORMAT, name="docx", choices="json, markdown, pdf")
    assert not out.exists()


@pytest.mark.parametrize("format_name", ["jrnl", "dayone", "markdown", "json"])
def test_a_missing_path(
    reflect: Reflect, journal: dict[str, Any], tmp_path: Path, format_name: str
) -> None:
    missing = tmp_path / "nowhere" / "journal"

    result = run_and_check_unchanged(reflect, journal, "import", format_name, str(missing))

    assert_one_error(result, Msg.FILE_NOT_FOUND, path=missing)


def test_markdown_export_into_a_folder_that_is_not_empty(
    reflect: Reflect, journal: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "notes"
    out.mkdir()
    (out / "mine.md").write_text("Someone's own note.\n", encoding="utf-8")

    result = run_and_check_unchanged(reflect, journal, "export", "markdown", "--out", str(out))

    assert_one_error(result, Msg.EXPORT_FOLDER_NOT_EMPTY, path=out)
    assert [p.name for p in out.iterdir()] == ["mine.md"]
    assert (out / "mine.md").read_text(encoding="utf-8") == "Someone's own note.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal", "notes", "scratch"]


def test_markdown_export_onto_a_file(
    reflect: Reflect, journal: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "notes.md"
    out.write_text("keep me\n", encoding="utf-8")

    result = run_and_check_unchanged(reflect, journal, "export", "markdown", "--out", str(out))

    assert_one_error(result, Msg.EXPORT_FOLDER_NOT_EMPTY, path=out)
    assert out.read_text(encoding="utf-8") == "keep me\n"


def test_restore_from_a_file_that_is_not_a_backup(
    reflect: Reflect, journal: dict[str, Any], tmp_path: Path
) -> None:
    bogus = tmp_path / "journal-copy.db"
    bogus.write_text("this is not a database", encoding="utf-8")

    result = run_and_check_unchanged(reflect, journal, "restore", str(bogus))

    assert_one_error(result)
    assert result.err.startswith(f"Error: {bogus} is not a usable Reflect backup: ")
    assert result.err.endswith("Nothing was changed.\n")


def test_restore_from_a_missing_file(
    reflect: Reflect, journal: dict[str, Any], tmp_path: Path
) -> None:
    missing = tmp_path / "gone.db"

    result = run_and_check_unchanged(reflect, journal, "restore", str(missing))

    assert_one_error(result, Msg.FILE_NOT_FOUND, path=missing)
