"""A strict reader for the age file format's armor and header, run before pyrage sees a file.

age (https://age-encryption.org/v1) leaves some choices to the reader, and the age library under
pyrage makes them more loosely than the reference implementation (filippo.io/age): it accepts
stanzas that end without their short final body line, and it spends whatever scrypt work factor
a passphrase file asks for (up to 2^23 and beyond) before saying anything. This module reads a
file's armor and header the way the reference does, refuses what the specification refuses, and
returns the header and the binary file for pyrage to decrypt. It never derives a key: cryptographic
checks (the header MAC, the X25519 exchange, the payload's chunks) stay with pyrage.

Both forms the ``age`` tool reads are accepted: ASCII armor (what Reflect writes) and binary.
One leniency is deliberate: a UTF-8 byte-order mark before the armor, which text editors add, is
dropped. Everything here is pure Python and linear in the size of the input.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass

ARMOR_BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"
ARMOR_END = b"-----END AGE ENCRYPTED FILE-----"
BINARY_MAGIC = b"age-encryption.org/"
INTRO = b"age-encryption.org/v1\n"
UTF8_BOM = b"\xef\xbb\xbf"

COLUMNS_PER_LINE = 64
BYTES_PER_LINE = COLUMNS_PER_LINE // 4 * 3
MAX_WHITESPACE = 1024  # around the armor, as the reference reader allows
MAC_BYTES = 32
NONCE_BYTES = 16
WRAPPED_FILE_KEY_BYTES = 32  # a 16-byte file key and its 16-byte tag
X25519_SHARE_BYTES = 32
SCRYPT_SALT_BYTES = 16

MAX_SCRYPT_WORK_FACTOR = 21
"""The largest scrypt work factor (log2 of N) opened. pyrage picks the factor that takes about a
second on the writing machine (17 to 19 on the machines Reflect was tested on); 21 leaves room for
a machine four times faster than those, and caps one attempt at 2 GiB of memory and a few
seconds. The reference reader's default cap, 22, would allow 4 GiB. docs/exchange.md has more."""

_WORK_FACTOR = re.compile(rb"[1-9][0-9]*")
_AGE_ARMOR_LIKE = re.compile(rb"-----\s*BEGIN\s+AGE\s", re.IGNORECASE)


class AgeFormatError(ValueError):
    """The input is not an age file Reflect will hand to the age library."""


class NotAgeFile(AgeFormatError):
    """Nothing about the input looks like age: neither armor nor the binary header line."""

    def __init__(self) -> None:
        super().__init__("it is not an age-encrypted file")


class MalformedAge(AgeFormatError):
    """The input starts like age, but its armor (``part`` "armor") or header breaks the format."""

    def __init__(self, part: str, reason: str) -> None:
        super().__init__(f"its age {part} is malformed: {reason}")
        self.part = part
        self.reason = reason


class ScryptTooCostly(AgeFormatError):
    """A passphrase file asks for more scrypt work than :data:`MAX_SCRYPT_WORK_FACTOR`."""

    def __init__(self, work_factor: int, limit: int = MAX_SCRYPT_WORK_FACTOR) -> None:
        super().__init__(
            f"its passphrase lock asks for scrypt work factor {work_factor}, above {limit}"
        )
        self.work_factor = work_factor
        self.limit = limit


@dataclass(frozen=True)
class Stanza:
    type: str
    args: tuple[str, ...]
    body: bytes


@dataclass(frozen=True)
class AgeFile:
    """A file whose armor and header read strictly; ``binary`` is the file without armor."""

    stanzas: tuple[Stanza, ...]
    mac: bytes
    binary: bytes
    armored: bool

    @property
    def scrypt_work_factor(self) -> int | None:
        """The work factor of the passphrase stanza, or None for a file locked to keys."""
        for stanza in self.stanzas:
            if stanza.type == "scrypt":
                return int(stanza.args[1])
        return None

    def with_passphrase(self) -> AgeFile:
        """This file, checked to be one a passphrase may open at bounded cost."""
        work_factor = self.scrypt_work_factor
        if work_factor is not None and work_factor > MAX_SCRYPT_WORK_FACTOR:
            raise ScryptTooCostly(work_factor)
        return self


