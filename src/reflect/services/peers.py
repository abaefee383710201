"""Peer use cases: add people from their contact cards, verify them, group them into a trio.

A peer is found by name, as people say it (case does not matter). Names and keys are unique, so
the same person is never added twice. A peer added with only an age recipient (someone using
the standard age tool) can be sent bundles, but has no signing key to verify.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reflect.core.clock import Clock, to_text
from reflect.core.ids import new_id
from reflect.core.peer import Peer, Trio
from reflect.errors import BadInput, NotFound
from reflect.exchange.card import Card, clean_name, fingerprint, parse_peer
from reflect.messages import Msg
from reflect.services.changes import ChangeFeed, Topic
from reflect.storage.peers import PeerRepository


class PeerService:
    def __init__(self, repo: PeerRepository, changes: ChangeFeed, clock: Clock) -> None:
        self._repo = repo
        self._changes = changes
        self._clock = clock

    def add(self, name: str, card_or_recipient: str) -> Peer:
        """Add a peer from a card (its name is used when ``name`` is blank) or an age1 key."""
        card = parse_peer(card_or_recipient)
        chosen = clean_name(name) if name.strip() else card.name
        if not chosen:
            raise BadInput(Msg.PEER_NAME_NEEDED)
        self._refuse_duplicates(chosen, card)
        peer = Peer(
            id=new_id(),
            name=chosen,
            age_recipient=card.age_recipient,
            signing_key=card.signing_key,
            added=to_text(self._clock()),
        )
        self._repo.save(peer)
        self._changes.publish(Topic.PEERS, peer.id)
        return peer

    def all(self) -> list[Peer]:
        return self._repo.all()

    def get(self, name: str) -> Peer:
        """The peer with this name, or else the only one whose first name it is."""
        wanted = " ".join(name.split())
        found = self._repo.by_name(wanted) or [
            peer
            for peer in self._repo.all()
            if peer.name.casefold().startswith(wanted.casefold() + " ")
        ]
        if len(found) != 1 or not wanted:
            raise NotFound(Msg.PEER_NOT_FOUND, name=name)
        return found[0]

    def fingerprint(self, name: str) -> str:
        return fingerprint_of(self.get(name))

    def verify(self, name: str) -> Peer:
        """Mark a peer verified, once both people compared the fingerprint by voice or video."""
        peer = self.get(name)
        if peer.signing_key is None:
            raise BadInput(Msg.PEER_CANNOT_VERIFY, name=peer.name)
        if not peer.verified:
            peer = replace(peer, verified=True)
            self._repo.save(peer)
            self._changes.publish(Topic.PEERS, peer.id)
        return peer

    def remove(self, name: str) -> Peer:
        peer = self.get(name)
        self._repo.delete(peer.id)
        self._changes.publish(Topic.PEERS, peer.id)
        return peer

    def create_trio(self, name: str, peer_names: list[str]) -> Trio:
        """A trio of the user and these peers; the newest trio is the one sharing defaults to."""
        cleaned = " ".join(name.split())
        if not cleaned:
            raise BadInput(Msg.TRIO_NAME_NEEDED)
        members = list(dict.fromkeys(self.get(n).id for n in peer_names))
        if not members:
            raise BadInput(Msg.TRIO_NEEDS_PEERS)
        trio = Trio(new_id(), cleaned, to_text(self._clock()), tuple(members))
        self._repo.save_trio(trio)
        self._changes.publish(Topic.PEERS, trio.id)
        return trio

    def trios(self) -> list[Trio]:
        return self._repo.trios()

    def default_trio(self) -> Trio | None:
        trios = self._repo.trios()
        return trios[-1] if trios else None

    def members(self, trio: Trio) -> list[Peer]:
        found = (self._repo.get(peer_id) for peer_id in trio.peer_ids)
        return [peer for peer in found if peer is not None]

    def recipients(self, names: Sequence[str] = ()) -> list[Peer]:
        """The peers named, or else the default trio's members (none without a trio)."""
        if names:
            return list({peer.id: peer for peer in map(self.get, names)}.values())
        trio = self.default_trio()
        return self.members(trio) if trio else []

    def signers(self) -> dict[str, str]:
        """Each verifiable peer's signing key, mapped to their name, for opening bundles."""
        return {p.signing_key: p.name for p in self._repo.all() if p.signing_key}

    def by_signing_key(self, signing_key: str) -> Peer | None:
        return self._repo.by_signing_key(signing_key)

    def _refuse_duplicates(self, name: str, card: Card) -> None:
        same_keys = self._repo.by_recipient(card.age_recipient) or (
            self._repo.by_signing_key(card.signing_key) if card.signing_key else None
        )
        if same_keys is not None:
            raise BadInput(Msg.PEER_ALREADY_ADDED, name=same_keys.name)
        if self._repo.by_name(name):
            raise BadInput(Msg.PEER_NAME_TAKEN, name=name)


def fingerprint_of(peer: Peer) -> str:
    return fingerprint(Card(peer.name, peer.age_recipient, peer.signing_key))
