"""A user's own keys: an age X25519 identity to receive bundles and an Ed25519 key to sign them.

Both are made on first use and kept together as one secret (``"identity"``) in the journal's
key store, so they are saved or lost together. A key backup is the same two private keys in a
passphrase-encrypted age file. Private keys never reach the disk unencrypted; ``repr`` never
shows them. pyrage and cryptography load on first use.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
from functools import cached_property
from typing import TYPE_CHECKING, Any

from reflect.errors import BadInput, StorageError
from reflect.exchange.canonical import SIGNING_KEY_PREFIX, signing_key_bytes
from reflect.messages import Msg
from reflect.secrets.age_passphrase import (
    AGE_SCRYPT,
    PassphraseCipher,
    TooCostly,
    Unreadable,
    WrongPassphrase,
)
from reflect.secrets.store import KeyStore

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

IDENTITY_SECRET = "identity"
SECRET_FORMAT = "reflect-identity"
BACKUP_FORMAT = "reflect-key-backup"
KEYS_FILE_FORMAT = "reflect-keys"  # a copy of a keys.age file restores as well as a backup
VERSION = 1
ED25519_KEY_BYTES = 32


class TooNew(ValueError):
    """Keys saved by a newer version of Reflect, in a layout this version does not know."""

    def __init__(self, version: int) -> None:
        super().__init__(f"it was written by a newer version of Reflect (version {version})")
        self.version = version


class Identity:
    """The private keys of one journal's user, and what may be shown of them."""

    def __init__(self, age_secret: str, signing_private: bytes) -> None:
        """Raises ValueError when either key is malformed."""
        if len(signing_private) != ED25519_KEY_BYTES:
            raise ValueError("the signing key is not 32 bytes long")
        self._age_secret = age_secret
        self._signing_private = signing_private
        self.age_identity  # noqa: B018 - parse now, so a bad key fails here, not later

    @classmethod
    def generate(cls) -> Identity:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        from pyrage import x25519  # type: ignore[import-untyped, unused-ignore]

        signing = Ed25519PrivateKey.generate().private_bytes_raw()
        return cls(str(x25519.Identity.generate()), signing)

    @cached_property
    def age_identity(self) -> Any:
        """The ``pyrage.x25519.Identity``, for decrypting bundles addressed to this user."""
        import pyrage

        try:
            return pyrage.x25519.Identity.from_str(self._age_secret)
        except pyrage.IdentityError:
            raise ValueError("the age identity is not an AGE-SECRET-KEY-1… key") from None

    @cached_property
    def recipient(self) -> str:
        """The age public key, ``age1…``, that others encrypt to."""
        return str(self.age_identity.to_public())

    @cached_property
    def signing_public(self) -> str:
        """The Ed25519 public key as ``ed25519:`` and the base64 of its 32 raw bytes."""
        public = self.signing_key().public_key().public_bytes_raw()
        return SIGNING_KEY_PREFIX + base64.b64encode(public).decode("ascii")

    def sign(self, data: bytes) -> bytes:
        """A 64-byte Ed25519 signature over ``data``."""
        return self.signing_key().sign(data)

    def signing_key(self) -> Ed25519PrivateKey:
        """The ``cryptography`` private key object, for code that signs (bundles)."""
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        return Ed25519PrivateKey.from_private_bytes(self._signing_private)

    def private_parts(self) -> dict[str, str]:
        """Both private keys as text, for the key store and backups only."""
        signing = base64.b64encode(self._signing_private).decode("ascii")
        return {"age_identity": self._age_secret, "signing_key": signing}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Identity):
            return NotImplemented
        mine, theirs = json.dumps(self.private_parts()), json.dumps(other.private_parts())
        return hmac.compare_digest(mine.encode(), theirs.encode())

    def __hash__(self) -> int:
        return hash(self.recipient)

    def __repr__(self) -> str:
        return f"Identity(recipient={self.recipient!r}, signing_public={self.signing_public!r})"


def load_or_create(store: KeyStore) -> Identity:
    """This journal's identity, made and saved on first use."""
    text = store.get(IDENTITY_SECRET)
    if text is None:
        identity = Identity.generate()
        save(store, identity)
        return identity
    try:
        return identity_from_document(json.loads(text), SECRET_FORMAT)
    except (ValueError, TypeError) as exc:
        raise StorageError(Msg.KEY_STORED_DAMAGED, store=store.describe(), reason=exc) from None


def save(store: KeyStore, identity: Identity) -> None:
    """Keep ``identity`` in ``store``, replacing the one there (restoring a backup does this)."""
    document = {"format": SECRET_FORMAT, "version": VERSION, **identity.private_parts()}
    store.set(IDENTITY_SECRET, json.dumps(document))


def identity_from_document(document: object, expected_format: str) -> Identity:
    """Raises ValueError saying what is wrong with a saved identity or backup document."""
    if not isinstance(document, dict) or document.get("format") != expected_format:
        raise ValueError("it does not hold Reflect keys")
    version = document.get("version")
    if type(version) is not int or version < 1:
        raise ValueError("its version is missing")
    if version > VERSION:
        raise TooNew(version)
    age_secret, signing = document.get("age_identity"), document.get("signing_key")
    if not isinstance(age_secret, str) or not isinstance(signing, str):
        raise ValueError("a private key is missing")
    return Identity(age_secret, decoded_base64(signing))


