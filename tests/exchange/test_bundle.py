"""Sealing and opening bundles: round trips between a trio, the canonical form, writing files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyrage
import pytest

from bundle_people import Person, person
from reflect.errors import BadInput
from reflect.exchange.bundle import (
    FORMAT,
    VERSION,
    BundleContent,
    BundleKind,
    OpenedBundle,
    open_bundle,
    open_with_passphrase,
    seal,
    seal_with_passphrase,
    write_bundle,
)
from reflect.exchange.canonical import canonical_bytes
from reflect.messages import Msg

CREATED = "2026-03-01T09:00:00.000000+00:00"
ENTRY_ID = "5d0f4b8e-1c2a-4f3e-9b7d-6a5c4e3d2b1a"


@pytest.fixture(scope="module")
def trio() -> tuple[Person, Person, Person]:
    return person("Asha"), person("Ben"), person("Cai Ó Riordáin")


def summary_items() -> list[dict[str, Any]]:
    return [
        {
            "type": "inquiry",
            "id": "i-1",
            "question": "How do we make stopping work feel safe?",
            "wordings": [
                {"question": "Why do we never stop anything?", "created": CREATED},
                {"question": "How do we make stopping work feel safe?", "created": CREATED},
            ],
            "why": "Our backlog only grows.",
        },
        {
            "type": "entry",
            "id": ENTRY_ID,
            "kind": "reflection",
            "title": "Workshop 2",
            "body": "We *measured learning*, not only outcomes — ünïcode ✓",
            "created": CREATED,
            "tags": ["measurement"],
            "framework_id": "model-for-improvement",
            "responses": [{"prompt_id": "aim", "label": "Aim", "text": "Fewer handoffs"}],
        },
        {"type": "action", "id": "a-1", "text": "Stop the Friday report", "kind": "stop"},
        {
            "type": "assessment",
            "id": "s-1",
            "framework_id": "model-for-improvement",
            "created": CREATED,
            "scores": [{"domain_id": "vision", "score": 3, "evidence": "Shared story"}],
        },
        {"type": "note", "text": "Please push me on measures this time."},
    ]


def summary(**fields: Any) -> BundleContent:
    return BundleContent(
        kind=BundleKind.SUMMARY, items=fields.pop("items", summary_items()), created=CREATED
    )


def known(*people: Person) -> dict[str, str]:
    return {p.card.signing_key: p.card.name for p in people}


def opened_by(data: bytes, reader: Person, *signers: Person) -> OpenedBundle:
    return open_bundle(data, reader.identity, known(*signers), reader.recipient)


# Round trips ---------------------------------------------------------------------------------


def test_a_bundle_sealed_to_the_trio_opens_verified_for_each_member(trio: Any) -> None:
    asha, ben, cai = trio
    data = seal(summary(), asha.signing_key, asha.card, [ben.recipient, cai.recipient])

    opened = [opened_by(data, reader, asha) for reader in trio]

    assert data.startswith(b"-----BEGIN AGE ENCRYPTED FILE-----")
    assert all(o.signed_by_peer and o.sender_name == "Asha" for o in opened)
    assert all(o.sender == asha.card and o.kind is BundleKind.SUMMARY for o in opened)
    assert len({o.raw_json for o in opened}) == 1
    assert len({o.bundle_id for o in opened}) == 1
    first = opened[0]
    assert first.document == json.loads(first.raw_json)
    assert [i["type"] for i in first.items] == ["inquiry", "entry", "action", "assessment", "note"]
    assert first.items[1]["body"] == summary_items()[1]["body"]
    assert first.created == CREATED


def test_the_signed_recipient_list_names_everyone_once_sender_included(trio: Any) -> None:
    asha, ben, cai = trio
    recipients = [ben.recipient, cai.recipient, ben.recipient, asha.recipient.upper()]

    opened = opened_by(seal(summary(), asha.signing_key, asha.card, recipients), cai, asha)

    assert opened.recipients == (ben.recipient, cai.recipient, asha.recipient.upper())


def test_the_sender_name_shown_is_the_one_the_reader_gave_that_peer(trio: Any) -> None:
    asha, ben, _ = trio
    data = seal(summary(), asha.signing_key, asha.card, [ben.recipient])

    opened = open_bundle(data, ben.identity, {asha.card.signing_key: "Asha (Leeds)"}, ben.recipient)

    assert opened.sender_name == "Asha (Leeds)"


def test_optional_item_fields_come_back_with_their_defaults(trio: Any) -> None:
    asha, ben, _ = trio
    items = [{"type": "entry", "id": "e", "kind": "note", "created": CREATED}]

    opened = opened_by(
        seal(summary(items=items), asha.signing_key, asha.card, [ben.recipient]), ben, asha
    )

    assert opened.items[0] == {
        "type": "entry",
        "id": "e",
        "kind": "note",
        "created": CREATED,
        "title": "",
        "body": "",
        "updated": None,
        "tags": [],
        "inquiry_id": None,
        "framework_id": None,
        "responses": [],
    }


def test_unknown_extra_fields_are_kept_and_signed(trio: Any) -> None:
    asha, ben, _ = trio
    items = [{"type": "note", "text": "hi", "mood": "hopeful"}]

    opened = opened_by(
        seal(summary(items=items), asha.signing_key, asha.card, [ben.recipient]), ben, asha
    )

    assert opened.items[0]["mood"] == "hopeful"


def test_tuples_from_core_dataclasses_travel_as_lists(trio: Any) -> None:
    asha, ben, _ = trio
    entry = {"type": "entry", "id": "e", "kind": "note", "created": CREATED, "tags": ("a", "b")}
    data = seal(summary(items=(entry,)), asha.signing_key, asha.card, [ben.recipient])

    assert opened_by(data, ben, asha).items[0]["tags"] == ["a", "b"]


def test_feedback_carries_comments_about_the_authors_entries(trio: Any) -> None:
    asha, ben, _ = trio
    feedback = BundleContent(
        kind=BundleKind.FEEDBACK,
        items=[
            {"type": "comment", "id": "c-1", "about": ENTRY_ID, "body": "Which handoff first?"},
            {"type": "note", "text": "Good session."},
        ],
        created=CREATED,
    )

    opened = opened_by(seal(feedback, ben.signing_key, ben.card, [asha.recipient]), asha, ben)

    assert opened.kind is BundleKind.FEEDBACK
    assert opened.items[0]["about"] == ENTRY_ID
    assert opened.sender_name == "Ben"


def test_a_comment_cannot_travel_in_a_summary(trio: Any) -> None:
    asha, ben, _ = trio
    items = [{"type": "comment", "id": "c", "about": ENTRY_ID, "body": "?"}]

    with pytest.raises(BadInput) as exc:
        seal(summary(items=items), asha.signing_key, asha.card, [ben.recipient])

    assert exc.value.msg is Msg.BUNDLE_INVALID
    assert exc.value.params["field"] == "items[0].type"


def test_a_passphrase_bundle_round_trips_signed_with_no_recipients(trio: Any) -> None:
    asha, _, _ = trio
    data = seal_with_passphrase(summary(), asha.signing_key, asha.card, "five pale owls")

    opened = open_with_passphrase(data, "five pale owls", known(asha))

    assert data.startswith(b"-----BEGIN AGE ENCRYPTED FILE-----")
    assert opened.signed_by_peer and opened.sender_name == "Asha"
    assert opened.recipients == ()
    assert opened.items[4]["text"] == "Please push me on measures this time."


def test_armor_mangled_by_email_still_opens(trio: Any) -> None:
    asha, ben, _ = trio
    data = seal(summary(), asha.signing_key, asha.card, [ben.recipient])
    mangled = b"\xef\xbb\xbf\r\n\r\n" + data.replace(b"\n", b"\r\n") + b"\r\n\r\n"

    assert opened_by(mangled, ben, asha).signed_by_peer


# Sealing refusals ----------------------------------------------------------------------------


def test_a_recipient_that_is_not_an_age_key_is_refused_by_name(trio: Any) -> None:
    asha, _, _ = trio

    with pytest.raises(BadInput) as exc:
        seal(summary(), asha.signing_key, asha.card, ["age1notakey"])

    assert exc.value.msg is Msg.BUNDLE_BAD_RECIPIENT
    assert exc.value.params["value"] == "age1notakey"


def test_an_empty_passphrase_is_refused(trio: Any) -> None:
    asha, _, _ = trio

    with pytest.raises(BadInput) as exc:
        seal_with_passphrase(summary(), asha.signing_key, asha.card, "")

    assert exc.value.msg is Msg.BUNDLE_PASSPHRASE_EMPTY


def test_a_card_that_does_not_match_the_signing_key_is_a_bug(trio: Any) -> None:
    asha, ben, _ = trio

    with pytest.raises(ValueError, match="signing key"):
        seal(summary(), asha.signing_key, ben.card, [])


# The canonical form --------------------------------------------------------------------------


def test_canonical_form_sorts_keys_drops_whitespace_and_the_signature() -> None:
    document = {"b": [1, {"é": "✓", "a": None}], "a": "x", "signature": "ignored"}

    assert canonical_bytes(document) == '{"a":"x","b":[1,{"a":null,"é":"✓"}]}'.encode()


def test_the_signature_survives_reformatting_of_the_json(trio: Any) -> None:
    asha, ben, _ = trio
    data = seal(summary(), asha.signing_key, asha.card, [ben.recipient])
    raw = opened_by(data, ben, asha).raw_json
    document = json.loads(raw)
    reordered = dict(reversed(list(document.items())))
    compact = json.dumps(reordered, ensure_ascii=True, separators=(",", ":")).encode()
    reencrypted = pyrage.encrypt(compact, [ben.identity.to_public()], armored=True)
    # Ben's own re-encryption drops the others from age's header, but the signed list
    # still names him, so it opens as the bundle Asha sent.
    assert opened_by(reencrypted, ben, asha).document == document


def test_the_document_says_what_it_is(trio: Any) -> None:
    asha, ben, _ = trio
    opened = opened_by(seal(summary(), asha.signing_key, asha.card, [ben.recipient]), ben, asha)

    assert opened.document["format"] == FORMAT == "reflect-bundle"
    assert opened.document["version"] == 1  # nothing in it needs a newer reader
    assert VERSION == 2


# Writing -------------------------------------------------------------------------------------


def test_write_bundle_adds_the_suffix_and_replaces_whole_files(tmp_path: Path, trio: Any) -> None:
    asha, ben, _ = trio
    data = seal(summary(), asha.signing_key, asha.card, [ben.recipient])
    (tmp_path / "for-ben.reflect").write_bytes(b"an older bundle")

    written = write_bundle(tmp_path / "for-ben", data)

    assert written == tmp_path / "for-ben.reflect"
    assert written.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["for-ben.reflect"]


def test_write_bundle_keeps_a_reflect_suffix(tmp_path: Path) -> None:
    assert write_bundle(tmp_path / "x.reflect", b"data") == tmp_path / "x.reflect"
