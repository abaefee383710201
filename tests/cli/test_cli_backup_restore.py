"""``reflect backup``, ``restore``, ``check`` and ``demo``; a damaged journal and its way back."""

from __future__ import annotations

import re
from pathlib import Path

from cli_harness import Reflect, assert_one_error

from reflect.messages import Msg

pytest_plugins = ("cli_fixtures",)

KEPT = re.compile(r"^Restored from (.+)\. The previous journal was kept at (.+)\.$")


def open_copy(reflect: Reflect, backup: Path) -> Path:
    """A new data folder holding the backup, to look inside it without touching the journal."""
    view = reflect.data_dir.parent / f"view-{backup.stem}"
    view.mkdir()
    reflect.ok("restore", str(backup), data_dir=view)
    return view


def damage(db: Path) -> None:
    """Overwrite the start of a closed journal (its header and first pages) with garbage."""
    for suffix in ("-wal", "-shm"):
        assert not Path(f"{db}{suffix}").exists(), "the journal was not closed cleanly"
    with db.open("r+b") as handle:
        handle.write(bytes(range(256)) * 16)


def test_backup_prints_the_path_of_a_usable_copy(reflect: Reflect) -> None:
    entry_id = reflect.write("Worth keeping.")

    printed = reflect.ok("backup").out

    backup = Path(printed.strip())
    assert printed == f"{backup}\n"
    assert backup.is_file()
    assert backup.parent == reflect.data_dir / "backups"
    assert backup.name.startswith("journal-") and backup.name.endswith(".db")
    assert [e["id"] for e in reflect.entries(data_dir=open_copy(reflect, backup))] == [entry_id]


def test_backup_to_a_chosen_path(reflect: Reflect, tmp_path: Path) -> None:
    reflect.write("Worth keeping.")
    out = tmp_path / "elsewhere" / "copy.db"

    result = reflect.ok("backup", "--out", str(out))

    assert result.out == f"{out}\n"
    assert out.is_file()
    # Only the day's automatic copy is in the backups folder; the chosen copy is not.
    assert [b["reason"] for b in reflect.json("backups")] == ["daily"]


def test_restore_brings_back_the_backup_and_keeps_the_journal_it_replaced(
    reflect: Reflect,
) -> None:
    kept_id = reflect.write("Before the backup.")
    backup = reflect.ok("backup").out.strip()
    extra_id = reflect.write("After the backup.")
    inquiry_id = reflect.add_inquiry("A question asked after the backup?")

    result = reflect.ok("restore", backup)

    match = KEPT.match(result.out.strip())
    assert match, result.out
    assert match.group(1) == backup
    previous = Path(match.group(2))
    assert previous.is_file() and previous != Path(backup)
    assert [e["id"] for e in reflect.entries()] == [kept_id]
    assert reflect.json("inquiry", "list") == []
    assert reflect.ok("check").out == "ok\n"
    # The journal that was replaced is a working backup itself.
    view = open_copy(reflect, previous)
    assert [e["id"] for e in reflect.entries(data_dir=view)] == [extra_id, kept_id]
    assert [i["id"] for i in reflect.json("inquiry", "list", data_dir=view)] == [inquiry_id]


def test_restore_into_an_empty_data_folder_keeps_nothing(reflect: Reflect, tmp_path: Path) -> None:
    entry_id = reflect.write("Only entry.")
    backup = reflect.ok("backup").out.strip()
    fresh = tmp_path / "fresh"
    fresh.mkdir()

    result = reflect.ok("restore", backup, data_dir=fresh)

    assert result.out == f"Restored from {backup}.\n"
    assert [e["id"] for e in reflect.entries(data_dir=fresh)] == [entry_id]


def test_restore_into_a_data_folder_that_does_not_exist_yet(
    reflect: Reflect, tmp_path: Path
) -> None:
    # A new computer: the backup comes first, the data folder does not exist yet.
    entry_id = reflect.write("Only entry.")
    backup = reflect.ok("backup").out.strip()
    new_home = tmp_path / "new-computer" / "Reflect"

    result = reflect("restore", backup, data_dir=new_home)

    assert (result.code, result.err) == (0, "")
    assert result.out == f"Restored from {backup}.\n"
    assert [e["id"] for e in reflect.entries(data_dir=new_home)] == [entry_id]


