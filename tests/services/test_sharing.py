"""Sharing: the preview is exactly what leaves, flags identifiers, and seals for the trio."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pyrage
import pytest

from fakes import FakeClock, QuickRawCipher
from people import Person, introduce, open_person, shared_keyring
from reflect.core.action import ActionKind, ActionStatus
from reflect.core.assessment import Score
from reflect.core.entry import EntryKind, Response
from reflect.errors import BadInput, NotFound
from reflect.exchange.bundle import open_bundle, open_with_passphrase
from reflect.messages import Msg

MARCH_1 = date(2026, 3, 1)


@dataclass
class Journal:
    asha: Person
    ben: Person
    cai: Person
    inquiry_id: str
    early_id: str  # written before March
    reflection_id: str
    coaching_id: str
    other_id: str  # a note about another inquiry


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    keyring = shared_keyring()
    clock = FakeClock()
    clock.advance(days=-10)
    quick = QuickRawCipher()  # passphrase bundles; tests/exchange proves them with age scrypt
    asha = open_person("Asha Patel", tmp_path, keyring, clock, bundle_cipher=quick)
    ben = open_person("Ben Okafor", tmp_path, keyring, bundle_cipher=quick)
    cai = open_person("Cai", tmp_path, keyring, bundle_cipher=quick)
    introduce(asha, ben, cai)
    app = asha.app
    inquiry = app.inquiries.add("Why do we never stop anything?", "The backlog only grows.")
    app.inquiries.reword(inquiry.id, "How do we make stopping work feel safe?")
    early = app.entries.write("Before the programme.", inquiry_id=inquiry.id)
    app.actions.add("Continue the weekly walk", ActionKind.CONTINUE, inquiry_id=inquiry.id)
    clock.advance(days=15)
    reflection = app.entries.write(
        "",
        title="Workshop 2",
        inquiry_id=inquiry.id,
        framework_id="gibbs",
        responses=(Response("description", "We mapped the handoffs."),),
    )
    coaching = app.entries.write("Trio notes", kind=EntryKind.COACHING, inquiry_id=inquiry.id)
    other = app.entries.write("A note on something else.", kind=EntryKind.NOTE)
    app.actions.add("Stop the Friday report", ActionKind.STOP, inquiry_id=inquiry.id)
    app.actions.add("Start a huddle", ActionKind.START, entry_id=other.id)
    app.assessments.record("csif", [Score("vision", 3, "Shared story")], note="Mid-way")
    yield Journal(asha, ben, cai, inquiry.id, early.id, reflection.id, coaching.id, other.id)
    for person in (asha, ben, cai):
        person.app.close()


def types(items: tuple[dict[str, object], ...]) -> list[object]:
    return [item["type"] for item in items]


def test_the_preview_holds_the_inquiry_its_entries_and_actions(journal: Journal) -> None:
    preview = journal.asha.app.sharing.preview(
        to=["Ben", "cai"],
        inquiry_id=journal.inquiry_id[:8],
        since=MARCH_1,
        note="  Push me on measures. ",
    )

    assert types(preview.items) == ["inquiry", "note", "entry", "action"]
    inquiry, note, entry, action = preview.items
    assert inquiry["question"] == "How do we make stopping work feel safe?"
    assert [w["question"] for w in inquiry["wordings"]] == [  # type: ignore[attr-defined]
        "Why do we never stop anything?",
        "How do we make stopping work feel safe?",
    ]
    assert inquiry["why"] == "The backlog only grows."
    assert note == {"type": "note", "text": "Push me on measures."}
    assert entry["id"] == journal.reflection_id  # not the early one, nor coaching notes
    assert entry["title"] == "Workshop 2"
    assert entry["framework_id"] == "gibbs"
    assert entry["responses"] == [
        {"prompt_id": "description", "label": "Description", "text": "We mapped the handoffs."}
    ]
    assert action["text"] == "Stop the Friday report"
    assert action["kind"] == "stop"
    assert [p.name for p in preview.recipients] == ["Ben Okafor", "Cai"]  # named, no trio yet
    assert preview.findings == ()


def test_an_inquiry_alone_brings_its_history_entries_and_actions(journal: Journal) -> None:
    preview = journal.asha.app.sharing.preview(inquiry_id=journal.inquiry_id)

    assert types(preview.items) == ["inquiry", "entry", "entry", "action", "action"]
    inquiry = preview.items[0]
    assert len(inquiry["wordings"]) == 2  # type: ignore[arg-type]
    assert [i["id"] for i in preview.items[1:3]] == [journal.early_id, journal.reflection_id]
    assert [i["text"] for i in preview.items[3:]] == [
        "Continue the weekly walk",
        "Stop the Friday report",
    ]


def test_since_limits_an_inquiry_to_what_changed_since(journal: Journal) -> None:
    app = journal.asha.app
    [walk] = [a for a in app.actions.find() if a.text == "Continue the weekly walk"]
    before = app.sharing.preview(inquiry_id=journal.inquiry_id, since=MARCH_1)
    app.actions.set_status(walk.id, ActionStatus.DONE)  # changed since: it goes now

    after = app.sharing.preview(inquiry_id=journal.inquiry_id, since=MARCH_1)

    assert [i.get("text") for i in before.items if i["type"] == "action"] == [
        "Stop the Friday report"
    ]
    assert [i["text"] for i in after.items if i["type"] == "action"] == [
        "Continue the weekly walk",
        "Stop the Friday report",
    ]


def test_coaching_notes_and_the_assessment_only_when_asked(journal: Journal) -> None:
    preview = journal.asha.app.sharing.preview(
        inquiry_id=journal.inquiry_id,
        since=MARCH_1,
        include_coaching=True,
        include_assessment=True,
        include_actions=False,
    )

    assert types(preview.items) == ["inquiry", "entry", "entry", "assessment"]
    assert preview.items[2]["id"] == journal.coaching_id
    assessment = preview.items[3]
    assert assessment["framework_name"] == "Cross-System Improvement Framework"
    assert assessment["scores"] == [{"domain_id": "vision", "score": 3, "evidence": "Shared story"}]
    assert assessment["note"] == "Mid-way"


def test_chosen_entries_go_as_chosen_with_their_actions(journal: Journal) -> None:
    preview = journal.asha.app.sharing.preview(entry_ids=[journal.other_id, journal.early_id])

    assert types(preview.items) == ["entry", "entry", "action"]
    assert [i["id"] for i in preview.items[:2]] == [journal.early_id, journal.other_id]
    assert preview.items[2]["text"] == "Start a huddle"


def test_since_without_an_inquiry_takes_every_entry(journal: Journal) -> None:
    preview = journal.asha.app.sharing.preview(since=MARCH_1, include_actions=False)

    assert [i["id"] for i in preview.items] == [journal.reflection_id, journal.other_id]


def test_identifiers_are_flagged_but_not_removed(journal: Journal) -> None:
    entry = journal.asha.app.entries.write("Met Dr Patel about 943 476 5919, DOB 12/03/1956.")

    preview = journal.asha.app.sharing.preview(entry_ids=[entry.id], note="Ask Sarah Jones too")

    assert [(f.item, f.field, f.text, f.reason) for f in preview.findings] == [
        (0, "text", "Sarah Jones", Msg.LOOKS_LIKE_NAME),
        (1, "body", "Dr Patel", Msg.LOOKS_LIKE_NAME),
        (1, "body", "943 476 5919", Msg.LOOKS_LIKE_NHS_NUMBER),
        (1, "body", "12/03/1956", Msg.LOOKS_LIKE_DATE_OF_BIRTH),
    ]
    assert preview.items[1]["body"] == entry.body


def test_nothing_to_share_and_unknown_ids_are_refused(journal: Journal) -> None:
    sharing = journal.asha.app.sharing
    with pytest.raises(BadInput) as exc:
        sharing.preview(note="   ")
    assert exc.value.msg is Msg.SHARE_NOTHING
    with pytest.raises(NotFound):
        sharing.preview(entry_ids=["ffffffff"])
    with pytest.raises(NotFound):
        sharing.preview(inquiry_id="ffffffff")
    trashed = journal.asha.app.entries.trash(journal.other_id)
    with pytest.raises(NotFound):
        sharing.preview(entry_ids=[trashed.id])


def test_share_seals_exactly_the_preview_for_the_trio_and_the_sender(
    journal: Journal, tmp_path: Path
) -> None:
    asha, ben, cai = journal.asha, journal.ben, journal.cai
    asha.app.peers.create_trio("Spring", ["Ben", "Cai"])
    preview = asha.app.sharing.preview(inquiry_id=journal.inquiry_id, note="Hello")

    path = asha.app.sharing.share(preview, tmp_path / "out" / "summary")

    assert path == tmp_path / "out" / "summary.reflect"
    assert path.read_bytes().startswith(b"-----BEGIN AGE ENCRYPTED FILE-----")
    for reader in (ben, cai, asha):
        me = reader.app.keys.identity()
        signers = {asha.app.keys.identity().signing_public: "Asha"}
        opened = open_bundle(path.read_bytes(), me.age_identity, signers, me.recipient)
        assert json.loads(opened.raw_json)["items"] == list(preview.items)
        assert opened.sender.name == "Asha Patel"
        assert opened.signed_by_peer
    assert set(opened.recipients) == {ben.recipient, cai.recipient, asha.recipient}


def test_unverified_recipients_are_named_in_the_preview(journal: Journal) -> None:
    asha = journal.asha
    dev = asha.app.peers.add("Dev", str(pyrage.x25519.Identity.generate().to_public()))
    asha.app.peers.remove("Cai")
    asha.app.peers.add("", journal.cai.card)

    preview = asha.app.sharing.preview(to=["Ben", "Cai", dev.name], note="Hi")

    assert preview.unverified == ("Cai",)  # Dev has no signing key to verify


def test_share_needs_recipients_or_a_passphrase(journal: Journal, tmp_path: Path) -> None:
    preview = journal.asha.app.sharing.preview(note="Hello")
    assert preview.recipients == ()

    with pytest.raises(BadInput) as exc:
        journal.asha.app.sharing.share(preview, tmp_path / "summary")
    assert exc.value.msg is Msg.SHARE_NO_RECIPIENTS
    assert list(tmp_path.glob("summary*")) == []


def test_a_passphrase_bundle_opens_with_the_passphrase(journal: Journal, tmp_path: Path) -> None:
    asha = journal.asha
    preview = asha.app.sharing.preview(note="Before we swap cards")

    path = asha.app.sharing.share(preview, tmp_path / "summary.reflect", "five pale owls")

    signers = {asha.app.keys.identity().signing_public: "Asha"}
    opened = open_with_passphrase(
        path.read_bytes(), "five pale owls", signers, cipher=QuickRawCipher()
    )
    assert opened.recipients == ()
    assert json.loads(opened.raw_json)["items"] == [
        {"type": "note", "text": "Before we swap cards"}
    ]


def test_share_needs_the_users_name(tmp_path: Path) -> None:
    asha = open_person("Asha Patel", tmp_path, shared_keyring())
    try:
        asha.app.keys._meta.set("display_name", "")
        preview = asha.app.sharing.preview(note="Hello")
        with pytest.raises(BadInput) as exc:
            asha.app.sharing.share(preview, tmp_path / "s", "pass")
        assert exc.value.msg is Msg.NAME_NEEDED
    finally:
        asha.app.close()
