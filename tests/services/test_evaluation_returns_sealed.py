"""A return written by the participant's side opens, with the evaluator's keys, to exactly what
the preview showed, and holds nothing that names its sender."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pyrage
import pytest

from evaluation_participant import plan, programme, with_evaluation
from fakes import FakeClock
from people import Person, open_person, shared_keyring
from reflect.app import seal_return
from reflect.core.assessment import Score
from reflect.core.evaluation import ReturnKind
from reflect.exchange.card import make_card
from reflect.exchange.evaluation_file import open_return_file, pseudonym
from reflect.exchange.identity import Identity
from reflect.services.keys import fingerprint_of


@pytest.fixture
def pat(tmp_path: Path) -> Iterator[Person]:
    person = open_person("Pat Okoro", tmp_path, shared_keyring(),
                         FakeClock(datetime(2026, 3, 1, 9, 0, tzinfo=UTC)))  # fmt: skip
    yield person
    person.app.close()


def test_the_file_opens_to_the_draft_and_names_no_one(
    pat: Person, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    evaluator = Identity.generate()
    with_evaluation(monkeypatch, pat.app, (programme(), plan(make_card("Eve Evans", evaluator))))
    monkeypatch.setattr("reflect.app.seal_return", seal_return)  # the real file this time
    app = pat.app
    app.assessments.record("leader-growth", [Score("influence", 3), Score("connections", 4)])
    entry = app.entries.write("We tried a daily huddle and kept it.")
    service = app.evaluation_returns
    draft = service.draft(None, "middle", counts=True, quote_entry_ids=[entry.id],
                          answers={"changed": "More curious."})  # fmt: skip

    written = service.write(draft, tmp_path / "middle")
    assert written == tmp_path / "middle.reflecteval"  # the suffix is added
    opened = open_return_file(written, evaluator)
    assert opened.kind is ReturnKind.RETURN
    assert opened.content == draft.content()
    identity = app.keys.identity()
    assert opened.pseudonym == pseudonym(identity, "north-cohort-3")
    (record,) = service._repo.written("north-cohort-3")
    assert record.id == opened.id

    plaintext = pyrage.decrypt(written.read_bytes(), [evaluator.age_identity]).decode()
    card = app.keys.card()
    for secret in (
        "Pat", "Okoro", card.text.strip(), identity.recipient, identity.signing_public,
        fingerprint_of(identity), fingerprint_of(identity).replace(" ", ""),
    ):  # fmt: skip
        assert secret not in plaintext

    withdrawal = service.withdraw(None, tmp_path / "gone.reflecteval")
    gone = open_return_file(withdrawal, evaluator)
    assert gone.kind is ReturnKind.WITHDRAWAL and gone.content is None
    assert gone.pseudonym == opened.pseudonym  # the same person, pairing across returns