def read(data: bytes) -> AgeFile:
    """The header of ``data`` (armored or binary), or an :class:`AgeFormatError` saying why not."""
    binary, armored = _binary(data)
    stanzas, mac = _header(binary)
    return AgeFile(stanzas, mac, binary, armored)


# Armor ----------------------------------------------------------------------------------------


def _binary(data: bytes) -> tuple[bytes, bool]:
    if data.startswith(BINARY_MAGIC):
        return data, False
    text = data.removeprefix(UTF8_BOM)
    start = len(text) - len(text.lstrip())
    if text[start:].startswith(ARMOR_BEGIN):
        if start > MAX_WHITESPACE:
            raise MalformedAge("armor", "too much blank space before it")
        return _dearmored(text[start:]), True
    first_line = text[start : start + 100].split(b"\n", 1)[0]
    if _AGE_ARMOR_LIKE.match(first_line):
        # Armor of age's in all but its exact first line (PGP's and others' are not age at all).
        raise MalformedAge("armor", "its first line is not " + ARMOR_BEGIN.decode())
    raise NotAgeFile


def _dearmored(text: bytes) -> bytes:
    """Strict PEM as age writes it: 64 columns, no headers, canonical padded base64."""
    lines = text.split(b"\n")
    if lines[0].removesuffix(b"\r") != ARMOR_BEGIN:
        raise MalformedAge("armor", "its first line is not " + ARMOR_BEGIN.decode())
    decoded: list[bytes] = []
    index = 1
    while True:
        if index >= len(lines) or (index == len(lines) - 1 and not lines[index]):
            raise MalformedAge("armor", "it has no END line")
        line = lines[index].removesuffix(b"\r")
        index += 1
        if line == ARMOR_END:
            break
        if len(line) > COLUMNS_PER_LINE:
            raise MalformedAge("armor", f"line {index} is longer than 64 characters")
        if not line:
            raise MalformedAge("armor", f"line {index} is empty")
        chunk = _strict_base64(line, padded=True)
        if chunk is None:
            raise MalformedAge("armor", f"line {index} is not canonical base64")
        decoded.append(chunk)
        if len(chunk) < BYTES_PER_LINE:
            # Only the last line may be short, and the END line follows it.
            if index >= len(lines) or lines[index].removesuffix(b"\r") != ARMOR_END:
                raise MalformedAge("armor", f"a short line {index} is not followed by the END")
            index += 1
            break
    trailing = b"\n".join(lines[index:])
    if trailing.strip():
        raise MalformedAge("armor", "there is text after the END line")
    if len(trailing) >= MAX_WHITESPACE:
        raise MalformedAge("armor", "too much blank space after it")
    return b"".join(decoded)


