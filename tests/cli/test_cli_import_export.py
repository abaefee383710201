"""``reflect import`` of every format and ``reflect export`` round trips through fresh journals."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_harness import SAMPLES, Reflect, assert_one_error

from reflect.messages import Msg

pytest_plugins = ("cli_fixtures",)

# Entries each sample holds: the Day One file has one entry without text (skipped) and the
# Markdown folder hides two notes in .obsidian and .trash (skipped).
IMPORTS = [
    ("jrnl", SAMPLES / "jrnl" / "journal.txt", 8),
    ("jrnl", SAMPLES / "jrnl" / "journal.json", 3),
    ("dayone", SAMPLES / "dayone" / "Journal.json", 4),
    ("markdown", SAMPLES / "markdown", 5),
]


def fill_journal(reflect: Reflect, data_dir: Path | None = None) -> None:
    """Inquiries, written entries of every kind and an imported journal."""
    inquiry_id = reflect.add_inquiry("How might we own discharge delays?", data_dir=data_dir)
    reflect.ok(
        "inquiry", "reword", inquiry_id, "What would shared ownership look like?", data_dir=data_dir
    )
    stopped = reflect.add_inquiry("Can one dashboard end the arguments?", data_dir=data_dir)
    reflect.ok("inquiry", "status", stopped, "stopped", "--note", "Wrong goal.", data_dir=data_dir)
    reflect.write(
        "# After workshop 3\nRelationships first.",
        "--inquiry",
        inquiry_id,
        "--tag",
        "workshop",
        data_dir=data_dir,
    )
    reflect.write("# Trio 2\nNotes.", "--kind", "coaching", "--tag", "trio", data_dir=data_dir)
    reflect.write("# Huddle\nDone.", "--kind", "progress", data_dir=data_dir)
    reflect.ok("import", "jrnl", str(SAMPLES / "jrnl" / "journal.txt"), data_dir=data_dir)


@pytest.mark.parametrize(("format_name", "source", "count"), IMPORTS, ids=lambda v: str(v))
def test_import_prints_the_count_and_a_second_import_adds_nothing(
    reflect: Reflect, format_name: str, source: Path, count: int
) -> None:
    first = reflect.ok("import", format_name, str(source))

    assert first.out == f"Imported {count} items.\n"
    entries = reflect.entries()
    assert len(entries) == count

    second = reflect.ok("import", format_name, str(source))

    assert second.out == f"Imported 0 items ({count} already there).\n"
    assert reflect.entries() == entries


def test_imported_jrnl_entries_keep_titles_tags_and_dates(reflect: Reflect) -> None:
    reflect.ok("import", "jrnl", str(SAMPLES / "jrnl" / "journal.txt"))

    entries = {e["title"]: e for e in reflect.entries()}
    sponsor = entries["Sponsor conversation went better than expected"]
    assert sponsor["tags"] == ["sponsorship"]
    assert sponsor["kind"] == "note"
    assert sponsor["body"].startswith("The deputy chief nurse agreed")
    starred = entries["First PDSA cycle: expected date of discharge on the board round"]
    assert "starred" in starred["tags"]


def test_a_jrnl_text_and_its_json_export_are_the_same_entries(reflect: Reflect) -> None:
    reflect.ok("import", "jrnl", str(SAMPLES / "jrnl" / "journal.txt"))

    result = reflect.ok("import", "jrnl", str(SAMPLES / "jrnl" / "journal.json"))

    assert result.out == "Imported 1 item (2 already there).\n"
    assert len(reflect.entries()) == 9


def test_json_export_then_import_into_a_fresh_journal_is_identical(
    reflect: Reflect, tmp_path: Path
) -> None:
    fill_journal(reflect)
    out = tmp_path / "export" / "journal.json"

    exported = reflect.ok("export", "json", "--out", str(out))

    assert exported.out == f"Exported 11 entries to {out}.\n"
    fresh = tmp_path / "fresh"
    imported = reflect.ok("import", "json", str(out), data_dir=fresh)
    assert imported.out == "Imported 13 items.\n"  # 2 inquiries and 11 entries
    assert reflect.entries(data_dir=fresh) == reflect.entries()
    assert reflect.json("inquiry", "list", data_dir=fresh) == reflect.json("inquiry", "list")
    assert reflect.snapshot(data_dir=fresh) == reflect.snapshot()

    again = reflect.ok("import", "json", str(out), data_dir=fresh)
    assert again.out == "Imported 0 items (13 already there).\n"


def test_json_export_replaces_an_older_file_whole(reflect: Reflect, tmp_path: Path) -> None:
    out = tmp_path / "journal.json"
    out.write_text("old contents", encoding="utf-8")
    reflect.write("Only entry.")

    reflect.ok("export", "json", "--out", str(out))

    assert '"format": "reflect-journal"' in out.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".journal.json")] == []


def test_markdown_export_writes_one_file_per_entry(reflect: Reflect, tmp_path: Path) -> None:
    fill_journal(reflect)
    out = tmp_path / "notes"

    result = reflect.ok("export", "markdown", "--out", str(out))

    assert result.out == f"Exported 11 entries to {out}.\n"
    files = sorted(out.iterdir())
    assert len(files) == 11
    assert all(f.suffix == ".md" for f in files)
    texts = [f.read_text(encoding="utf-8") for f in files]
    for entry in reflect.entries():
        (text,) = [t for t in texts if f'id: "{entry["id"]}"' in t]
        assert text.startswith("---\n")
        assert entry["body"] in text
    (workshop,) = [t for t in texts if "# After workshop 3" in t]
    assert 'tags: ["workshop"]' in workshop
    assert 'question: "What would shared ownership look like?"' in workshop


def test_markdown_export_reimports_into_a_fresh_journal(reflect: Reflect, tmp_path: Path) -> None:
    for n, kind in enumerate(["reflection", "coaching", "progress", "note"]):
        reflect.write(f"# Entry {n}\nBody of entry {n}.\n\nSecond paragraph.", "--kind", kind)
    reflect.write("# Tagged\nWith tags.", "--tag", "trio", "--tag", "Workshop")
    out = tmp_path / "notes"
    reflect.ok("export", "markdown", "--out", str(out))

    fresh = tmp_path / "fresh"
    result = reflect.ok("import", "markdown", str(out), data_dir=fresh)

    assert result.out == "Imported 5 items.\n"
    assert reflect.entries(data_dir=fresh) == reflect.entries()
    again = reflect.ok("import", "markdown", str(out), data_dir=fresh)
    assert again.out == "Imported 0 items (5 already there).\n"


def test_markdown_round_trip_drops_an_inquiry_link_the_fresh_journal_lacks(
    reflect: Reflect, tmp_path: Path
) -> None:
    inquiry_id = reflect.add_inquiry("How might we own discharge delays?")
    entry_id = reflect.write("# Linked\nText.", "--inquiry", inquiry_id)
    out = tmp_path / "notes"
    reflect.ok("export", "markdown", "--out", str(out))
    # Without its question (edited out, or an export from before version 2), the note names
    # an inquiry the fresh journal has no way to add.
    [note] = out.iterdir()
    text = note.read_text(encoding="utf-8")
    note.write_text(
        "".join(line for line in text.splitlines(True) if not line.startswith("question:")),
        encoding="utf-8",
    )

    fresh = tmp_path / "fresh"
    reflect.ok("import", "markdown", str(out), data_dir=fresh)

    (entry,) = reflect.entries(data_dir=fresh)
    assert (entry["id"], entry["title"], entry["inquiry_id"]) == (entry_id, "Linked", None)


def test_markdown_round_trip_keeps_an_untitled_entry_untitled(
    reflect: Reflect, tmp_path: Path
) -> None:
    # An entry written without a heading has no title; lists show its first line instead.
    reflect.write("Relationships first, measures second.\n\nMore thoughts.")
    before = reflect.entries()
    assert before[0]["title"] == "Relationships first, measures second."
    out = tmp_path / "notes"
    reflect.ok("export", "markdown", "--out", str(out))

    fresh = tmp_path / "fresh"
    reflect.ok("import", "markdown", str(out), data_dir=fresh)

    assert reflect.entries(data_dir=fresh) == before


def test_skip_invalid_imports_the_good_notes_and_lists_each_bad_one(
    reflect: Reflect, tmp_path: Path
) -> None:
    folder = tmp_path / "vault"
    (folder / "notes").mkdir(parents=True)
    (folder / "a-good.md").write_text("---\ndate: 2024-02-28\n---\n# Good one\n", "utf-8")
    (folder / "notes" / "bad.md").write_text("---\ndate: 2024-02-30\n---\n# Bad\n", "utf-8")
    (folder / "odd.md").write_text("---\nbase: &b x\ncopy: *b\n---\n# Odd\n", "utf-8")
    (folder / "z-good.md").write_text("---\ndate: 2024-03-01\n---\n# Good two\n", "utf-8")

    refused = reflect("import", "markdown", str(folder))

    assert_one_error(refused)
    assert "notes/bad.md: date '2024-02-30' is not a date" in refused.err
    assert reflect.entries() == []

    result = reflect.ok("import", "markdown", str(folder), "--skip-invalid")

    assert result.out == (
        "Imported 2 items.\n"
        "Left out 2 notes that could not be read:\n"
        "notes/bad.md: date '2024-02-30' is not a date (use YYYY-MM-DD, YYYY-MM-DD HH:MM "
        "or ISO 8601)\n"
        "odd.md: line 2: YAML anchors (&) and aliases (*) are not supported\n"
    )
    assert sorted(e["title"] for e in reflect.entries()) == ["Good one", "Good two"]


def test_skip_invalid_is_refused_for_a_jrnl_file(reflect: Reflect) -> None:
    result = reflect("import", "jrnl", str(SAMPLES / "jrnl" / "journal.txt"), "--skip-invalid")

    assert_one_error(result, Msg.SKIP_INVALID_UNSUPPORTED, format="jrnl")
    assert reflect.entries() == []
