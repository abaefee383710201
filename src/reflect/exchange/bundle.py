"""Bundles: the signed, age-encrypted ``.reflect`` files a coaching trio exchanges.

A bundle is a UTF-8 JSON document (``format`` "reflect-bundle", ``version`` 1, ``id``, ``kind``,
``created``, ``sender`` card, ``recipients``, ``items``) with an Ed25519 ``signature`` over its
canonical form (see :mod:`reflect.exchange.canonical`), encrypted with age, ASCII-armored, to
X25519 recipients (every chosen peer and the sender) or, for trios without cards, to a
passphrase. Signing inside the encryption and binding the recipient list into the signature
means a bundle re-encrypted by someone else is caught as forwarded. docs/exchange.md
("Bundles") is the format's reference, item types included.

Plain functions: keys, recipients and passphrases come in as arguments; only
:func:`write_bundle` touches the disk. Every failure to open is a :class:`BadInput` with its own
``BUNDLE_*`` message. Noticing the same bundle twice is storage's job: it has ``bundle_id``.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reflect import files
from reflect.core.ids import new_id
from reflect.errors import BadInput
from reflect.exchange import bundle_errors, bundle_schema
from reflect.exchange.bundle_schema import BundleKind
from reflect.exchange.canonical import (
    signature_bytes,
    signature_matches,
    signature_text,
    signing_key_bytes,
    signing_key_text,
)
from reflect.messages import Msg
from reflect.secrets.age_passphrase import RAW_AGE_SCRYPT, RawPassphraseCipher

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from pyrage.x25519 import Identity as AgeIdentity  # type: ignore[import-untyped, unused-ignore]

    from reflect.exchange.bundle_schema import Item

FORMAT = bundle_schema.FORMAT
VERSION = bundle_schema.VERSION
SUFFIX = ".reflect"
MAX_BUNDLE_BYTES = 5 * 1024 * 1024
"""The largest decrypted document Reflect writes or opens."""
# Armor grows a document by 4/3 plus line breaks and age's framing, and the header by about
# 100 bytes a recipient; files past these bounds hold more than the cap, so they are refused
# before age reads them at all.
MAX_FILE_FACTOR = 2
MAX_HEADER_BYTES = 64 * 1024


@dataclass(frozen=True)
class SenderCard:
    """Who a bundle is from, as written into it: the parts of a contact card."""

    name: str
    recipient: str  # age1...
    signing_key: str  # ed25519:<base64>


@dataclass(frozen=True)
class BundleContent:
    """What to send: the items (see docs/exchange.md for each type's fields) and when."""

    kind: BundleKind
    items: Sequence[Mapping[str, Any]]
    created: str  # UTC ISO 8601 with offset, from the app's clock
    bundle_id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class OpenedBundle:
    """A bundle that decrypted, parsed, matched the schema, and was signed as it reads."""

    document: Mapping[str, Any]  # the JSON as sent
    raw_json: bytes  # the decrypted bytes, to store verbatim
    bundle_id: str
    kind: BundleKind
    created: str
    sender: SenderCard  # as the bundle states it
    recipients: tuple[str, ...]  # empty for a passphrase bundle
    items: tuple[Item, ...]  # checked, with optional fields filled in with their defaults
    # Signed by one of known_signers. Not "verified": whether the user compared that peer's
    # fingerprint is a different fact, which only the peers service knows.
    signed_by_peer: bool
    sender_name: str  # the peer's name when signed by a peer, else the name the bundle claims


# Sealing --------------------------------------------------------------------------------------


def seal(
    payload: BundleContent,
    signing_key: Ed25519PrivateKey,
    sender: SenderCard,
    recipients: Sequence[str],
) -> bytes:
    """The armored age file for ``payload``, openable by each recipient and by the sender."""
    import pyrage  # type: ignore[import-untyped, unused-ignore]

    addressed = _with_sender(recipients, sender)
    keys = [_recipient(r) for r in addressed]
    plaintext = _signed_plaintext(payload, signing_key, sender, addressed)
    out = io.BytesIO()
    pyrage.encrypt_io(io.BytesIO(plaintext), out, keys, armored=True)
    return out.getvalue()


def seal_with_passphrase(
    payload: BundleContent,
    signing_key: Ed25519PrivateKey,
    sender: SenderCard,
    passphrase: str,
    *,
    cipher: RawPassphraseCipher = RAW_AGE_SCRYPT,
) -> bytes:
    """The armored age file for ``payload``, openable with ``passphrase`` (age scrypt).

    The passphrase must reach the peers by another channel than the file.
    """
    if not passphrase:
        raise BadInput(Msg.BUNDLE_PASSPHRASE_EMPTY)
    plaintext = _signed_plaintext(payload, signing_key, sender, [])
    return cipher.encrypt(plaintext, passphrase)


def write_bundle(path: Path, data: bytes) -> Path:
    """Write a sealed bundle atomically, adding the ``.reflect`` suffix if missing."""
    if path.suffix != SUFFIX:
        path = path.with_name(path.name + SUFFIX)
    files.write_bytes(path, data)
    return path


def _signed_plaintext(
    payload: BundleContent,
    signing_key: Ed25519PrivateKey,
    sender: SenderCard,
    recipients: list[str],
) -> bytes:
    if signing_key_text(signing_key.public_key()) != sender.signing_key:
        raise ValueError("the sender card's signing key is not the key signing the bundle")
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": bundle_schema.version_for(payload.items),
        "id": payload.bundle_id,
        "kind": str(payload.kind),
        "created": payload.created,
        "sender": {
            "name": sender.name,
            "recipient": sender.recipient,
            "signing_key": sender.signing_key,
        },
        "recipients": recipients,
        "items": [dict(item) for item in payload.items],
    }
    # Through JSON and back, so what is signed and checked is what readers will see (tuples
    # become lists); then refused before signing if no reader would accept it.
    document = json.loads(json.dumps(document, ensure_ascii=False))
    bundle_schema.checked_unsigned(document)
    document["signature"] = signature_text(document, signing_key)
    # Indented, so that the standard age tool shows readable JSON; the signature covers the
    # canonical form, not these bytes.
    plaintext = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    _refuse_oversized(len(plaintext), MAX_BUNDLE_BYTES)
    return plaintext


