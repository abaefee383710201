"""Files from the age conformance vectors (tests/data/age-cctv/) as tests need them."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyrage
import pytest

DATA = Path(__file__).parent / "data" / "age-cctv"
BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"
END = b"-----END AGE ENCRYPTED FILE-----"


def age_file(name: str) -> bytes:
    """The age file of vector ``name``, without the vector's own header."""
    return (DATA / name).read_bytes().partition(b"\n\n")[2]


def armored(binary: bytes) -> bytes:
    text = base64.b64encode(binary)
    lines = [text[i : i + 64] for i in range(0, len(text), 64)]
    return b"\n".join([BEGIN, *lines, END]) + b"\n"


def costly_passphrase_file() -> bytes:
    """An armored passphrase file (passphrase "password") asking for scrypt work factor 23:
    2^23 rounds, about 8 GiB of memory and most of a minute if anything derived its key."""
    return armored(age_file("scrypt_work_factor_23"))


@contextmanager
def scrypt_spy(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every call to pyrage's passphrase decryption, the one place age runs scrypt."""
    calls: list[str] = []
    real = pyrage.passphrase.decrypt

    def spy(data: bytes, passphrase: str) -> bytes:
        calls.append(passphrase)
        return real(data, passphrase)

    with monkeypatch.context() as patch:
        patch.setattr(pyrage.passphrase, "decrypt", spy)
        yield calls