def test_check_prints_ok_for_a_sound_journal(reflect: Reflect) -> None:
    reflect.ok(
        "import", "jrnl", str(Path(__file__).parent.parent / "formats/samples/jrnl/journal.txt")
    )
    reflect.add_inquiry("Is it sound?")

    assert reflect.ok("check").out == "ok\n"


def test_check_on_a_new_data_folder(reflect: Reflect) -> None:
    assert reflect.ok("check").out == "ok\n"


def test_demo_fills_an_empty_folder(reflect: Reflect) -> None:
    result = reflect.ok("demo")

    match = re.fullmatch(r"Added a demo journal \((\d+) items\) in (.+)\.\n", result.out)
    assert match, result.out
    assert Path(match.group(2)) == reflect.data_dir
    entries = reflect.entries()
    inquiries = reflect.json("inquiry", "list")
    assert len(entries) >= 10
    assert {i["status"] for i in inquiries} >= {"active", "stopped"}
    assert int(match.group(1)) >= len(entries) + len(inquiries)
    assert {e["kind"] for e in entries} == {
        "reflection",
        "coaching",
        "progress",
        "note",
        "learning",
    }
    assert reflect.json("search", "relationships")
    assert reflect.ok("check").out == "ok\n"


def test_demo_comes_with_its_programme(reflect: Reflect) -> None:
    reflect.ok("demo")

    (programme,) = reflect.json("programme")
    assert programme["name"] == "Leading Across Systems (demo cohort)"
    events = programme["events"]
    titles = {e["id"]: e["title"] for e in reflect.entries()}
    for event in events:
        assert all(event["title"] in titles[i] or "Trio" in titles[i] for i in event["entries"])
    written = [e for e in events if e["entries"]]
    waiting = [e for e in events if e["waiting"]]
    assert len(written) == 6  # three workshops and three coaching sessions are past
    assert [e["title"] for e in waiting] == ["Workshop 4: inquiry report-backs"]
    assert (reflect.data_dir / "demo" / "demo.reflectpack").is_file()


def test_demo_refuses_a_journal_that_has_writing(reflect: Reflect) -> None:
    reflect.write("My own entry.")
    before = reflect.snapshot()

    result = reflect("demo")

    assert_one_error(result, Msg.JOURNAL_NOT_EMPTY, path=reflect.data_dir)
    assert reflect.snapshot() == before


def test_demo_twice_is_refused(reflect: Reflect) -> None:
    reflect.ok("demo")
    before = reflect.snapshot()

    assert_one_error(reflect("demo"), Msg.JOURNAL_NOT_EMPTY, path=reflect.data_dir)
    assert reflect.snapshot() == before


def test_demo_refuses_a_journal_with_only_an_inquiry(reflect: Reflect) -> None:
    reflect.add_inquiry("Just a question so far?")

    assert_one_error(reflect("demo"), Msg.JOURNAL_NOT_EMPTY, path=reflect.data_dir)
    assert len(reflect.json("inquiry", "list")) == 1
    assert reflect.entries() == []


def test_a_damaged_journal_points_to_the_newest_backup_and_restore_fixes_it(
    reflect: Reflect,
) -> None:
    entry_id = reflect.write("Written before the backup.")
    backup = reflect.ok("backup").out.strip()
    db = reflect.data_dir / "journal.db"
    damage(db)

    for args in (("list",), ("write", "More."), ("check",), ("search", "backup")):
        assert_one_error(reflect(*args), Msg.DB_CORRUPT, path=db, backup=backup)

    result = reflect.ok("restore", backup)

    match = KEPT.match(result.out.strip())
    assert match, result.out
    kept = Path(match.group(2))
    assert kept.is_file() and kept.parent == reflect.data_dir / "backups"
    assert kept.read_bytes()[:4096] == bytes(range(256)) * 16  # the damaged file, set aside
    assert reflect.ok("check").out == "ok\n"
    assert [e["id"] for e in reflect.entries()] == [entry_id]
    reflect.write("Writing again.")


