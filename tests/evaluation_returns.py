"""Evaluation returns for tests: an evaluator, participants with keys of their own, and the
ways a return file can be altered on its way (decrypt, edit, re-encrypt; flip an armor byte)."""

from __future__ import annotations

import base64
import functools
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyrage

from reflect.core.evaluation import Rating, ReturnContent, ReturnKind
from reflect.exchange.canonical import signature_text
from reflect.exchange.card import make_card
from reflect.exchange.evaluation_file import pseudonym_key, return_bytes
from reflect.exchange.identity import Identity

PROGRAMME = "leading-across-systems-cohort-4"
CREATED = "2027-01-01T09:00:00+00:00"
BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"
END = b"-----END AGE ENCRYPTED FILE-----"


@functools.cache
def evaluator() -> Identity:
    return Identity.generate()


@functools.cache
def participant(n: int) -> Identity:
    """The n-th participant's own keys, made once a run (key generation is not free)."""
    return Identity.generate()


def evaluator_card(identity: Identity | None = None) -> str:
    return make_card("Dr Priya Nair", identity or evaluator())


def scores(time_point: str, *values: int) -> ReturnContent:
    """A return rating CSIF's vision, capability, cqi… with ``values`` in that order."""
    domains = ("vision", "capability", "cqi", "redesign", "innovation")
    ratings = tuple(Rating("csif", d, v) for d, v in zip(domains, values, strict=False))
    return ReturnContent(time_point=time_point, ratings=ratings)


def a_return(
    who: Identity,
    content: ReturnContent | None,
    *,
    programme: str = PROGRAMME,
    to: Identity | None = None,
    created: str = CREATED,
) -> bytes:
    kind = ReturnKind.RETURN if content is not None else ReturnKind.WITHDRAWAL
    return return_bytes(content, kind, programme, who, evaluator_card(to), created)


def decrypted(data: bytes, identity: Identity | None = None) -> bytes:
    return pyrage.decrypt(_binary(data), [(identity or evaluator()).age_identity])


def encrypted(plaintext: bytes, to: Identity | None = None) -> bytes:
    out = io.BytesIO()
    recipient = pyrage.x25519.Recipient.from_str((to or evaluator()).recipient)
    pyrage.encrypt_io(io.BytesIO(plaintext), out, [recipient], armored=True)
    return out.getvalue()


def edited(
    data: bytes,
    edit: Callable[[dict[str, Any]], None],
    *,
    resign_as: tuple[Identity, str] | None = None,
    to: Identity | None = None,
    opened_by: Identity | None = None,
) -> bytes:
    """``data`` decrypted (by ``opened_by``, the evaluator unless named), changed by ``edit``,
    signed again (by ``resign_as``: a participant's pseudonym key for a programme) or not, and
    encrypted again to ``to`` (the evaluator unless named)."""
    document = json.loads(decrypted(data, opened_by))
    edit(document)
    if resign_as is not None:
        document["signature"] = signature_text(document, pseudonym_key(*resign_as))
    return encrypted(json.dumps(document, indent=2).encode(), to)


def armor_byte_flipped(data: bytes) -> bytes:
    """One base64 letter in the middle of the armored payload changed to another letter."""
    body_start = data.index(b"\n", len(BEGIN)) + 1
    lines = data[body_start : data.index(END)].split(b"\n")
    # the last full line of the armored body: well past the header, inside the payload
    row = max(n for n, line in enumerate(lines) if len(line) == 64)
    line = bytearray(lines[row])
    line[30] = ord("A") if line[30] != ord("A") else ord("B")
    lines[row] = bytes(line)
    return data[:body_start] + b"\n".join(lines) + data[data.index(END) :]


def _binary(data: bytes) -> bytes:
    body = data.split(BEGIN, 1)[1].split(END, 1)[0]
    return base64.b64decode(b"".join(body.split()))


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path
