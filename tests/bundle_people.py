"""Senders and readers for bundle tests: raw keys and a card, without a journal behind them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pyrage  # type: ignore[import-untyped, unused-ignore]
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from reflect.exchange.bundle import SenderCard
from reflect.exchange.canonical import signing_key_text


@dataclass(frozen=True)
class Person:
    identity: Any  # pyrage.x25519.Identity
    signing_key: Ed25519PrivateKey
    card: SenderCard

    @property
    def recipient(self) -> str:
        return self.card.recipient

    @property
    def public(self) -> Any:
        return self.identity.to_public()


def person(name: str) -> Person:
    identity = pyrage.x25519.Identity.generate()
    key = Ed25519PrivateKey.generate()
    card = SenderCard(name, str(identity.to_public()), signing_key_text(key.public_key()))
    return Person(identity, key, card)
