"""Peers in a coaching trio, and what they send: kept as they arrived, read-only."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Peer:
    """Someone to exchange summaries with. Without a signing key (a peer who uses the
    standard age tool) bundles can be sent to them, but nothing from them can be verified."""

    id: str
    name: str
    age_recipient: str
    added: str
    signing_key: str | None = None
    verified: bool = False  # both people compared the fingerprint by voice or video


@dataclass(frozen=True)
class Trio:
    id: str
    name: str
    created: str
    peer_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReceivedBundle:
    """A bundle from a peer: the signed JSON exactly as it arrived, and who sent it."""

    id: str  # the bundle's own id, so receiving it twice changes nothing
    kind: str  # summary or feedback
    sender_name: str
    created: str
    received: str
    # The key that signed it was on one of your peers' cards when it arrived. Whether you
    # compared that peer's fingerprint ("verified") is the Peer's fact, not the bundle's.
    signed_by_peer: bool
    raw_json: str
    peer_id: str | None = None
    signing_key: str | None = None


@dataclass(frozen=True)
class Comment:
    """Feedback from a peer, attached to one of the user's own entries."""

    id: str
    entry_id: str
    bundle_id: str
    author: str
    text: str
    created: str


@dataclass(frozen=True)
class PrivateNote:
    """The user's own coaching notes on something a peer sent; never shared."""

    id: str
    bundle_id: str
    text: str
    created: str
    updated: str
