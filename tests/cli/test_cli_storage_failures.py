"""A read-only data folder and a full disk: one clear line, and the journal as it was.

As root, a read-only bind mount and a tiny tmpfs give the real errors (root ignores file modes);
otherwise the folder is made read-only with chmod and the full disk is skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_harness import Reflect, Result, assert_one_error, error_line

from reflect.messages import Msg

pytest_plugins = ("cli_fixtures",)

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
BIG_TEXT = " ".join(f"filler{n}" for n in range(4000))  # about 40 kB per entry


def mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True, text=True, timeout=30)


def umount(folder: Path) -> None:
    subprocess.run(["umount", str(folder)], check=False, capture_output=True, timeout=30)


def try_mount(*args: str) -> str | None:
    """Mount; return why it failed, or None when it worked."""
    if shutil.which("mount") is None:
        return "the mount command is missing"
    try:
        mount(*args)
    except subprocess.CalledProcessError as exc:
        return f"mount {' '.join(args)} failed: {exc.stderr.strip()}"
    return None


class ReadOnlySwitch:
    """Makes one folder read-only and writable again (a bind mount as root, else chmod)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.mounted = False

    def on(self) -> None:
        if IS_ROOT:
            problem = try_mount("--bind", str(self.folder), str(self.folder))
            if problem:
                pytest.skip(f"needs a read-only bind mount as root: {problem}")
            self.mounted = True
            problem = try_mount("-o", "remount,ro,bind", str(self.folder))
            if problem:
                pytest.skip(f"needs a read-only bind mount as root: {problem}")
        else:
            self.folder.chmod(0o555)

    def off(self) -> None:
        if self.mounted:
            umount(self.folder)
            self.mounted = False
        if self.folder.exists():
            self.folder.chmod(0o755)


@pytest.fixture
def switches() -> Iterator[list[ReadOnlySwitch]]:
    """Every folder made read-only in a test; all writable (and unmounted) again afterwards."""
    made: list[ReadOnlySwitch] = []
    yield made
    for switch in reversed(made):
        switch.off()


@pytest.fixture
def read_only(reflect: Reflect, switches: list[ReadOnlySwitch]) -> ReadOnlySwitch:
    """Switches the data folder between read-only and writable."""
    reflect.data_dir.mkdir()
    switches.append(ReadOnlySwitch(reflect.data_dir))
    return switches[-1]


