"""Turning age and JSON failures while opening a bundle into the user's one clear message.

pyrage reports every age failure as ``DecryptError`` (header phase) or ``OSError`` (armor and
payload phase) with the age library's English text, so the classification below matches that
text; tests pin each case, so an upgrade that rewords them fails loudly rather than silently
saying "damaged" for everything.

What age cannot tell apart, and so neither can this module:

- X25519 stanzas do not name their recipient. A file with no stanza for you and a file whose
  stanza for you was altered both read "no matching keys": both become
  :attr:`Msg.BUNDLE_NOT_FOR_YOU`, whose text mentions damage as the lesser possibility.
  Damage anywhere else in the header fails the header MAC: :attr:`Msg.BUNDLE_DAMAGED`.
- A wrong passphrase and an altered scrypt stanza both fail to unwrap the file key: both become
  :attr:`Msg.BUNDLE_WRONG_PASSPHRASE`.

Before age sees a file, :mod:`reflect.secrets.age_format` reads its armor and header strictly
(:func:`age_file`): what is not age at all is :attr:`Msg.BUNDLE_NOT_AGE`, broken armor or header
:attr:`Msg.BUNDLE_BAD_AGE`, and a passphrase stanza asking for too much scrypt work
:attr:`Msg.BUNDLE_PASSPHRASE_TOO_COSTLY`, each before any key is derived.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from typing import Any

from reflect.errors import BadInput
from reflect.messages import Msg
from reflect.secrets import age_format

ARMOR_BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"
ARMOR_END = b"-----END AGE ENCRYPTED FILE-----"
BINARY_MAGIC = b"age-encryption.org/"
UTF8_BOM = b"\xef\xbb\xbf"

# The age library's wording (age crate, English) for the failures told apart here.
NO_MATCHING_KEYS = "No matching keys found"
PASSPHRASE_FAILED = "Decryption failed"


def trimmed_age_file(data: bytes) -> bytes:
    """``data`` ready for age, or BUNDLE_NOT_AGE when it is clearly something else.

    Armored text pasted from an email or chat may gain a byte-order mark or leading blank lines;
    those are dropped. Binary age files are taken as they are. Text that starts like armor of any
    kind goes on to the strict reader (:mod:`reflect.secrets.age_format`), which says what is wrong
    with it.
    """
    if data.startswith(BINARY_MAGIC):
        return data
    text = data.removeprefix(UTF8_BOM).lstrip()
    if text.startswith(b"-----"):
        return text
    raise BadInput(Msg.BUNDLE_NOT_AGE)


def age_file(data: bytes) -> age_format.AgeFile:
    """``data``'s armor and header, read strictly, or the message saying what is wrong."""
    try:
        return age_format.read(data)
    except age_format.AgeFormatError as exc:
        raise format_failure(exc) from None


def format_failure(exc: age_format.AgeFormatError) -> BadInput:
    """The message for a file the strict age reader refused."""
    if isinstance(exc, age_format.ScryptTooCostly):
        return BadInput(Msg.BUNDLE_PASSPHRASE_TOO_COSTLY, factor=exc.work_factor, limit=exc.limit)
    if isinstance(exc, age_format.MalformedAge):
        return BadInput(Msg.BUNDLE_BAD_AGE, reason=f"its {exc.part} is malformed: {exc.reason}")
    return BadInput(Msg.BUNDLE_NOT_AGE)


def decrypt_failure(exc: Exception, data: bytes) -> BadInput:
    """The message for a failure to open ``data`` with an X25519 identity."""
    if str(exc) == NO_MATCHING_KEYS:
        if "scrypt" in stanza_types(data):
            return BadInput(Msg.BUNDLE_NEEDS_PASSPHRASE)
        return BadInput(Msg.BUNDLE_NOT_FOR_YOU)
    return BadInput(Msg.BUNDLE_DAMAGED)


def passphrase_failure(exc: Exception) -> BadInput:
    """The message for a failure to open a bundle with a passphrase."""
    if isinstance(exc, age_format.AgeFormatError):
        return format_failure(exc)
    if str(exc) == NO_MATCHING_KEYS:
        # age only tries a passphrase on a file whose one stanza is scrypt.
        return BadInput(Msg.BUNDLE_NOT_PASSPHRASE)
    if str(exc) == PASSPHRASE_FAILED:
        return BadInput(Msg.BUNDLE_WRONG_PASSPHRASE)
    return BadInput(Msg.BUNDLE_DAMAGED)


def stanza_types(data: bytes) -> set[str]:
    """The recipient types named in an age header (``X25519``, ``scrypt``), best effort."""
    header = _binary(data).split(b"\n---", 1)[0]
    return {
        line.split(b" ")[1].decode("ascii", "replace")
        for line in header.split(b"\n")
        if line.startswith(b"-> ") and len(line.split(b" ")) > 1
    }


def _binary(data: bytes) -> bytes:
    if not data.startswith(ARMOR_BEGIN):
        return data
    body = data.removeprefix(ARMOR_BEGIN).split(ARMOR_END, 1)[0]
    try:
        return base64.b64decode(b"".join(body.split()))
    except (binascii.Error, ValueError):
        return b""


def loads_json(plaintext: bytes) -> Any:
    """The decrypted document as Python values, or BUNDLE_MALFORMED saying what is wrong."""
    try:
        text = plaintext.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _malformed(f"it is not UTF-8 text (problem at byte {exc.start})") from exc
    try:
        document = json.loads(
            text,
            object_pairs_hook=_unique_keys,
            parse_constant=_no_constants,
            parse_float=_finite_float,
        )
    except json.JSONDecodeError as exc:
        raise _malformed(f"line {exc.lineno}: {exc.msg}") from exc
    except (ValueError, RecursionError) as exc:
        # Duplicate keys, NaN, numbers too long to convert, or nesting too deep to parse.
        raise _malformed(str(exc) or "nested too deeply") from exc
    try:
        # \ud800-style escapes decode to lone surrogates, which have no canonical UTF-8 form.
        json.dumps(document, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise _malformed("it holds text that is not valid Unicode (a lone surrogate)") from exc
    except RecursionError as exc:
        raise _malformed("nested too deeply") from exc
    return document


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    document = dict(pairs)
    if len(document) != len(pairs):
        raise ValueError("a key appears twice in one object")
    return document


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    # 1e999 parses as infinity, which, like NaN, has no canonical form and so cannot be signed.
    number = float(text)
    if math.isinf(number):
        raise ValueError(f"{text} is too large for a number")
    return number


def _malformed(reason: str) -> BadInput:
    return BadInput(Msg.BUNDLE_MALFORMED, reason=reason)
