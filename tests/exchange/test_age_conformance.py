"""The age conformance vectors (C2SP CCTV, tests/data/age-cctv/) through Reflect's age reading.

Every vector goes through the functions bundles use (``decrypted_with_identity`` with each X25519
identity it names, ``decrypted_with_passphrase`` with each passphrase), and passphrase vectors
also through the key files' cipher. A vector that decrypts in age decrypts to its payload here;
every other vector is refused with the message for its kind of failure. Vectors for recipient
types Reflect does not read (the post-quantum ``mlkem768x25519``) are tried with a Reflect key and
must read as "not sent to you". The scrypt work factor 23 vector is refused before any scrypt
work: a spy in place of pyrage's passphrase decryption must never be called.
"""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass
from pathlib import Path

import pyrage
import pytest

from reflect.errors import BadInput
from reflect.exchange.bundle import decrypted_with_identity, decrypted_with_passphrase
from reflect.messages import Msg
from reflect.secrets.age_passphrase import AGE_SCRYPT, TooCostly, Unreadable, WrongPassphrase

DATA = Path(__file__).parent.parent / "data" / "age-cctv"
BIG = 32 * 1024 * 1024  # the stream vectors hold up to 258 chunks of 64 KiB
STRANGER = pyrage.x25519.Identity.generate()  # a Reflect key, for vectors with none Reflect reads

HEADER_FAILURES = {"header failure", "armor failure"}
# Vectors whose refusal is not "malformed age": nothing in them looks like age at all, the work
# factor is too costly, or the failure is found by the X25519 exchange (pyrage's job).
NOT_AGE = {"empty", "armor_garbage_leading"}
TOO_COSTLY = {"scrypt_work_factor_23"}
EXCHANGE_FAILURES = {"x25519_identity", "x25519_low_order"}


@dataclass(frozen=True)
class Vector:
    name: str
    expect: str
    payload: str | None
    identities: tuple[str, ...]
    passphrases: tuple[str, ...]
    data: bytes

    @property
    def supported_identities(self) -> tuple[str, ...]:
        return tuple(i for i in self.identities if i.startswith("AGE-SECRET-KEY-1"))


def load(path: Path) -> Vector:
    head, _, body = path.read_bytes().partition(b"\n\n")
    fields: dict[str, list[str]] = {}
    for line in head.decode("utf-8").splitlines():
        key, _, value = line.partition(": ")
        fields.setdefault(key, []).append(value)
    if fields.get("compressed") == ["zlib"]:
        body = zlib.decompress(body)
    return Vector(
        name=path.name,
        expect=fields["expect"][0],
        payload=fields.get("payload", [None])[0],
        identities=tuple(fields.get("identity", [])),
        passphrases=tuple(fields.get("passphrase", [])),
        data=body,
    )


VECTORS = [load(p) for p in sorted(DATA.iterdir()) if p.name != "README.md"]
PASSPHRASE_VECTORS = [v for v in VECTORS if v.passphrases]


def test_the_whole_suite_is_here() -> None:
    assert len(VECTORS) == 143
    assert {v.expect for v in VECTORS} == {
        "success",
        "header failure",
        "armor failure",
        "payload failure",
        "no match",
        "HMAC failure",
    }


def expected_with_identity(vector: Vector, supported: bool) -> Msg | None:
    """The message for opening ``vector`` with an identity (None: it decrypts)."""
    if vector.name in NOT_AGE:
        return Msg.BUNDLE_NOT_AGE
    if vector.expect in HEADER_FAILURES and vector.name in EXCHANGE_FAILURES:
        return Msg.BUNDLE_DAMAGED
    if vector.expect in HEADER_FAILURES and (supported or grammar_breaks(vector)):
        return Msg.BUNDLE_BAD_AGE
    if not supported or vector.expect == "no match":
        return Msg.BUNDLE_NOT_FOR_YOU
    if vector.expect in {"payload failure", "HMAC failure"}:
        return Msg.BUNDLE_DAMAGED
    assert vector.expect == "success"
    return None


def grammar_breaks(vector: Vector) -> bool:
    """Header failures of unsupported stanza types that the generic grammar already refuses."""
    return vector.name in {"hybrid_not_canonical_body"}


