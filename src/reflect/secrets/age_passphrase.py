"""Passphrase encryption in the standard age format (scrypt), with failures sorted by cause.

The keys file and key backups use it. Output is ASCII-armored, so ``age --decrypt`` opens it and
it survives being pasted or mailed. pyrage (and with it the Rust age code) loads on first use.
Callers turn the two failure kinds into their own catalogue messages.
"""

from __future__ import annotations

from typing import Protocol

ARMOR_BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"
BINARY_MAGIC = b"age-encryption.org/"


class NotDecrypted(Exception):
    """The ciphertext could not be opened with the passphrase given."""


class WrongPassphrase(NotDecrypted):
    """A well-formed age file whose passphrase stanza the passphrase does not open."""


class Unreadable(NotDecrypted):
    """Not an age passphrase file, or one that was cut short or changed; ``reason`` says which."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class PassphraseCipher(Protocol):
    """Encrypts small texts with a passphrase; tests swap in a quick one for scrypt."""

    def encrypt(self, plaintext: bytes, passphrase: str) -> bytes: ...

    def decrypt(self, ciphertext: bytes, passphrase: str) -> bytes: ...


class AgeScrypt:
    """age's scrypt recipient through pyrage: about a second of work per call, by design."""

    def encrypt(self, plaintext: bytes, passphrase: str) -> bytes:
        from pyrage import passphrase as age_passphrase  # type: ignore[import-untyped, unused-ignore]

        return bytes(age_passphrase.encrypt(plaintext, passphrase, armored=True))

    def decrypt(self, ciphertext: bytes, passphrase: str) -> bytes:
        import pyrage

        data = normalized(ciphertext)
        try:
            return bytes(pyrage.passphrase.decrypt(data, passphrase))
        except pyrage.DecryptError as exc:
            raise classified(str(exc)) from None


class RawPassphraseCipher(Protocol):
    """Passphrase encryption whose ``decrypt`` fails as pyrage does (``DecryptError``, ``OSError``,
    ``ValueError`` with age's own text), for callers that sort failures themselves (passphrase
    bundles: :mod:`reflect.exchange.bundle_errors`); tests swap in a quick one for scrypt."""

    def encrypt(self, plaintext: bytes, passphrase: str) -> bytes: ...

    def decrypt(self, ciphertext: bytes, passphrase: str) -> bytes: ...


class RawAgeScrypt:
    """age's scrypt recipient through pyrage, armored, with pyrage's failures as they come."""

    def encrypt(self, plaintext: bytes, passphrase: str) -> bytes:
        from pyrage import passphrase as age_passphrase  # type: ignore[import-untyped, unused-ignore]

        return bytes(age_passphrase.encrypt(plaintext, passphrase, armored=True))

    def decrypt(self, ciphertext: bytes, passphrase: str) -> bytes:
        from pyrage import passphrase as age_passphrase  # type: ignore[import-untyped, unused-ignore]

        return bytes(age_passphrase.decrypt(ciphertext, passphrase))


def normalized(ciphertext: bytes) -> bytes:
    """Armored text may arrive with blank lines or spaces around it (mail, chat, editors)."""
    stripped = ciphertext.strip()
    if stripped.startswith(ARMOR_BEGIN):
        return stripped + b"\n"
    if ciphertext.startswith(BINARY_MAGIC):
        return ciphertext
    raise Unreadable("it is not an age-encrypted file")


def classified(error: str) -> NotDecrypted:
    """Sort rage's error texts: a passphrase that does not open the file, or a broken file."""
    lowered = error.lower()
    if lowered == "decryption failed":
        return WrongPassphrase(error)
    if "no matching keys" in lowered:
        return Unreadable("it was encrypted to someone's key, not with a passphrase")
    return Unreadable(f"it is damaged or incomplete ({error})")


AGE_SCRYPT = AgeScrypt()
RAW_AGE_SCRYPT = RawAgeScrypt()
