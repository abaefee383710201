"""Every way opening a bundle can fail names its own message, and nothing else escapes."""

from __future__ import annotations

import base64
import functools
import json
from typing import Any

import pyrage
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bundle_people import Person, person
from fakes import QuickRawCipher
from reflect.errors import BadInput
from reflect.exchange.bundle import (
    MAX_BUNDLE_BYTES,
    BundleContent,
    BundleKind,
    OpenedBundle,
    open_bundle,
    open_with_passphrase,
    seal,
    seal_with_passphrase,
)
from reflect.exchange.canonical import signature_text
from reflect.messages import Msg

CREATED = "2026-03-01T09:00:00.000000+00:00"
BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"
END = b"-----END AGE ENCRYPTED FILE-----"
PASSPHRASE = "five pale owls"


@functools.cache
def trio() -> tuple[Person, Person, Person]:
    """Asha, Ben and Cai, made once (hypothesis reruns tests without their fixtures)."""
    return person("Asha"), person("Ben"), person("Cai")


@functools.cache
def asha_to_ben() -> bytes:
    """A summary from Asha to Ben (and herself); Cai is not a recipient."""
    asha, ben, _ = trio()
    return seal(content(), asha.signing_key, asha.card, [ben.recipient])


@functools.cache
def passphrase_bundle() -> bytes:
    asha, _, _ = trio()
    return seal_with_passphrase(content(), asha.signing_key, asha.card, PASSPHRASE)


def content(items: list[dict[str, Any]] | None = None) -> BundleContent:
    items = items if items is not None else [{"type": "note", "text": "Push me on measures."}]
    return BundleContent(kind=BundleKind.SUMMARY, items=items, created=CREATED)


def known(*people: Person) -> dict[str, str]:
    return {p.card.signing_key: p.card.name for p in people}


def open_as(data: bytes, reader: Person, accept_unverified: bool = False) -> OpenedBundle:
    asha, ben, cai = trio()
    return open_bundle(data, reader.identity, known(asha, ben, cai), reader.recipient,
                       accept_unverified)  # fmt: skip


def refused(data: bytes, reader: Person, msg: Msg, **kwargs: Any) -> BadInput:
    with pytest.raises(BadInput) as exc:
        open_as(data, reader, **kwargs)
    assert exc.value.msg is msg, exc.value.text
    return exc.value


def decrypted(data: bytes, reader: Person) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(pyrage.decrypt(data, [reader.identity]))
    return document


def signed(document: dict[str, Any], signer: Person) -> dict[str, Any]:
    return {**document, "signature": signature_text(document, signer.signing_key)}


def encrypted(document: Any, *readers: Person) -> bytes:
    plaintext = document if isinstance(document, bytes) else json.dumps(document).encode()
    return bytes(pyrage.encrypt(plaintext, [r.public for r in readers], armored=True))


def a_document(**changes: Any) -> dict[str, Any]:
    """Asha's bundle to Ben as JSON without its signature, changed."""
    _, ben, _ = trio()
    document = decrypted(asha_to_ben(), ben)
    del document["signature"]
    document.update(changes)
    return {k: v for k, v in document.items() if v is not None}


def dearmored(data: bytes) -> bytes:
    return base64.b64decode(b"".join(data.strip().split(b"\n")[1:-1]))


def armored(raw: bytes) -> bytes:
    text = base64.b64encode(raw)
    lines = [text[i : i + 64] for i in range(0, len(text), 64)]
    return b"\n".join([BEGIN, *lines, END]) + b"\n"


def header_lines(data: bytes) -> tuple[list[bytes], bytes]:
    """The age header's lines up to the MAC line, and everything from the MAC line on."""
    raw = dearmored(data)
    end = raw.index(b"\n---")
    return raw[:end].split(b"\n"), raw[end:]


def flipped(value: bytes, index: int) -> bytes:
    changed = bytearray(value)
    changed[index] ^= 0x01
    return bytes(changed)


# Not for this reader, or not intact --------------------------------------------------------


def test_the_wrong_key_finds_the_bundle_not_for_you() -> None:
    _, _, cai = trio()

    refused(asha_to_ben(), cai, Msg.BUNDLE_NOT_FOR_YOU)


@pytest.mark.parametrize(
    "cut",
    [
        pytest.param(lambda d: armored(dearmored(d)[:-20]), id="payload-cut-short"),
        pytest.param(lambda d: armored(dearmored(d)[:-200]), id="last-chunk-missing"),
    ],
)
def test_a_truncated_payload_is_damaged(cut: Any) -> None:
    _, ben, _ = trio()

    refused(cut(asha_to_ben()), ben, Msg.BUNDLE_DAMAGED)


