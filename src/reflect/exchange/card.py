"""Contact cards: the short text peers paste into a chat or email to introduce their keys.

::

    -----BEGIN REFLECT CONTACT CARD-----
    version: 1
    name: Aisha Patel
    age: age1...
    sign: ed25519:...
    -----END REFLECT CONTACT CARD-----

Reading is forgiving about what chat and mail do to text (quoting with "> ", CRLF, spaces, words
around the card, zero-width characters) and strict about the keys. A peer who uses the standard
age tool can be added with only their ``age1…`` recipient: they can be sent bundles, but nothing
from them can be verified. The fingerprint is a short code both people read aloud to compare.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from reflect.errors import BadInput
from reflect.exchange.canonical import SIGNING_KEY_PREFIX, signing_key_bytes
from reflect.messages import Msg

BEGIN = "-----BEGIN REFLECT CONTACT CARD-----"
END = "-----END REFLECT CONTACT CARD-----"
CARD_VERSION = 1
CARD_FILE_SUFFIX = ".reflectcard"
MAX_NAME_LENGTH = 80
FIELDS = ("version", "name", "age", "sign")
PRIVATE_KEY_MARK = "AGE-SECRET-KEY-"
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
RECIPIENT_PATTERN = re.compile(r"\bage1[0-9a-z]+\b", re.IGNORECASE)
FINGERPRINT_DOMAIN = b"reflect-fingerprint-v1\n"
# RFC 4648 base32 re-lettered into Crockford's alphabet (no I, L, O or U to mishear).
CROCKFORD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "0123456789ABCDEFGHJKMNPQRSTVWXYZ")


class PublicParts(Protocol):
    """What a card shows of an identity; :class:`~reflect.exchange.identity.Identity` has it."""

    @property
    def recipient(self) -> str: ...

    @property
    def signing_public(self) -> str: ...


@dataclass(frozen=True)
class PublicKeys:
    """The public half of someone's keys, without the private parts."""

    recipient: str
    signing_public: str


@dataclass(frozen=True)
class Card:
    """A peer as introduced by their card; ``signing_key`` is None for a plain age recipient."""

    name: str
    age_recipient: str
    signing_key: str | None

    @property
    def verifiable(self) -> bool:
        """Whether bundles from this peer can be checked against a signing key."""
        return self.signing_key is not None


def make_card(name: str, keys: PublicParts) -> str:
    lines = [
        BEGIN,
        f"version: {CARD_VERSION}",
        f"name: {clean_name(name)}",
        f"age: {keys.recipient}",
        f"sign: {keys.signing_public}",
        END,
    ]
    return "\n".join(lines) + "\n"


def parse_card(text: str) -> Card:
    """The one card in ``text``; BadInput with a CARD_ message says what is wrong with it."""
    lines = unquoted_lines(text)
    refuse_private_keys(lines)
    cards = {card_from_fields(card_fields(body)) for body in card_bodies(lines)}
    if not cards:
        raise BadInput(Msg.CARD_NOT_FOUND)
    if len(cards) > 1:
        raise BadInput(Msg.CARD_SEVERAL)
    return cards.pop()


def parse_peer(text: str) -> Card:
    """A card, or a plain ``age1…`` recipient (a Card with an empty name and no signing key)."""
    lines = unquoted_lines(text)
    refuse_private_keys(lines)
    joined = "\n".join(lines)
    if BEGIN in joined or END in joined or re.search(r"sign\s*:\s*ed25519:", joined):
        return parse_card(text)
    found = {match.lower() for match in RECIPIENT_PATTERN.findall(joined)}
    if not found:
        raise BadInput(Msg.CARD_NOT_FOUND)
    if len(found) > 1:
        raise BadInput(Msg.CARD_SEVERAL_RECIPIENTS)
    return Card(name="", age_recipient=checked_recipient(found.pop()), signing_key=None)


def fingerprint(card: Card) -> str:
    """Six groups of four characters from a SHA-256 over the keys (not the name)."""
    material = f"age:{card.age_recipient}\nsign:{card.signing_key or ''}\n".encode()
    digest = hashlib.sha256(FINGERPRINT_DOMAIN + material).digest()
    code = base64.b32encode(digest[:15]).decode("ascii").translate(CROCKFORD)
    return " ".join(code[start : start + 4] for start in range(0, len(code), 4))