def _strict_base64(text: bytes, *, padded: bool) -> bytes | None:
    """``text`` decoded if it is the canonical standard base64 of something, else None."""
    if padded:
        if len(text) % 4:
            return None
        unpadded = text.rstrip(b"=")
        if len(text) - len(unpadded) > 2:
            return None
    else:
        unpadded = text
    if b"=" in unpadded or len(unpadded) % 4 == 1:
        return None
    try:
        value = base64.b64decode(unpadded + b"=" * (-len(unpadded) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None
    canonical = base64.b64encode(value)
    if (canonical if padded else canonical.rstrip(b"=")) != text:
        return None  # non-zero trailing bits
    return value


# Header ---------------------------------------------------------------------------------------


def _header(binary: bytes) -> tuple[tuple[Stanza, ...], bytes]:
    reader = _Lines(binary)
    intro = reader.line("the version line")
    if intro + b"\n" != INTRO:
        if intro.startswith(BINARY_MAGIC):
            raise MalformedAge("header", "it is an age version Reflect does not know")
        raise MalformedAge("header", "it does not start with the age version line")
    stanzas: list[Stanza] = []
    while True:
        if binary.startswith(b"---", reader.position):
            mac = _mac(reader.line("the MAC line"))
            break
        stanzas.append(_stanza(reader))
    _check_stanzas(stanzas)
    if len(binary) - reader.position < NONCE_BYTES:
        raise MalformedAge("header", "the file ends before its payload starts")
    return tuple(stanzas), mac


class _Lines:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.position = 0

    def line(self, what: str) -> bytes:
        end = self.data.find(b"\n", self.position)
        if end < 0:
            raise MalformedAge("header", f"it ends in the middle of {what}")
        line = self.data[self.position : end]
        self.position = end + 1
        return line


def _mac(line: bytes) -> bytes:
    parts = line.split(b" ")
    if parts[0] != b"---" or len(parts) != 2:
        raise MalformedAge("header", "its MAC line is not '--- ' and the MAC")
    mac = _strict_base64(parts[1], padded=False)
    if mac is None or len(mac) != MAC_BYTES:
        raise MalformedAge("header", "its MAC is not 32 bytes of canonical base64")
    return mac


def _stanza(reader: _Lines) -> Stanza:
    parts = reader.line("a stanza").split(b" ")
    if parts[0] != b"->" or len(parts) < 2:
        raise MalformedAge("header", "a line is neither a stanza ('-> ') nor the MAC ('--- ')")
    if not all(part and all(33 <= c <= 126 for c in part) for part in parts[1:]):
        raise MalformedAge("header", "a stanza has an empty argument or one that is not ASCII")
    body: list[bytes] = []
    while True:
        line = reader.line("a stanza's body")
        if len(line) > COLUMNS_PER_LINE:
            raise MalformedAge("header", "a stanza's body line is longer than 64 characters")
        chunk = _strict_base64(line, padded=False)
        if chunk is None:
            if line.startswith((b"->", b"---")):
                raise MalformedAge("header", "a stanza ends without a short last line")
            raise MalformedAge("header", "a stanza's body is not canonical base64")
        body.append(chunk)
        if len(chunk) < BYTES_PER_LINE:
            break
    args = tuple(part.decode("ascii") for part in parts[2:])
    return Stanza(parts[1].decode("ascii"), args, b"".join(body))


def _check_stanzas(stanzas: list[Stanza]) -> None:
    """The rules of the two stanza types Reflect reads; other types are left to not match."""
    for stanza in stanzas:
        if stanza.type == "X25519":
            _x25519(stanza)
        elif stanza.type == "scrypt":
            _scrypt(stanza)
            if len(stanzas) != 1:
                raise MalformedAge("header", "a passphrase stanza is not alone in the header")


def _x25519(stanza: Stanza) -> None:
    if len(stanza.args) != 1:
        raise MalformedAge("header", "an X25519 stanza does not have exactly one argument")
    share = _strict_base64(stanza.args[0].encode("ascii"), padded=False)
    if share is None or len(share) != X25519_SHARE_BYTES:
        raise MalformedAge("header", "an X25519 stanza's share is not 32 bytes of base64")
    if len(stanza.body) != WRAPPED_FILE_KEY_BYTES:
        raise MalformedAge("header", "an X25519 stanza's wrapped key is not 32 bytes")


def _scrypt(stanza: Stanza) -> None:
    if len(stanza.args) != 2:
        raise MalformedAge("header", "a passphrase stanza does not have exactly two arguments")
    salt = _strict_base64(stanza.args[0].encode("ascii"), padded=False)
    if salt is None or len(salt) != SCRYPT_SALT_BYTES:
        raise MalformedAge("header", "a passphrase stanza's salt is not 16 bytes of base64")
    if not _WORK_FACTOR.fullmatch(stanza.args[1].encode("ascii")):
        raise MalformedAge("header", "a passphrase stanza's work factor is not a whole number")
    if len(stanza.args[1]) > 2:  # no age implementation goes past 63
        raise MalformedAge("header", "a passphrase stanza's work factor is out of range")
    if len(stanza.body) != WRAPPED_FILE_KEY_BYTES:
        raise MalformedAge("header", "a passphrase stanza's wrapped key is not 32 bytes")
