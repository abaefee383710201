"""Choosing the keyring or the passphrase file for a journal, and sticking with the choice."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path

import pytest

from fakes import BrokenKeyring, FixedPassphrase, MemoryKeyring, QuickCipher, no_keyring
from reflect.errors import StorageError
from reflect.exchange.identity import load_or_create
from reflect.messages import Msg
from reflect.secrets.choose import KEY_LOCATION_FILE, open_key_store
from reflect.secrets.os_keyring import OsKeyringStore
from reflect.secrets.passphrase_file import PassphraseFileStore, keys_file


def plain_text_keyring() -> object:
    return type("PlaintextKeyring", (MemoryKeyring,), {"__module__": "keyrings.alt.file"})()


def opened(data_dir: Path, keyring: object, namespace: str = "journal") -> tuple[object, object]:
    return open_key_store(
        namespace, data_dir, FixedPassphrase(), lambda: keyring, cipher=QuickCipher()
    )


def test_a_working_keyring_is_used_without_comment(tmp_path: Path) -> None:
    store, reason = opened(tmp_path, MemoryKeyring())
    assert isinstance(store, OsKeyringStore)
    assert reason is None


@pytest.mark.parametrize(
    ("keyring", "reason"),
    [
        (no_keyring, Msg.KEYRING_NOT_FOUND),
        (
            lambda: __import__("keyring.backends.null").backends.null.Keyring(),
            Msg.KEYRING_NOT_FOUND,
        ),
        (plain_text_keyring, Msg.KEYRING_PLAIN_TEXT),
        (BrokenKeyring, Msg.KEYRING_NOT_WORKING),
    ],
    ids=["fail", "null", "keyrings.alt", "broken"],
)
def test_without_a_usable_keyring_the_passphrase_file_is_used_and_why(
    tmp_path: Path, keyring: object, reason: Msg
) -> None:
    store, told = opened(tmp_path, keyring())  # type: ignore[operator]
    assert isinstance(store, PassphraseFileStore)
    assert store.path == keys_file(tmp_path)
    assert told is reason
    assert "encrypted file protected by a passphrase" in reason.template


def test_a_keyring_that_fails_to_start_counts_as_not_working(tmp_path: Path) -> None:
    def failing() -> object:
        raise RuntimeError("no D-Bus session")

    store, reason = open_key_store("j", tmp_path, FixedPassphrase(), failing)
    assert isinstance(store, PassphraseFileStore)
    assert reason is Msg.KEYRING_NOT_WORKING


def test_an_existing_keys_file_is_kept_even_when_a_keyring_appears(tmp_path: Path) -> None:
    first, _ = opened(tmp_path, no_keyring())
    first.set("identity", "secret")  # type: ignore[attr-defined]
    store, reason = opened(tmp_path, MemoryKeyring())
    assert isinstance(store, PassphraseFileStore)
    assert reason is None  # the user was told when the file was made


def test_keys_in_a_keyring_that_stopped_working_are_not_silently_replaced(
    tmp_path: Path,
) -> None:
    keyring = MemoryKeyring()
    store, _ = opened(tmp_path, keyring)
    load_or_create(store)  # type: ignore[arg-type]
    assert (tmp_path / KEY_LOCATION_FILE).exists()
    with pytest.raises(StorageError) as caught:
        opened(tmp_path, BrokenKeyring())
    assert caught.value.msg is Msg.KEYRING_KEYS_UNREACHABLE
    assert not keys_file(tmp_path).exists()


def test_a_keyring_chosen_but_never_used_leaves_the_way_open(tmp_path: Path) -> None:
    opened(tmp_path, MemoryKeyring())
    store, reason = opened(tmp_path, BrokenKeyring())
    assert isinstance(store, PassphraseFileStore)
    assert reason is Msg.KEYRING_NOT_WORKING


def test_two_data_dirs_on_one_keyring_are_two_identities(tmp_path: Path) -> None:
    keyring = MemoryKeyring()
    first, _ = opened(tmp_path / "one", keyring, namespace="journal-one")
    second, _ = opened(tmp_path / "two", keyring, namespace="journal-two")
    a, b = load_or_create(first), load_or_create(second)  # type: ignore[arg-type]
    assert a.recipient != b.recipient
    assert load_or_create(first) == a  # type: ignore[arg-type]


def test_with_the_keyring_forced_to_fail_no_private_key_is_on_disk(tmp_path: Path) -> None:
    """The real thing: age scrypt, the data folder scanned for any trace of a private key."""
    data_dir = tmp_path / "journal"
    store, reason = open_key_store("journal", data_dir, FixedPassphrase(), no_keyring)
    assert isinstance(store, PassphraseFileStore)
    assert reason is Msg.KEYRING_NOT_FOUND
    identity = load_or_create(store)
    parts = identity.private_parts()
    signing_raw = base64.b64decode(parts["signing_key"])
    forbidden = [
        b"AGE-SECRET-KEY",
        parts["age_identity"].encode(),
        parts["age_identity"].lower().encode(),
        parts["signing_key"].encode(),
        base64.urlsafe_b64encode(signing_raw),
        signing_raw.hex().encode(),
        signing_raw,
    ]
    files = [path for path in data_dir.rglob("*") if path.is_file()]
    assert files == [keys_file(data_dir)]
    for path in files:
        data = path.read_bytes()
        assert data.startswith(b"-----BEGIN AGE ENCRYPTED FILE-----")
        assert not [secret for secret in forbidden if secret in data]
    asked = FixedPassphrase()
    reopened, told = open_key_store("journal", data_dir, asked, no_keyring)
    assert load_or_create(reopened) == identity
    assert told is None
    assert asked.asked == [False]


def test_choosing_a_store_loads_no_keyring_or_crypto_until_needed() -> None:
    code = (
        "import sys, reflect.secrets.choose, reflect.exchange.card, reflect.exchange.identity\n"
        "print(json.dumps(sorted(m for m in ('keyring', 'pyrage', 'cryptography') "
        "if m in sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", "import json\n" + code],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout) == []
