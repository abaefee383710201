"""An encrypted journal: nothing readable on disk, everything else as before, clear words for
wrong or missing keys, and converting both ways loses nothing."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from fakes import FakeClock, QuickCipher
from reflect.app import App, open_app
from reflect.core.backup import BackupReason
from reflect.core.search import SearchRequest
from reflect.errors import ReflectError
from reflect.messages import Msg
from reflect.paths import Paths
from reflect.secrets.memory_keyring import MemoryKeyring
from reflect.services.journal_keys import KEY_SECRET, JournalKeys, key_file
from reflect.storage import backup_files, cipher

MARKER = "Zanzibar-quokka-7731"
PASSPHRASE = "a long enough passphrase"


def opener(paths: Paths) -> Callable[..., App]:
    ring = MemoryKeyring()

    def open_it(passphrase: str | None = None) -> App:
        return open_app(
            paths,
            FakeClock(),
            keyring_factory=lambda: ring,
            cipher=QuickCipher(),
            unlock=None if passphrase is None else (lambda: passphrase),
        )

    return open_it


def files_of(paths: Paths) -> list[Path]:
    found = [paths.db_path, *Path(paths.db_path.parent).glob("journal.db-*")]
    return [p for p in found + backup_files.list_backups(paths.backups_dir) if p.is_file()]


def assert_no_marker(paths: Paths) -> None:
    for path in files_of(paths):
        assert MARKER.encode() not in path.read_bytes(), path
        assert MARKER.encode("utf-16-le") not in path.read_bytes(), path


@pytest.mark.parametrize("passphrase", [None, PASSPHRASE])
def test_an_encrypted_journal_and_its_backups_hold_no_readable_text(
    paths: Paths, passphrase: str | None
) -> None:
    open_it = opener(paths)
    app = open_it()
    written = app.entries.write(f"A hard day with {MARKER} on the ward.")
    app.backups.backup()
    app.encryption.encrypt(passphrase)
    app.entries.write(f"Later: {MARKER} again, after encrypting.")
    app.backups.backup()
    assert app.encryption.status().encrypted
    app.close()

    assert cipher.is_encrypted(paths.db_path)
    assert len(backup_files.list_backups(paths.backups_dir)) >= 3
    assert all(cipher.is_encrypted(b) for b in backup_files.list_backups(paths.backups_dir))
    assert_no_marker(paths)

    again = open_it(passphrase)
    try:
        assert again.entries.get(written.id).body == written.body
        assert [hit.id for hit in again.search.search(SearchRequest(MARKER))]
    finally:
        again.close()


def test_a_plain_journal_opens_as_before_without_loading_sqlcipher(paths: Paths) -> None:
    app = opener(paths)()
    app.entries.write(f"Plain words {MARKER}.")
    app.close()
    assert not cipher.is_encrypted(paths.db_path)
    assert MARKER.encode() in paths.db_path.read_bytes() + _wal(paths)
    code = (
        "import sys; from reflect.app import open_app; from reflect.paths import resolve_paths;"
        f"a = open_app(resolve_paths({str(paths.data_dir)!r}));"
        f"from reflect.core.search import SearchRequest as R;"
        f"print(len(a.search.search(R({MARKER!r}))), 'sqlcipher3' in sys.modules); a.close()"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["1", "False"]


def _wal(paths: Paths) -> bytes:
    wal = Path(f"{paths.db_path}-wal")
    return wal.read_bytes() if wal.exists() else b""


def test_a_wrong_passphrase_says_so_and_changes_nothing(paths: Paths) -> None:
    open_it = opener(paths)
    app = open_it()
    app.entries.write("Something to keep.")
    app.encryption.encrypt(PASSPHRASE)
    app.close()
    before = {p: p.read_bytes() for p in files_of(paths)}

    with pytest.raises(ReflectError) as caught:
        open_it("not the passphrase")
    assert caught.value.msg is Msg.JOURNAL_KEY_WRONG
    assert {p: p.read_bytes() for p in files_of(paths)} == before


def test_no_passphrase_to_ask_for_is_one_clear_error(paths: Paths) -> None:
    open_it = opener(paths)
    app = open_it()
    app.encryption.encrypt(PASSPHRASE)
    app.close()
    with pytest.raises(ReflectError) as caught:
        open_it()
    assert caught.value.msg is Msg.PASSPHRASE_NEEDS_TERMINAL


def test_a_lost_keyring_entry_names_the_key_backup(paths: Paths) -> None:
    ring = MemoryKeyring()
    app = open_app(paths, FakeClock(), keyring_factory=lambda: ring, cipher=QuickCipher())
    app.encryption.encrypt()
    app.close()
    ring.passwords.clear()
    with pytest.raises(ReflectError) as caught:
        open_app(paths, FakeClock(), keyring_factory=lambda: ring, cipher=QuickCipher())
    assert caught.value.msg is Msg.JOURNAL_KEY_LOST
    assert "reflect key restore" in caught.value.text


def test_a_short_passphrase_is_refused_before_anything_changes(paths: Paths) -> None:
    app = opener(paths)()
    app.entries.write("Something.")
    with pytest.raises(ReflectError) as caught:
        app.encryption.encrypt("short")
    assert caught.value.msg is Msg.JOURNAL_PASSPHRASE_SHORT
    assert not cipher.is_encrypted(paths.db_path)
    assert not key_file(paths.data_dir).exists()
    assert backup_files.list_backups(paths.backups_dir) == []
    app.close()


def test_decrypting_gives_back_a_plain_journal_and_plain_backups(paths: Paths) -> None:
    open_it = opener(paths)
    app = open_it()
    written = app.entries.write(f"Keep {MARKER}.")
    app.encryption.encrypt()
    assert app.encryption.status().mode == "key-store"
    app.encryption.decrypt()
    assert not app.encryption.status().encrypted
    assert app.entries.get(written.id).body == written.body
    app.close()
    assert not cipher.is_encrypted(paths.db_path)
    assert not any(cipher.is_encrypted(b) for b in backup_files.list_backups(paths.backups_dir))
    assert not key_file(paths.data_dir).exists()
    reasons = [b.reason for b in backup_files.describe_all(paths.backups_dir)]
    assert reasons.count(BackupReason.PRE_CONVERSION) == 2


def test_restore_and_check_work_on_an_encrypted_journal(paths: Paths) -> None:
    app = opener(paths)()
    kept = app.entries.write("Before the backup.")
    app.encryption.encrypt()
    backup = app.backups.backup()
    app.entries.write("After the backup.")
    assert app.backups.check() == []
    app.backups.check_quickly()
    app.backups.restore(backup)
    assert app.entries.count() == 1
    assert app.entries.get(kept.id).body == kept.body
    assert app.store.encrypted
    app.close()


def test_the_random_key_lives_only_in_the_key_store(paths: Paths) -> None:
    ring = MemoryKeyring()
    app = open_app(paths, FakeClock(), keyring_factory=lambda: ring, cipher=QuickCipher())
    app.encryption.encrypt()
    app.close()
    (saved,) = [v for k, v in ring.passwords.items() if KEY_SECRET in str(k)]
    on_disk = b"".join(p.read_bytes() for p in paths.data_dir.rglob("*") if p.is_file())
    assert saved.encode() not in on_disk
    assert bytes.fromhex(saved) not in on_disk


@pytest.mark.parametrize("passphrase", [None, PASSPHRASE])
def test_a_key_backup_opens_the_journal_again_when_its_key_is_lost(
    paths: Paths, tmp_path: Path, passphrase: str | None
) -> None:
    ring = MemoryKeyring()

    def open_it(unlock: str | None = None) -> App:
        ask = None if unlock is None else (lambda: unlock)
        return open_app(
            paths, FakeClock(), keyring_factory=lambda: ring, cipher=QuickCipher(), unlock=ask
        )

    app = open_it()
    written = app.entries.write("Worth keeping.")
    app.encryption.encrypt(passphrase)
    backup = app.keys.backup(tmp_path / "keys.backup", "backup passphrase")
    app.close()
    ring.passwords.clear()  # the keyring entry lost, or the passphrase forgotten
    with pytest.raises(ReflectError):
        open_it(None if passphrase is None else "forgotten, so a guess")

    keys = JournalKeys(paths.data_dir, lambda: ring, QuickCipher())
    assert keys.restore_from_backup(backup.read_bytes(), "backup passphrase")
    again = open_it()
    assert again.entries.get(written.id).body == written.body
    again.close()


def test_half_made_copies_left_by_a_killed_conversion_are_removed_on_open(paths: Paths) -> None:
    open_it = opener(paths)
    app = open_it()
    app.entries.write("Something.")
    app.encryption.encrypt()
    app.close()
    leftovers = [
        Path(f"{paths.db_path}.converting"),
        paths.backups_dir / "journal-20261203T000000000000Z-daily.db.converting",
    ]
    for leftover in leftovers:
        leftover.write_text(f"plain words {MARKER}", encoding="utf-8")

    open_it().close()

    assert not any(p.exists() for p in leftovers)
    assert_no_marker(paths)


def test_without_a_keyring_the_random_key_is_kept_in_the_keys_file(paths: Paths) -> None:
    from fakes import no_keyring

    def open_it(unlock: str | None = None) -> App:
        ask = None if unlock is None else (lambda: unlock)
        return open_app(
            paths, FakeClock(), keyring_factory=no_keyring, cipher=QuickCipher(), unlock=ask
        )

    app = open_it()
    app.keys.set_prompts(lambda *, new: "keys file passphrase", lambda msg: None)
    written = app.entries.write("Kept under a key in keys.age.")
    app.encryption.encrypt()
    assert app.encryption.status().mode == "key-store"
    app.close()
    assert (paths.data_dir / "keys.age").exists()

    with pytest.raises(ReflectError) as caught:
        open_it("not the keys passphrase")
    assert caught.value.msg is Msg.KEY_FILE_WRONG_PASSPHRASE
    again = open_it("keys file passphrase")
    assert again.entries.get(written.id).body == written.body
    again.close()


def test_the_search_pages_own_reader_searches_an_encrypted_journal(paths: Paths) -> None:
    from reflect.core.entry_filter import EntryFilter
    from reflect.core.search import parse_terms
    from reflect.storage.search_reader import SearchReader

    app = opener(paths)()
    written = app.entries.write(f"Found through the reader: {MARKER}.")
    app.encryption.encrypt()
    reader = SearchReader(app.store)
    try:
        hits = reader.search(parse_terms(MARKER), EntryFilter(), 10)
    finally:
        reader.close()
        app.close()
    assert [hit.id for hit in hits] == [written.id]
