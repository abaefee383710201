"""A bundle opens with the standard age tool, for a peer who uses age rather than Reflect.

Needs the ``age`` and ``age-keygen`` commands (Debian package ``age``; CI installs it).
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
from pathlib import Path

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from reflect.exchange.bundle import (
    BundleContent,
    BundleKind,
    SenderCard,
    seal,
    write_bundle,
)
from reflect.exchange.canonical import canonical_bytes, signing_key_text

pytestmark = pytest.mark.skipif(
    shutil.which("age") is None or shutil.which("age-keygen") is None,
    reason="the standard age tool is not installed (Debian: apt-get install age)",
)

CREATED = "2026-03-01T09:00:00.000000+00:00"
ITEMS = [
    {"type": "note", "text": "Før the session: push me on measures ✓"},
    {"type": "action", "id": "a-1", "text": "Stop the Friday report", "kind": "stop"},
]


def age_peer(folder: Path) -> tuple[Path, str]:
    """An identity file made by age-keygen, as a peer using the age tool has, and its recipient."""
    key_file = folder / "key.txt"
    subprocess.run(["age-keygen", "-o", str(key_file)], check=True, capture_output=True)
    public = subprocess.run(
        ["age-keygen", "-y", str(key_file)], check=True, capture_output=True, text=True
    )
    return key_file, public.stdout.strip()


def asha() -> tuple[Ed25519PrivateKey, SenderCard]:
    identity = pyrage.x25519.Identity.generate()
    key = Ed25519PrivateKey.generate()
    return key, SenderCard("Asha", str(identity.to_public()), signing_key_text(key.public_key()))


def age_decrypt(*args: str) -> dict[str, object]:
    result = subprocess.run(["age", "--decrypt", *args], check=True, capture_output=True)
    document: dict[str, object] = json.loads(result.stdout.decode("utf-8"))
    return document


def test_the_age_tool_decrypts_a_bundle_to_readable_signed_json(tmp_path: Path) -> None:
    key_file, recipient = age_peer(tmp_path)
    signing_key, card = asha()
    content = BundleContent(kind=BundleKind.SUMMARY, items=ITEMS, created=CREATED)
    path = write_bundle(tmp_path / "for-dev", seal(content, signing_key, card, [recipient]))

    document = age_decrypt("--identity", str(key_file), str(path))

    assert document["format"] == "reflect-bundle"
    assert document["version"] == 1
    assert document["kind"] == "summary"
    assert document["created"] == CREATED
    assert document["sender"] == {
        "name": "Asha",
        "recipient": card.recipient,
        "signing_key": card.signing_key,
    }
    assert document["recipients"] == [recipient, card.recipient]
    assert document["items"] == ITEMS
    # Anyone can check the signature from the JSON alone, with the documented canonical form.
    public = Ed25519PublicKey.from_public_bytes(
        base64.b64decode(card.signing_key.removeprefix("ed25519:"))
    )
    public.verify(base64.b64decode(str(document["signature"])), canonical_bytes(document))


def test_the_sender_can_decrypt_their_own_bundle_with_the_age_tool(tmp_path: Path) -> None:
    _, recipient = age_peer(tmp_path)
    identity = pyrage.x25519.Identity.generate()
    key = Ed25519PrivateKey.generate()
    card = SenderCard("Asha", str(identity.to_public()), signing_key_text(key.public_key()))
    own_key_file = tmp_path / "asha.txt"
    own_key_file.write_text(str(identity) + "\n", encoding="ascii")
    content = BundleContent(kind=BundleKind.SUMMARY, items=ITEMS, created=CREATED)
    path = write_bundle(tmp_path / "sent", seal(content, key, card, [recipient]))

    assert age_decrypt("--identity", str(own_key_file), str(path))["items"] == ITEMS
