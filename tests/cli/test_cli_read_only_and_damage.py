"""A journal on read-only media is read, never written; damage inside the file is noticed.

As root (CI), the read-only folder is a real read-only bind mount (``mounts.ReadOnlySwitch``),
where SQLite cannot make its ``-wal``/``-shm`` files; otherwise the folder and the file are
made read-only with chmod.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_harness import Reflect, assert_one_error

from app_fixtures import flip_middle
from mounts import ReadOnlySwitch
from reflect.app import open_app
from reflect.messages import Msg
from reflect.paths import resolve_paths
from reflect.storage import database, schema

pytest_plugins = ("cli_fixtures",)

ENTRIES = 300


def fill(data_dir: Path, entries: int = ENTRIES) -> None:
    """A journal of a few hundred entries, so the middle of the file is entries and index."""
    app = open_app(resolve_paths(data_dir))
    try:
        for n in range(entries):
            app.entries.write(f"Entry {n}: a reflection on the ward huddle, day {n}. " * 8)
    finally:
        app.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def read_only(reflect: Reflect) -> Iterator[ReadOnlySwitch]:
    reflect.data_dir.mkdir()
    switch = ReadOnlySwitch(reflect.data_dir)
    yield switch
    switch.off()


def files_in(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): digest(p) for p in folder.rglob("*") if p.is_file()}


# A read-only journal -------------------------------------------------------------------------


def test_a_read_only_journal_can_be_listed_searched_exported_and_checked(
    reflect: Reflect, read_only: ReadOnlySwitch, tmp_path: Path
) -> None:
    first = reflect.write("Written before the drive was made read-only, about huddles.")
    before = reflect.entries()
    files = files_in(reflect.data_dir)
    read_only.on()

    assert reflect.entries() == before
    assert [e["id"] for e in reflect.json("search", "huddles")] == [first]
    out = tmp_path / "export.json"
    assert reflect.ok("export", "json", "--out", str(out)).code == 0
    assert out.is_file()
    assert reflect.ok("check").out == "ok\n"
    assert reflect.ok("backup", "--out", str(tmp_path / "rescue.db")).code == 0

    # Nothing was made beside the journal: no -wal, no -shm, no backup.
    read_only.off()
    assert files_in(reflect.data_dir) == files


def test_every_write_to_a_read_only_journal_is_refused_with_one_message(
    reflect: Reflect, read_only: ReadOnlySwitch, tmp_path: Path
) -> None:
    first = reflect.write("Written while the folder was writable.")
    backup = reflect.ok("backup", "--out", str(tmp_path / "copy.db")).out.strip()
    jrnl = tmp_path / "journal.txt"
    jrnl.write_text("[2024-01-02 09:00] Imported\nText.\n", encoding="utf-8")
    files = files_in(reflect.data_dir)
    read_only.on()

    for args in (
        ("write", "Written while read-only."),
        ("inquiry", "add", "Asked while read-only?"),
        ("import", "jrnl", str(jrnl)),
        ("backup",),
        ("restore", backup),
    ):
        assert_one_error(reflect(*args), Msg.JOURNAL_READ_ONLY, path=reflect.data_dir)

    read_only.off()
    assert files_in(reflect.data_dir) == files
    assert [e["id"] for e in reflect.entries()] == [first]


def test_a_read_only_journal_is_not_backed_up_on_open(
    reflect: Reflect, read_only: ReadOnlySwitch
) -> None:
    reflect.write("Written while the folder was writable.")
    shutil.rmtree(reflect.data_dir / "backups", ignore_errors=True)  # the day's copy is due
    read_only.on()

    result = reflect.ok("list")

    assert result.err == ""  # no warning about a backup that could not be made
    read_only.off()
    assert not (reflect.data_dir / "backups").exists()


def test_a_read_only_journal_that_needs_updating_is_refused_untouched(
    reflect: Reflect, read_only: ReadOnlySwitch, monkeypatch: pytest.MonkeyPatch
) -> None:
    reflect.write("Written by this version.")
    files = files_in(reflect.data_dir)
    read_only.on()
    # A newer Reflect: one more migration step than the journal has.
    newer = (*schema.STEPS, lambda db: None)
    monkeypatch.setattr(schema, "STEPS", newer)
    monkeypatch.setattr(database.schema, "STEPS", newer)
    monkeypatch.setattr(database.open_store, "__kwdefaults__", {"steps": newer})

    result = reflect("list")

    db = reflect.data_dir / "journal.db"
    assert_one_error(result, Msg.JOURNAL_READ_ONLY_OLD, path=db, folder=reflect.data_dir)
    read_only.off()
    assert files_in(reflect.data_dir) == files


# A damaged journal ---------------------------------------------------------------------------


def test_flipped_bytes_in_the_middle_are_noticed_by_list_and_check(reflect: Reflect) -> None:
    fill(reflect.data_dir)
    backup = reflect.ok("backup").out.strip()
    db = reflect.data_dir / "journal.db"
    flip_middle(db)
    damaged = digest(db)

    listed = reflect("list")
    checked = reflect("check")

    assert_one_error(listed, Msg.DB_CORRUPT, path=db, backup=backup)
    assert listed.out == ""  # not one entry printed as if all were well
    assert_one_error(checked, Msg.DB_CORRUPT, path=db, backup=backup)
    assert digest(db) == damaged  # the checks changed nothing
    assert_one_error(reflect("search", "huddle"), Msg.DB_CORRUPT, path=db, backup=backup)

    reflect.ok("restore", backup)
    assert reflect.ok("check").out == "ok\n"
    assert len(reflect.entries()) == ENTRIES


def test_damage_after_a_passed_check_is_still_noticed(reflect: Reflect) -> None:
    """The quick check is skipped only for a file unchanged since it passed."""
    fill(reflect.data_dir)
    backup = reflect.ok("backup").out.strip()
    assert len(reflect.entries()) == ENTRIES  # passes the quick check, which is remembered
    db = reflect.data_dir / "journal.db"
    flip_middle(db)

    assert_one_error(reflect("list"), Msg.DB_CORRUPT, path=db, backup=backup)
