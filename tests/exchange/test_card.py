"""Contact cards: made, pasted through chat and mail, read back, and fingerprinted."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from reflect.errors import BadInput
from reflect.exchange.card import (
    BEGIN,
    END,
    Card,
    PublicKeys,
    clean_name,
    fingerprint,
    make_card,
    parse_card,
    parse_peer,
)
from reflect.exchange.identity import Identity
from reflect.messages import Msg

ALICE = Identity.generate()
BOB = Identity.generate()
FINGERPRINT = re.compile(r"^([0-9A-HJKMNP-TV-Z]{4} ){5}[0-9A-HJKMNP-TV-Z]{4}$")


def card_text(name: str = "Aisha Patel", identity: Identity = ALICE) -> str:
    return make_card(name, identity)


def with_line(text: str, field: str, value: str | None) -> str:
    """The card with one field's line replaced (or removed when ``value`` is None)."""
    lines = []
    for line in text.splitlines():
        if line.startswith(f"{field}:"):
            if value is None:
                continue
            line = f"{field}: {value}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def refusal(text: str, parse: object = parse_card) -> BadInput:
    with pytest.raises(BadInput) as caught:
        parse(text)  # type: ignore[operator]
    return caught.value


def test_a_card_reads_as_documented() -> None:
    assert card_text().splitlines() == [
        BEGIN,
        "version: 1",
        "name: Aisha Patel",
        f"age: {ALICE.recipient}",
        f"sign: {ALICE.signing_public}",
        END,
    ]


def test_a_card_round_trips() -> None:
    card = parse_card(card_text())
    assert card == Card("Aisha Patel", ALICE.recipient, ALICE.signing_public)
    assert card.verifiable


def test_a_card_can_be_made_from_public_keys_alone() -> None:
    keys = PublicKeys(ALICE.recipient, ALICE.signing_public)
    assert make_card("Aisha Patel", keys) == card_text()


def test_a_card_survives_being_pasted_through_chat_and_mail() -> None:
    quoted = "".join(f"> {line}\r\n" for line in card_text().splitlines())
    messy = (
        "Hi both, here's my card for the trio:\r\n\r\n"
        + quoted.replace("name: ", "Name:    ").replace("> age:", ">>   AGE :\u200b")
        + "\r\n> \r\nSee you Thursday!\r\n-- \r\nAisha\r\n"
    )
    assert parse_card(messy) == parse_card(card_text())


def test_a_card_after_a_chat_prefix_on_the_same_line() -> None:
    text = "[10:02] Aisha: " + card_text().replace("\n", "\n   ", 4)
    assert parse_card(text).name == "Aisha Patel"


def test_blank_lines_and_unknown_fields_inside_a_card_are_ignored() -> None:
    text = card_text().replace("name:", "\nnote: added in a later release\n\nname:")
    assert parse_card(text).name == "Aisha Patel"


def test_the_same_card_quoted_twice_in_a_reply_is_one_card() -> None:
    text = card_text() + "\n> " + card_text().replace("\n", "\n> ")
    assert parse_card(text).age_recipient == ALICE.recipient


def test_two_different_cards_are_refused() -> None:
    assert refusal(card_text() + card_text("Ben", BOB)).msg is Msg.CARD_SEVERAL


def test_names_are_tidied_and_checked() -> None:
    assert parse_card(card_text("  Aisha \t  Patel ")).name == "Aisha Patel"
    for name, reason in [("", "empty"), ("x" * 81, "longer"), ("a\x00b", "characters")]:
        error = refusal(name, lambda text: make_card(text, ALICE))
        assert error.msg is Msg.CARD_BAD_NAME
        assert reason in error.text
    assert refusal(with_line(card_text(), "name", "")).msg is Msg.CARD_BAD_NAME


@given(st.text(min_size=1, max_size=80))
@example("AGE-SECRET-KEY-")  # once accepted as a name, then refused as a leaked private key
def test_any_name_a_card_accepts_reads_back_the_same(name: str) -> None:
    try:
        cleaned = clean_name(name)
    except BadInput:
        return
    assert parse_card(make_card(name, ALICE)).name == cleaned


@pytest.mark.parametrize("text", ["", "hello", "age: nothing here", END])
def test_text_without_a_card_is_refused(text: str) -> None:
    assert refusal(text).msg is Msg.CARD_NOT_FOUND


def test_a_card_cut_off_before_its_end_is_refused() -> None:
    text = card_text().replace(END, "")
    assert refusal(text).msg is Msg.CARD_INCOMPLETE


@pytest.mark.parametrize("field", ["version", "name", "age", "sign"])
def test_a_card_missing_a_line_names_it(field: str) -> None:
    error = refusal(with_line(card_text(), field, None))
    assert error.msg is Msg.CARD_MISSING_LINE
    assert error.params["field"] == field


def test_a_line_twice_is_refused() -> None:
    text = card_text().replace("name: Aisha Patel", "name: Aisha Patel\nname: Someone Else")
    error = refusal(text)
    assert error.msg is Msg.CARD_LINE_TWICE
    assert error.params["field"] == "name"


def test_a_line_that_is_not_a_field_is_refused() -> None:
    text = card_text().replace("name: Aisha Patel", "name: Aisha Patel\nthis line is broken")
    assert refusal(text).msg is Msg.CARD_BAD_LINE


