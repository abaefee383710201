"""A programme whose pack asks for an evaluation, installed in a test journal, and a stand-in
for the evaluator's file (``Sealed``) so the participant's side is tested on its own."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

import pytest

from reflect.app import App
from reflect.core.evaluation import (
    EvaluationPlan,
    RatingSet,
    ReturnContent,
    ReturnKind,
    TextQuestion,
    TimePoint,
)
from reflect.core.programme import Event, EventKind, Facilitator, Programme
from reflect.exchange.card import make_card
from reflect.exchange.identity import Identity
from reflect.storage.programmes import ProgrammeRepository

PACK_ID = "north-cohort-3"
NOTICE = (
    "Returns go to Eve Evans at the Improvement Academy, to evaluate this programme.\n"
    "They are kept for two years. Questions: eve@example.org"
)


def evaluator_card() -> str:
    return make_card("Eve Evans", Identity.generate())


def plan(card: str, *, ask_counts: bool = True) -> EvaluationPlan:
    return EvaluationPlan(
        evaluator_card=card,
        privacy_notice=NOTICE,
        time_points=(
            TimePoint("start", "Start", day=date(2026, 1, 10)),
            TimePoint("middle", "Middle", offset_days=40),  # 2026-02-19
            TimePoint("end", "End", day=date(2026, 6, 1)),
        ),
        ratings=(
            RatingSet("leader-growth", ("influence", "connections")),
            RatingSet("csif"),
        ),
        ask_counts=ask_counts,
        questions=(TextQuestion("changed", "What has changed for you?"),),
    )


def programme(pack_id: str = PACK_ID, name: str = "North cohort 3") -> Programme:
    facilitator = Facilitator("Fran Lee", "fran@example.org", "ed25519:" + "A" * 43 + "=")
    events = (
        Event(f"{pack_id}-e1", pack_id, date(2026, 1, 10), EventKind.WORKSHOP, "Launch"),
        Event(f"{pack_id}-e2", pack_id, date(2026, 2, 20), EventKind.WORKSHOP, "Second"),
    )
    return Programme(pack_id, name, 1, "", facilitator, events=events)


@dataclass
class Sealed:
    """Stands in for exchange.evaluation_file.return_bytes: keeps what it was given and writes
    it as JSON (a real return is encrypted; these tests are about what goes in)."""

    calls: list[dict[str, Any]] = field(default_factory=list)

    def __call__(
        self,
        content: ReturnContent | None,
        kind: ReturnKind,
        programme_id: str,
        identity: Identity,
        evaluator_card: str,
        created: str,
        *,
        return_id: str | None = None,
    ) -> bytes:
        call = {
            "id": return_id,
            "content": None if content is None else asdict(content),
            "kind": kind.value,
            "programme_id": programme_id,
            "evaluator_card": evaluator_card,
            "created": created,
        }
        self.calls.append(call)
        return json.dumps(call).encode()


def with_evaluation(
    monkeypatch: pytest.MonkeyPatch, app: App, *plans: tuple[Programme, EvaluationPlan]
) -> Sealed:
    """Install ``plans``' programmes in ``app`` and make their plans and the stand-in sealer
    the ones the app's evaluation service uses (until packs carry plans)."""
    repo = ProgrammeRepository(app.store)
    for shown, _plan in plans:
        repo.save(shown, b"{}", "2026-01-01T09:00:00.000000+00:00")
    by_id = {shown.pack_id: found for shown, found in plans}
    sealed = Sealed()
    monkeypatch.setattr("reflect.app.evaluation_plan", lambda p: by_id.get(p.pack_id))
    monkeypatch.setattr("reflect.app.seal_return", sealed)
    return sealed
