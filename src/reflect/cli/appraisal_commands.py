"""``reflect appraisal export``: chosen entries as NMC reflective accounts or AoMRC reflections,
as PDF or Markdown, after the privacy scan that sharing uses."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from reflect.cli.context import CliState, pass_state
from reflect.cli.output import counted, out_option
from reflect.errors import ReflectError
from reflect.messages import Msg
from reflect.services.appraisal import FORMS, Account, AppraisalForm, Hit, load_form
from reflect.services.appraisal_writers import (
    account_markdown,
    appraisal_format,
    read_account,
    write_markdown,
)
from reflect.services.printing import PrintWords

AROUND = 30  # characters of context either side of a warning


@click.group()
def appraisal() -> None:
    """Reflections for appraisal and revalidation: NMC reflective accounts, AoMRC reflections."""


@appraisal.command("export")
@click.argument("entry_ids", nargs=-1, required=True, metavar="ENTRY_ID...")
@click.option("--form", "form_id", required=True, type=click.Choice(FORMS), help="Which form.")
@out_option(".pdf or .md")
@click.option(
    "--keep-warnings",
    is_flag=True,
    help="Write even though some passages may identify someone (you checked them).",
)
@click.option(
    "--edit",
    is_flag=True,
    help="Open each account in $EDITOR as Markdown first, its fields as headings.",
)
@pass_state
def appraisal_export(
    state: CliState,
    entry_ids: tuple[str, ...],
    form_id: str,
    out: Path,
    keep_warnings: bool,
    edit: bool,
) -> None:
    """Write one account per entry in the shape of the chosen form. Every field is checked
    for NHS numbers, dates of birth and names first; nothing is written while any remain,
    unless --keep-warnings."""
    kind = appraisal_format(out)  # an unknown extension is refused before anything else
    form = load_form(form_id)
    app = state.app()
    accounts = app.appraisal.accounts(form, entry_ids)
    if edit:
        accounts = _edited(form, accounts)
    hits = app.appraisal.hits(accounts)
    for hit in hits:
        click.echo(hit_line(hit, accounts, form))
    if hits and not keep_warnings:
        raise ReflectError(Msg.APPRAISAL_WARNINGS, count=len(hits))
    if kind == "md":  # Markdown needs no Qt at all
        write_markdown(out, form, accounts)
    else:
        try:  # Qt lays out the PDF's pages
            from reflect.ui.printing.appraisal_pdf import write_appraisal
        except ImportError as exc:
            raise ReflectError(Msg.PDF_UNAVAILABLE, reason=exc) from exc
        write_appraisal(out, form, accounts)
    click.echo(f"Wrote {counted(len(accounts), 'account')} to {out}.")


def hit_line(hit: Hit, accounts: Sequence[Account], form: AppraisalForm) -> str:
    """One warning: the entry, the field's label, the words around it and what it looks like."""
    account = accounts[hit.account]
    field = account.field(hit.field)
    before = field.text[max(0, hit.start - AROUND) : hit.start]
    after = field.text[hit.end : hit.end + AROUND]
    around = " ".join(f"…{before}[{hit.text}]{after}…".split())  # on one line
    reason = hit.reason.template
    return f"Warning: “{account.entry_title}”, {field.label}: {around} ({hit.text} {reason})"


def _edited(form: AppraisalForm, accounts: Sequence[Account]) -> tuple[Account, ...]:
    words = PrintWords()
    count = len(accounts)
    result = []
    for number, account in enumerate(accounts, 1):
        text = click.edit(account_markdown(form, account, number, count, words), extension=".md")
        result.append(account if text is None else read_account(text, account))
    return tuple(result)


COMMANDS = (appraisal,)
