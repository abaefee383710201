"""The ``reflect`` command group, its global options and the one place errors are reported."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from reflect import __version__
from reflect.cli import exchange_commands, file_commands, framework_commands, journal_commands
from reflect.cli.context import CliState
from reflect.crash import write_crash_log
from reflect.errors import Cancelled, ReflectError
from reflect.messages import Msg
from reflect.paths import ENV_DATA_DIR, resolve_paths

EXIT_USER_ERROR = 1
EXIT_BUG = 70  # EX_SOFTWARE


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar=ENV_DATA_DIR,
    help=f"Folder holding the journal (default: your user data folder; or ${ENV_DATA_DIR}).",
)
@click.option("--debug", is_flag=True, help="Show full tracebacks for errors.")
@click.version_option(__version__, "--version", prog_name="Reflect")
@click.pass_context
def cli(ctx: click.Context, data_dir: Path | None, debug: bool) -> None:
    """Reflect: a journal for your inquiry through a peer learning programme.

    Run with no command to open the desktop app.
    """
    ctx.obj = CliState(data_dir, debug)
    if ctx.invoked_subcommand is None:
        open_window(ctx.obj)


def open_window(state: CliState) -> None:
    try:
        from reflect.ui import launch
    except ImportError as exc:  # Qt or a system library it needs is missing
        raise ReflectError(Msg.WINDOW_UNAVAILABLE, reason=exc) from exc
    sys.exit(launch.run(state.paths))


for command in (
    *journal_commands.COMMANDS,
    *framework_commands.COMMANDS,
    *file_commands.COMMANDS,
    *exchange_commands.COMMANDS,
):
    cli.add_command(command)


def main(argv: list[str] | None = None) -> None:
    """Console entry point: known errors print one line, bugs write a crash log."""
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        cli.main(args=argv, prog_name="reflect", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("Stopped.", err=True)
        sys.exit(EXIT_USER_ERROR)
    except Cancelled:
        click.echo("Stopped; nothing was changed.", err=True)
        sys.exit(EXIT_USER_ERROR)
    except ReflectError as exc:
        if debug:
            raise
        click.echo(f"Error: {exc.text}", err=True)
        sys.exit(EXIT_USER_ERROR)
    except Exception as exc:
        if debug:
            raise
        report_bug(exc, argv)
        sys.exit(EXIT_BUG)


def report_bug(exc: Exception, argv: list[str] | None) -> None:
    log_dir = _log_dir(argv)
    where = write_crash_log(log_dir, exc) if log_dir else None
    hint = f" Details were written to {where}." if where else ""
    click.echo(f"Error: Reflect hit an unexpected problem ({type(exc).__name__}).{hint}", err=True)


def _log_dir(argv: list[str] | None) -> Path | None:
    args = argv if argv is not None else sys.argv[1:]
    data_dir = None
    for n, arg in enumerate(args):
        if arg == "--data-dir" and n + 1 < len(args):
            data_dir = args[n + 1]
        elif arg.startswith("--data-dir="):
            data_dir = arg.split("=", 1)[1]
    try:
        return resolve_paths(data_dir).log_dir
    except Exception:
        return None
