"""Real age scrypt encryption through pyrage, and how its failures are sorted.

Each scrypt call takes about a second by design, so one ciphertext is shared by the module.
"""

from __future__ import annotations

import pytest

from reflect.secrets.age_passphrase import AGE_SCRYPT, Unreadable, WrongPassphrase, classified

PASSPHRASE = "a long passphrase for tests"


@pytest.fixture(scope="module")
def sealed() -> bytes:
    return AGE_SCRYPT.encrypt(b'{"hello": "world"}', PASSPHRASE)


def test_output_is_armored_age_with_nothing_in_plain_text(sealed: bytes) -> None:
    """Opening it, CRLF and blank lines around it included, is shown by the key-backup tests."""
    assert sealed.startswith(b"-----BEGIN AGE ENCRYPTED FILE-----")
    assert b"hello" not in sealed


def test_a_wrong_passphrase_is_told_apart(sealed: bytes) -> None:
    with pytest.raises(WrongPassphrase):
        AGE_SCRYPT.decrypt(sealed, "not it")


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        ("Decryption failed", WrongPassphrase),
        ("decryption error", Unreadable),
        ("Header MAC is invalid", Unreadable),
        ("failed to fill whole buffer", Unreadable),
        ("No matching keys found", Unreadable),
    ],
)
def test_rage_errors_are_sorted_by_cause(error: str, kind: type) -> None:
    """The texts pyrage 1.4 gives for a wrong passphrase, a changed payload, a changed header,
    a short file and a file encrypted to a key (checked by hand; scrypt makes each take a
    second, so only the wrong passphrase runs for real above)."""
    assert type(classified(error)) is kind


@pytest.mark.parametrize(
    "data", [b"", b"hello", b"-----BEGIN AGE ENCRYPTED FILE-----\n", b"age-encryption.org/v1\n"]
)
def test_things_that_are_not_passphrase_files_are_unreadable(data: bytes) -> None:
    with pytest.raises(Unreadable):
        AGE_SCRYPT.decrypt(data, PASSPHRASE)


def test_a_file_encrypted_to_a_key_is_unreadable_with_a_reason() -> None:
    import pyrage

    recipient = pyrage.x25519.Identity.generate().to_public()
    with pytest.raises(Unreadable) as caught:
        AGE_SCRYPT.decrypt(pyrage.encrypt(b"x", [recipient], armored=True), PASSPHRASE)
    assert "key, not with a passphrase" in caught.value.reason