def _with_sender(recipients: Sequence[str], sender: SenderCard) -> list[str]:
    """The chosen recipients, then the sender, each once."""
    unique: dict[str, str] = {}
    for recipient in [*recipients, sender.recipient]:
        unique.setdefault(recipient.strip().lower(), recipient.strip())
    return list(unique.values())


def _recipient(text: str) -> Any:
    import pyrage  # type: ignore[import-untyped, unused-ignore]

    try:
        return pyrage.x25519.Recipient.from_str(text)
    except pyrage.RecipientError:
        raise BadInput(Msg.BUNDLE_BAD_RECIPIENT, value=text) from None


# Opening --------------------------------------------------------------------------------------


def open_bundle(
    data: bytes,
    identity: AgeIdentity,
    known_signers: Mapping[str, str],
    my_recipient: str,
    accept_unverified: bool = False,
    *,
    max_bytes: int = MAX_BUNDLE_BYTES,
) -> OpenedBundle:
    """Decrypt ``data`` with ``identity`` (a ``pyrage.x25519.Identity``), check it, say who sent it.

    ``known_signers`` maps each peer's signing key (``ed25519:<base64>``) to their name. A bundle
    signed by no one in it is refused unless ``accept_unverified``, and then comes back with
    ``signed_by_peer`` False. A bundle whose signed recipient list lacks ``my_recipient`` was
    re-encrypted to you by someone else and is refused as forwarded, whoever signed it.
    Checks run in this order: size, decryption, JSON, format and version, schema, signature,
    addressing, sender.

    Not addressed to you and damage to the part of the header meant for you cannot be told apart
    (age's X25519 stanzas are anonymous): both raise BUNDLE_NOT_FOR_YOU; see
    :mod:`reflect.exchange.bundle_errors`.
    """
    plaintext = decrypted_with_identity(data, identity, max_bytes=max_bytes)
    return _opened(plaintext, known_signers, my_recipient, accept_unverified)


def open_with_passphrase(
    data: bytes,
    passphrase: str,
    known_signers: Mapping[str, str],
    accept_unverified: bool = False,
    *,
    max_bytes: int = MAX_BUNDLE_BYTES,
    cipher: RawPassphraseCipher = RAW_AGE_SCRYPT,
) -> OpenedBundle:
    """Decrypt a passphrase bundle, then check it as :func:`open_bundle` does.

    A passphrase bundle's signed recipient list is empty; a document signed for named
    recipients and re-encrypted with a passphrase is refused as forwarded.
    """
    plaintext = decrypted_with_passphrase(data, passphrase, max_bytes=max_bytes, cipher=cipher)
    return _opened(plaintext, known_signers, None, accept_unverified)


