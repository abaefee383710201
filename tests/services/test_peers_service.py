"""Peers from cards or plain age recipients, verified by fingerprint, grouped into trios."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyrage
import pytest

from people import Person, open_person, shared_keyring
from reflect.errors import BadInput, NotFound
from reflect.messages import Msg
from reflect.services.changes import Change, Topic


@pytest.fixture
def trio(tmp_path: Path) -> Iterator[tuple[Person, Person, Person]]:
    keyring = shared_keyring()
    people = tuple(open_person(n, tmp_path, keyring) for n in ("Asha Patel", "Ben Okafor", "Cai"))
    yield people  # type: ignore[misc]
    for person in people:
        person.app.close()


def age_recipient() -> str:
    return str(pyrage.x25519.Identity.generate().to_public())


def test_a_card_adds_a_peer_under_its_own_name(trio: tuple[Person, Person, Person]) -> None:
    asha, ben, _ = trio
    changes: list[Change] = []
    asha.app.changes.subscribe(changes.append)

    peer = asha.app.peers.add("", "Hi Asha, here is my card:\n> " + ben.card.replace("\n", "\n> "))

    assert peer.name == "Ben Okafor"
    assert peer.age_recipient == ben.recipient
    assert peer.signing_key == ben.app.keys.identity().signing_public
    assert not peer.verified
    assert asha.app.peers.all() == [peer]
    assert changes == [Change(Topic.PEERS, (peer.id,))]


def test_both_sides_see_the_same_fingerprint(trio: tuple[Person, Person, Person]) -> None:
    asha, ben, _ = trio
    asha.app.peers.add("Ben", ben.card)

    assert asha.app.peers.fingerprint("ben") == ben.app.keys.card().fingerprint


def test_a_name_given_wins_over_the_card(trio: tuple[Person, Person, Person]) -> None:
    asha, ben, _ = trio

    assert asha.app.peers.add("  Benny  O ", ben.card).name == "Benny O"
    assert asha.app.peers.get("BENNY O").name == "Benny O"
    assert asha.app.peers.get("benny").name == "Benny O"  # a first name is enough when unique


def test_a_plain_age_recipient_needs_a_name_and_cannot_be_verified(
    trio: tuple[Person, Person, Person],
) -> None:
    asha, _, _ = trio
    recipient = age_recipient()

    with pytest.raises(BadInput) as exc:
        asha.app.peers.add("", recipient)
    assert exc.value.msg is Msg.PEER_NAME_NEEDED

    dev = asha.app.peers.add("Dev", f"my key is {recipient.upper()}")
    assert dev.age_recipient == recipient
    assert dev.signing_key is None
    with pytest.raises(BadInput) as exc:
        asha.app.peers.verify("Dev")
    assert exc.value.msg is Msg.PEER_CANNOT_VERIFY
    assert asha.app.peers.signers() == {}


def test_the_same_keys_or_name_are_not_added_twice(trio: tuple[Person, Person, Person]) -> None:
    asha, ben, cai = trio
    asha.app.peers.add("", ben.card)

    for name, text, msg in [
        ("Someone else", ben.card, Msg.PEER_ALREADY_ADDED),
        ("Ben again", ben.recipient, Msg.PEER_ALREADY_ADDED),
        ("ben okafor", cai.card, Msg.PEER_NAME_TAKEN),
    ]:
        with pytest.raises(BadInput) as exc:
            asha.app.peers.add(name, text)
        assert exc.value.msg is msg
    assert [p.name for p in asha.app.peers.all()] == ["Ben Okafor"]


def test_bad_cards_are_refused_with_their_own_message(trio: tuple[Person, Person, Person]) -> None:
    asha, ben, _ = trio
    cut = ben.card.split("-----END")[0]

    for text, msg in [
        ("hello", Msg.CARD_NOT_FOUND),
        (cut, Msg.CARD_INCOMPLETE),
        ("AGE-SECRET-KEY-1QQQ", Msg.CARD_PRIVATE_KEY),
    ]:
        with pytest.raises(BadInput) as exc:
            asha.app.peers.add("", text)
        assert exc.value.msg is msg
    assert asha.app.peers.all() == []


def test_verify_marks_the_peer(trio: tuple[Person, Person, Person]) -> None:
    asha, ben, _ = trio
    asha.app.peers.add("", ben.card)

    assert asha.app.peers.verify("Ben Okafor").verified
    assert asha.app.peers.get("Ben Okafor").verified
    assert asha.app.peers.verify("Ben Okafor").verified  # again: no change, no error


def test_unknown_names_are_not_found(trio: tuple[Person, Person, Person]) -> None:
    asha, ben, cai = trio
    asha.app.peers.add("Ben One", ben.card)
    asha.app.peers.add("Ben Two", cai.card)

    for name in ["Zed", "Ben", ""]:  # "Ben" names two peers
        with pytest.raises(NotFound) as exc:
            asha.app.peers.get(name)
        assert exc.value.msg is Msg.PEER_NOT_FOUND


def test_sharing_goes_to_the_newest_trio_unless_told(trio: tuple[Person, Person, Person]) -> None:
    asha, ben, cai = trio
    asha.app.peers.add("", ben.card)
    asha.app.peers.add("", cai.card)
    dev = asha.app.peers.add("Dev", age_recipient())
    assert asha.app.peers.recipients() == []

    asha.app.peers.create_trio("Autumn", ["Dev"])
    spring = asha.app.peers.create_trio("Spring", ["Ben", "Cai", "ben okafor"])

    assert asha.app.peers.default_trio() == spring
    assert [p.name for p in asha.app.peers.recipients()] == ["Ben Okafor", "Cai"]
    assert asha.app.peers.recipients(["Dev", "dev"]) == [dev]
    assert [t.name for t in asha.app.peers.trios()] == ["Autumn", "Spring"]


def test_a_trio_needs_a_name_and_peers(trio: tuple[Person, Person, Person]) -> None:
    asha, ben, _ = trio
    asha.app.peers.add("", ben.card)

    for name, members, msg in [
        ("", ["Ben"], Msg.TRIO_NAME_NEEDED),
        ("T", [], Msg.TRIO_NEEDS_PEERS),
    ]:
        with pytest.raises(BadInput) as exc:
            asha.app.peers.create_trio(name, members)
        assert exc.value.msg is msg
    with pytest.raises(NotFound):
        asha.app.peers.create_trio("T", ["Nobody"])
    assert asha.app.peers.trios() == []


def test_removing_a_peer_takes_them_out_of_the_trio(trio: tuple[Person, Person, Person]) -> None:
    asha, ben, cai = trio
    asha.app.peers.add("", ben.card)
    asha.app.peers.add("", cai.card)
    asha.app.peers.create_trio("Spring", ["Ben", "Cai"])

    asha.app.peers.remove("Cai")

    assert [p.name for p in asha.app.peers.recipients()] == ["Ben Okafor"]


def test_verifying_a_peer_keeps_their_trios_and_what_they_sent(
    trio: tuple[Person, Person, Person], tmp_path: Path
) -> None:
    asha, ben, cai = trio
    asha.app.peers.add("", ben.card)
    asha.app.peers.add("", cai.card)
    ben.app.peers.add("", asha.card)
    made = asha.app.peers.create_trio("Spring", ["Ben", "Cai"])
    entry = ben.app.entries.write("Tried huddles.")
    preview = ben.app.sharing.preview(to=["Asha"], entry_ids=[entry.id], note="")
    received = asha.app.receiving.receive(ben.app.sharing.share(preview, tmp_path / "s"))

    asha.app.peers.verify("Ben")

    assert [p.name for p in asha.app.peers.members(made)] == ["Ben Okafor", "Cai"]
    [sender] = asha.app.receiving.inbox()
    assert received.peer is not None and sender.peer_id == received.peer.id
    assert sender.sender_verified
