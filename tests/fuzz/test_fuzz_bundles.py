"""Fuzzing the bundle reader through ``receive``: any file is kept cleanly or refused clearly.

Three layers, each reached with valid input changed a little:

- the armored file: a real bundle with bytes damaged, or random bytes;
- the decrypted document: a valid summary or feedback document, mutated, then signed again
  (with a peer's key, a stranger's or the reader's own) and encrypted to the reader for real,
  so the fuzz gets past decryption and the signature into the schema and into storage;
- the plaintext bytes: the signed document's JSON damaged before it is encrypted.

A refusal must be a ReflectError that left the journal byte for byte as it was. A bundle that
is kept must show in the inbox, open, and list through the command line.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyrage
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bundle_people import Person, person
from fakes import QuickCipher
from fuzz_support import (
    TIME_ZONES,
    damaged,
    fuzz_settings,
    local_time_zone,
    mutated,
    retexted,
)
from journal_snapshot import Example, JournalTemplate
from people import shared_keyring
from reflect.app import App
from reflect.errors import ReflectError
from reflect.exchange.bundle import SenderCard
from reflect.exchange.bundle_errors import ARMOR_BEGIN
from reflect.exchange.canonical import signature_text
from reflect.exchange.card import PublicKeys, make_card
from reflect.services.receiving import ReceiveOutcome

FUZZ = fuzz_settings(quick=40)
BUNDLE_ID = "0b6c3f1e-8f0a-4a57-9b1c-2d3e4f5a6b7c"
MY_ENTRY = "cccccccc-0000-4000-8000-000000000001"
T1 = "2026-03-01T09:00:00.000000+00:00"
# Text that must stay as it is for the document to get past its first checks.
STRUCTURE = frozenset({"format", "kind", "type", "recipient", "signing_key", "signature"})


@dataclass(frozen=True)
class People:
    """Asha (a verified peer of the reader), Cai (a stranger) and the reader's own keys."""

    asha: Person
    cai: Person
    reader_recipient: str
    reader: Any  # the reader's reflect.exchange.identity.Identity


class Reader:
    """Ben's journal (knowing Asha, with one entry of his own), and the people around him."""

    def __init__(self, folder: Path) -> None:
        self.keyring = shared_keyring()
        asha, cai = person("Asha"), person("Cai")
        self.template = JournalTemplate(
            folder,
            fill=lambda app: self._fill(app, asha),
            keyring_factory=self.keyring,
            cipher=QuickCipher(),
        )
        with self.template.example() as example:
            identity = example.app.keys.identity()
        self.people = People(asha, cai, identity.recipient, identity)
        # Sealed once: age adds random "grease" stanzas, so each sealing has its own length,
        # and hypothesis needs the same input to replay an example.
        self.sealed = encrypted(as_bytes(signed(summary(self.people), asha), False), self.people)

    @staticmethod
    def _fill(app: App, asha: Person) -> None:
        app.keys.set_name("Ben")
        app.keys.identity()
        keys = PublicKeys(asha.card.recipient, asha.card.signing_key)
        app.peers.add("", make_card(asha.card.name, keys))
        app.peers.verify("Asha")
        source = app.paths.data_dir.parent / "mine.json"
        entry = {"id": MY_ENTRY, "created": T1, "body": "My own entry."}
        document = {"format": "reflect-journal", "version": 1, "entries": [entry]}
        source.write_text(json.dumps(document), encoding="utf-8")
        app.transfer.import_path("json", source)


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory) -> Reader:
    return Reader(tmp_path_factory.mktemp("bundles"))


def summary(people: People, sender: SenderCard | None = None) -> dict[str, Any]:
    """What Asha (or ``sender``) sends Ben before a session: every item type and field."""
    card = sender or people.asha.card
    return {
        "format": "reflect-bundle",
        "version": 1,
        "id": BUNDLE_ID,
        "kind": "summary",
        "created": T1,
        "sender": {
            "name": card.name,
            "recipient": card.recipient,
            "signing_key": card.signing_key,
        },
        "recipients": [people.reader_recipient, card.recipient],
        "items": [
            {
                "type": "inquiry",
                "id": "i1",
                "question": "How might we own delays?",
                "wordings": [{"question": "How might we own delays?", "created": T1}],
                "why": "Because.",
                "status": "active",
                "status_note": "",
                "created": T1,
            },
            {
                "type": "entry",
                "id": "e1",
                "kind": "reflection",
                "title": "Workshop 3",
                "body": "We mapped the handoffs.",
                "created": T1,
                "updated": T1,
                "tags": ["flow"],
                "inquiry_id": "i1",
                "framework_id": "gibbs",
                "responses": [{"prompt_id": "feelings", "label": "Feelings", "text": "Unsure"}],
            },
            {
                "type": "action",
                "id": "a1",
                "text": "Chair the huddle",
                "kind": "start",
                "status": "open",
                "due": "2026-04-01",
                "created": T1,
                "entry_id": "e1",
                "inquiry_id": "i1",
            },
            {
                "type": "assessment",
                "id": "s1",
                "framework_id": "csif",
                "framework_name": "CSIF",
                "created": T1,
                "scores": [{"domain_id": "vision", "score": 3, "evidence": "PDSA 4"}],
                "inquiry_id": "i1",
                "note": "",
            },
            {"type": "note", "id": None, "text": "Push me on measures."},
        ],
    }


