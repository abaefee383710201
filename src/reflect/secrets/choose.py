"""Choosing where a journal's keys live: the system keyring when it works, else a passphrase file.

The choice sticks. A journal whose keys file exists keeps using it even if a keyring appears
later; a journal that saved keys in the keyring gets a clear error when the keyring stops
working, instead of a quiet switch to a new, empty file (which would mean new keys that no peer
knows).
"""

from __future__ import annotations

import json
from pathlib import Path

from reflect.errors import StorageError
from reflect.messages import Msg
from reflect.secrets.age_passphrase import AGE_SCRYPT, PassphraseCipher
from reflect.secrets.os_keyring import (
    KeyringBackend,
    KeyringFactory,
    KeyringProblem,
    OsKeyringStore,
    describe_error,
    system_keyring,
    usable_backend,
)
from reflect.secrets.passphrase_file import PassphraseFileStore, PassphraseProvider, keys_file
from reflect.secrets.store import KeyStore

KEY_LOCATION_FILE = "key-location.json"


def open_key_store(
    namespace: str,
    data_dir: Path,
    passphrase_provider: PassphraseProvider,
    keyring_factory: KeyringFactory = system_keyring,
    cipher: PassphraseCipher = AGE_SCRYPT,
) -> tuple[KeyStore, Msg | None]:
    """The store for this journal's keys, and why it is not the keyring when the user should hear
    it: the reason is given when Reflect falls back to a passphrase file that does not exist yet,
    and is None otherwise (keyring in use, or the user was told when the file was made)."""
    if keys_file(data_dir).exists():
        return file_store(data_dir, passphrase_provider, cipher), None
    try:
        backend = usable_backend(created(keyring_factory))
    except KeyringProblem as problem:
        if keys_recorded_in_keyring(data_dir):
            raise StorageError(Msg.KEYRING_KEYS_UNREACHABLE, reason=problem.detail) from problem
        return file_store(data_dir, passphrase_provider, cipher), problem.msg
    return OsKeyringStore(namespace, backend, record_in=data_dir / KEY_LOCATION_FILE), None


def file_store(
    data_dir: Path, passphrase_provider: PassphraseProvider, cipher: PassphraseCipher = AGE_SCRYPT
) -> PassphraseFileStore:
    """The passphrase file store, directly: also the way to restore keys when the keyring that
    held them is gone for good."""
    return PassphraseFileStore(keys_file(data_dir), passphrase_provider, cipher)


def created(keyring_factory: KeyringFactory) -> KeyringBackend:
    try:
        return keyring_factory()
    except Exception as exc:  # a backend can fail while starting, like any keyring call
        raise KeyringProblem(Msg.KEYRING_NOT_WORKING, describe_error(exc)) from exc


def keys_recorded_in_keyring(data_dir: Path) -> bool:
    """Whether this journal saved keys in the keyring; an unreadable record counts as yes."""
    record = data_dir / KEY_LOCATION_FILE
    if not record.exists():
        return False
    try:
        document = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return True
    return not isinstance(document, dict) or document.get("store") == "keyring"