# "²" and "①" count as digits to str.isdigit but not to int(): found by fuzzing, a crash.
@pytest.mark.parametrize("version", ["one", "0", "-1", "1.5", "²", "①", "1²"])
def test_a_version_that_is_not_a_number_is_refused(version: str) -> None:
    assert refusal(with_line(card_text(), "version", version)).msg is Msg.CARD_BAD_VERSION


@pytest.mark.parametrize("version", ["١", "１"])
def test_a_version_in_other_digits_is_read_as_a_number(version: str) -> None:
    # Arabic-Indic and full-width digits are whole numbers to Python, and to people.
    assert parse_card(with_line(card_text(), "version", version)).name == "Aisha Patel"


def test_a_card_from_a_newer_reflect_is_refused() -> None:
    error = refusal(with_line(card_text(), "version", "2"))
    assert error.msg is Msg.CARD_TOO_NEW
    assert error.params["version"] == 2


def damaged_recipient() -> str:
    """The recipient with one character changed, so its checksum fails."""
    last = ALICE.recipient[-1]
    return ALICE.recipient[:-1] + ("q" if last != "q" else "p")


@pytest.mark.parametrize(
    "value",
    [damaged_recipient(), ALICE.recipient[:-4], "ssh-ed25519 AAAAC3Nza", "age1", ""],
    ids=["checksum", "short", "ssh", "prefix-only", "empty"],
)
def test_a_damaged_age_recipient_is_refused(value: str) -> None:
    assert refusal(with_line(card_text(), "age", value)).msg is Msg.CARD_BAD_RECIPIENT


@pytest.mark.parametrize(
    "value",
    [
        ALICE.signing_public[:-4],
        "ed25519:" + "A" * 40,
        "ed25519:not*base64",
        ALICE.signing_public.removeprefix("ed25519:"),
        "rsa:" + ALICE.signing_public.removeprefix("ed25519:"),
    ],
    ids=["truncated", "wrong-length", "not-base64", "no-prefix", "other-kind"],
)
def test_a_damaged_signing_key_is_refused(value: str) -> None:
    assert refusal(with_line(card_text(), "sign", value)).msg is Msg.CARD_BAD_SIGNING_KEY


def test_a_pasted_private_key_is_refused_with_a_warning() -> None:
    secret = ALICE.private_parts()["age_identity"]
    for parse in (parse_card, parse_peer):
        assert refusal(f"my key: {secret}", parse).msg is Msg.CARD_PRIVATE_KEY
        assert refusal(card_text() + secret.lower(), parse).msg is Msg.CARD_PRIVATE_KEY


def test_a_plain_age_recipient_is_a_peer_that_cannot_be_verified() -> None:
    card = parse_peer(f"  {ALICE.recipient}\n")
    assert card == Card("", ALICE.recipient, None)
    assert not card.verifiable


def test_a_plain_recipient_is_found_in_chat_text_and_normalized() -> None:
    text = f"> Sure, my age key is {ALICE.recipient.upper()} (from age-keygen)."
    assert parse_peer(text).age_recipient == ALICE.recipient
    assert parse_peer(f"{ALICE.recipient} or again {ALICE.recipient}").signing_key is None


def test_parse_peer_reads_whole_cards_too() -> None:
    assert parse_peer(card_text()) == parse_card(card_text())


def test_parse_peer_refuses_a_card_without_its_begin_line_rather_than_drop_the_key() -> None:
    text = card_text().replace(BEGIN, "")
    assert refusal(text, parse_peer).msg is Msg.CARD_NOT_FOUND


def test_parse_peer_refusals() -> None:
    assert refusal("no key here", parse_peer).msg is Msg.CARD_NOT_FOUND
    both = f"{ALICE.recipient} {BOB.recipient}"
    assert refusal(both, parse_peer).msg is Msg.CARD_SEVERAL_RECIPIENTS
    assert refusal(damaged_recipient(), parse_peer).msg is Msg.CARD_BAD_RECIPIENT


def test_a_fingerprint_is_six_speakable_groups() -> None:
    code = fingerprint(parse_card(card_text()))
    assert FINGERPRINT.match(code), code


def test_a_fingerprint_ignores_the_name_and_follows_the_keys() -> None:
    alice = parse_card(card_text())
    renamed = parse_card(card_text("Dr A. Patel"))
    assert fingerprint(alice) == fingerprint(renamed)
    assert fingerprint(alice) != fingerprint(parse_card(card_text(identity=BOB)))
    other_signing = Card(alice.name, alice.age_recipient, BOB.signing_public)
    assert fingerprint(alice) != fingerprint(other_signing)
    recipient_only = parse_peer(ALICE.recipient)
    assert fingerprint(recipient_only) != fingerprint(alice)
    assert FINGERPRINT.match(fingerprint(recipient_only))


def test_both_sides_compute_the_same_fingerprint() -> None:
    """Aisha reads hers from her own keys; Ben reads his copy of her pasted card."""
    mine = fingerprint(Card("Aisha Patel", ALICE.recipient, ALICE.signing_public))
    theirs = fingerprint(parse_peer("> " + card_text().replace("\n", "\r\n> ")))
    assert mine == theirs
