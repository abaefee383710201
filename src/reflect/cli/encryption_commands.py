"""Commands that encrypt the journal at rest, make it plain again, and say which it is."""

from __future__ import annotations

import os
import sys

import click

from reflect.cli import output
from reflect.cli.context import CliState, pass_state
from reflect.cli.exchange_prompts import with_keys
from reflect.errors import BadInput
from reflect.messages import Msg

NEW_PROMPT = "Choose a passphrase for your journal (it cannot be recovered if forgotten)"
MODE_WORDS = {
    "key-store": "a random key kept with your Reflect keys",
    "passphrase": "a key made from a passphrase asked for each time",
}


@click.command("encrypt")
@click.option(
    "--passphrase-env",
    metavar="NAME",
    help="Environment variable holding a passphrase to ask for at every open, instead of a "
    "random key kept with your keys (in the system keyring where there is one).",
)
@click.option(
    "--ask-passphrase",
    is_flag=True,
    help="Type a passphrase (twice) to ask for at every open, instead of a random key.",
)
@pass_state
def encrypt(state: CliState, passphrase_env: str | None, ask_passphrase: bool) -> None:
    """Encrypt the journal and its backups (a verified copy is swapped in; a backup first)."""
    # A random key is kept with your keys: where there is no keyring, keys.age asks for its
    # passphrase as the key commands do.
    app = with_keys(state, None, None)
    chosen = None
    if passphrase_env:
        chosen = os.environ.get(passphrase_env)
        if chosen is None:
            raise BadInput(Msg.JOURNAL_PASSPHRASE_ENV_MISSING, name=passphrase_env)
    elif ask_passphrase:
        if not sys.stdin.isatty():
            raise BadInput(Msg.PASSPHRASE_NEEDS_TERMINAL)
        chosen = str(click.prompt(NEW_PROMPT, hide_input=True, confirmation_prompt=True, err=True))
    app.encryption.encrypt(chosen)
    mode = app.encryption.status().mode or "key-store"
    click.echo(f"The journal and its backups are encrypted, with {MODE_WORDS[mode]}.")
    click.echo("Keep a key backup (reflect key backup --out FILE): a lost key cannot be recovered.")


@click.command("decrypt")
@pass_state
def decrypt(state: CliState) -> None:
    """Make the journal and its backups plain again (a verified copy; a backup first)."""
    state.app().encryption.decrypt()
    click.echo("The journal and its backups are no longer encrypted.")


@click.command("lock-status")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_state
def lock_status(state: CliState, as_json: bool) -> None:
    """Say whether the journal is encrypted, and how its key is kept (no passphrase needed)."""
    from reflect.services.encryption import lock_status

    status = lock_status(state.paths, state.journal_keys())
    if as_json:
        output.print_json(
            {
                "encrypted": status.encrypted,
                "key": status.mode,
                "plain_backups": status.backups_plain,
            }
        )
        return
    if not status.encrypted:
        click.echo("The journal is not encrypted.")
        return
    click.echo(f"The journal is encrypted, with {MODE_WORDS[status.mode or 'key-store']}.")
    if status.backups_plain:
        click.echo(
            f"{status.backups_plain} older backups are not encrypted; "
            "run reflect encrypt again to encrypt them."
        )


COMMANDS = (encrypt, decrypt, lock_status)