@pytest.mark.parametrize(
    ("cut", "reason"),
    [
        pytest.param(lambda d: d[: len(d) // 2], "its armor is malformed", id="half"),
        pytest.param(lambda d: d[: d.index(END)], "armor is malformed", id="end-line-missing"),
        pytest.param(
            lambda d: armored(dearmored(d)[:150]), "header is malformed", id="header-cut-short"
        ),
        pytest.param(
            lambda d: BEGIN + b"\n" + END + b"\n", "header is malformed", id="nothing-inside"
        ),
    ],
)
def test_a_bundle_cut_in_its_armor_or_header_is_refused_before_decrypting(
    cut: Any, reason: str
) -> None:
    _, ben, _ = trio()

    error = refused(cut(asha_to_ben()), ben, Msg.BUNDLE_BAD_AGE)
    assert reason in error.text


@pytest.mark.parametrize("from_end", [1, 17, 100])
def test_one_bit_flipped_in_the_body_is_damage(from_end: int) -> None:
    _, ben, _ = trio()
    raw = dearmored(asha_to_ben())

    refused(armored(flipped(raw, len(raw) - from_end)), ben, Msg.BUNDLE_DAMAGED)


def test_one_character_changed_in_the_armor_is_damage() -> None:
    _, ben, _ = trio()
    data = asha_to_ben()
    index = len(data) - 60
    assert data[index : index + 1] not in b"\n="
    swapped = b"A" if data[index : index + 1] != b"A" else b"B"

    refused(data[:index] + swapped + data[index + 1 :], ben, Msg.BUNDLE_DAMAGED)


def test_a_tampered_header_line_is_damage() -> None:
    asha, ben, _ = trio()
    lines, rest = header_lines(asha_to_ben())
    # Stanzas follow the signed recipient order: Ben's first, then Asha's.
    assert lines[1].startswith(b"-> X25519 ")
    lines[1] = lines[1][:-4] + (b"AAAA" if not lines[1].endswith(b"AAAA") else b"BBBB")
    tampered = armored(b"\n".join(lines) + rest)

    # For Asha the header MAC no longer matches.
    refused(tampered, asha, Msg.BUNDLE_DAMAGED)
    # For Ben his own stanza no longer opens, which age cannot tell from "not for you".
    refused(tampered, ben, Msg.BUNDLE_NOT_FOR_YOU)


def test_a_tampered_header_mac_is_damage() -> None:
    _, ben, _ = trio()
    lines, rest = header_lines(asha_to_ben())

    mac_line, payload = rest.removeprefix(b"\n--- ").split(b"\n", 1)
    mac = base64.b64decode(mac_line + b"=")
    # Still 32 bytes of canonical base64, so only the MAC check itself can catch it.
    changed = base64.b64encode(flipped(mac, 3)).rstrip(b"=")
    tampered = b"\n".join(lines) + b"\n--- " + changed + b"\n" + payload

    refused(armored(tampered), ben, Msg.BUNDLE_DAMAGED)


def test_a_header_mac_that_is_not_base64_is_refused_before_decrypting() -> None:
    _, ben, _ = trio()
    lines, rest = header_lines(asha_to_ben())
    tampered = b"\n".join(lines) + rest.replace(b"\n--- ", b"\n--- *", 1)

    refused(armored(tampered), ben, Msg.BUNDLE_BAD_AGE)


def test_an_unknown_age_version_line_is_refused_as_not_age_we_read() -> None:
    _, ben, _ = trio()
    lines, rest = header_lines(asha_to_ben())
    lines[0] = b"age-encryption.org/v9"

    error = refused(armored(b"\n".join(lines) + rest), ben, Msg.BUNDLE_BAD_AGE)
    assert "version" in error.text


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"hello, this is a note",
        b'{"format": "reflect-bundle", "version": 1}',
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"-----BEGIN PGP MESSAGE-----\n\nhQEMA\n-----END PGP MESSAGE-----\n",
        b"\x00" * 100,
    ],
)
def test_a_file_that_is_not_age_says_so(data: bytes) -> None:
    _, ben, _ = trio()

    refused(data, ben, Msg.BUNDLE_NOT_AGE)


# Passphrase mode -----------------------------------------------------------------------------


def test_a_wrong_passphrase_says_so() -> None:
    asha, _, _ = trio()

    with pytest.raises(BadInput) as exc:
        open_with_passphrase(passphrase_bundle(), "four pale owls", known(asha))

    assert exc.value.msg is Msg.BUNDLE_WRONG_PASSPHRASE


