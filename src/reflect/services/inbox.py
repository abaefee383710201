"""The trio inbox as people think of it: who sent what, and for which session (day).

Two facts about a sender are kept apart: a bundle was *signed by a peer* when the key that
signed it was on one of your peers' cards when it arrived; the sender is *verified* when, on top
of that, you compared that peer's fingerprint (by voice or video) and marked them verified.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reflect.core.clock import local_date
from reflect.core.peer import Peer, ReceivedBundle


@dataclass(frozen=True)
class InboxSession:
    """What one sender wrote on one local day, newest first: usually one coaching session."""

    day: str  # YYYY-MM-DD, local time
    bundles: tuple[ReceivedBundle, ...]


@dataclass(frozen=True)
class InboxSender:
    name: str  # the peer's name now, or the name the bundles give
    peer_id: str | None  # None when accepted from a stranger, or the peer was removed since
    signed_by_peer: bool  # signed by a peer's key when they arrived
    sender_verified: bool  # ...and that peer is one whose fingerprint you compared
    sessions: tuple[InboxSession, ...]  # newest first


Inbox = list[InboxSender]


def sender_verified(bundle: ReceivedBundle, peers: Mapping[str, Peer]) -> bool:
    """Signed by a peer who is still in ``peers`` (by id) and whose fingerprint was compared."""
    peer = peers.get(bundle.peer_id or "")
    return bundle.signed_by_peer and peer is not None and peer.verified


def grouped(bundles: Iterable[ReceivedBundle], peers: Mapping[str, Peer]) -> Inbox:
    """Bundles by sender (peers by name, then senders who are not your peers), then by day,
    newest first. ``peers`` maps each peer's id to them."""
    senders: dict[tuple[str | None, str, bool], dict[str, list[ReceivedBundle]]] = {}
    for bundle in sorted(bundles, key=lambda b: b.created, reverse=True):
        peer = peers.get(bundle.peer_id or "")
        name = peer.name if peer is not None else bundle.sender_name
        key = (bundle.peer_id, name, bundle.signed_by_peer)
        senders.setdefault(key, {}).setdefault(local_day(bundle.created), []).append(bundle)
    inbox = [
        InboxSender(
            name=name,
            peer_id=peer_id,
            signed_by_peer=signed,
            sender_verified=sender_verified(days[next(iter(days))][0], peers),
            sessions=tuple(InboxSession(day, tuple(found)) for day, found in days.items()),
        )
        for (peer_id, name, signed), days in senders.items()
    ]
    return sorted(inbox, key=lambda s: (not s.signed_by_peer, s.name.casefold()))


def local_day(timestamp: str) -> str:
    return local_date(timestamp).isoformat()
