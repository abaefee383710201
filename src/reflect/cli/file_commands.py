"""Commands that move the journal in and out of files: import, export, backup, restore."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from reflect.cli import output
from reflect.cli.context import CliState, pass_state
from reflect.cli.output import backup_json, backup_line, print_json, progress_bar
from reflect.errors import BadInput, ReflectError
from reflect.formats.registry import EXPORT_FORMATS, IMPORT_FORMATS, check_format
from reflect.messages import Msg
from reflect.services.backups import list_backups, restore_closed_journal
from reflect.services.typed_input import parse_date
from reflect.storage.sql_errors import corrupt_error

if TYPE_CHECKING:
    from reflect.formats.jrnl_import import JrnlOptions
    from reflect.services.printing import PrintSelection

_ANY_PATH = click.Path(path_type=Path)


@click.command("import")
@click.argument("format_name", metavar="{" + ",".join(IMPORT_FORMATS) + "}")
@click.argument("path", type=_ANY_PATH)
@click.option(
    "--skip-invalid",
    is_flag=True,
    help="Markdown: import the notes that can be read and list the others with why.",
)
@click.option("--time-format", metavar="FORMAT", help="jrnl only: jrnl's timeformat setting.")
@click.option(
    "--password-env",
    metavar="NAME",
    help="jrnl only: the environment variable holding an encrypted journal's password.",
)
@click.option("--config", "jrnl_config", type=_ANY_PATH, help="jrnl only: jrnl's jrnl.yaml.")
@pass_state
def import_(
    state: CliState,
    format_name: str,
    path: Path,
    skip_invalid: bool,
    time_format: str | None,
    password_env: str | None,
    jrnl_config: Path | None,
) -> None:
    """Import a jrnl journal, a Day One export, a Markdown folder or a Reflect JSON export.

    Items already in the journal are skipped, so importing twice is safe. A file that cannot
    be read is refused whole and nothing changes; for a Markdown folder, --skip-invalid
    imports the other notes instead and lists each one left out with its reason. A jrnl
    journal may be a file or a folder journal, in jrnl's 1.x format, or encrypted (give its
    password in an environment variable with --password-env; never on the command line).
    """
    jrnl = jrnl_options(format_name, path, time_format, password_env, jrnl_config)
    app = state.app()
    with progress_bar(f"Importing {path.name}") as progress:
        report = app.transfer.import_path(
            format_name, path, progress, skip_invalid=skip_invalid, **jrnl
        )
    skipped = report.seen - report.total_added
    click.echo(
        f"Imported {output.counted(report.total_added, 'item')}"
        + (f" ({skipped} already there)." if skipped else ".")
    )
    if report.skipped:
        notes = output.counted(len(report.skipped), "note")
        click.echo(Msg.IMPORT_SKIPPED.template.format(count=notes))
        for item in report.skipped:
            click.echo(Msg.SKIPPED_ITEM.template.format(where=item.where, reason=item.reason))


def jrnl_options(
    format_name: str,
    path: Path,
    time_format: str | None,
    password_env: str | None,
    config: Path | None,
) -> dict[str, JrnlOptions]:
    """The jrnl options as keyword arguments for ``import_path`` (none for other formats).

    The password comes from the environment, or, for an encrypted journal read in a terminal
    without --password-env, from a hidden prompt.
    """
    given = [
        o
        for o, v in (
            ("--time-format", time_format),
            ("--password-env", password_env),
            ("--config", config),
        )
        if v is not None
    ]
    if format_name != "jrnl":
        if given:
            raise click.UsageError(f"{', '.join(given)} is only for jrnl.")
        return {}
    from reflect.formats.jrnl_import import JrnlOptions, is_encrypted

    password = None
    if password_env is not None:
        password = os.environ.get(password_env)
        if password is None:
            raise BadInput(Msg.PASSWORD_ENV_NOT_SET, name=password_env)
    elif sys.stdin.isatty() and is_encrypted(path):
        password = click.prompt(f"Password for {path.name}", hide_input=True)
    return {"jrnl": JrnlOptions(time_format=time_format, password=password, config=config)}


@click.command()
@click.argument("format_name", metavar="{" + ",".join((*EXPORT_FORMATS, "pdf")) + "}")
@click.option(
    "--out",
    type=_ANY_PATH,
    required=True,
    metavar="FILE",
    help="File (json, pdf) or new folder (markdown).",
)
@click.option(
    "--inquiry",
    "inquiry_id",
    metavar="ID",
    help="pdf only: an inquiry with everything linked to it.",
)
@click.option(
    "--entry",
    "entry_ids",
    multiple=True,
    metavar="ID",
    help="pdf only: this entry; repeat for more.",
)
@click.option(
    "--since", metavar="DATE", help="pdf only: entries written on or after DATE (YYYY-MM-DD)."
)
@click.option(
    "--until", metavar="DATE", help="pdf only: entries written on or before DATE (YYYY-MM-DD)."
)
@pass_state
def export(
    state: CliState,
    format_name: str,
    out: Path,
    inquiry_id: str | None,
    entry_ids: tuple[str, ...],
    since: str | None,
    until: str | None,
) -> None:
    """Export the journal as lossless JSON or as Markdown files, or print entries to a PDF.

    A PDF holds the whole journal, the entries named with --entry, or an inquiry with its
    question, wordings, actions and every entry linked to it; --since and --until narrow the
    entries by the day they were written. Entries are in the order they were written.
    """
    check_format(format_name, (*EXPORT_FORMATS, "pdf"))
    if format_name == "pdf":
        from reflect.services.printing import PrintSelection

        selection = PrintSelection(
            inquiry_id=inquiry_id,
            entry_ids=entry_ids,
            since=parse_date(since) if since else None,
            until=parse_date(until) if until else None,
        )
        export_pdf(state, selection, out)
        return
    given = [
        option
        for option, value in (
            ("--inquiry", inquiry_id),
            ("--entry", entry_ids or None),
            ("--since", since),
            ("--until", until),
        )
        if value is not None
    ]
    if given:
        raise click.UsageError(f"{', '.join(given)} is only for pdf.")
    app = state.app()
    with progress_bar(f"Exporting to {out.name}") as progress:
        count = app.transfer.export(format_name, out, progress)
    click.echo(f"Exported {output.counted(count, 'entry', 'entries')} to {out}.")


def export_pdf(state: CliState, selection: PrintSelection, out: Path) -> None:
    """Lay ``selection`` out in pages and write them to ``out``."""
    try:  # Qt is needed to lay out pages; the rest of the command line runs without it
        from reflect.ui.printing.pdf import write_pdf
    except ImportError as exc:
        raise ReflectError(Msg.PDF_UNAVAILABLE, reason=exc) from exc
    document = write_pdf(state.app(), selection, out)
    count = len(document.entries)
    click.echo(f"Printed {count} {'entry' if count == 1 else 'entries'} to {out}.")


@click.command()
@click.option("--out", type=_ANY_PATH, help="Where to write the copy (default: backups folder).")
@pass_state
def backup(state: CliState, out: Path | None) -> None:
    """Copy the journal database safely, while it may be in use; the copy is checked.

    Copies in the backups folder are listed by reflect backups. Reflect also takes one copy
    a day by itself when it opens the journal, and keeps a week of those and one a month for
    a year; copies made with this command are never deleted by Reflect.
    """
    click.echo(state.app().backups.backup(out))


@click.command("backups")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def backups(state: CliState, as_json: bool) -> None:
    """List backups, newest first: when each was taken, why, its size and where it is.

    Put one back with: reflect restore PATH. Works even when the journal is damaged.
    """
    found = list_backups(state.paths)  # without opening the journal, which may be damaged
    if as_json:
        print_json([backup_json(b) for b in found])
    elif not found:
        click.echo(Msg.NO_BACKUPS.template)
    for backup in [] if as_json else found:
        click.echo(backup_line(backup))


@click.command()
@click.argument("path", type=_ANY_PATH)
@pass_state
def restore(state: CliState, path: Path) -> None:
    """Replace the journal with the backup at PATH (the current one is kept as a backup)."""
    key = state.journal_key(path, state.paths.db_path)
    kept = restore_closed_journal(state.paths, path, key)
    click.echo(
        f"Restored from {path}." + (f" The previous journal was kept at {kept}." if kept else "")
    )


@click.command()
@pass_state
def check(state: CliState) -> None:
    """Check the journal database for damage; prints ok, or what is wrong and the backup to
    restore."""
    app = state.app(quick_check=False)
    problems = app.backups.check()
    if not problems:
        click.echo("ok")
        return
    for problem in problems:
        click.echo(problem)
    raise corrupt_error(app.store.path, app.store.newest_good_backup)


@click.command()
@pass_state
def demo(state: CliState) -> None:
    """Fill an empty data folder with a sample journal to look around in."""
    from reflect.services.demo import fill_demo  # the demo's data is read only when asked

    app = state.app()
    report = fill_demo(app.paths, app.clock, app.entries, app.inquiries, app.transfer, app.packs)
    click.echo(f"Added a demo journal ({report.total_added} items) in {app.paths.data_dir}.")


COMMANDS = (import_, export, backup, backups, restore, check, demo)
