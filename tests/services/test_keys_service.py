"""The key service: keys made on first use, kept safely, told where, backed up and restored."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from fakes import BrokenKeyring, FakeClock, FixedPassphrase, MemoryKeyring, QuickCipher, no_keyring
from people import Person, open_person, shared_keyring
from reflect.app import open_app
from reflect.errors import BadInput, StorageError
from reflect.exchange.card import fingerprint, parse_card
from reflect.exchange.identity import Identity
from reflect.messages import Msg
from reflect.paths import Paths


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[Callable[..., Person]]:
    people: list[Person] = []

    def open_one(
        name: str = "Asha Patel", keyring: Callable[[], Any] | None = None, folder: str = ""
    ) -> Person:
        person = open_person(name, tmp_path, keyring or shared_keyring(), folder=folder or None)
        people.append(person)
        return person

    yield open_one
    for person in people:
        person.app.close()


def test_keys_are_made_on_first_use_and_kept_in_the_keyring(tmp_path: Path) -> None:
    keyring = MemoryKeyring()
    first = open_person("Asha Patel", tmp_path, lambda: keyring)
    identity = first.app.keys.identity()
    where = first.app.keys.where()
    first.app.close()

    again = open_person("Asha Patel", tmp_path, lambda: keyring)
    assert again.app.keys.identity() == identity
    assert where.kind == "keyring"
    assert where.reason is None
    assert where.description.startswith("the system keyring")
    assert again.told == []
    assert not (tmp_path / "asha" / "keys.age").exists()
    again.app.close()


def test_two_data_folders_are_two_identities(opened: Callable[..., Person]) -> None:
    keyring = shared_keyring()
    asha, other = opened("Asha Patel", keyring), opened("Aisha Khan", keyring)

    assert asha.data_dir != other.data_dir
    assert asha.app.keys.identity() != other.app.keys.identity()


def test_the_card_carries_the_name_and_the_public_keys(opened: Callable[..., Person]) -> None:
    asha = opened()
    mine = asha.app.keys.card()
    card = parse_card(mine.text)

    assert card.name == "Asha Patel" == mine.name
    assert card.age_recipient == asha.app.keys.identity().recipient
    assert card.signing_key == asha.app.keys.identity().signing_public
    assert mine.fingerprint == fingerprint(card)
    assert "AGE-SECRET-KEY" not in mine.text
    assert asha.app.keys.card("Asha  P.").name == "Asha P."


def test_a_card_needs_a_name_first(paths: Paths) -> None:
    # Without a keyring here, keys go to a passphrase file: QuickCipher, not a second of scrypt.
    app = open_app(paths, FakeClock(), cipher=QuickCipher())
    try:
        app.keys.set_prompts(FixedPassphrase(), lambda msg: None)
        with pytest.raises(BadInput) as exc:
            app.keys.card()
        assert exc.value.msg is Msg.NAME_NEEDED
        assert app.keys.card("Ben Okafor").name == "Ben Okafor"
        assert app.keys.card().name == "Ben Okafor"
    finally:
        app.close()


@pytest.mark.parametrize("keyring", [no_keyring, BrokenKeyring], ids=["none", "broken"])
def test_without_a_keyring_keys_go_to_a_passphrase_file_and_never_in_plain_text(
    tmp_path: Path, keyring: Callable[[], Any]
) -> None:
    asha = open_person("Asha Patel", tmp_path, keyring)
    identity = asha.app.keys.identity()
    card = asha.app.keys.card()
    where = asha.app.keys.where()
    asha.app.entries.write("A reflection, so the database has some content too.")
    asha.app.close()

    assert where.kind == "passphrase-file"
    assert where.description.endswith(str(asha.data_dir / "keys.age"))
    expected = Msg.KEYRING_NOT_FOUND if keyring is no_keyring else Msg.KEYRING_NOT_WORKING
    assert where.reason is expected
    assert asha.told == [expected]  # told once, before the passphrase was first asked
    assert asha.passphrase.asked == [True]
    assert (asha.data_dir / "keys.age").exists()
    assert_no_private_key_under(asha.data_dir, identity)

    again = open_person("Asha Patel", tmp_path, keyring)
    assert again.app.keys.card().text == card.text
    assert again.app.keys.where().reason is expected  # still explained, but not told again
    assert again.told == []
    assert again.passphrase.asked == [False]
    again.app.close()


def assert_no_private_key_under(folder: Path, identity: Identity) -> None:
    parts = identity.private_parts()
    raw = base64.b64decode(parts["signing_key"])
    forbidden = [
        b"AGE-SECRET-KEY",
        b"age-secret-key",
        parts["age_identity"].encode(),
        parts["signing_key"].encode(),
        base64.urlsafe_b64encode(raw),
        raw.hex().encode(),
        raw,
    ]
    files = [path for path in folder.rglob("*") if path.is_file()]
    assert any(path.name == "journal.db" for path in files)
    for path in files:
        data = path.read_bytes()
        assert [secret for secret in forbidden if secret in data] == [], path


def test_with_no_one_to_ask_a_passphrase_the_keys_file_is_refused(paths: Any) -> None:
    app = open_app(paths, FakeClock(), keyring_factory=no_keyring, cipher=QuickCipher())
    app.keys.set_name("Asha")
    try:
        with pytest.raises(BadInput) as exc:
            app.keys.identity()
        assert exc.value.msg is Msg.PASSPHRASE_NEEDS_TERMINAL
        assert not (paths.data_dir / "keys.age").exists()
    finally:
        app.close()


def test_backup_and_restore_into_another_journal(
    opened: Callable[..., Person], tmp_path: Path
) -> None:
    asha = opened()
    backup = asha.app.keys.backup(tmp_path / "asha-keys.age", "hedgehog")
    fresh = opened("Asha Patel", keyring=lambda: MemoryKeyring(), folder="new-laptop")

    restored = fresh.app.keys.restore(backup, "hedgehog")

    assert restored == asha.app.keys.identity()
    assert fresh.app.keys.card().text == asha.app.keys.card().text
    assert b"AGE-SECRET-KEY" not in backup.read_bytes()


def test_restore_asks_before_replacing_different_keys(
    opened: Callable[..., Person], tmp_path: Path
) -> None:
    asha, other = opened(), opened("Other Person")
    backup = asha.app.keys.backup(tmp_path / "asha-keys.age", "hedgehog")
    before = other.app.keys.identity()

    with pytest.raises(BadInput) as exc:
        other.app.keys.restore(backup, "hedgehog")
    assert exc.value.msg is Msg.KEY_RESTORE_WOULD_REPLACE
    assert other.app.keys.identity() == before

    other.app.keys.restore(backup, "hedgehog", replace=True)
    assert other.app.keys.identity() == asha.app.keys.identity()


def test_restore_failures_change_nothing(opened: Callable[..., Person], tmp_path: Path) -> None:
    asha = opened()
    backup = asha.app.keys.backup(tmp_path / "asha-keys.age", "hedgehog")
    before = asha.app.keys.identity()

    for path, secret, msg in [
        (backup, "wrong", Msg.KEY_BACKUP_WRONG_PASSPHRASE),
        (tmp_path / "missing.age", "hedgehog", Msg.FILE_NOT_FOUND),
    ]:
        with pytest.raises(BadInput) as exc:
            asha.app.keys.restore(path, secret)
        assert exc.value.msg is msg
    assert asha.app.keys.identity() == before


def test_a_damaged_keys_file_is_replaced_by_restoring_a_backup(tmp_path: Path) -> None:
    asha = open_person("Asha Patel", tmp_path, no_keyring)
    backup = asha.app.keys.backup(tmp_path / "asha-keys.age", "hedgehog")
    identity = asha.app.keys.identity()
    asha.app.close()
    keys_file = asha.data_dir / "keys.age"
    keys_file.write_bytes(keys_file.read_bytes()[:-5])

    again = open_person("Asha Patel", tmp_path, no_keyring)
    with pytest.raises(BadInput) as exc:
        again.app.keys.identity()
    assert exc.value.msg is Msg.KEY_FILE_DAMAGED
    assert again.app.keys.restore(backup, "hedgehog") == identity
    again.app.close()

    third = open_person("Asha Patel", tmp_path, no_keyring)
    assert third.app.keys.identity() == identity
    third.app.close()


def test_opening_the_app_loads_no_keyring_or_crypto(tmp_path: Path) -> None:
    code = (
        "import json, sys\n"
        "from reflect.app import open_app\n"
        "from reflect.paths import resolve_paths\n"
        f"app = open_app(resolve_paths({str(tmp_path / 'j')!r}))\n"
        "app.entries.write('hello')\n"
        "app.close()\n"
        "print(json.dumps(sorted(m for m in ('keyring', 'pyrage', 'cryptography') "
        "if m in sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == []


def test_the_journal_id_is_the_key_store_namespace(tmp_path: Path) -> None:
    keyring = MemoryKeyring()
    asha = open_person("Asha Patel", tmp_path, lambda: keyring)
    asha.app.keys.identity()
    journal_id = asha.app.store.scalar("SELECT value FROM meta WHERE key = 'journal_id'")
    asha.app.close()

    assert [user for _, user in keyring.passwords] == [f"{journal_id}/identity"]


def test_restoring_when_the_keyring_that_held_the_keys_is_gone(tmp_path: Path) -> None:
    keyring = MemoryKeyring()
    asha = open_person("Asha Patel", tmp_path, lambda: keyring)
    identity = asha.app.keys.identity()
    backup = asha.app.keys.backup(tmp_path / "asha-keys.age", "hedgehog")
    asha.app.close()

    again = open_person("Asha Patel", tmp_path, BrokenKeyring)
    with pytest.raises(StorageError) as exc:
        again.app.keys.identity()
    assert exc.value.msg is Msg.KEYRING_KEYS_UNREACHABLE

    assert again.app.keys.restore(backup, "hedgehog") == identity
    assert again.app.keys.where().kind == "passphrase-file"
    assert again.told == [Msg.KEYRING_NOT_WORKING]
    again.app.close()
    third = open_person("Asha Patel", tmp_path, BrokenKeyring)
    assert third.app.keys.identity() == identity
    third.app.close()
