"""Fuzzing evaluation returns through ``open_return`` and ``collect``: whatever arrives, the
evaluator gets a checked return or one message naming the file, never a crash.

The fuzz starts from a real return (decrypted), changes it a little and encrypts it to the
evaluator again, signed again with the sender's pseudonym key or not, so it reaches the field
checks behind the signature; damaged armor and random bytes cover the age layer.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from evaluation_returns import (
    PROGRAMME,
    a_return,
    decrypted,
    encrypted,
    evaluator,
    evaluator_card,
    participant,
    scores,
)
from fuzz_support import damaged, fuzz_settings, mutated, retexted
from reflect.core.evaluation import (
    Answer,
    CountKey,
    EvaluationPlan,
    EvaluationReturn,
    RatingSet,
    ReturnContent,
    TextQuestion,
    TimePoint,
)
from reflect.core.programme import Facilitator, Programme
from reflect.errors import BadInput
from reflect.exchange.canonical import signature_text
from reflect.exchange.evaluation_file import open_return, pseudonym_key
from reflect.services.evaluation_collect import collect

STRUCTURE = frozenset({"format", "pseudonym", "signature", "evaluator"})
CONTENT = ReturnContent(
    "start",
    ratings=scores("start", 3, 4).ratings,
    counts=((CountKey.ENTRIES_WRITTEN, 9),),
    quotes=("Words I chose.",),
    answers=(Answer("changed", "I ask first."),),
)
VALID = a_return(participant(0), CONTENT)
DOCUMENT: dict[str, Any] = json.loads(decrypted(VALID))
COHORT = Programme(
    PROGRAMME,
    "Cohort",
    1,
    "",
    Facilitator("Sam", "", "ed25519:unused"),
    evaluation=EvaluationPlan(
        evaluator_card(),
        "notice",
        (TimePoint("start", "Start", offset_days=0),),
        (RatingSet("csif"),),
        True,
        (TextQuestion("changed", "Changed?"),),
    ),
)


def _plain(document: Any, sign: bool) -> bytes:
    if sign and isinstance(document, dict):
        # Not signable (lone surrogates, NaN): it goes as it is, to be refused.
        with contextlib.suppress(UnicodeEncodeError, ValueError, TypeError):
            key = pseudonym_key(participant(0), PROGRAMME)
            document["signature"] = signature_text(document, key)
    return json.dumps(document, allow_nan=True).encode("utf-8", "surrogatepass")


def _opened_or_refused(data: bytes) -> None:
    path = Path("fuzzed.reflecteval")
    try:
        opened = open_return(data, path, evaluator())
    except BadInput as exc:
        assert exc.msg.name.startswith("EVAL_RETURN_")
        assert exc.params["path"] == path
        return
    assert isinstance(opened, EvaluationReturn)


@fuzz_settings(quick=40)
@given(data=st.binary() | damaged(VALID))
def test_any_file_opens_or_is_refused_with_its_message(data: bytes) -> None:
    _opened_or_refused(data)


@fuzz_settings(quick=60)
@given(document=mutated(DOCUMENT) | retexted(DOCUMENT, keep=STRUCTURE), sign=st.booleans())
def test_any_document_opens_or_is_refused_with_its_message(document: Any, sign: bool) -> None:
    # Encrypted here, not in the strategy: age's random stanzas would make examples unreplayable.
    _opened_or_refused(encrypted(_plain(document, sign)))


@fuzz_settings(quick=20)
@given(documents=st.lists(st.tuples(mutated(DOCUMENT), st.booleans()), max_size=4))
def test_collect_accounts_for_every_file_once(
    tmp_path_factory: Any, documents: list[tuple[Any, bool]]
) -> None:
    folder = tmp_path_factory.mktemp("returns")
    paths = []
    for n, data in enumerate([VALID, *(encrypted(_plain(*pair)) for pair in documents)]):
        paths.append(folder / f"{n}.reflecteval")
        paths[-1].write_bytes(data)

    got = collect(paths, COHORT, evaluator())

    counted = len(got.refused) + got.duplicates + len(got.returns) + got.removed + got.replaced
    assert counted <= len(paths)  # the rest are withdrawals
    assert all(r.programme_id == PROGRAMME for r in got.returns)
