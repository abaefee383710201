"""Where a participant's return meets the pack and the file format: two small functions the
evaluation return service is given, which tests replace to simulate plans and sealed files.
"""

from __future__ import annotations

from reflect.core.evaluation import EvaluationPlan, ReturnContent, ReturnKind
from reflect.core.programme import Programme
from reflect.exchange.identity import Identity


def evaluation_plan(programme: Programme) -> EvaluationPlan | None:
    """The programme's evaluation plan, from its pack (a seam tests may replace)."""
    return programme.evaluation


def seal_return(
    content: ReturnContent | None,
    kind: ReturnKind,
    programme_id: str,
    identity: Identity,
    evaluator_card: str,
    created: str,
    *,
    return_id: str | None = None,
) -> bytes:
    """A return or withdrawal as the evaluator's file (a seam tests may replace)."""
    from reflect.exchange.evaluation_file import return_bytes  # pyrage loads when sealing

    return return_bytes(
        content, kind, programme_id, identity, evaluator_card, created, return_id=return_id
    )
