"""Peers, trios and received bundles: stored once, read back as they came."""

from __future__ import annotations

import pytest

from reflect.app import App
from reflect.core.peer import Comment, Peer, PrivateNote, ReceivedBundle, Trio
from reflect.storage.peers import PeerRepository
from reflect.storage.received import ReceivedRepository


def peer(n: int, signing: bool = True) -> Peer:
    return Peer(
        id=f"p{n}",
        name=f"Peer {n}",
        age_recipient=f"age1peer{n}",
        added="2026-03-01T09:00:00.000000+00:00",
        signing_key=f"ed25519:key{n}" if signing else None,
    )


def bundle(bundle_id: str, kind: str = "summary") -> ReceivedBundle:
    return ReceivedBundle(
        id=bundle_id,
        kind=kind,
        sender_name="Peer 1",
        created="2026-03-02T09:00:00.000000+00:00",
        received="2026-03-02T10:00:00.000000+00:00",
        signed_by_peer=True,
        raw_json='{"format": "reflect-bundle"}',
        peer_id="p1",
        signing_key="ed25519:key1",
    )


@pytest.fixture
def peers(app: App) -> PeerRepository:
    return PeerRepository(app.store)


@pytest.fixture
def received(app: App, peers: PeerRepository) -> ReceivedRepository:
    peers.save(peer(1))  # the sender of the bundles below
    return ReceivedRepository(app.store)


def test_peers_and_lookups(peers: PeerRepository) -> None:
    peers.save(peer(2))
    peers.save(peer(1))
    peers.save(peer(3, signing=False))
    assert [p.name for p in peers.all()] == ["Peer 1", "Peer 2", "Peer 3"]
    assert peers.by_signing_key("ed25519:key2") == peer(2)
    assert peers.by_recipient("age1peer3") == peer(3, signing=False)
    assert peers.by_name("peer 1") == [peer(1)]
    peers.save(Peer(**{**peer(1).__dict__, "verified": True}))
    assert peers.get("p1") is not None and peers.get("p1").verified  # type: ignore[union-attr]


def test_trio_keeps_member_order(peers: PeerRepository) -> None:
    for n in (1, 2):
        peers.save(peer(n))
    peers.save_trio(Trio("t1", "Tuesday trio", "2026-03-01T09:00:00+00:00", ("p2", "p1")))
    [trio] = peers.trios()
    assert trio.peer_ids == ("p2", "p1")
    peers.delete("p2")
    assert peers.trios()[0].peer_ids == ("p1",)


def test_a_bundle_is_stored_once(
    app: App, peers: PeerRepository, received: ReceivedRepository
) -> None:
    peers.save(peer(1))
    entry = app.entries.write("My summary.")
    comment = Comment("c1", entry.id, "b1", "Peer 1", "Lovely.", "2026-03-02T09:00:00+00:00")
    assert received.add(bundle("b1", "feedback"), [comment])
    assert not received.add(bundle("b1", "feedback"), [comment])
    assert received.all() == [bundle("b1", "feedback")]
    assert received.comments_on(entry.id) == [comment]


def test_comments_on_entries_not_here_are_dropped(received: ReceivedRepository) -> None:
    lost = Comment("c2", "missing-entry", "b2", "Peer 1", "?", "2026-03-02T09:00:00+00:00")
    assert received.add(bundle("b2", "feedback"), [lost])
    assert received.comments_on("missing-entry") == []


def test_private_notes(received: ReceivedRepository) -> None:
    received.add(bundle("b3"), [])
    note = PrivateNote("n1", "b3", "Ask about the huddle.", "t", "t")
    received.save_note(note)
    assert received.notes_on("b3") == [note]
