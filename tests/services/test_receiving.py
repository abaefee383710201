"""Receiving: bundles are checked, kept once, grouped in the inbox; feedback comes back."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyrage
import pytest

from age_vectors import costly_passphrase_file, scrypt_spy
from people import Person, introduce, open_person, shared_keyring
from reflect.errors import BadInput, NotFound, ReflectError
from reflect.exchange.bundle import MAX_BUNDLE_BYTES
from reflect.messages import Msg
from reflect.services.changes import Change, Topic


@dataclass
class Trio:
    asha: Person
    ben: Person
    cai: Person
    folder: Path
    entry_id: str


@pytest.fixture
def trio(tmp_path: Path) -> Iterator[Trio]:
    keyring = shared_keyring()
    people = [open_person(n, tmp_path, keyring) for n in ("Asha Patel", "Ben Okafor", "Cai")]
    introduce(*people)
    entry = people[0].app.entries.write("# Workshop 2\nWe mapped the handoffs.")
    folder = tmp_path / "files"
    yield Trio(*people, folder, entry.id)
    for person in people:
        person.app.close()


def summary(trio: Trio, to: tuple[str, ...] = ("Ben", "Cai"), name: str = "summary") -> Path:
    sharing = trio.asha.app.sharing
    preview = sharing.preview(to=to, entry_ids=[trio.entry_id], note="Push me on measures.")
    return sharing.share(preview, trio.folder / name)


def refused(person: Person, path: Path, msg: Msg, **options: object) -> ReflectError:
    before = person.counts()
    with pytest.raises(ReflectError) as exc:
        person.app.receiving.receive(path, **options)  # type: ignore[arg-type]
    assert exc.value.msg is msg, exc.value.text
    assert person.counts() == before
    return exc.value


def test_a_summary_from_a_peer_lands_in_the_inbox(trio: Trio) -> None:
    changes: list[Change] = []
    trio.ben.app.changes.subscribe(changes.append)

    outcome = trio.ben.app.receiving.receive(summary(trio))

    assert outcome.new and outcome.notice is None
    assert outcome.peer is not None and outcome.peer.name == "Asha Patel"
    assert outcome.bundle.signed_by_peer and outcome.bundle.kind == "summary"
    assert [i["type"] for i in outcome.items] == ["note", "entry"]
    assert changes == [Change(Topic.RECEIVED, (outcome.bundle.id,))]
    [sender] = trio.ben.app.receiving.inbox()
    assert (sender.name, sender.signed_by_peer, sender.sender_verified) == (
        "Asha Patel", True, True,
    )  # fmt: skip
    assert sender.peer_id == outcome.peer.id
    assert [b.id for s in sender.sessions for b in s.bundles] == [outcome.bundle.id]
    view = trio.ben.app.receiving.read(outcome.bundle.id[:8])
    assert view.items[1]["title"] == "" and view.items[1]["body"].startswith("# Workshop 2")
    stored = json.loads(view.bundle.raw_json)
    assert stored["sender"]["name"] == "Asha Patel" and "signature" in stored


def test_receiving_the_same_bundle_twice_changes_nothing(trio: Trio) -> None:
    path = summary(trio)
    first = trio.ben.app.receiving.receive(path)
    before = trio.ben.counts()

    again = trio.ben.app.receiving.receive(path)

    assert not again.new
    assert again.notice is Msg.BUNDLE_ALREADY_RECEIVED
    assert again.bundle == first.bundle
    assert trio.ben.counts() == before == {**before, "received": 1}


def test_an_unknown_sender_is_refused_unless_accepted_then_kept_unverified(trio: Trio) -> None:
    path = summary(trio)
    trio.ben.app.peers.remove("Asha Patel")

    error = refused(trio.ben, path, Msg.BUNDLE_UNKNOWN_SENDER)
    assert "Asha Patel" in error.text

    outcome = trio.ben.app.receiving.receive(path, accept_unverified=True)
    assert not outcome.bundle.signed_by_peer
    assert outcome.peer is None and outcome.bundle.peer_id is None
    [sender] = trio.ben.app.receiving.inbox()
    assert (sender.name, sender.signed_by_peer, sender.sender_verified) == (
        "Asha Patel", False, False,
    )  # fmt: skip
    assert sender.peer_id is None


def test_a_bundle_for_others_is_refused(trio: Trio) -> None:
    refused(trio.cai, summary(trio, to=("Ben",)), Msg.BUNDLE_NOT_FOR_YOU)


def test_a_forwarded_bundle_is_refused(trio: Trio) -> None:
    path = summary(trio, to=("Ben",))
    plaintext = pyrage.decrypt(path.read_bytes(), [trio.ben.app.keys.identity().age_identity])
    cai = pyrage.x25519.Recipient.from_str(trio.cai.recipient)
    forwarded = trio.folder / "forwarded.reflect"
    forwarded.write_bytes(pyrage.encrypt(plaintext, [cai], armored=True))

    refused(trio.cai, forwarded, Msg.BUNDLE_FORWARDED)
    refused(trio.cai, forwarded, Msg.BUNDLE_FORWARDED, accept_unverified=True)


def test_your_own_bundle_stays_out_of_your_inbox(trio: Trio) -> None:
    refused(trio.asha, summary(trio), Msg.BUNDLE_FROM_YOU)


@pytest.mark.parametrize(
    ("content", "msg"),
    [
        (b"Dear Ben, see attached.", Msg.BUNDLE_NOT_AGE),
        (b"-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n", Msg.BUNDLE_BAD_AGE),
        (b"x" * (MAX_BUNDLE_BYTES * 2 + 65 * 1024), Msg.BUNDLE_TOO_LARGE),
    ],
)
def test_files_that_are_not_bundles_store_nothing(trio: Trio, content: bytes, msg: Msg) -> None:
    trio.folder.mkdir(exist_ok=True)
    path = trio.folder / "odd.reflect"
    path.write_bytes(content)

    refused(trio.ben, path, msg)


def test_a_missing_file_says_so(trio: Trio) -> None:
    refused(trio.ben, trio.folder / "nowhere.reflect", Msg.FILE_NOT_FOUND)


def test_feedback_comes_back_as_comments_on_the_right_entries(trio: Trio) -> None:
    other = trio.asha.app.entries.write("Not shared, not commented on.")
    received = trio.ben.app.receiving.receive(summary(trio)).bundle

    path = trio.ben.app.receiving.feedback(
        received.id[:8],
        {trio.entry_id[:6]: "Try a run chart.", other.id: "   "},  # blank comments are dropped
        "Good session.",
        trio.folder / "feedback",
    )
    changes: list[Change] = []
    trio.asha.app.changes.subscribe(changes.append)
    outcome = trio.asha.app.receiving.receive(path)

    assert (outcome.comments, outcome.unmatched) == (1, 0)
    [comment] = trio.asha.app.receiving.comments_on(trio.entry_id)
    assert (comment.author, comment.text, comment.bundle_id) == (
        "Ben Okafor",
        "Try a run chart.",
        outcome.bundle.id,
    )
    assert trio.asha.app.receiving.comments_on(other.id) == []
    assert Change(Topic.ENTRIES, (trio.entry_id,)) in changes
    assert [i["type"] for i in outcome.items] == ["comment", "note"]
    refused(trio.cai, path, Msg.BUNDLE_NOT_FOR_YOU)  # feedback goes to the author only


def test_comments_about_entries_you_do_not_have_are_counted(trio: Trio) -> None:
    received = trio.ben.app.receiving.receive(summary(trio)).bundle
    path = trio.ben.app.receiving.feedback(
        received.id, {trio.entry_id: "Nice."}, "", trio.folder / "feedback"
    )
    trio.asha.app.entries.trash(trio.entry_id)
    trio.asha.app.entries.empty_trash()

    outcome = trio.asha.app.receiving.receive(path)

    assert (outcome.comments, outcome.unmatched) == (0, 1)


def test_feedback_mistakes_are_refused(trio: Trio) -> None:
    receiving = trio.ben.app.receiving
    received = receiving.receive(summary(trio)).bundle
    out = trio.folder / "feedback"

    for bundle_id, comments, msg in [
        (received.id, {}, Msg.FEEDBACK_EMPTY),
        (received.id, {"ffffffff": "Hi"}, Msg.FEEDBACK_UNKNOWN_ENTRY),
        ("ffffffff", {trio.entry_id: "Hi"}, Msg.RECEIVED_NOT_FOUND),
    ]:
        with pytest.raises(ReflectError) as exc:
            receiving.feedback(bundle_id, comments, "", out)
        assert exc.value.msg is msg
    trio.ben.app.peers.remove("Asha Patel")
    with pytest.raises(BadInput) as bad:
        receiving.feedback(received.id, {trio.entry_id: "Hi"}, "", out)
    assert bad.value.msg is Msg.FEEDBACK_NEEDS_PEER
    assert not list(trio.folder.glob("feedback*"))


def test_feedback_answers_summaries_only(trio: Trio) -> None:
    received = trio.ben.app.receiving.receive(summary(trio)).bundle
    path = trio.ben.app.receiving.feedback(received.id, {}, "Thanks", trio.folder / "fb")
    feedback = trio.asha.app.receiving.receive(path).bundle

    with pytest.raises(BadInput) as exc:
        trio.asha.app.receiving.feedback(feedback.id, {}, "Thanks back", trio.folder / "fb2")
    assert exc.value.msg is Msg.FEEDBACK_ON_FEEDBACK


def test_private_notes_stay_with_the_bundle(trio: Trio) -> None:
    received = trio.ben.app.receiving.receive(summary(trio)).bundle

    note = trio.ben.app.receiving.add_note(received.id, "Ask about the handoffs first.\n")

    assert trio.ben.app.receiving.read(received.id).notes == (note,)
    assert note.text == "Ask about the handoffs first."
    with pytest.raises(BadInput) as exc:
        trio.ben.app.receiving.add_note(received.id, "  \n")
    assert exc.value.msg is Msg.NOTE_EMPTY
    with pytest.raises(NotFound):
        trio.ben.app.receiving.add_note("ffffffff", "Hi")


def test_a_passphrase_bundle_needs_its_passphrase(trio: Trio) -> None:
    sharing = trio.asha.app.sharing
    path = sharing.share(sharing.preview(note="Before cards"), trio.folder / "p", "five pale owls")

    refused(trio.ben, path, Msg.BUNDLE_NEEDS_PASSPHRASE)
    refused(trio.ben, path, Msg.BUNDLE_WRONG_PASSPHRASE, passphrase="six pale owls")
    outcome = trio.ben.app.receiving.receive(path, passphrase="five pale owls")
    assert outcome.bundle.signed_by_peer and outcome.bundle.sender_name == "Asha Patel"


def test_the_inbox_groups_by_sender_then_day(trio: Trio) -> None:
    receiving = trio.ben.app.receiving
    first = receiving.receive(summary(trio, name="one")).bundle
    trio.asha.app.clock.advance(days=2)  # type: ignore[attr-defined]
    second = receiving.receive(summary(trio, name="two")).bundle
    cai_sharing = trio.cai.app.sharing
    from_cai = cai_sharing.share(cai_sharing.preview(to=["Ben"], note="Hi"), trio.folder / "c")
    third = receiving.receive(from_cai).bundle

    asha, cai = receiving.inbox()

    assert (asha.name, cai.name) == ("Asha Patel", "Cai")
    assert [[b.id for b in s.bundles] for s in asha.sessions] == [[second.id], [first.id]]
    assert [b.id for s in cai.sessions for b in s.bundles] == [third.id]
    assert asha.sessions[0].day > asha.sessions[1].day


def test_a_removed_peers_bundles_stay_signed_by_a_peer_but_are_no_longer_verified(
    trio: Trio,
) -> None:
    trio.ben.app.receiving.receive(summary(trio))
    trio.ben.app.peers.remove("Asha Patel")

    [sender] = trio.ben.app.receiving.inbox()

    assert (sender.name, sender.signed_by_peer, sender.peer_id) == ("Asha Patel", True, None)
    assert not sender.sender_verified


def test_a_passphrase_bundle_asking_for_too_much_work_is_refused_before_any(
    trio: Trio, monkeypatch: pytest.MonkeyPatch
) -> None:
    trio.folder.mkdir(exist_ok=True)
    path = trio.folder / "hostile.reflect"
    path.write_bytes(costly_passphrase_file())

    with scrypt_spy(monkeypatch) as scrypt_calls:
        error = refused(trio.ben, path, Msg.BUNDLE_PASSPHRASE_TOO_COSTLY, passphrase="password")
        # Opened with keys instead, it is a passphrase bundle like any other.
        refused(trio.ben, path, Msg.BUNDLE_NEEDS_PASSPHRASE)

    assert "23" in error.text and "21" in error.text
    assert scrypt_calls == []