@pytest.fixture
def small_disk(reflect: Reflect) -> Iterator[Path]:
    """The data folder on a 1 MB tmpfs of its own (a new journal alone takes about 300 kB)."""
    if not IS_ROOT:
        pytest.skip("a full disk needs root to mount a small tmpfs; not running as root")
    folder = reflect.data_dir
    folder.mkdir()
    problem = try_mount("-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder))
    if problem:
        pytest.skip(f"a full disk needs a small tmpfs: {problem}")
    yield folder
    umount(folder)


def fill_up(reflect: Reflect) -> tuple[list[str], Result]:
    """Write big entries until one fails; return the ids written and the failed result."""
    written: list[str] = []
    for _ in range(100):
        result = reflect("write", BIG_TEXT)
        if result.code:
            return written, result
        written.append(result.out.strip())
    pytest.fail("the disk never filled up")


def test_writing_into_a_read_only_folder(reflect: Reflect, read_only: ReadOnlySwitch) -> None:
    first = reflect.write("Written while the folder was writable.")
    read_only.on()

    result = reflect("write", "Written while read-only.")

    assert_one_error(result, Msg.READ_ONLY, path=reflect.data_dir)
    read_only.off()
    assert [e["id"] for e in reflect.entries()] == [first]
    assert reflect.ok("check").out == "ok\n"


def test_a_read_only_folder_with_backups_is_not_called_damaged(
    reflect: Reflect, read_only: ReadOnlySwitch
) -> None:
    first = reflect.write("Written while the folder was writable.")
    reflect.ok("backup")
    read_only.on()

    result = reflect("inquiry", "add", "Asked while read-only?")

    assert_one_error(result, Msg.READ_ONLY, path=reflect.data_dir)
    read_only.off()
    assert [e["id"] for e in reflect.entries()] == [first]
    assert reflect.json("inquiry", "list") == []


def test_reading_a_read_only_journal_works_or_says_why(
    reflect: Reflect, read_only: ReadOnlySwitch
) -> None:
    reflect.write("Written while the folder was writable.")
    before = reflect.entries()
    read_only.on()

    result = reflect("list", "--json")

    if result.code == 0:
        assert result.json() == before
    else:
        assert_one_error(result, Msg.READ_ONLY, path=reflect.data_dir)


def test_a_new_journal_in_a_read_only_folder(reflect: Reflect, read_only: ReadOnlySwitch) -> None:
    read_only.on()

    result = reflect("write", "First words.")

    assert_one_error(result, Msg.READ_ONLY, path=reflect.data_dir)
    assert list(reflect.data_dir.iterdir()) == []


def test_a_data_folder_that_cannot_be_created(reflect: Reflect, read_only: ReadOnlySwitch) -> None:
    read_only.on()
    inside = reflect.data_dir / "journal"

    result = reflect("write", "First words.", data_dir=inside)

    assert_one_error(result, Msg.READ_ONLY, path=inside)
    assert not inside.exists()


def test_restoring_into_a_read_only_folder(reflect: Reflect, read_only: ReadOnlySwitch) -> None:
    first = reflect.write("Before the backup.")
    backup = reflect.ok("backup", "--out", str(reflect.data_dir.parent / "copy.db")).out.strip()
    reflect.write("After the backup.")
    before = reflect.snapshot()
    read_only.on()

    result = reflect("restore", backup)

    assert_one_error(result, Msg.READ_ONLY, path=reflect.data_dir)
    read_only.off()
    assert reflect.snapshot() == before
    assert first in {e["id"] for e in reflect.entries()}


def test_exporting_into_a_read_only_folder(
    reflect: Reflect, switches: list[ReadOnlySwitch], tmp_path: Path
) -> None:
    reflect.write("Something to export.")
    out_dir = tmp_path / "usb-stick"
    out_dir.mkdir()
    switches.append(ReadOnlySwitch(out_dir))
    switches[-1].on()

    json_result = reflect("export", "json", "--out", str(out_dir / "journal.json"))
    markdown_result = reflect("export", "markdown", "--out", str(out_dir / "notes"))

    assert_one_error(json_result, Msg.READ_ONLY, path=out_dir)
    assert_one_error(markdown_result)
    # Naming either the read-only folder or the new folder that could not be made is clear.
    assert markdown_result.err in {
        error_line(Msg.READ_ONLY, path=out_dir),
        error_line(Msg.READ_ONLY, path=out_dir / "notes"),
    }
    assert list(out_dir.iterdir()) == []


def test_a_full_disk_says_so_and_keeps_what_was_saved(reflect: Reflect, small_disk: Path) -> None:
    saved = [reflect.write("First, small entry."), reflect.add_inquiry("Will it fit?")]

    written, result = fill_up(reflect)

    saved += written
    assert_one_error(result, Msg.DISK_FULL)
    assert result.out == ""
    entries = reflect.entries()
    assert [e["id"] for e in entries] == list(reversed(saved[:1] + saved[2:]))
    assert entries[-1]["body"] == "First, small entry."
    assert [i["id"] for i in reflect.json("inquiry", "list")] == [saved[1]]
    assert reflect.ok("check").out == "ok\n"
    assert reflect.json("search", "small")[0]["id"] == saved[0]


def test_exports_and_backups_onto_a_full_disk(reflect: Reflect, small_disk: Path) -> None:
    reflect.write("First, small entry.")
    fill_up(reflect)
    before = reflect.entries()

    for args in (
        ("backup",),
        ("export", "json", "--out", str(small_disk / "journal.json")),
        ("export", "markdown", "--out", str(small_disk / "notes")),
    ):
        assert_one_error(reflect(*args), Msg.DISK_FULL)

    assert reflect.entries() == before
    leftovers = {p.name for p in small_disk.iterdir()} - {
        "journal.db",
        "journal.db-wal",
        "journal.db-shm",
        "backups",
    }
    assert leftovers == set()
    # Only the day's automatic copy, taken while there was room; nothing of the failed one.
    assert [p.name[-8:] for p in (small_disk / "backups").iterdir()] == ["daily.db"]
