"""Everything Reflect keeps is readable by its owner only (POSIX), whatever the umask says.

A journal names colleagues and hard moments: the database, its WAL, backups, a damaged copy kept
aside, the key file, crash logs and exports are created mode 600 in folders of mode 700, and files
an older Reflect left readable by others are tightened when the journal is next opened.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from reflect.app import open_app
from reflect.crash import write_crash_log
from reflect.paths import Paths
from reflect.services.backups import restore_closed_journal
from reflect.storage.restore import keep_damaged_copy

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    # The loosest common umask: anything not made private on purpose shows up as 644/755.
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def loose(root: Path) -> list[str]:
    """Every file or folder under ``root`` that someone other than its owner could read."""
    return sorted(
        f"{oct(mode(path))} {path.relative_to(root)}"
        for path in [root, *root.rglob("*")]
        if mode(path) & 0o077
    )


def paths_in(root: Path) -> Paths:
    return Paths(root / "data", root / "data" / "config", root / "data" / "logs")


def test_a_new_journal_its_wal_and_its_backups_are_owner_only(tmp_path: Path) -> None:
    paths = paths_in(tmp_path)
    app = open_app(paths)
    try:
        app.entries.write("A private thought about a colleague")
        backup = app.backups.backup()
        assert (paths.data_dir / "journal.db-wal").exists()  # the WAL is checked too
        assert loose(paths.data_dir) == []
    finally:
        app.close()
    restore_closed_journal(paths, backup)  # the restored journal, and the copy kept aside
    keep_damaged_copy(paths.db_path, paths.backups_dir)

    assert loose(paths.data_dir) == []


def test_files_an_older_reflect_left_open_are_tightened_on_opening(tmp_path: Path) -> None:
    paths = paths_in(tmp_path)
    open_app(paths).close()
    backup_dir = paths.backups_dir
    backup_dir.mkdir(exist_ok=True)
    old_backup = backup_dir / "journal-20250101T000000000000Z-manual.db"
    old_backup.write_bytes(b"")
    for path in (paths.db_path, old_backup):
        path.chmod(0o644)
    backup_dir.chmod(0o755)

    open_app(paths).close()

    assert mode(paths.db_path) == 0o600 and mode(old_backup) == 0o600
    assert mode(backup_dir) == 0o700


def test_a_chosen_folder_that_already_existed_keeps_its_own_mode(tmp_path: Path) -> None:
    # --data-dir may name a folder the user made for other things too: Reflect tightens what it
    # made and its own files there, not the user's folder or anything else in it.
    chosen = tmp_path / "Documents"
    chosen.mkdir(mode=0o755)
    theirs = chosen / "shopping.txt"
    theirs.write_text("milk")
    paths = Paths(chosen, chosen / "config", chosen / "logs")

    open_app(paths).close()

    assert mode(chosen) == 0o755 and mode(theirs) == 0o644
    assert mode(paths.db_path) == 0o600


def test_a_crash_log_is_owner_only(tmp_path: Path) -> None:
    where = write_crash_log(tmp_path / "logs", RuntimeError("boom"))

    assert where is not None and loose(tmp_path / "logs") == []