def feedback(people: People, sender: SenderCard | None = None) -> dict[str, Any]:
    """What Asha (or ``sender``) sends back after a session: comments on Ben's entries."""
    document = summary(people, sender)
    document["kind"] = "feedback"
    document["items"] = [
        {
            "type": "comment",
            "id": "c1",
            "about": MY_ENTRY,
            "body": "Try a run chart.",
            "created": T1,
        },
        {"type": "comment", "id": "c2", "about": "not-mine", "body": "Lost?", "created": None},
        {"type": "note", "text": "Good session."},
    ]
    return document


def signed(document: Any, signer: Person | Any) -> Any:
    """``document`` signed by ``signer`` when it can be (a mutation may have made it
    unsignable: no object, lone surrogates, NaN, nesting too deep); else as it is."""
    if not isinstance(document, dict):
        return document
    key = signer.signing_key() if callable(signer.signing_key) else signer.signing_key
    try:
        return {**document, "signature": signature_text(document, key)}
    except (ValueError, TypeError, RecursionError):
        return document


def encrypted(plaintext: bytes, people: People) -> bytes:
    out = io.BytesIO()
    recipients = [people.reader.age_identity.to_public(), people.asha.public]
    pyrage.encrypt_io(io.BytesIO(plaintext), out, recipients, armored=True)
    return out.getvalue()


def as_bytes(document: Any, ascii_only: bool) -> bytes:
    try:
        text = json.dumps(document, ensure_ascii=ascii_only, indent=2)
    except (ValueError, RecursionError):
        text = "{}"
    return text.encode("utf-8", "surrogatepass")


@st.composite
def documents(draw: st.DrawFn, people: People) -> Any:
    # Mostly Asha, a verified peer; also a stranger, and the reader himself.
    signer = draw(st.sampled_from([people.asha, people.asha, people.cai, people.reader]))
    base = draw(st.sampled_from([summary, feedback]))(people, card_of(signer, people))
    document = draw(mutated(base, max_changes=3) | retexted(base, STRUCTURE) | st.just(base))
    return signed(document, signer)


def card_of(signer: Person | Any, people: People) -> SenderCard:
    if isinstance(signer, Person):
        return signer.card
    return SenderCard("Ben", people.reader_recipient, people.reader.signing_public)


def received(example: Example, data: bytes, accept_unverified: bool) -> None:
    """Receive ``data``; check the refusal, or that what was kept can be read everywhere."""
    path = example.file("bundle.reflect", data)
    receiving = example.app.receiving
    outcome = example.attempt(lambda: receiving.receive(path, accept_unverified))
    if isinstance(outcome, ReflectError):
        return
    assert isinstance(outcome, ReceiveOutcome)
    receiving.inbox()
    receiving.read(outcome.bundle.id)
    receiving.comments_on(MY_ENTRY)
    example.assert_views_work(
        ("inbox",),
        ("inbox", "--json"),
        ("inbox", outcome.bundle.id),
        ("inbox", outcome.bundle.id, "--json"),
        ("list",),
    )


@FUZZ
@given(data=st.data(), zone=TIME_ZONES, unverified=st.booleans())
def test_the_decrypted_document(reader: Reader, data: st.DataObject, zone: str, unverified: bool):
    document = data.draw(documents(reader.people))
    plaintext = as_bytes(document, ascii_only=data.draw(st.booleans()))
    with local_time_zone(zone), reader.template.example() as example:
        received(example, encrypted(plaintext, reader.people), unverified)


@FUZZ
@given(data=st.data(), zone=TIME_ZONES)
def test_the_plaintext_bytes(reader: Reader, data: st.DataObject, zone: str) -> None:
    document = signed(summary(reader.people), reader.people.asha)
    plaintext = data.draw(damaged(as_bytes(document, ascii_only=False)))
    with local_time_zone(zone), reader.template.example() as example:
        received(example, encrypted(plaintext, reader.people), accept_unverified=False)


@FUZZ
@given(data=st.data())
def test_the_armored_file(reader: Reader, data: st.DataObject) -> None:
    raw = data.draw(
        st.binary()
        | st.binary().map(lambda tail: ARMOR_BEGIN + b"\n" + tail)
        | st.binary().map(lambda tail: b"age-encryption.org/v1\n" + tail)
        | damaged(reader.sealed)
    )
    with reader.template.example() as example:
        received(example, raw, accept_unverified=data.draw(st.booleans()))
