"""``reflect evaluation collect FILES... --out DIR``: the evaluator's side of a programme's
evaluation (docs/evaluation.md, "The cohort report").

Every file is opened with this journal's keys and checked; what was read, each file refused and
why, the duplicates counted once and the withdrawals honoured are printed (or given as JSON),
and the report is written into DIR: ``evaluation-report.html`` and ``.pdf`` (with charts, laid
out by Qt, with no display needed), ``evaluation-report.csv`` and ``evaluation-change.csv``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from reflect.cli import output
from reflect.cli.context import CliState, pass_state
from reflect.cli.exchange_prompts import passphrase_options, safe, with_keys
from reflect.errors import ReflectError
from reflect.messages import Msg
from reflect.services.evaluation_cohort import Gathered, gather, refusal_text


@click.command("collect")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--out",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="The folder to write the report into (made if missing).",
)
@click.option("--programme", "programme_id", metavar="ID", help="The programme (its pack id).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@passphrase_options
@pass_state
def evaluation_collect(state: CliState, /, files: tuple[Path, ...], **options: Any) -> None:
    """Open the evaluation returns in FILES and write the cohort report into --out: the
    number of returns, median and interquartile range for each question and time point, the
    change for people who returned at both ends, counts and consented quotes. Figures about
    fewer people than the pack's minimum are not shown."""
    app = with_keys(state, options["passphrase_env"], options["keys_passphrase_env"])
    programme, plan = app.evaluation_returns.pick(options["programme_id"])
    gathered = gather(
        files,
        replace(programme, evaluation=plan),
        app.keys.identity(),
        app.frameworks,
        app.programme.today(),
    )
    try:  # Qt draws the charts and lays out the PDF
        from reflect.services.evaluation_report import with_charts
        from reflect.ui.printing.evaluation_pdf import paper_chart, write_evaluation_report
    except ImportError as exc:
        raise ReflectError(Msg.PDF_UNAVAILABLE, reason=exc) from exc
    written = write_evaluation_report(options["out"], with_charts(gathered.report, paper_chart))
    if options["as_json"]:
        output.print_json(summary_json(gathered, written.paths))
        return
    for line in summary_lines(gathered):
        click.echo(line)
    click.echo(f"Wrote the report to {written.folder}:")
    for path in written.paths:
        click.echo(f"  {path.name}")


def summary_lines(gathered: Gathered) -> list[str]:
    collected = gathered.collected
    lines = [
        f"{safe(gathered.programme.name)} ({gathered.programme.pack_id})",
        f"Read {output.counted(gathered.files, 'file')}: "
        f"{output.counted(len(collected.returns), 'return')} "
        f"from {output.counted(collected.people, 'person', 'people')} counted.",
    ]
    if collected.refused:
        lines.append(f"Refused {output.counted(len(collected.refused), 'file')}:")
        lines += [f"  {safe(refusal_text(path, msg))}" for path, msg in collected.refused]
    if collected.duplicates:
        lines.append(f"Counted once: {output.counted(collected.duplicates, 'repeated file')}.")
    if collected.replaced:
        lines.append(f"Replaced by a newer return: {output.counted(collected.replaced, 'return')}.")
    if collected.withdrawn:
        people = output.counted(collected.withdrawn, "person", "people")
        lines.append(
            f"Withdrawals honoured: {people}; "
            f"{output.counted(collected.removed, 'return')} of theirs left out."
        )
    return lines


def summary_json(gathered: Gathered, paths: tuple[Path, ...]) -> dict[str, Any]:
    collected = gathered.collected
    return {
        "programme": gathered.programme.pack_id,
        "files": gathered.files,
        "returns": len(collected.returns),
        "people": collected.people,
        "refused": [
            {"file": str(path), "message": refusal_text(path, msg), "reason": msg.name}
            for path, msg in collected.refused
        ],
        "duplicates": collected.duplicates,
        "replaced": collected.replaced,
        "withdrawn": collected.withdrawn,
        "removed": collected.removed,
        "report": [str(path) for path in paths],
    }
