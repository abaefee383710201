"""In-memory stand-ins for the clock, the keyring, key stores and passphrases used in tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from reflect.errors import StorageError
from reflect.messages import Msg
from reflect.secrets.memory_keyring import MemoryKeyring as InMemoryKeyring
from reflect.secrets.store import KeyStore


class FakeClock:
    """A clock that moves only when told to, so timestamps are predictable."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(microseconds=1)
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


# A working keyring backend kept in a dictionary (shared with the screenshot script).
MemoryKeyring = InMemoryKeyring


class BrokenKeyring:
    """A keyring that raises on every call, as a locked one or one without D-Bus does."""

    priority = 5

    def __init__(self, error: Exception | None = None) -> None:
        self.error = error or RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown")
        self.calls = 0

    def _fail(self, *args: str) -> None:
        self.calls += 1
        raise self.error

    get_password = set_password = delete_password = _fail


def no_keyring() -> object:
    """keyring's own "no backend available" keyring, as on a machine with none installed."""
    from keyring.backends import fail

    return fail.Keyring()


class BrokenKeyStore(KeyStore):
    """A key store whose every call fails the way a keyring that stopped working does."""

    kind = "keyring"

    def _fail(self) -> StorageError:
        return StorageError(Msg.KEYRING_FAILED, reason="the keyring is locked")

    def get(self, name: str) -> str | None:
        raise self._fail()

    def set(self, name: str, secret: str) -> None:
        raise self._fail()

    def delete(self, name: str) -> None:
        raise self._fail()

    def describe(self) -> str:
        return Msg.KEYRING_DESCRIPTION.template.format(backend="a broken keyring")


class FixedPassphrase:
    """A passphrase provider that answers the same each time and remembers being asked."""

    def __init__(self, passphrase: str = "correct horse battery staple") -> None:
        self.passphrase = passphrase
        self.asked: list[bool] = []

    def __call__(self, *, new: bool) -> str:
        self.asked.append(new)
        return self.passphrase


class QuickCipher:
    """Passphrase encryption that takes microseconds instead of age scrypt's second.

    Real encryption (AES-GCM under a hash of the passphrase), with a check value standing in for
    age's passphrase stanza so a wrong passphrase and a damaged file fail differently.
    """

    MAGIC = b"quick-cipher/1\n"

    @staticmethod
    def _key(passphrase: str) -> bytes:
        import hashlib

        return hashlib.sha256(passphrase.encode("utf-8")).digest()

    def encrypt(self, plaintext: bytes, passphrase: str) -> bytes:
        import hashlib
        import os

        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        key = self._key(passphrase)
        nonce = os.urandom(12)
        check = hashlib.sha256(key).digest()[:8]
        return self.MAGIC + check + nonce + AESGCM(key).encrypt(nonce, plaintext, None)

    def decrypt(self, ciphertext: bytes, passphrase: str) -> bytes:
        import hashlib

        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        from reflect.secrets.age_passphrase import Unreadable, WrongPassphrase

        if not ciphertext.startswith(self.MAGIC):
            raise Unreadable("it is not an age-encrypted file")
        body = ciphertext[len(self.MAGIC) :]
        key = self._key(passphrase)
        if body[:8] != hashlib.sha256(key).digest()[:8]:
            raise WrongPassphrase("Decryption failed")
        try:
            return AESGCM(key).decrypt(body[8:20], body[20:], None)
        except InvalidTag:
            raise Unreadable("it is damaged or incomplete") from None


class QuickRawCipher:
    """QuickCipher for passphrase bundles: age's armor lines around it, failures as pyrage's.

    Only the armor is age's (bundles refuse anything else before decrypting), not the header, so
    opening one with keys instead of the passphrase says "damaged", not "needs a passphrase". A
    wrong passphrase reads "Decryption failed" as age's does; anything else that does not open is
    a ``DecryptError`` with QuickCipher's reason, which bundles call damaged.
    """

    BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"
    END = b"-----END AGE ENCRYPTED FILE-----"

    def __init__(self) -> None:
        self._quick = QuickCipher()

    def encrypt(self, plaintext: bytes, passphrase: str) -> bytes:
        import base64

        text = base64.b64encode(self._quick.encrypt(plaintext, passphrase))
        lines = [text[i : i + 64] for i in range(0, len(text), 64)]
        return b"\n".join([self.BEGIN, *lines, self.END]) + b"\n"

    def decrypt(self, ciphertext: bytes, passphrase: str) -> bytes:
        import base64
        import binascii

        import pyrage

        from reflect.secrets.age_passphrase import Unreadable, WrongPassphrase

        body = ciphertext.strip().removeprefix(self.BEGIN).removesuffix(self.END)
        try:
            return self._quick.decrypt(base64.b64decode(b"".join(body.split())), passphrase)
        except WrongPassphrase:
            raise pyrage.DecryptError("Decryption failed") from None
        except (Unreadable, binascii.Error) as exc:
            raise pyrage.DecryptError(str(exc)) from None