def test_a_passphrase_bundle_opened_with_keys_asks_for_the_passphrase() -> None:
    _, ben, _ = trio()

    refused(passphrase_bundle(), ben, Msg.BUNDLE_NEEDS_PASSPHRASE)


def test_a_card_bundle_opened_with_a_passphrase_says_it_needs_none() -> None:
    asha, _, _ = trio()

    with pytest.raises(BadInput) as exc:
        open_with_passphrase(asha_to_ben(), PASSPHRASE, known(asha))

    assert exc.value.msg is Msg.BUNDLE_NOT_PASSPHRASE


# What is inside ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("plaintext", "reason"),
    [
        (b"this is not json {", "line 1"),
        (b'{"format": "reflect-bundle", "version": 1', "line 1"),
        (b'{"format": "reflect-bundle"}\xff', "not UTF-8"),
        (b'{"format": "reflect-bundle", "format": "reflect-bundle"}', "twice"),
        (b'{"format": "reflect-bundle", "version": NaN}', "NaN"),
        # Found by fuzzing: too large for a float, JSON's parser gives infinity, and the bundle
        # was then called modified after signing (infinity has no canonical form to sign).
        (b'{"format": "reflect-bundle", "version": 1, "x": 1e999}', "1e999 is too large"),
        (b'{"format": "reflect-bundle", "version": 1, "x": -1E400}', "-1E400 is too large"),
        (b"[" * 100_000, "recursion"),
    ],
)
def test_malformed_json_inside_says_what_is_wrong(plaintext: bytes, reason: str) -> None:
    _, ben, _ = trio()

    error = refused(encrypted(plaintext, ben), ben, Msg.BUNDLE_MALFORMED)

    assert reason in error.params["reason"]


@pytest.mark.parametrize(
    "document",
    [[1, 2], "reflect-bundle", {"format": "reflect-journal", "version": 1}, {"version": 1}],
)
def test_json_that_is_not_a_bundle_is_refused(document: Any) -> None:
    _, ben, _ = trio()

    refused(encrypted(document, ben), ben, Msg.BUNDLE_NOT_REFLECT)


def test_a_newer_version_is_refused_as_such_whatever_else_it_holds() -> None:
    asha, ben, _ = trio()
    newer = {"format": "reflect-bundle", "version": 3, "parts": "a shape we do not know"}

    error = refused(encrypted(signed(newer, asha), ben), ben, Msg.BUNDLE_TOO_NEW)

    assert error.params["version"] == 3


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"created": None}, "created"),
        ({"id": None}, "id"),
        ({"kind": None}, "kind"),
        ({"items": None}, "items"),
        ({"recipients": None}, "recipients"),
        ({"version": None}, "version"),
        ({"version": "1"}, "version"),
        ({"id": "bundle-1"}, "id"),
        ({"kind": "gossip"}, "kind"),
        ({"created": "2026-03-01T09:00:00"}, "created"),
        ({"recipients": ["age1nope"]}, "recipients[0]"),
        ({"sender": {"name": "Asha", "recipient": "x"}}, "sender.recipient"),
        ({"items": [{"text": "no type"}]}, "items[0].type"),
        ({"items": [{"type": "note"}]}, "items[0].text"),
        ({"items": [{"type": "note", "text": "  "}]}, "items[0].text"),
        ({"items": [{"type": "entry", "id": "e", "kind": "diary", "created": CREATED}]},
         "items[0].kind"),
        ({"items": [{"type": "action", "id": "a", "text": "t", "kind": "stop", "due": "soon"}]},
         "items[0].due"),
        ({"items": [{"type": "assessment", "id": "s", "framework_id": "f", "created": CREATED,
                     "scores": [{"domain_id": "d", "score": 2.5}]}]},
         "items[0].scores[0].score"),
        ({"items": [{"type": "entry", "id": "e", "kind": "note", "created": CREATED,
                     "tags": ["ok", 3]}]},
         "items[0].tags[1]"),
    ],
)  # fmt: skip
def test_a_schema_error_names_the_field(changes: dict[str, Any], field: str) -> None:
    asha, ben, _ = trio()
    document = signed(a_document(**changes), asha)

    error = refused(encrypted(document, ben), ben, Msg.BUNDLE_INVALID)

    assert error.params["field"] == field


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"created": "0001-01-01T00:00:00+14:00"}, "created"),
        ({"created": "9999-12-31T23:00:00-10:00"}, "created"),
        ({"items": [{"type": "entry", "id": "e", "kind": "note",
                     "created": "0001-01-01T05:00:00+00:00"}]},
         "items[0].created"),
        ({"kind": "feedback", "items": [{"type": "comment", "id": "c", "about": "e", "body": "Hi",
                     "created": "9999-12-31T12:00:00+00:00"}]},
         "items[0].created"),
    ],
)  # fmt: skip
def test_a_timestamp_no_clock_can_show_is_a_schema_error(
    changes: dict[str, Any], field: str
) -> None:
    # Found by fuzzing: such a bundle was kept, and the inbox then crashed for good moving its
    # date to local time.
    asha, ben, _ = trio()
    document = signed(a_document(**changes), asha)

    error = refused(encrypted(document, ben), ben, Msg.BUNDLE_INVALID)

    assert error.params["field"] == field
    assert error.params["reason"] == "is too far in the past or the future"


