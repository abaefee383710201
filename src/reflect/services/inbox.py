"""The trio inbox as people think of it: who sent what, and for which session (day)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reflect.core.clock import local_date
from reflect.core.peer import ReceivedBundle


@dataclass(frozen=True)
class InboxSession:
    """What one sender wrote on one local day, newest first: usually one coaching session."""

    day: str  # YYYY-MM-DD, local time
    bundles: tuple[ReceivedBundle, ...]


@dataclass(frozen=True)
class InboxSender:
    name: str  # the peer's name now, or the name the bundles give
    peer_id: str | None  # None when accepted unverified, or the peer was removed since
    verified: bool  # signed by a peer when they arrived
    sessions: tuple[InboxSession, ...]  # newest first


Inbox = list[InboxSender]


def grouped(bundles: Iterable[ReceivedBundle], peer_names: Mapping[str, str]) -> Inbox:
    """Bundles by sender (verified senders by name, then unverified ones), then by day, newest
    first."""
    senders: dict[tuple[str | None, str, bool], dict[str, list[ReceivedBundle]]] = {}
    for bundle in sorted(bundles, key=lambda b: b.created, reverse=True):
        name = peer_names.get(bundle.peer_id or "", bundle.sender_name)
        key = (bundle.peer_id, name, bundle.verified)
        senders.setdefault(key, {}).setdefault(local_day(bundle.created), []).append(bundle)
    inbox = [
        InboxSender(
            name=name,
            peer_id=peer_id,
            verified=verified,
            sessions=tuple(InboxSession(day, tuple(found)) for day, found in days.items()),
        )
        for (peer_id, name, verified), days in senders.items()
    ]
    return sorted(inbox, key=lambda s: (not s.verified, s.name.casefold()))


def local_day(timestamp: str) -> str:
    return local_date(timestamp).isoformat()
