"""The evaluator's one step, shared by ``reflect evaluation collect`` and the window: collect
the returns (``evaluation_collect.py``) and make the cohort report's figures from them.

Slow (every file is decrypted and verified), so the window runs it in a task; the charts are
drawn after, on the UI thread, and the files written in a second task.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reflect.core.programme import Programme
from reflect.errors import BadInput
from reflect.exchange.identity import Identity
from reflect.formats.progress import Progress
from reflect.messages import Msg
from reflect.services.evaluation_collect import Collected, collect
from reflect.services.evaluation_report import CohortReport, cohort_report
from reflect.services.frameworks import FrameworkCatalog


@dataclass(frozen=True)
class Gathered:
    programme: Programme
    files: int  # how many files were read
    collected: Collected
    report: CohortReport


def gather(
    paths: Sequence[Path],
    programme: Programme,
    identity: Identity,
    frameworks: FrameworkCatalog,
    today: date,
    progress: Progress | None = None,
) -> Gathered:
    """Collect ``paths`` for ``programme`` and make its report (no charts yet)."""
    # A score off its framework's scale is refused with its own message.
    collected = collect(paths, programme, identity, progress, known=frameworks.find)
    plan = programme.evaluation
    if plan is None:  # collect refuses a programme with no plan before reading anything
        raise BadInput(Msg.EVAL_NO_PLAN, name=programme.name)
    report = cohort_report(collected.returns, plan, programme.name, frameworks, today)
    return Gathered(programme, len(paths), collected, report)


def refusal_text(
    path: Path, msg: Msg, say: Callable[..., str] = lambda msg, **p: msg.template.format(**p)
) -> str:
    """Why ``path`` was left out, in words; a detail the refusal did not keep reads "?"."""
    try:
        return say(msg, path=path)
    except (KeyError, IndexError):
        return msg.template.format_map(_Unknown(path=path))


class _Unknown(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "?"
