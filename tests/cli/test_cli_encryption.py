"""``reflect encrypt``, ``decrypt`` and ``lock-status``, driven as a person would."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_harness import Reflect

from reflect.storage import backup_files, cipher

pytest_plugins = ("cli_fixtures",)

MARKER = "Quillfeather-Ostrava-5521"
PASSPHRASE = "a passphrase for the journal"


def journal_files(data_dir: Path) -> list[Path]:
    return [p for p in data_dir.rglob("*") if p.is_file() and "journal" in p.name]


def test_encrypt_search_and_decrypt_with_a_passphrase(
    reflect: Reflect, monkeypatch: pytest.MonkeyPatch
) -> None:
    reflect.ok("write", f"Met {MARKER} about the rota.")
    assert "not encrypted" in reflect.ok("lock-status").out

    monkeypatch.setenv("JOURNAL_PASS", PASSPHRASE)
    said = reflect.ok("encrypt", "--passphrase-env", "JOURNAL_PASS").out
    assert "encrypted" in said and "key backup" in said
    for path in journal_files(reflect.data_dir):
        assert MARKER.encode() not in path.read_bytes(), path
    assert cipher.is_encrypted(reflect.data_dir / "journal.db")

    # Later commands ask for the passphrase; scripts give it in the environment.
    monkeypatch.setenv("REFLECT_JOURNAL_PASSPHRASE", PASSPHRASE)
    assert MARKER in reflect.ok("search", MARKER).out
    assert reflect.json("lock-status") == {
        "encrypted": True,
        "key": "passphrase",
        "plain_backups": 0,
    }
    reflect.ok("backup")
    backups = backup_files.list_backups(reflect.data_dir / "backups")
    assert backups and all(cipher.is_encrypted(b) for b in backups)

    reflect.ok("decrypt")
    monkeypatch.delenv("REFLECT_JOURNAL_PASSPHRASE")
    assert "not encrypted" in reflect.ok("lock-status").out
    assert MARKER in reflect.ok("search", MARKER).out


def test_a_wrong_passphrase_is_one_line_and_changes_nothing(
    reflect: Reflect, monkeypatch: pytest.MonkeyPatch
) -> None:
    reflect.ok("write", "Something to keep.")
    monkeypatch.setenv("JOURNAL_PASS", PASSPHRASE)
    reflect.ok("encrypt", "--passphrase-env", "JOURNAL_PASS")
    before = {p: p.read_bytes() for p in journal_files(reflect.data_dir)}

    monkeypatch.setenv("REFLECT_JOURNAL_PASSPHRASE", "the wrong passphrase")
    result = reflect("list")
    assert result.code == 1
    assert result.err_lines == [
        "Error: That passphrase does not unlock the journal. Check it and try again; "
        "nothing was changed."
    ]
    assert {p: p.read_bytes() for p in journal_files(reflect.data_dir)} == before


def test_encrypt_twice_and_decrypt_a_plain_journal_say_so(
    reflect: Reflect, monkeypatch: pytest.MonkeyPatch
) -> None:
    reflect.ok("write", "Something.")
    result = reflect("decrypt")
    assert result.code == 1 and "not encrypted" in result.err
    monkeypatch.setenv("JOURNAL_PASS", PASSPHRASE)
    monkeypatch.setenv("REFLECT_JOURNAL_PASSPHRASE", PASSPHRASE)
    reflect.ok("encrypt", "--passphrase-env", "JOURNAL_PASS")
    again = reflect("encrypt", "--passphrase-env", "JOURNAL_PASS")
    assert again.code == 1 and "already encrypted" in again.err


def test_a_missing_passphrase_variable_changes_nothing(reflect: Reflect) -> None:
    reflect.ok("write", "Something.")
    result = reflect("encrypt", "--passphrase-env", "NOT_SET_ANYWHERE")
    assert result.code == 1 and "NOT_SET_ANYWHERE" in result.err
    assert not cipher.is_encrypted(reflect.data_dir / "journal.db")


def test_a_read_only_encrypted_journal_is_searched_and_checked_and_not_converted(
    reflect: Reflect, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mounts import ReadOnlySwitch

    reflect.ok("write", f"Read-only {MARKER}.")
    monkeypatch.setenv("JOURNAL_PASS", PASSPHRASE)
    monkeypatch.setenv("REFLECT_JOURNAL_PASSPHRASE", PASSPHRASE)
    reflect.ok("encrypt", "--passphrase-env", "JOURNAL_PASS")
    switch = ReadOnlySwitch(reflect.data_dir)
    switch.on()
    try:
        assert MARKER in reflect.ok("search", MARKER).out
        assert reflect.ok("check").out == "ok\n"
        refused = reflect("decrypt")
        assert refused.code == 1 and "read-only" in refused.err
    finally:
        switch.off()
    assert cipher.is_encrypted(reflect.data_dir / "journal.db")


def test_restore_puts_an_encrypted_backup_back(
    reflect: Reflect, monkeypatch: pytest.MonkeyPatch
) -> None:
    reflect.ok("write", f"Kept {MARKER}.")
    monkeypatch.setenv("JOURNAL_PASS", PASSPHRASE)
    monkeypatch.setenv("REFLECT_JOURNAL_PASSPHRASE", PASSPHRASE)
    reflect.ok("encrypt", "--passphrase-env", "JOURNAL_PASS")
    backup = reflect.data_dir / "backups" / "chosen.db"
    reflect.ok("backup", "--out", str(backup))
    reflect.ok("write", "Written after the backup.")

    reflect.ok("restore", str(backup))

    assert "Written after the backup" not in reflect.ok("list").out
    assert MARKER in reflect.ok("search", MARKER).out
    assert cipher.is_encrypted(reflect.data_dir / "journal.db")


def test_lock_status_needs_no_passphrase(reflect: Reflect, monkeypatch: pytest.MonkeyPatch) -> None:
    # "Is it locked, and how?" is what someone asks before they have the passphrase to hand.
    reflect.ok("write", f"Met {MARKER} about the rota.")
    monkeypatch.setenv("JOURNAL_PASS", PASSPHRASE)
    reflect.ok("encrypt", "--passphrase-env", "JOURNAL_PASS")
    monkeypatch.delenv("REFLECT_JOURNAL_PASSPHRASE", raising=False)

    said = reflect.ok("lock-status").out

    assert "encrypted, with a key made from a passphrase" in said
    assert reflect.json("lock-status")["key"] == "passphrase"
