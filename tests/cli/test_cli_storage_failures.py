"""A read-only data folder and a full disk: one clear line, and the journal as it was.

As root, a read-only bind mount and a tiny tmpfs give the real errors (root ignores file modes);
otherwise the folder is made read-only with chmod and the full disk is skipped (see ``mounts``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring.core
import pytest
from cli_harness import Reflect, Result, assert_one_error, error_line

from bundle_people import person
from fakes import MemoryKeyring
from journal_snapshot import journal_state
from mounts import ReadOnlySwitch, fill_disk, small_disk
from reflect.exchange import bundle
from reflect.exchange.bundle_schema import BundleKind
from reflect.messages import Msg
from reflect.paths import resolve_paths

pytest_plugins = ("cli_fixtures",)

BIG_TEXT = " ".join(f"filler{n}" for n in range(4000))  # about 40 kB per entry


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
def full_disk(reflect: Reflect) -> Iterator[Path]:
    """The data folder on a 2 MB tmpfs of its own: a new journal takes about 300 kB and its
    first backup as much again, which leaves room for an import once the disk is freed."""
    with small_disk(reflect.data_dir, "2m") as folder:
        yield folder


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

    assert_one_error(result, Msg.JOURNAL_READ_ONLY, path=reflect.data_dir)
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

    assert_one_error(result, Msg.JOURNAL_READ_ONLY, path=reflect.data_dir)
    read_only.off()
    assert [e["id"] for e in reflect.entries()] == [first]
    assert reflect.json("inquiry", "list") == []


def test_reading_a_read_only_journal_works(reflect: Reflect, read_only: ReadOnlySwitch) -> None:
    reflect.write("Written while the folder was writable.")
    before = reflect.entries()
    read_only.on()

    result = reflect("list", "--json")

    assert result.code == 0, result.err
    assert result.json() == before


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

    assert_one_error(result, Msg.JOURNAL_READ_ONLY, path=reflect.data_dir)
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


def test_a_full_disk_says_so_and_keeps_what_was_saved(reflect: Reflect, full_disk: Path) -> None:
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


def test_exports_and_backups_onto_a_full_disk(reflect: Reflect, full_disk: Path) -> None:
    reflect.write("First, small entry.")
    fill_up(reflect)
    before = reflect.entries()
    # A failed write may leave room for a small file (how much depends on the schema's size):
    # take the rest but a little for reading, so the disk is full whatever the margin.
    filler = fill_disk(full_disk, leave=32 * 1024)

    for args in (
        ("backup",),
        ("export", "json", "--out", str(full_disk / "journal.json")),
        ("export", "markdown", "--out", str(full_disk / "notes")),
    ):
        assert_one_error(reflect(*args), Msg.DISK_FULL)

    assert reflect.entries() == before
    leftovers = {p.name for p in full_disk.iterdir()} - {
        "journal.db",
        "journal.db-wal",
        "journal.db-shm",
        "backups",
        filler.name,
    }
    assert leftovers == set()
    # Only the day's automatic copy, taken while there was room; nothing of the failed one.
    assert [p.name[-8:] for p in (full_disk / "backups").iterdir()] == ["daily.db"]


# Importing and receiving -------------------------------------------------------------------


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyring.core, "_keyring_backend", MemoryKeyring())


def big_jrnl(folder: Path, entries: int = 5) -> Path:
    """A jrnl journal of about 40 kB an entry."""
    path = folder / "journal.txt"
    days = (f"[2024-01-{day:02d} 09:00] Day {day}\n{BIG_TEXT}\n" for day in range(1, entries + 1))
    path.write_text("\n".join(days), encoding="utf-8")
    return path


def bundle_for(reflect: Reflect, folder: Path, text: str) -> Path:
    """A bundle from a stranger to this journal's keys (received with --accept-unverified)."""
    card = reflect.json("key", "show", "--name", "Ben")["card"]
    recipient = next(line for line in card.splitlines() if line.startswith("age: "))[5:]
    asha = person("Asha")
    items = [{"type": "note", "text": text}]
    content = bundle.BundleContent(BundleKind.SUMMARY, items, "2026-03-01T09:00:00+00:00")
    sealed = bundle.seal(content, asha.signing_key, asha.card, [recipient])
    return bundle.write_bundle(folder / "from-asha", sealed)


def test_importing_onto_a_nearly_full_disk_imports_nothing(
    reflect: Reflect, full_disk: Path, tmp_path: Path
) -> None:
    reflect.write("First, small entry.")
    reflect.entries()  # the day's automatic backup is taken now, while there is room
    source = big_jrnl(tmp_path, entries=3)
    filler = fill_disk(full_disk, leave=64 * 1024)
    before = journal_state(resolve_paths(full_disk))

    result = reflect("import", "jrnl", str(source))

    assert_one_error(result, Msg.DISK_FULL)
    assert journal_state(resolve_paths(full_disk)) == before
    filler.unlink()
    assert reflect.ok("import", "jrnl", str(source)).out == "Imported 3 items.\n"
    assert len(reflect.entries()) == 4


def test_receiving_onto_a_nearly_full_disk_keeps_nothing(
    reflect: Reflect, full_disk: Path, tmp_path: Path, memory_keyring: None
) -> None:
    reflect.write("First, small entry.")
    received = bundle_for(reflect, tmp_path, BIG_TEXT * 3)
    filler = fill_disk(full_disk, leave=64 * 1024)
    before = journal_state(resolve_paths(full_disk))

    result = reflect("receive", str(received), "--accept-unverified")

    assert_one_error(result, Msg.DISK_FULL)
    assert journal_state(resolve_paths(full_disk)) == before
    filler.unlink()
    reflect.ok("receive", str(received), "--accept-unverified")
    assert len(reflect.json("inbox")) == 1


def test_importing_and_receiving_into_a_read_only_folder(
    reflect: Reflect, read_only: ReadOnlySwitch, tmp_path: Path, memory_keyring: None
) -> None:
    reflect.write("Written while the folder was writable.")
    received = bundle_for(reflect, tmp_path, "Push me on measures.")
    before = reflect.snapshot()
    read_only.on()

    imported = reflect("import", "jrnl", str(big_jrnl(tmp_path, entries=1)))
    receiving = reflect("receive", str(received), "--accept-unverified")

    assert_one_error(imported, Msg.JOURNAL_READ_ONLY, path=reflect.data_dir)
    assert_one_error(receiving, Msg.JOURNAL_READ_ONLY, path=reflect.data_dir)
    read_only.off()
    assert reflect.snapshot() == before


def test_a_disk_with_no_room_at_all_says_so_even_for_reading(
    reflect: Reflect, full_disk: Path
) -> None:
    first = reflect.write("First, small entry.")
    filler = fill_disk(full_disk)

    result = reflect("list")

    # SQLite cannot even make its shared-memory file; the journal itself is untouched.
    assert_one_error(result, Msg.DISK_FULL)
    filler.unlink()
    assert [e["id"] for e in reflect.entries()] == [first]
    assert reflect.ok("check").out == "ok\n"