def unquoted_lines(text: str) -> list[str]:
    """Lines without mail quoting ("> > "), surrounding spaces or zero-width characters."""
    cleaned = text.translate(ZERO_WIDTH).replace("\r\n", "\n").replace("\r", "\n")
    return [unquoted(line) for line in cleaned.split("\n")]


def unquoted(line: str) -> str:
    line = line.strip()
    while line.startswith(">"):
        line = line[1:].lstrip()
    return line


def refuse_private_keys(lines: Iterable[str]) -> None:
    if any(PRIVATE_KEY_MARK in line.upper() for line in lines):
        raise BadInput(Msg.CARD_PRIVATE_KEY)


def card_bodies(lines: list[str]) -> list[list[str]]:
    """The lines between each BEGIN marker and its END marker."""
    bodies: list[list[str]] = []
    body: list[str] | None = None
    for line in lines:
        if BEGIN in line:
            body = []
            bodies.append(body)
        elif END in line and body is not None:
            body = None
        elif body is not None:
            body.append(line)
    if body is not None:
        raise BadInput(Msg.CARD_INCOMPLETE)
    return bodies


def card_fields(body: list[str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in filter(None, body):
        key, colon, value = line.partition(":")
        key = key.strip().lower()
        if not colon or not key.replace("-", "").isalnum():
            raise BadInput(Msg.CARD_BAD_LINE, line=line[:80])
        if key in fields:
            raise BadInput(Msg.CARD_LINE_TWICE, field=key)
        fields[key] = value.strip()
    return fields  # fields a later version adds are ignored


def card_from_fields(fields: dict[str, str]) -> Card:
    for field in FIELDS:
        if field not in fields:
            raise BadInput(Msg.CARD_MISSING_LINE, field=field)
    check_version(fields["version"])
    return Card(
        name=clean_name(fields["name"]),
        age_recipient=checked_recipient(fields["age"]),
        signing_key=checked_signing_key(fields["sign"]),
    )


def check_version(value: str) -> None:
    # isdecimal, not isdigit: "²" is a digit to Python but not a number int() can read.
    if not value.isdecimal() or int(value) < 1:
        raise BadInput(Msg.CARD_BAD_VERSION, value=value)
    if int(value) > CARD_VERSION:
        raise BadInput(Msg.CARD_TOO_NEW, version=int(value))


def clean_name(name: str) -> str:
    """One line of ordinary text: spaces collapsed, no control characters or card markers."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise BadInput(Msg.CARD_BAD_NAME, reason="it is empty")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise BadInput(Msg.CARD_BAD_NAME, reason=f"it is longer than {MAX_NAME_LENGTH} characters")
    if not cleaned.isprintable() or "-----" in cleaned:
        raise BadInput(Msg.CARD_BAD_NAME, reason="it contains characters a card cannot hold")
    if PRIVATE_KEY_MARK in cleaned.upper():  # a reader refuses a card with it, as a leaked key
        raise BadInput(Msg.CARD_BAD_NAME, reason="it looks like a private key")
    return cleaned


def checked_recipient(value: str) -> str:
    """The canonical (lower-case) form of an age X25519 recipient."""
    import pyrage  # type: ignore[import-untyped, unused-ignore]

    if not value.lower().startswith("age1"):
        raise BadInput(
            Msg.CARD_BAD_RECIPIENT, value=value[:80], reason="it does not start with age1"
        )
    try:
        return str(pyrage.x25519.Recipient.from_str(value))
    except pyrage.RecipientError as exc:
        raise BadInput(Msg.CARD_BAD_RECIPIENT, value=value[:80], reason=str(exc)) from None


def checked_signing_key(value: str) -> str:
    """The canonical ``ed25519:`` form of a signing public key."""
    try:
        raw = signing_key_bytes(value)
    except ValueError as exc:
        raise BadInput(Msg.CARD_BAD_SIGNING_KEY, reason=str(exc)) from None
    return SIGNING_KEY_PREFIX + base64.b64encode(raw).decode("ascii")