def expected_with_passphrase(vector: Vector) -> Msg | None:
    if vector.name in NOT_AGE:
        return Msg.BUNDLE_NOT_AGE
    if vector.name in TOO_COSTLY:
        return Msg.BUNDLE_PASSPHRASE_TOO_COSTLY
    if vector.expect in HEADER_FAILURES:
        return Msg.BUNDLE_BAD_AGE
    if vector.name == "scrypt_uppercase":  # "Scrypt" is no stanza type age knows
        return Msg.BUNDLE_NOT_PASSPHRASE
    if vector.expect == "no match":
        return Msg.BUNDLE_WRONG_PASSPHRASE
    if vector.expect in {"payload failure", "HMAC failure"}:
        return Msg.BUNDLE_DAMAGED
    assert vector.expect == "success"
    return None


@pytest.fixture
def no_scrypt(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every call to pyrage's passphrase decryption (the only place scrypt runs)."""
    calls: list[str] = []
    real = pyrage.passphrase.decrypt

    def spy(data: bytes, passphrase: str) -> bytes:
        calls.append(passphrase)
        return real(data, passphrase)

    monkeypatch.setattr(pyrage.passphrase, "decrypt", spy)
    return calls


def check_plaintext(vector: Vector, plaintext: bytes) -> None:
    assert vector.payload is not None
    assert hashlib.sha256(plaintext).hexdigest() == vector.payload


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: v.name)
def test_each_vector_with_each_identity(vector: Vector, tmp_path: Path) -> None:
    keys = vector.supported_identities
    identities = [pyrage.x25519.Identity.from_str(k) for k in keys] or [STRANGER]
    expected = expected_with_identity(vector, supported=bool(keys) or not vector.identities)
    if vector.passphrases and not keys:
        expected = Msg.BUNDLE_NOT_AGE if vector.name in NOT_AGE else None
        if expected is None:  # a passphrase file opened with keys: asked for its passphrase
            expected = (
                Msg.BUNDLE_BAD_AGE
                if vector.expect in HEADER_FAILURES and vector.name not in TOO_COSTLY
                else Msg.BUNDLE_NEEDS_PASSPHRASE
            )
            if vector.name == "scrypt_uppercase":
                expected = Msg.BUNDLE_NOT_FOR_YOU
    for identity in identities:
        if expected is None:
            check_plaintext(vector, decrypted_with_identity(vector.data, identity, max_bytes=BIG))
            continue
        with pytest.raises(BadInput) as caught:
            decrypted_with_identity(vector.data, identity, max_bytes=BIG)
        assert caught.value.msg is expected, caught.value.text
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("vector", PASSPHRASE_VECTORS, ids=lambda v: v.name)
def test_each_passphrase_vector_as_a_bundle(vector: Vector, no_scrypt: list[str]) -> None:
    expected = expected_with_passphrase(vector)
    for passphrase in vector.passphrases:
        if expected is None:
            check_plaintext(vector, decrypted_with_passphrase(vector.data, passphrase))
            continue
        with pytest.raises(BadInput) as caught:
            decrypted_with_passphrase(vector.data, passphrase, max_bytes=BIG)
        assert caught.value.msg is expected, caught.value.text
    if expected in {Msg.BUNDLE_BAD_AGE, Msg.BUNDLE_PASSPHRASE_TOO_COSTLY, Msg.BUNDLE_NOT_AGE}:
        assert no_scrypt == [], "refused at the header, so no key may be derived"


@pytest.mark.parametrize("vector", PASSPHRASE_VECTORS, ids=lambda v: v.name)
def test_each_passphrase_vector_as_a_key_file(vector: Vector, no_scrypt: list[str]) -> None:
    bundle_msg = expected_with_passphrase(vector)
    expected: type[Exception] | None = {
        None: None,
        Msg.BUNDLE_PASSPHRASE_TOO_COSTLY: TooCostly,
        Msg.BUNDLE_WRONG_PASSPHRASE: WrongPassphrase,
    }.get(bundle_msg, Unreadable)
    for passphrase in vector.passphrases:
        if expected is None:
            check_plaintext(vector, AGE_SCRYPT.decrypt(vector.data, passphrase))
            continue
        with pytest.raises(expected):
            AGE_SCRYPT.decrypt(vector.data, passphrase)
    if vector.expect in HEADER_FAILURES:
        assert no_scrypt == [], "refused at the header, so no key may be derived"