def decrypted_with_passphrase(
    data: bytes,
    passphrase: str,
    *,
    max_bytes: int = MAX_BUNDLE_BYTES,
    cipher: RawPassphraseCipher = RAW_AGE_SCRYPT,
) -> bytes:
    """The age layer of :func:`open_with_passphrase`: the plaintext, or a ``BUNDLE_*`` BadInput.

    With the real cipher the armor and header are read strictly and the scrypt work factor is
    checked before any key is derived (see :mod:`reflect.secrets.age_format`).
    """
    from pyrage import DecryptError  # type: ignore[import-untyped, unused-ignore]

    data = _readable_size(data, max_bytes)
    try:
        plaintext = cipher.decrypt(data, passphrase)
    except (DecryptError, OSError, ValueError) as exc:
        raise bundle_errors.passphrase_failure(exc) from None
    _refuse_oversized(len(plaintext), max_bytes)
    return plaintext


def decrypted_with_identity(
    data: bytes, identity: AgeIdentity, *, max_bytes: int = MAX_BUNDLE_BYTES
) -> bytes:
    """The age layer of :func:`open_bundle`: the plaintext, or a ``BUNDLE_*`` BadInput.

    The armor and header are read strictly first; then age stream-decrypts into a sink that
    refuses to grow past ``max_bytes``."""
    import pyrage  # type: ignore[import-untyped, unused-ignore]

    data = _readable_size(data, max_bytes)
    age_file = bundle_errors.age_file(data)
    if age_file.scrypt_work_factor is not None:
        raise BadInput(Msg.BUNDLE_NEEDS_PASSPHRASE)
    sink = _CappedSink(max_bytes)
    try:
        pyrage.decrypt_io(io.BytesIO(age_file.binary), sink, [identity])
    except _TooLarge:
        pass
    except (pyrage.DecryptError, OSError, ValueError) as exc:
        raise bundle_errors.decrypt_failure(exc, data) from None
    # Checked after the call too: age flushes its last block when it closes, and errors raised
    # from that flush do not come back.
    _refuse_oversized(sink.size, max_bytes)
    return sink.getvalue()


def _readable_size(data: bytes, max_bytes: int) -> bytes:
    most = max_bytes * MAX_FILE_FACTOR + MAX_HEADER_BYTES
    _refuse_oversized(len(data), most, limit=max_bytes)
    return bundle_errors.trimmed_age_file(data)


def _refuse_oversized(size: int, most: int, limit: int | None = None) -> None:
    if size > most:
        shown = most if limit is None else limit
        raise BadInput(Msg.BUNDLE_TOO_LARGE, limit_mb=f"{shown / (1024 * 1024):g}")


class _TooLarge(Exception):
    """Raised inside age's copy loop to stop reading an oversized bundle."""


class _CappedSink(io.BytesIO):
    def __init__(self, most: int) -> None:
        super().__init__()
        self.most = most
        self.size = 0

    def write(self, data: Any) -> int:
        self.size += len(data)
        if self.size > self.most:
            raise _TooLarge
        return super().write(data)


def _opened(
    plaintext: bytes,
    known_signers: Mapping[str, str],
    my_recipient: str | None,
    accept_unverified: bool,
) -> OpenedBundle:
    document = bundle_errors.loads_json(plaintext)
    bundle = bundle_schema.checked(document)
    sender = SenderCard(
        name=bundle.sender["name"],
        recipient=bundle.sender["recipient"],
        signing_key=bundle.sender["signing_key"],
    )
    public_key = signing_key_bytes(sender.signing_key)
    if not signature_matches(document, public_key, signature_bytes(document["signature"])):
        raise BadInput(Msg.BUNDLE_BAD_SIGNATURE)
    peer = _peer_name(known_signers, public_key)
    if not _addressed_to(bundle.recipients, my_recipient):
        raise BadInput(Msg.BUNDLE_FORWARDED, name=sender.name if peer is None else peer)
    if peer is None and not accept_unverified:
        raise BadInput(Msg.BUNDLE_UNKNOWN_SENDER, name=sender.name)
    return OpenedBundle(
        document=document,
        raw_json=plaintext,
        bundle_id=bundle.id,
        kind=BundleKind(bundle.kind),
        created=bundle.created,
        sender=sender,
        recipients=bundle.recipients,
        items=bundle.items,
        signed_by_peer=peer is not None,
        sender_name=peer if peer is not None else sender.name,
    )


def _addressed_to(recipients: tuple[str, ...], my_recipient: str | None) -> bool:
    """Card bundles must name me; passphrase bundles (``my_recipient`` None) name no one."""
    if my_recipient is None:
        return not recipients
    return my_recipient.strip().lower() in {r.lower() for r in recipients}


def _peer_name(known_signers: Mapping[str, str], public_key: bytes) -> str | None:
    for text, name in known_signers.items():
        try:
            if signing_key_bytes(text.strip()) == public_key:
                return name
        except ValueError:
            continue
    return None