def test_a_missing_signature_is_a_schema_error() -> None:
    _, ben, _ = trio()

    error = refused(encrypted(a_document(), ben), ben, Msg.BUNDLE_INVALID)

    assert error.params["field"] == "signature"


def test_text_that_is_not_unicode_is_malformed() -> None:
    asha, ben, _ = trio()
    plaintext = json.dumps(signed(a_document(items=[{"type": "note", "text": "X"}]), asha))
    # Also in a field the schema does not know, whose text it never looks at.
    plaintext = plaintext.replace('"X"', '"\\ud800", "extra": "\\udfff"')

    error = refused(encrypted(plaintext.encode(), ben), ben, Msg.BUNDLE_MALFORMED)

    assert "Unicode" in error.params["reason"]


def test_unknown_fields_in_the_sender_card_are_kept() -> None:
    asha, ben, _ = trio()
    card = {**asha.card.__dict__, "fingerprint": "ABCD"}
    document = signed(a_document(sender=card), asha)

    opened = open_as(encrypted(document, ben, asha), ben)

    assert opened.sender == asha.card
    assert opened.document["sender"]["fingerprint"] == "ABCD"


# Signatures and addressing -------------------------------------------------------------------


def test_a_document_modified_after_signing_has_a_bad_signature() -> None:
    asha, ben, _ = trio()
    document = decrypted(asha_to_ben(), ben)
    document["items"][0]["text"] = "Go easy on me."

    refused(encrypted(document, ben, asha), ben, Msg.BUNDLE_BAD_SIGNATURE)


def test_a_signature_by_someone_else_is_bad() -> None:
    _, ben, cai = trio()
    # Cai signs but keeps Asha's card as the sender.
    document = signed(a_document(), cai)

    refused(encrypted(document, ben), ben, Msg.BUNDLE_BAD_SIGNATURE)


def test_an_unknown_sender_is_refused_with_the_name_it_claims() -> None:
    _, ben, _ = trio()
    stranger = person("Dana")
    data = seal(content(), stranger.signing_key, stranger.card, [ben.recipient])

    error = refused(data, ben, Msg.BUNDLE_UNKNOWN_SENDER)

    assert error.params["name"] == "Dana"


def test_an_unknown_sender_accepted_comes_back_unverified() -> None:
    _, ben, _ = trio()
    stranger = person("Dana")
    data = seal(content(), stranger.signing_key, stranger.card, [ben.recipient])

    opened = open_as(data, ben, accept_unverified=True)

    assert not opened.signed_by_peer
    assert opened.sender_name == "Dana"
    assert opened.items[0]["text"] == "Push me on measures."


def test_a_bundle_forwarded_by_a_recipient_is_refused() -> None:
    _, ben, cai = trio()
    # Ben decrypts Asha's bundle and re-encrypts the exact signed JSON to Cai.
    plaintext = pyrage.decrypt(asha_to_ben(), [ben.identity])
    forwarded = pyrage.encrypt(plaintext, [cai.public], armored=True)

    error = refused(forwarded, cai, Msg.BUNDLE_FORWARDED)
    assert error.params["name"] == "Asha"
    # Accepting unverified senders does not let a forwarded bundle in either.
    refused(forwarded, cai, Msg.BUNDLE_FORWARDED, accept_unverified=True)


def test_a_card_bundle_forwarded_with_a_passphrase_is_refused() -> None:
    asha, ben, _ = trio()
    plaintext = pyrage.decrypt(asha_to_ben(), [ben.identity])
    quick = QuickRawCipher()  # age scrypt itself: test_a_wrong_passphrase_says_so and test_bundle
    forwarded = quick.encrypt(plaintext, PASSPHRASE)

    with pytest.raises(BadInput) as exc:
        open_with_passphrase(forwarded, PASSPHRASE, known(asha), cipher=quick)

    assert exc.value.msg is Msg.BUNDLE_FORWARDED


