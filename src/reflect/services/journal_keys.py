"""The key of an encrypted journal: where it lives, and getting it back to open the journal.

Two ways, chosen when the journal is encrypted (docs/encryption.md, "Keys"):

- ``key-store``: a random 32-byte key kept in the journal's key store, the same store as the
  identity keys (the system keyring, or the passphrase-protected ``keys.age`` where there is
  none), under the name ``journal-key``. Opening needs no passphrase where a keyring works.
- ``passphrase``: the key is derived from a passphrase asked for each time (scrypt, with a
  random salt); nothing that opens the journal is kept anywhere.

``journal-key.json`` beside the journal says which, with the salt and the scrypt cost, the
journal's id (the key store's namespace, which lives inside the encrypted journal) and a check
value (an HMAC of a fixed text under the key), so a wrong passphrase is told apart from a
damaged journal before the journal is touched. It holds nothing that opens the journal. It is
not how Reflect knows the journal is encrypted: the journal's own header says that.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from reflect.errors import BadInput, StorageError
from reflect.exchange.identity import journal_key_in_backup
from reflect.files import write_text
from reflect.messages import Msg
from reflect.secrets.age_passphrase import AGE_SCRYPT, PassphraseCipher
from reflect.secrets.choose import open_key_store
from reflect.secrets.os_keyring import KeyringFactory, system_keyring
from reflect.secrets.passphrase_file import PassphraseProvider
from reflect.secrets.store import KeyStore

KEY_FILE = "journal-key.json"
KEY_SECRET = "journal-key"
FORMAT = "reflect-journal-key"
VERSION = 1
KEY_BYTES = 32
MIN_PASSPHRASE = 8
# scrypt's cost: 2**15 × 8 × 128 bytes = 32 MiB and about a tenth of a second, once per open.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
_CHECK_TEXT = b"reflect journal key check"

KeyMode = Literal["key-store", "passphrase"]
# Asks the user for the journal's passphrase (``new``: one being chosen, to be typed twice).
AskPassphrase = Callable[[], str]


@dataclass(frozen=True)
class KeySettings:
    """What ``journal-key.json`` holds."""

    mode: KeyMode
    journal_id: str
    check: str
    salt: str = ""
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    def to_json(self) -> str:
        return json.dumps({"format": FORMAT, "version": VERSION, **self.__dict__}, indent=2)


def key_file(data_dir: Path) -> Path:
    return data_dir / KEY_FILE


def check_value(key: bytes) -> str:
    return hmac.new(key, _CHECK_TEXT, hashlib.sha256).hexdigest()


def derive(passphrase: str, settings: KeySettings) -> bytes:
    """The key scrypt makes from ``passphrase`` and the stored salt and cost."""
    return hashlib.scrypt(
        passphrase.encode("utf-8"),
        salt=bytes.fromhex(settings.salt),
        n=settings.n,
        r=settings.r,
        p=settings.p,
        maxmem=2 * 128 * settings.n * settings.r + (1 << 20),
        dklen=KEY_BYTES,
    )


def checked_passphrase(passphrase: str) -> str:
    if not passphrase:
        raise BadInput(Msg.JOURNAL_PASSPHRASE_EMPTY)
    if len(passphrase) < MIN_PASSPHRASE:
        raise BadInput(Msg.JOURNAL_PASSPHRASE_SHORT)
    return passphrase


def read_settings(data_dir: Path) -> KeySettings | None:
    """The settings beside the journal; None when there are none. Damage is an error."""
    path = key_file(data_dir)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StorageError(Msg.JOURNAL_KEY_FILE_DAMAGED, path=path, reason=str(exc)) from None
    try:
        if document.get("format") != FORMAT or document.get("mode") not in (
            "key-store",
            "passphrase",
        ):
            raise ValueError("it is not Reflect's journal key settings")
        fields = {name: document[name] for name in ("mode", "journal_id", "check")}
        for name in ("salt", "n", "r", "p"):
            if name in document:
                fields[name] = document[name]
        settings = KeySettings(**fields)
        if settings.mode == "passphrase":
            bytes.fromhex(settings.salt)
            if not all(type(v) is int and v > 0 for v in (settings.n, settings.r, settings.p)):
                raise ValueError("its scrypt cost is not a number")
            if settings.n > 2**20 or settings.r > 32 or settings.p > 16:
                raise ValueError("its scrypt cost is too high")  # bounded time and memory
        return settings
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise StorageError(Msg.JOURNAL_KEY_FILE_DAMAGED, path=path, reason=str(exc)) from None


def write_settings(data_dir: Path, settings: KeySettings) -> None:
    write_text(key_file(data_dir), settings.to_json() + "\n")


def remove_settings(data_dir: Path) -> None:
    key_file(data_dir).unlink(missing_ok=True)


class JournalKeys:
    """Makes, keeps and finds the key of this data folder's journal."""

    def __init__(
        self,
        data_dir: Path,
        keyring_factory: KeyringFactory = system_keyring,
        cipher: PassphraseCipher = AGE_SCRYPT,
        keys_passphrase: PassphraseProvider | None = None,
        store_for: Callable[[str], KeyStore] | None = None,
    ) -> None:
        self._data_dir = data_dir
        self._keyring_factory = keyring_factory
        self._cipher = cipher
        self._keys_passphrase = keys_passphrase or _no_keys_passphrase
        # The key service's own store once the journal is open (so a keys file's passphrase
        # is asked once a session); before that, one opened here.
        self._store_for = store_for

    def key_store(self, journal_id: str) -> KeyStore:
        if self._store_for is not None:
            return self._store_for(journal_id)
        store, _reason = open_key_store(
            journal_id, self._data_dir, self._keys_passphrase, self._keyring_factory, self._cipher
        )
        return store

    def new_key(self, journal_id: str, passphrase: str | None) -> tuple[bytes, KeySettings]:
        """A key for a journal about to be encrypted, and its settings (not yet written).

        With ``passphrase``, the key is derived from it; else a random key is saved in the key
        store now, before anything is encrypted with it.
        """
        if passphrase is not None:
            salt = os.urandom(16).hex()
            draft = KeySettings("passphrase", journal_id, "", salt)
            key = derive(checked_passphrase(passphrase), draft)
            return key, KeySettings("passphrase", journal_id, check_value(key), salt)
        key = os.urandom(KEY_BYTES)
        self.key_store(journal_id).set(KEY_SECRET, key.hex())
        return key, KeySettings("key-store", journal_id, check_value(key))

    def unlock(self, ask: AskPassphrase | None) -> bytes | None:
        """The key of the encrypted journal here: from the key store, or from the passphrase
        ``ask`` returns. A wrong passphrase is JOURNAL_KEY_WRONG, and nothing is changed.

        None when there are no key settings: a journal whose header is not SQLite's is then
        damaged, and opening it says so, naming the newest sound backup.
        """
        settings = read_settings(self._data_dir)
        if settings is None:
            return None
        if settings.mode == "passphrase":
            if ask is None:
                raise BadInput(Msg.PASSPHRASE_NEEDS_TERMINAL)
            key = derive(ask(), settings)
        else:
            store = self.key_store(settings.journal_id)
            saved = store.get(KEY_SECRET)
            if saved is None:
                raise StorageError(
                    Msg.JOURNAL_KEY_LOST, path=self._data_dir, where=store.describe()
                )
            key = bytes.fromhex(saved)
        if not hmac.compare_digest(check_value(key), settings.check):
            if settings.mode == "passphrase":
                raise BadInput(Msg.JOURNAL_KEY_WRONG)
            raise StorageError(Msg.JOURNAL_KEY_LOST, path=self._data_dir, where="the key store")
        return key

    def restore_from_backup(self, backup: bytes, passphrase: str) -> bool:
        """Put the journal key in a key backup back in the key store (a lost keyring entry, or
        a forgotten passphrase: the journal then opens from the key store). True if the backup
        held this journal's key; False, changing nothing, if it held none or another's."""
        settings = read_settings(self._data_dir)
        if settings is None:
            return False
        found = journal_key_in_backup(backup, passphrase, cipher=self._cipher)
        try:
            key = bytes.fromhex(found or "")
        except ValueError:
            return False
        if len(key) != KEY_BYTES or not hmac.compare_digest(check_value(key), settings.check):
            return False
        self.key_store(settings.journal_id).set(KEY_SECRET, key.hex())
        if settings.mode == "passphrase":
            write_settings(
                self._data_dir, KeySettings("key-store", settings.journal_id, settings.check)
            )
        return True

    def mode(self) -> KeyMode | None:
        settings = read_settings(self._data_dir)
        return None if settings is None else settings.mode


def _no_keys_passphrase(*, new: bool) -> str:
    raise BadInput(Msg.PASSPHRASE_NEEDS_TERMINAL)