def decoded_base64(text: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise ValueError("a key is not valid base64") from None


def verify(public: str, data: bytes, signature: bytes) -> bool:
    """Whether ``signature`` over ``data`` was made with the private half of ``public``."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        raw = signing_key_bytes(public)
    except ValueError as exc:
        raise BadInput(Msg.KEY_BAD_SIGNING_KEY, value=public, reason=exc) from None
    try:
        Ed25519PublicKey.from_public_bytes(raw).verify(signature, data)
    except InvalidSignature:
        return False
    return True


def export_backup(
    identity: Identity,
    passphrase: str,
    *,
    cipher: PassphraseCipher = AGE_SCRYPT,
    journal_key: str | None = None,
) -> bytes:
    """Both private keys in an ASCII-armored age file that only ``passphrase`` opens, with the
    encrypted journal's key (hex) when there is one (docs/encryption.md)."""
    if not passphrase:
        raise BadInput(Msg.KEY_PASSPHRASE_EMPTY)
    document = {
        "format": BACKUP_FORMAT,
        "version": VERSION,
        **identity.private_parts(),
        "recipient": identity.recipient,
        "signing_public": identity.signing_public,
    }
    if journal_key is not None:
        document["journal_key"] = journal_key
    return cipher.encrypt(json.dumps(document, indent=2).encode("utf-8"), passphrase)


def journal_key_in_backup(
    data: bytes, passphrase: str, *, cipher: PassphraseCipher = AGE_SCRYPT
) -> str | None:
    """The encrypted journal's key (hex) in a key backup; None when it holds none."""
    document = json.loads(_opened_backup(data, passphrase, cipher).decode("utf-8", "replace"))
    found = document.get("journal_key") if isinstance(document, dict) else None
    return found if isinstance(found, str) else None


def _opened_backup(data: bytes, passphrase: str, cipher: PassphraseCipher) -> bytes:
    try:
        return cipher.decrypt(data, passphrase)
    except WrongPassphrase:
        raise BadInput(Msg.KEY_BACKUP_WRONG_PASSPHRASE) from None
    except TooCostly as exc:
        raise BadInput(Msg.KEY_BACKUP_TOO_COSTLY, factor=exc.work_factor, limit=exc.limit) from None
    except Unreadable as exc:
        raise BadInput(Msg.KEY_BACKUP_DAMAGED, reason=exc.reason) from None


def import_backup(
    data: bytes, passphrase: str, *, cipher: PassphraseCipher = AGE_SCRYPT
) -> Identity:
    """The identity in a key backup (or in a copy of a ``keys.age`` file)."""
    try:
        plaintext = cipher.decrypt(data, passphrase)
    except WrongPassphrase:
        raise BadInput(Msg.KEY_BACKUP_WRONG_PASSPHRASE) from None
    except TooCostly as exc:
        raise BadInput(Msg.KEY_BACKUP_TOO_COSTLY, factor=exc.work_factor, limit=exc.limit) from None
    except Unreadable as exc:
        raise BadInput(Msg.KEY_BACKUP_DAMAGED, reason=exc.reason) from None
    try:
        return identity_in_backup(json.loads(plaintext.decode("utf-8")))
    except UnicodeDecodeError:
        raise BadInput(Msg.KEY_BACKUP_DAMAGED, reason="it does not hold Reflect keys") from None
    except ValueError as exc:  # JSONDecodeError is one
        raise backup_error(exc) from None


def identity_in_backup(document: object) -> Identity:
    if not isinstance(document, dict):
        raise ValueError("it does not hold Reflect keys")
    if document.get("format") == KEYS_FILE_FORMAT:
        return identity_in_keys_file(document)
    identity = identity_from_document(document, BACKUP_FORMAT)
    listed = (document.get("recipient"), document.get("signing_public"))
    if listed != (None, None) and listed != (identity.recipient, identity.signing_public):
        raise ValueError("its public keys do not match its private keys")
    return identity


def identity_in_keys_file(document: dict[str, Any]) -> Identity:
    version = document.get("version")
    if type(version) is int and version > VERSION:
        raise TooNew(version)
    secrets = document.get("secrets")
    text = secrets.get(IDENTITY_SECRET) if isinstance(secrets, dict) else None
    if not isinstance(text, str):
        raise ValueError("it holds no Reflect identity")
    return identity_from_document(json.loads(text), SECRET_FORMAT)


def backup_error(exc: ValueError) -> BadInput:
    if isinstance(exc, TooNew):
        return BadInput(Msg.KEY_BACKUP_TOO_NEW, version=exc.version)
    if isinstance(exc, json.JSONDecodeError):
        return BadInput(Msg.KEY_BACKUP_DAMAGED, reason="it does not hold Reflect keys")
    return BadInput(Msg.KEY_BACKUP_DAMAGED, reason=str(exc))