def test_a_passphrase_bundle_forwarded_to_a_card_is_refused() -> None:
    asha, ben, _ = trio()
    quick = QuickRawCipher()  # age scrypt itself: test_a_wrong_passphrase_says_so and test_bundle
    sealed = seal_with_passphrase(content(), asha.signing_key, asha.card, PASSPHRASE, cipher=quick)
    plaintext = quick.decrypt(sealed, PASSPHRASE)

    refused(pyrage.encrypt(plaintext, [ben.public], armored=True), ben, Msg.BUNDLE_FORWARDED)


# Size ----------------------------------------------------------------------------------------


def test_sealing_more_than_the_cap_is_refused() -> None:
    asha, ben, _ = trio()
    items = [{"type": "note", "text": "x" * MAX_BUNDLE_BYTES}]

    with pytest.raises(BadInput) as exc:
        seal(content(items), asha.signing_key, asha.card, [ben.recipient])

    assert exc.value.msg is Msg.BUNDLE_TOO_LARGE
    assert exc.value.params["limit_mb"] == "5"


def test_a_bundle_that_decrypts_past_the_cap_is_refused() -> None:
    _, ben, _ = trio()
    data = encrypted(b" " * (MAX_BUNDLE_BYTES + 1), ben)

    refused(data, ben, Msg.BUNDLE_TOO_LARGE)


def test_a_file_far_past_the_cap_is_refused_before_decrypting() -> None:
    _, ben, _ = trio()

    refused(BEGIN + b"\n" + b"A" * (3 * MAX_BUNDLE_BYTES), ben, Msg.BUNDLE_TOO_LARGE)


def test_the_cap_can_be_lowered_and_is_exact() -> None:
    asha, ben, _ = trio()
    known_signers = known(asha)
    size = len(pyrage.decrypt(asha_to_ben(), [ben.identity]))

    open_bundle(asha_to_ben(), ben.identity, known_signers, ben.recipient, max_bytes=size)
    with pytest.raises(BadInput) as exc:
        open_bundle(asha_to_ben(), ben.identity, known_signers, ben.recipient, max_bytes=size - 1)
    assert exc.value.msg is Msg.BUNDLE_TOO_LARGE


# Anything at all -----------------------------------------------------------------------------


def mutations() -> st.SearchStrategy[bytes]:
    """A real bundle with bytes flipped, cut or inserted, in its armor or inside it."""
    sealed = asha_to_ben()
    raw = dearmored(sealed)
    at = st.integers(min_value=0, max_value=len(raw) - 1)
    return st.one_of(
        st.tuples(at, st.integers(1, 255)).map(
            lambda p: armored(raw[: p[0]] + bytes([raw[p[0]] ^ p[1]]) + raw[p[0] + 1 :])
        ),
        at.map(lambda n: armored(raw[:n])),
        st.tuples(st.integers(0, len(sealed)), st.binary(max_size=8)).map(
            lambda p: sealed[: p[0]] + p[1] + sealed[p[0] :]
        ),
    )


ANY_SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@ANY_SETTINGS
@given(
    st.one_of(
        st.binary(),
        st.binary().map(lambda b: BEGIN + b"\n" + b),
        st.binary().map(lambda b: b"age-encryption.org/v1\n" + b),
        mutations(),
    )
)
@example(asha_to_ben())
def test_any_bytes_open_or_raise_bad_input(data: bytes) -> None:
    _, ben, _ = trio()
    try:
        opened = open_as(data, ben)
    except BadInput:
        return
    assert opened.signed_by_peer


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=10)
    | st.text(st.characters(min_codepoint=0xD7FF, max_codepoint=0xE000), max_size=2),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=8,
)


def changes(*names: str) -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(st.sampled_from(names) | st.text(max_size=6), json_values, max_size=3)


@ANY_SETTINGS
@given(
    top=changes("format", "version", "id", "kind", "created", "recipients", "items", "signature"),
    sender=changes("name", "recipient", "signing_key"),
    item=changes("type", "id", "text", "kind", "created", "scores", "tags", "responses"),
)
def test_any_document_inside_opens_or_raises_bad_input(
    top: dict[str, Any], sender: dict[str, Any], item: dict[str, Any]
) -> None:
    _, ben, _ = trio()
    document = decrypted(asha_to_ben(), ben)
    document["sender"].update(sender)
    document["items"][0].update(item)
    document.update(top)
    try:
        opened = open_as(encrypted(document, ben), ben)
    except BadInput:
        return
    assert opened.signed_by_peer
