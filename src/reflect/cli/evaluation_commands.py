"""Commands for a programme's evaluation: ``reflect evaluation due``, ``return`` and ``withdraw``
(the participant's side; docs/evaluation.md).

A return is shown in full, with the facilitator's privacy notice, before anything is written;
it is written only after the participant agrees (``--yes`` agrees for them, and only once the
preview is printed). Reflect sends nothing: the file goes by whatever channel the participant
chooses.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from reflect.cli import output
from reflect.cli.context import CliState, pass_state
from reflect.cli.evaluation_collect_command import evaluation_collect
from reflect.cli.exchange_prompts import passphrase_options, safe, with_keys
from reflect.core.evaluation_due import DueState
from reflect.errors import BadInput
from reflect.messages import Msg
from reflect.services.evaluation_preview import Line, as_text
from reflect.services.evaluation_returns import DuePoint

_FILE = click.Path(path_type=Path, dir_okay=False)
STATE_WORDS = {
    DueState.NOT_YET_OPEN: "not yet open",
    DueState.DUE: "due now",
    DueState.SENT: "sent",
    DueState.WITHDRAWN: "withdrawn",
}
SENT_NOTE = "Send it to the evaluator by any channel you like; Reflect sends nothing itself."


@click.group()
def evaluation() -> None:
    """A programme's evaluation: what is due, returns and withdrawals."""


evaluation.add_command(evaluation_collect)  # the evaluator's side, in a module of its own


@evaluation.command("due")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def evaluation_due(state: CliState, as_json: bool) -> None:
    """Each time point: not yet open, due now, sent or withdrawn."""
    points = state.app().evaluation_returns.due()
    if as_json:
        output.print_json([due_json(point) for point in points])
        return
    if not points:
        click.echo(Msg.EVALUATION_NONE.template)
        return
    shown: str | None = None
    width = max(len(point.point.key) for point in points)
    for point in points:
        if point.programme_id != shown:
            shown = point.programme_id
            click.echo(f"{safe(point.programme_name)} ({point.programme_id})")
        opens = point.opens.isoformat() if point.opens else "date to come"
        words = STATE_WORDS[point.state]
        if point.sent is not None:
            words += f" {point.sent.isoformat()}"
        label = safe(point.point.label)
        click.echo(f"  {point.point.key:<{width}}  {label:<20}  {opens:<12}  {words}")


@evaluation.command("return")
@click.argument("time_point")
@click.option("--programme", "programme_id", metavar="ID", help="The programme (its pack id).")
@click.option("--counts", is_flag=True, help="Include counts of what you did in the period.")
@click.option(
    "--quote", "quotes", multiple=True, metavar="ENTRY_ID", help="Quote an entry; repeat."
)
@click.option(
    "--quote-text",
    "quote_texts",
    multiple=True,
    metavar="TEXT",
    help="A quote in your own words (an entry's sentence with a name taken out); repeat.",
)
@click.option("--answer", "answers", multiple=True, metavar="KEY=TEXT", help="Answer a question.")
@click.option("--out", type=_FILE, required=True, help="The .reflecteval file to write.")
@click.option("--yes", is_flag=True, help="Agree without being asked, once the preview is shown.")
@passphrase_options
@pass_state
def evaluation_return(state: CliState, /, time_point: str, **options: Any) -> None:
    """Show what your TIME_POINT return holds; write it once you agree."""
    app = with_keys(state, options["passphrase_env"], options["keys_passphrase_env"])
    service = app.evaluation_returns
    draft = service.draft(
        options["programme_id"],
        time_point,
        counts=options["counts"],
        quote_entry_ids=options["quotes"],
        answers=parsed_answers(options["answers"]),
    )
    for text in options["quote_texts"]:
        draft = draft.with_quote_added(text, service.today())
    click.echo(safe(service.preview(draft)))
    agree(options["yes"], "Write this return for the evaluator?")
    written = service.write(draft, options["out"])
    click.echo(f"Wrote {written}. {SENT_NOTE}")


@evaluation.command("withdraw")
@click.option("--programme", "programme_id", metavar="ID", help="The programme (its pack id).")
@click.option("--out", type=_FILE, required=True, help="The .reflecteval file to write.")
@click.option("--yes", is_flag=True, help="Agree without being asked, once the notice is shown.")
@passphrase_options
@pass_state
def evaluation_withdraw(state: CliState, /, **options: Any) -> None:
    """Write a withdrawal: your returns leave every later report."""
    app = with_keys(state, options["passphrase_env"], options["keys_passphrase_env"])
    service = app.evaluation_returns
    lines: list[Line] = service.withdrawal_preview(options["programme_id"])
    click.echo(safe(as_text(lines)))
    agree(options["yes"], "Write this withdrawal for the evaluator?")
    written = service.withdraw(options["programme_id"], options["out"])
    click.echo(f"Wrote {written}. {SENT_NOTE}")


def agree(yes: bool, question: str) -> None:
    """Consent, asked after the preview is printed; without it nothing is written."""
    if yes:
        return
    try:
        agreed = click.confirm(question, default=False, err=True)
    except click.Abort:  # no answer at all (end of input)
        click.echo(err=True)  # end the question's line before the error
        agreed = False
    if not agreed:
        raise BadInput(Msg.EVALUATION_NO_CONSENT)


def parsed_answers(pairs: tuple[str, ...]) -> dict[str, str]:
    answers = {}
    for pair in pairs:
        key, sep, text = pair.partition("=")
        if not sep or not key.strip():
            raise BadInput(Msg.EVALUATION_BAD_ANSWER, option="--answer",
                           example="--answer changed='More confident'")  # fmt: skip
        answers[key.strip()] = text
    return answers


def due_json(point: DuePoint) -> dict[str, object]:
    return {
        "programme_id": point.programme_id,
        "programme": point.programme_name,
        "time_point": point.point.key,
        "label": point.point.label,
        "opens": point.opens.isoformat() if point.opens else None,
        "state": point.state.value,
        "sent": point.sent.isoformat() if point.sent else None,
    }


COMMANDS = (evaluation,)
