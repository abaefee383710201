"""The ``reflect`` command group, its global options and the one place errors are reported."""

from __future__ import annotations

import importlib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import click

from reflect import __version__
from reflect.cli.context import CliState
from reflect.crash import write_crash_log
from reflect.errors import Cancelled, ReflectError
from reflect.messages import Msg
from reflect.paths import ENV_DATA_DIR, resolve_paths

EXIT_USER_ERROR = 1
EXIT_BUG = 70  # EX_SOFTWARE

COMMAND_MODULES = (
    "journal_commands",
    "framework_commands",
    "file_commands",
    "exchange_commands",
    "pack_commands",
    "spelling_commands",
    "measure_commands",
    "connection_commands",
    "report_commands",
    "evaluation_commands",
)
# Where each command is defined (in its module's COMMANDS), so that running one imports only
# its own module: a search need not load sharing or packs. A command missing here still runs,
# after every module is imported; tests/cli/test_cli_commands.py keeps this list complete.
MODULE_OF = {
    **dict.fromkeys(("inquiry", "write", "list", "search"), "journal_commands"),
    **dict.fromkeys(("frameworks", "assess"), "framework_commands"),
    **dict.fromkeys(
        ("import", "export", "backup", "backups", "restore", "check", "demo"), "file_commands"
    ),
    **dict.fromkeys(
        ("key", "peer", "trio", "share", "receive", "inbox", "feedback"), "exchange_commands"
    ),
    **dict.fromkeys(("pack", "programme"), "pack_commands"),
    "spelling": "spelling_commands",
    "measure": "measure_commands",
    "connection": "connection_commands",
    "report": "report_commands",
    "evaluation": "evaluation_commands",
}


def commands_in(module: str) -> tuple[click.Command, ...]:
    found: tuple[click.Command, ...] = importlib.import_module(f"reflect.cli.{module}").COMMANDS
    return found


def all_commands() -> list[click.Command]:
    return [command for module in COMMAND_MODULES for command in commands_in(module)]


class LazyCommands(click.Group):
    """The command group, importing a command's module only when the command is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(str(command.name) for command in all_commands())

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = MODULE_OF.get(cmd_name)
        candidates = commands_in(module) if module else all_commands()
        return next((command for command in candidates if command.name == cmd_name), None)


@click.group(
    cls=LazyCommands,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar=ENV_DATA_DIR,
    help=f"Folder holding the journal (default: your user data folder; or ${ENV_DATA_DIR}).",
)
@click.option("--debug", is_flag=True, help="Show full tracebacks for errors.")
@click.option(
    "--quit-after-paint",
    is_flag=True,
    hidden=True,
    help="Open the window, then quit once it has painted (start-up timing, smoke tests).",
)
@click.version_option(__version__, "--version", prog_name="Reflect")
@click.pass_context
def cli(ctx: click.Context, data_dir: Path | None, debug: bool, quit_after_paint: bool) -> None:
    """Reflect: a journal for your inquiry through a peer learning programme.

    Run with no command to open the desktop app.
    """
    bundles = ctx.obj if isinstance(ctx.obj, OpenFiles) else OpenFiles()
    ctx.obj = CliState(data_dir, debug, warnings=bundles.warnings)
    if ctx.invoked_subcommand is None:
        open_window(ctx.obj, bundles.paths, quit_after_paint)


def open_window(
    state: CliState, open_files: list[Path] | None = None, quit_after_paint: bool = False
) -> None:
    from reflect.ui.display_check import missing_display

    missing = missing_display(os.environ, sys.platform)
    if missing is not None:  # Qt would abort the process with its own message
        raise ReflectError(missing)
    try:
        from reflect.ui import launch
    except ImportError as exc:  # Qt or a system library it needs is missing
        raise ReflectError(Msg.WINDOW_UNAVAILABLE, reason=exc) from exc
    files = open_files or ()
    sys.exit(launch.run(state.paths, open_files=files, quit_after_paint=quit_after_paint))


@dataclass
class OpenFiles:
    """Bundles named on the command line instead of a command (``reflect FILE.reflect``, as a
    file association runs it): the window opens and receives them."""

    paths: list[Path] = field(default_factory=list)
    # Said after the command succeeds; when it fails, its error is the one message.
    warnings: list[str] = field(default_factory=list)


GLOBAL_OPTIONS_WITH_VALUE = ("--data-dir",)


def split_bundle_args(args: list[str]) -> tuple[list[str], OpenFiles]:
    """``args`` without the bundle files that stand where a command would, and those files.

    Only when the first argument after the global options is an existing ``.reflect`` file:
    click would read it as a command name; ``reflect receive FILE`` is left alone."""
    n = 0
    while n < len(args) and args[n].startswith("-"):
        n += 2 if args[n] in GLOBAL_OPTIONS_WITH_VALUE else 1
    rest = args[n:]
    if not rest or not is_bundle_file(rest[0]):
        return args, OpenFiles()
    if not all(is_bundle_file(arg) for arg in rest):
        return args, OpenFiles()  # click says what is wrong with the others
    return args[:n], OpenFiles([Path(arg) for arg in rest])


def main(argv: list[str] | None = None) -> None:
    """Console entry point: known errors print one line, bugs write a crash log."""
    args = argv if argv is not None else sys.argv[1:]
    debug = "--debug" in args
    args, bundles = split_bundle_args(list(args))
    try:
        cli.main(args=args, prog_name="reflect", standalone_mode=False, obj=bundles)
        warn(bundles.warnings)
    except click.exceptions.Exit as exc:
        if exc.exit_code == 0:
            warn(bundles.warnings)
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


def warn(warnings: list[str]) -> None:
    for warning in warnings:
        click.echo(f"Warning: {warning}", err=True)


def is_bundle_file(arg: str) -> bool:
    """A bundle or a programme pack: what a file association hands the app to open."""
    return arg.lower().endswith((".reflect", ".reflectpack")) and Path(arg).is_file()


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
