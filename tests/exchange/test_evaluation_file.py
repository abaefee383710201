"""Evaluation returns: what the file holds (and never holds), the pseudonym, and every way
opening one can fail, each with its own message."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from evaluation_returns import (
    CREATED,
    PROGRAMME,
    a_return,
    armor_byte_flipped,
    decrypted,
    edited,
    encrypted,
    evaluator,
    participant,
    scores,
)
from reflect.core.evaluation import (
    Answer,
    CountKey,
    EvaluationReturn,
    Rating,
    ReturnContent,
    ReturnKind,
)
from reflect.errors import BadInput
from reflect.exchange.card import fingerprint, make_card, parse_card
from reflect.exchange.evaluation_file import (
    MAX_RETURN_BYTES,
    SUFFIX,
    open_return,
    pseudonym,
    pseudonym_key,
    write_return,
)
from reflect.exchange.identity import Identity
from reflect.messages import Msg

PATH = Path("asha-start.reflecteval")
FULL = ReturnContent(
    time_point="start",
    ratings=(Rating("csif", "vision", 3), Rating("csif", "cqi", 2)),
    counts=((CountKey.ENTRIES_WRITTEN, 14), (CountKey.ACTIONS_STOPPED, 2)),
    quotes=("I stopped chairing the Monday huddle and nobody missed it.",),
    answers=(Answer("changed", "I ask before I fix."),),
)


def opened(data: bytes, identity: Identity | None = None) -> EvaluationReturn:
    return open_return(data, PATH, identity or evaluator())


def refusal(data: bytes, identity: Identity | None = None) -> Msg:
    with pytest.raises(BadInput) as caught:
        opened(data, identity)
    assert caught.value.params["path"] == PATH
    return caught.value.msg


def test_a_return_opens_for_the_evaluator_as_it_was_written() -> None:
    got = opened(a_return(participant(0), FULL))

    assert (got.kind, got.programme_id, got.created) == (ReturnKind.RETURN, PROGRAMME, CREATED)
    assert got.content == FULL
    assert got.pseudonym == pseudonym(participant(0), PROGRAMME)


def test_a_withdrawal_verifies_and_holds_no_content() -> None:
    got = opened(a_return(participant(0), None))

    assert (got.kind, got.content) == (ReturnKind.WITHDRAWAL, None)
    assert got.pseudonym == pseudonym(participant(0), PROGRAMME)


def test_each_file_has_its_own_id() -> None:
    first, second = (opened(a_return(participant(0), FULL)) for _ in range(2))

    assert first.id != second.id


def test_the_decrypted_return_names_nobody() -> None:
    """No name, card, identity key or fingerprint of the sender, in any spelling."""
    me = participant(0)
    card_text = make_card("Asha Patel", me)
    document = decrypted(a_return(me, FULL)).decode("utf-8")
    signing_b64 = me.signing_public.removeprefix("ed25519:")
    raw_signing = base64.b64decode(signing_b64)
    printed = fingerprint(parse_card(card_text))
    forbidden = [
        "Asha",
        "Patel",
        "REFLECT CONTACT CARD",
        me.recipient,
        me.signing_public,
        signing_b64,
        raw_signing.hex(),
        base64.urlsafe_b64encode(raw_signing).decode(),
        *me.private_parts().values(),
        printed,
        printed.replace(" ", ""),
    ]

    assert [text for text in forbidden if text.lower() in document.lower()] == []
    assert set(json.loads(document)) == {
        "format", "version", "id", "kind", "programme", "created", "pseudonym", "evaluator",
        "content", "signature",
    }  # fmt: skip
    assert json.loads(document)["evaluator"] == evaluator().recipient


def test_the_pseudonym_is_stable_for_one_person_across_time_points() -> None:
    me = participant(0)

    pseudonyms = {opened(a_return(me, scores(point, 3))).pseudonym for point in ("start", "end")}

    assert pseudonyms == {pseudonym(me, PROGRAMME)}
    parts = me.private_parts()  # what a key backup holds
    restored = Identity(parts["age_identity"], base64.b64decode(parts["signing_key"]))
    assert pseudonym(restored, PROGRAMME) == pseudonym(me, PROGRAMME)


def test_the_pseudonym_differs_between_people_and_between_programmes() -> None:
    people = [participant(n) for n in range(4)]

    in_one = {pseudonym(person, PROGRAMME) for person in people}
    across = {pseudonym(people[0], programme) for programme in (PROGRAMME, "another-cohort")}

    assert len(in_one) == 4
    assert len(across) == 2
    assert all(pseudonym(p, PROGRAMME) != p.signing_public for p in people)


def test_the_pseudonym_key_is_not_the_identity_key() -> None:
    me = participant(0)
    key = pseudonym_key(me, PROGRAMME)

    assert key.private_bytes_raw() != base64.b64decode(me.private_parts()["signing_key"])


def test_write_return_adds_the_suffix_and_keeps_the_file_to_its_owner(tmp_path: Path) -> None:
    written = write_return(tmp_path / "start", a_return(participant(0), FULL))

    assert written.name == "start" + SUFFIX
    assert written.stat().st_mode & 0o077 == 0
    assert opened(written.read_bytes()).content == FULL


# Refusals -------------------------------------------------------------------------------------


def test_a_return_for_another_evaluator_is_not_for_you() -> None:
    someone_else = Identity.generate()

    assert refusal(a_return(participant(0), FULL, to=someone_else)) is Msg.EVAL_RETURN_NOT_FOR_YOU


def test_a_return_edited_and_reencrypted_fails_its_signature() -> None:
    def raise_score(document: dict[str, Any]) -> None:
        document["content"]["ratings"][0]["score"] = 5

    assert refusal(edited(a_return(participant(0), FULL), raise_score)) is (
        Msg.EVAL_RETURN_BAD_SIGNATURE
    )


def test_a_byte_flipped_in_the_armored_file_is_damage() -> None:
    assert refusal(armor_byte_flipped(a_return(participant(0), FULL))) is Msg.EVAL_RETURN_DAMAGED


def test_a_return_reencrypted_to_another_evaluator_is_forwarded() -> None:
    other = Identity.generate()
    forwarded = edited(a_return(participant(0), FULL), lambda _: None, to=other)

    assert refusal(forwarded, other) is Msg.EVAL_RETURN_FORWARDED


def test_a_return_from_a_newer_reflect_says_so() -> None:
    def newer(document: dict[str, Any]) -> None:
        document["version"] = 2

    data = edited(a_return(participant(0), FULL), newer, resign_as=(participant(0), PROGRAMME))

    assert refusal(data) is Msg.EVAL_RETURN_TOO_NEW


@pytest.mark.parametrize(
    "edit",
    [
        lambda d: d.update(kind="feedback"),
        lambda d: d.update(content=None),  # a return with nothing in it
        lambda d: d.update(extra="field"),
        lambda d: d["content"].update(counts={"steps_walked": 3}),
        lambda d: d["content"]["ratings"][0].update(score=1.5),
        lambda d: d["content"].update(quotes=[""]),
        lambda d: d.update(created="yesterday"),
        lambda d: d.update(programme="Not An Id"),
    ],
)
def test_a_signed_return_with_a_field_that_does_not_fit_is_invalid(edit: Any) -> None:
    data = edited(a_return(participant(0), FULL), edit, resign_as=(participant(0), PROGRAMME))

    assert refusal(data) is Msg.EVAL_RETURN_INVALID


@pytest.mark.parametrize(
    "plaintext",
    [b"not json", b"[]", b'{"format": "reflect-bundle", "version": 1}', "\u00ff".encode("latin-1")],
)
def test_what_decrypts_but_is_no_return_is_not_a_return(plaintext: bytes) -> None:
    assert refusal(encrypted(plaintext)) is Msg.EVAL_RETURN_NOT_RETURN


@pytest.mark.parametrize("data", [b"", b"hello", b"\x00\x01\x02", b"{}"])
def test_a_file_that_is_not_age_is_not_a_return(data: bytes) -> None:
    assert refusal(data) is Msg.EVAL_RETURN_NOT_RETURN


def test_an_oversized_file_is_refused_before_it_is_decrypted() -> None:
    huge = b"-----BEGIN AGE ENCRYPTED FILE-----\n" + b"A" * (MAX_RETURN_BYTES * 3)

    assert refusal(huge) is Msg.EVAL_RETURN_TOO_LARGE


def test_a_return_whose_plaintext_grows_past_the_limit_is_stopped() -> None:
    big = json.dumps({"format": "reflect-evaluation-return", "pad": "x" * MAX_RETURN_BYTES})

    assert refusal(encrypted(big.encode())) is Msg.EVAL_RETURN_TOO_LARGE


def test_a_missing_or_broken_signature_is_invalid() -> None:
    data = edited(a_return(participant(0), FULL), lambda d: d.pop("signature"))

    assert refusal(data) is Msg.EVAL_RETURN_INVALID


def test_a_return_signed_by_another_key_than_its_pseudonym_fails() -> None:
    def claim_other(document: dict[str, Any]) -> None:
        document["pseudonym"] = pseudonym(participant(1), PROGRAMME)

    data = edited(
        a_return(participant(0), FULL), claim_other, resign_as=(participant(0), PROGRAMME)
    )

    assert refusal(data) is Msg.EVAL_RETURN_BAD_SIGNATURE
