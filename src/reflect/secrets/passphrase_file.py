"""Keys in one passphrase-encrypted file in the data folder, for machines with no usable keyring.

All of a journal's secrets live in ``keys.age``: a small JSON document (``format``, ``version``,
``secrets``) encrypted with age's scrypt passphrase mode, ASCII-armored, written atomically, so
``age --decrypt keys.age`` with the passphrase opens it and no private key is ever on disk in
plain text. The passphrase comes from the caller's provider, asked only when the file must be
opened or first written, and at most once per session when it is right.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import ClassVar, Protocol

from reflect.errors import BadInput
from reflect.files import write_bytes
from reflect.messages import Msg
from reflect.secrets.age_passphrase import (
    AGE_SCRYPT,
    PassphraseCipher,
    TooCostly,
    Unreadable,
    WrongPassphrase,
)
from reflect.secrets.store import KeyStore, StoreKind, check_name

KEYS_FILE_NAME = "keys.age"
FORMAT = "reflect-keys"
VERSION = 1


class PassphraseProvider(Protocol):
    """Asks the user for the passphrase; ``new`` is true when it will protect a new file, so a
    prompt can ask twice to confirm."""

    def __call__(self, *, new: bool) -> str: ...


def keys_file(data_dir: Path) -> Path:
    return data_dir / KEYS_FILE_NAME


class PassphraseFileStore(KeyStore):
    """A journal's secrets in one age-encrypted file."""

    kind: ClassVar[StoreKind] = "passphrase-file"

    def __init__(
        self,
        path: Path,
        passphrase: PassphraseProvider,
        cipher: PassphraseCipher = AGE_SCRYPT,
    ) -> None:
        self.path = path
        self._provider = passphrase
        self._cipher = cipher
        self._passphrase: str | None = None
        self._secrets: dict[str, str] | None = None
        self._fresh = False

    def get(self, name: str) -> str | None:
        return self._loaded().get(check_name(name))

    def set(self, name: str, secret: str) -> None:
        self._save({**self._loaded(), check_name(name): secret})

    def delete(self, name: str) -> None:
        current = self._loaded()
        if check_name(name) in current:
            self._save({key: value for key, value in current.items() if key != name})

    def describe(self) -> str:
        return Msg.KEY_FILE_DESCRIPTION.template.format(path=self.path)

    def start_over(self) -> None:
        """Treat the file as new without opening it: the next save asks for a new passphrase and
        replaces the file. For restoring a backup over a damaged file or a lost passphrase."""
        self._secrets, self._passphrase, self._fresh = {}, None, True

    def _loaded(self) -> dict[str, str]:
        if self._secrets is None:
            self._secrets = self._read() if self.path.exists() else {}
        return self._secrets

    def _read(self) -> dict[str, str]:
        ciphertext = self._read_bytes()
        passphrase = self._ask(new=False)
        try:
            plaintext = self._cipher.decrypt(ciphertext, passphrase)
        except WrongPassphrase:
            raise BadInput(Msg.KEY_FILE_WRONG_PASSPHRASE, path=self.path) from None
        except TooCostly as exc:
            raise BadInput(
                Msg.KEY_FILE_TOO_COSTLY, path=self.path, factor=exc.work_factor, limit=exc.limit
            ) from None
        except Unreadable as exc:
            raise BadInput(Msg.KEY_FILE_DAMAGED, path=self.path, reason=exc.reason) from None
        secrets = parse_payload(plaintext, self.path)
        self._passphrase = passphrase
        return secrets

    def _read_bytes(self) -> bytes:
        try:
            return self.path.read_bytes()
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise BadInput(Msg.FILE_NOT_READABLE, path=self.path, reason=reason) from exc

    def _save(self, secrets: dict[str, str]) -> None:
        passphrase = self._passphrase or self._ask(new=self._fresh or not self.path.exists())
        write_bytes(self.path, self._cipher.encrypt(payload(secrets), passphrase))
        self._secrets, self._passphrase, self._fresh = secrets, passphrase, False

    def _ask(self, *, new: bool) -> str:
        passphrase = self._provider(new=new)
        if not passphrase:
            raise BadInput(Msg.KEY_PASSPHRASE_EMPTY)
        return passphrase


def payload(secrets: dict[str, str]) -> bytes:
    document = {"format": FORMAT, "version": VERSION, "secrets": dict(sorted(secrets.items()))}
    return json.dumps(document, indent=2).encode("utf-8")


def parse_payload(plaintext: bytes, path: Path) -> dict[str, str]:
    """The secrets inside an opened keys file; any other content is a damaged file."""
    try:
        document = json.loads(plaintext.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        document = None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BadInput(Msg.KEY_FILE_DAMAGED, path=path, reason="it does not hold Reflect keys")
    version = document.get("version")
    if type(version) is not int or version < 1:
        raise BadInput(Msg.KEY_FILE_DAMAGED, path=path, reason="its version is missing")
    if version > VERSION:
        raise BadInput(Msg.KEY_FILE_TOO_NEW, path=path, version=version)
    secrets = document.get("secrets")
    if not isinstance(secrets, dict) or not all(
        isinstance(key, str) and isinstance(value, str) for key, value in secrets.items()
    ):
        raise BadInput(Msg.KEY_FILE_DAMAGED, path=path, reason="its list of keys is damaged")
    return dict(secrets)
