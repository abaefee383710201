"""Passphrase encryption in the standard age format (scrypt), with failures sorted by cause.

The keys file and key backups use it. Output is ASCII-armored, so ``age --decrypt`` opens it and
it survives being pasted or mailed. pyrage (and with it the Rust age code) loads on first use.
Callers turn the failure kinds into their own catalogue messages.

Before any key is derived, the file's armor and header are read strictly by
:mod:`reflect.secrets.age_format`, and a passphrase stanza asking for more scrypt work than
Reflect ever writes is refused (:class:`TooCostly`): a hostile file cannot make opening it take
minutes and gigabytes.
"""

from __future__ import annotations

from typing import Protocol

from reflect.secrets import age_format


class NotDecrypted(Exception):
    """The ciphertext could not be opened with the passphrase given."""


class WrongPassphrase(NotDecrypted):
    """A well-formed age file whose passphrase stanza the passphrase does not open."""


class Unreadable(NotDecrypted):
    """Not an age passphrase file, or one that was cut short or changed; ``reason`` says which."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class TooCostly(NotDecrypted):
    """A passphrase file asking for more scrypt work than Reflect allows; nothing was derived."""

    def __init__(self, work_factor: int, limit: int) -> None:
        super().__init__(f"scrypt work factor {work_factor} is above {limit}")
        self.work_factor = work_factor
        self.limit = limit


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

        data = checked(ciphertext)
        try:
            return bytes(pyrage.passphrase.decrypt(data, passphrase))
        except pyrage.DecryptError as exc:
            raise classified(str(exc)) from None


class RawPassphraseCipher(Protocol):
    """Passphrase encryption whose ``decrypt`` fails as pyrage does (``DecryptError``, ``OSError``,
    ``ValueError`` with age's own text) or with an ``age_format.AgeFormatError`` (a
    ``ValueError``) from the strict header check, for callers that sort failures themselves
    (passphrase bundles: :mod:`reflect.exchange.bundle_errors`); tests swap in a quick one."""

    def encrypt(self, plaintext: bytes, passphrase: str) -> bytes: ...

    def decrypt(self, ciphertext: bytes, passphrase: str) -> bytes: ...


class RawAgeScrypt:
    """age's scrypt recipient through pyrage, armored, with pyrage's failures as they come, after
    the strict header check (whose ``AgeFormatError`` comes as it is)."""

    def encrypt(self, plaintext: bytes, passphrase: str) -> bytes:
        from pyrage import passphrase as age_passphrase  # type: ignore[import-untyped, unused-ignore]

        return bytes(age_passphrase.encrypt(plaintext, passphrase, armored=True))

    def decrypt(self, ciphertext: bytes, passphrase: str) -> bytes:
        from pyrage import passphrase as age_passphrase  # type: ignore[import-untyped, unused-ignore]

        binary = age_format.read(ciphertext).with_passphrase().binary
        return bytes(age_passphrase.decrypt(binary, passphrase))


def checked(ciphertext: bytes) -> bytes:
    """The binary age file in ``ciphertext`` (armored or not; blank lines or spaces around armor
    are fine), once its header has read strictly and its work factor is within bounds."""
    try:
        return age_format.read(ciphertext).with_passphrase().binary
    except age_format.ScryptTooCostly as exc:
        raise TooCostly(exc.work_factor, exc.limit) from None
    except age_format.NotAgeFile:
        raise Unreadable("it is not an age-encrypted file") from None
    except age_format.MalformedAge as exc:
        raise Unreadable(f"its age {exc.part} is malformed: {exc.reason}") from None


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
