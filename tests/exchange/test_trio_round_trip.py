"""A coaching trio end to end: Asha, Ben and Cai, each with a journal of their own.

They swap cards; Asha shares a summary with the trio; Ben and Cai receive and read it; Ben
sends feedback; Asha receives it and finds his comments on the entries they are about. Here
through the services, and with a peer who uses the standard age tool instead of Reflect; the
same round trip through the real command line is in tests/cli/test_cli_exchange.py, beside the
command-line harness.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from people import Person, introduce, open_person, shared_keyring
from reflect.core.entry import EntryKind


@pytest.fixture
def trio(tmp_path: Path) -> Iterator[tuple[Person, Person, Person]]:
    keyring = shared_keyring()
    people = [open_person(n, tmp_path, keyring) for n in ("Asha Patel", "Ben Okafor", "Cai Ó")]
    yield people[0], people[1], people[2]
    for person in people:
        person.app.close()


def test_a_trio_round_trip_through_the_services(
    trio: tuple[Person, Person, Person], tmp_path: Path
) -> None:
    asha, ben, cai = trio
    introduce(asha, ben, cai)
    asha.app.peers.create_trio("Spring trio", ["Ben", "Cai"])
    inquiry = asha.app.inquiries.add("How do we make stopping work feel safe?")
    first = asha.app.entries.write("# Workshop 2\nWe mapped the handoffs.", inquiry_id=inquiry.id)
    second = asha.app.entries.write("Stopped the Friday report.", kind=EntryKind.PROGRESS,
                                    inquiry_id=inquiry.id)  # fmt: skip

    preview = asha.app.sharing.preview(
        inquiry_id=inquiry.id, entry_ids=[first.id, second.id], note="Push me on measures."
    )
    sent = asha.app.sharing.share(preview, tmp_path / "asha-summary")

    for reader in (ben, cai):
        outcome = reader.app.receiving.receive(sent)
        assert outcome.new and outcome.peer is not None
        [sender] = reader.app.receiving.inbox()
        assert sender.name == "Asha Patel" and sender.sender_verified
        view = reader.app.receiving.read(outcome.bundle.id)
        assert [i["type"] for i in view.items] == ["inquiry", "note", "entry", "entry"]
        assert view.items[0]["question"] == "How do we make stopping work feel safe?"
        assert view.items[3]["body"] == "Stopped the Friday report."

    bundle_id = ben.app.receiving.inbox()[0].sessions[0].bundles[0].id
    ben.app.receiving.add_note(bundle_id, "Ask what made stopping possible.")
    reply = ben.app.receiving.feedback(
        bundle_id,
        {first.id: "Which handoff hurts most?", second.id: "Well done for stopping it."},
        "See you Thursday.",
        tmp_path / "ben-feedback",
    )
    outcome = asha.app.receiving.receive(reply)

    assert (outcome.comments, outcome.unmatched) == (2, 0)
    assert [(c.author, c.text) for c in asha.app.receiving.comments_on(first.id)] == [
        ("Ben Okafor", "Which handoff hurts most?")
    ]
    assert [c.text for c in asha.app.receiving.comments_on(second.id)] == [
        "Well done for stopping it."
    ]
    assert cai.app.receiving.comments_on(first.id) == []
    assert "Ask what made" not in reply.read_text(encoding="ascii")  # notes stay private


@pytest.mark.skipif(shutil.which("age") is None, reason="the standard age tool is not installed")
def test_a_peer_with_only_an_age_key_reads_the_bundle_with_the_age_tool(
    trio: tuple[Person, Person, Person], tmp_path: Path
) -> None:
    asha = trio[0]
    key_file, recipient = age_keypair(tmp_path)
    asha.app.peers.add("Dev", recipient)
    entry = asha.app.entries.write("Før the session: measures ✓")
    preview = asha.app.sharing.preview(to=["Dev"], entry_ids=[entry.id], note="Hi Dev")
    path = asha.app.sharing.share(preview, tmp_path / "for-dev")

    result = subprocess.run(
        ["age", "--decrypt", "--identity", str(key_file), str(path)],
        capture_output=True,
        check=True,
    )

    document = json.loads(result.stdout.decode("utf-8"))
    assert document["format"] == "reflect-bundle"
    assert document["sender"]["name"] == "Asha Patel"
    assert document["recipients"] == [recipient, asha.recipient]
    assert document["items"] == list(preview.items)
    assert "Før the session: measures ✓" in result.stdout.decode("utf-8")  # readable, not \u


def age_keypair(folder: Path) -> tuple[Path, str]:
    """An identity file in the format age-keygen writes, and its recipient."""
    import pyrage

    identity = pyrage.x25519.Identity.generate()
    key_file = folder / "dev-key.txt"
    key_file.write_text(f"# public key: {identity.to_public()}\n{identity}\n", encoding="ascii")
    return key_file, str(identity.to_public())
