"""The canonical form of a signed JSON document, and the Ed25519 signature over it.

Canonical form: the document without its ``signature`` key, as JSON with sorted keys, no
insignificant whitespace, non-ASCII characters written as themselves (``ensure_ascii=False``),
encoded as UTF-8. The signature is Ed25519 over those bytes, written as standard base64. Signing
keys travel as ``ed25519:`` followed by the standard base64 of the 32-byte public key.

The signed bytes are never the bytes on disk: a document may be indented or re-ordered in
transit and still verify, because signer and reader both derive the same canonical bytes.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )

SIGNATURE_KEY = "signature"
SIGNING_KEY_PREFIX = "ed25519:"
PUBLIC_KEY_BYTES = 32
SIGNATURE_BYTES = 64


def canonical_bytes(document: Mapping[str, Any]) -> bytes:
    """The bytes a signature covers; raises UnicodeEncodeError for lone surrogates in text."""
    unsigned = {k: v for k, v in document.items() if k != SIGNATURE_KEY}
    text = json.dumps(
        unsigned, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    return text.encode("utf-8")


def signature_text(document: Mapping[str, Any], signing_key: Ed25519PrivateKey) -> str:
    """The base64 signature to store under ``signature``."""
    return base64.b64encode(signing_key.sign(canonical_bytes(document))).decode("ascii")


def signature_matches(document: Mapping[str, Any], public_key: bytes, signature: bytes) -> bool:
    """True when ``signature`` is the signer's over exactly this document's canonical form."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, canonical_bytes(document))
    except (InvalidSignature, ValueError):
        return False
    return True


def signing_key_text(public_key: Ed25519PublicKey) -> str:
    """``ed25519:<base64>``, the form signing keys take in cards and bundles."""
    return SIGNING_KEY_PREFIX + base64.b64encode(public_key.public_bytes_raw()).decode("ascii")


def signing_key_bytes(text: str) -> bytes:
    """The raw 32-byte public key from ``ed25519:<base64>``; ValueError when it is not one."""
    if not text.startswith(SIGNING_KEY_PREFIX):
        raise ValueError(f'does not start with "{SIGNING_KEY_PREFIX}"')
    raw = strict_base64(text.removeprefix(SIGNING_KEY_PREFIX))
    if len(raw) != PUBLIC_KEY_BYTES:
        raise ValueError(f"is not a {PUBLIC_KEY_BYTES}-byte key")
    return raw


def signature_bytes(text: str) -> bytes:
    """The raw 64-byte signature from its base64 text; ValueError when it is not one."""
    raw = strict_base64(text)
    if len(raw) != SIGNATURE_BYTES:
        raise ValueError(f"is not a {SIGNATURE_BYTES}-byte signature")
    return raw


def strict_base64(text: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (UnicodeEncodeError, binascii.Error):
        raise ValueError("is not base64") from None