def test_a_damaged_journal_without_backups_says_so(reflect: Reflect) -> None:
    reflect.write("No backup of this.")
    db = reflect.data_dir / "journal.db"
    damage(db)

    assert_one_error(reflect("list"), Msg.DB_CORRUPT_NO_BACKUP, path=db)
    assert db.read_bytes()[:4096] == bytes(range(256)) * 16  # left for the user to rescue


def test_the_backup_suggested_after_a_second_damage_can_be_restored(reflect: Reflect) -> None:
    entry_id = reflect.write("Written before the backup.")
    backup = reflect.ok("backup").out.strip()
    db = reflect.data_dir / "journal.db"
    damage(db)
    reflect.ok("restore", backup)  # sets the damaged file aside in backups/
    damage(db)

    result = reflect("list")

    assert_one_error(result)
    suggested = result.err.rsplit("reflect restore ", 1)[1].strip()
    assert reflect.ok("restore", suggested).code == 0
    assert reflect.ok("check").out == "ok\n"
    assert [e["id"] for e in reflect.entries()] == [entry_id]


def test_the_first_command_of_the_day_copies_the_journal_before_it_runs(
    reflect: Reflect,
) -> None:
    first_id = reflect.write("Written into a new journal.")  # nothing worth copying before it
    assert reflect.json("backups") == []

    reflect.write("The second command of the day.")
    reflect.write("The third.")

    [daily] = reflect.json("backups")
    assert daily["reason"] == "daily"
    backup = Path(daily["path"])
    assert daily["size"] == backup.stat().st_size
    assert backup.parent == reflect.data_dir / "backups"
    assert [e["id"] for e in reflect.entries(data_dir=open_copy(reflect, backup))] == [first_id]


def test_backups_lists_when_why_how_big_and_where(reflect: Reflect) -> None:
    reflect.write("Something to keep.")
    reflect.ok("list")  # takes the daily copy
    manual = reflect.ok("backup").out.strip()

    lines = reflect.ok("backups").out.splitlines()

    line = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d  (daily|manual) +  +[\d.]+ kB  (\S+)$")
    matches = [line.match(text) for text in lines]
    assert all(matches), lines
    assert [(m.group(1), m.group(2)) for m in matches if m] == [
        ("manual", manual),
        ("daily", reflect.json("backups")[1]["path"]),
    ]


def test_backups_says_when_there_are_none(reflect: Reflect) -> None:
    assert reflect.ok("backups").out == "There are no backups yet.\n"


def test_backups_are_listed_while_the_journal_is_damaged(reflect: Reflect) -> None:
    reflect.write("Before the damage.")
    backup = reflect.ok("backup").out.strip()
    damage(reflect.data_dir / "journal.db")

    listed = reflect.json("backups")

    assert backup in [b["path"] for b in listed]


def test_a_daily_copy_that_fails_warns_in_one_line_and_the_command_still_works(
    reflect: Reflect,
) -> None:
    reflect.write("Written into a new journal.")
    (reflect.data_dir / "backups").write_text("a file where the backups folder should be")

    result = reflect("write", "Written all the same.")

    assert result.code == 0
    [warning] = result.err_lines
    backups = reflect.data_dir / "backups"
    assert warning.startswith(
        "Warning: Today's automatic backup was not made (Reflect tries again next time): "
        f"Reflect could not write {backups}/journal-"
    )
    assert [e["body"] for e in reflect.entries()] == [
        "Written all the same.",
        "Written into a new journal.",
    ]


def test_when_the_command_fails_too_its_error_is_the_one_message(reflect: Reflect) -> None:
    reflect.write("Written into a new journal.")
    (reflect.data_dir / "backups").write_text("a file where the backups folder should be")

    result = reflect("inquiry", "status", "ffffffff", "paused")

    assert result.code == 1
    [error] = result.err_lines
    assert error.startswith("Error: ") and "backup" not in error
