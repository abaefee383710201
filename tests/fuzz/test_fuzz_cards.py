"""Fuzzing contact cards through ``peers.add``: any text adds a peer or is refused clearly.

Cards arrive pasted from chat and mail, so the fuzz starts from a real card and does to it what
those do and worse: lines dropped, repeated, quoted, reordered, values replaced by nasty ones,
zero-width characters, several cards, a private key. A refusal must leave the journal byte for
byte as it was; a peer that was added must list, verify and show its fingerprint.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuzz_support import SHORT_NASTY_TEXT, fuzz_settings
from journal_snapshot import JournalTemplate
from reflect.errors import ReflectError
from reflect.exchange.card import BEGIN, END, make_card
from reflect.exchange.identity import Identity

ASHA = Identity.generate()
CARD_LINES = make_card("Asha Patel", ASHA).splitlines()
# Values each line may be given: near misses first, then anything nasty.
FIELD_VALUES = {
    "version": st.sampled_from(["0", "2", "-1", "1.0", "²", "١", "１", "9" * 30, ""]),
    "name": st.sampled_from(["Asha", "A" * 81, "Ben\tOkafor", "-----", "\x00"]),
    "age": st.sampled_from(
        [ASHA.recipient.upper(), ASHA.recipient[:-1], "age1", "age1" + "q" * 90]
    ),
    "sign": st.sampled_from(
        [ASHA.signing_public[:-2], "ed25519:" + "A" * 43 + "=", "ed25519:", "ed25519:" + "A" * 88]
    ),
}
VALUES = SHORT_NASTY_TEXT | st.sampled_from(["AGE-SECRET-KEY-1QQQQ", ASHA.recipient, "1"])
FIELDS = st.sampled_from(["version", "name", "age", "sign", "VERSION", " Name ", "extra", ""])


@st.composite
def card_texts(draw: st.DrawFn) -> str:
    lines = list(CARD_LINES)
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(lines)))
        how = draw(st.sampled_from(["value", "field", "drop", "repeat", "quote", "insert"]))
        if how == "value":
            line = draw(st.sampled_from([n for n, text in enumerate(lines) if ":" in text] or [0]))
            field = lines[line].split(":")[0]
            lines[line] = f"{field}: {draw(FIELD_VALUES.get(field, VALUES) | VALUES)}"
        elif how == "field":
            lines.insert(at, f"{draw(FIELDS)}: {draw(VALUES)}")
        elif how == "drop" and at < len(lines):
            del lines[at]
        elif how == "repeat" and at < len(lines):
            lines.insert(at, lines[at])
        elif how == "quote" and at < len(lines):
            lines[at] = draw(st.sampled_from(["> ", ">> ", "> > ", "\u200b"])) + lines[at]
        elif how == "insert":
            lines.insert(at, draw(st.sampled_from([BEGIN, END, "", "Hi, my card:"]) | VALUES))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return newline.join(lines) * draw(st.sampled_from([1, 1, 1, 2]))


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> JournalTemplate:
    return JournalTemplate(tmp_path_factory.mktemp("cards"))


@fuzz_settings(quick=60)
@given(text=card_texts() | st.text(), name=st.sampled_from(["", "Dev"]) | SHORT_NASTY_TEXT)
def test_any_text_adds_a_peer_or_is_refused(template: JournalTemplate, text: str, name: str):
    with template.example() as example:
        peers = example.app.peers
        peer = example.attempt(lambda: peers.add(name, text))
        if isinstance(peer, ReflectError):
            return
        assert [p.id for p in peers.all()] == [peer.id]
        peers.fingerprint(peer.name)
        if peer.signing_key is not None:
            assert peers.verify(peer.name).verified
        example.assert_views_work(("peer", "list"), ("peer", "list", "--json"))
