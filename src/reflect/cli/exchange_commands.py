"""Commands for your keys, your peers and your trio: key, peer and trio.

Sharing and receiving bundles live in :mod:`reflect.cli.bundle_commands`.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import click

from reflect.cli import output
from reflect.cli.bundle_commands import BUNDLE_COMMANDS
from reflect.cli.context import CliState, pass_state
from reflect.cli.exchange_prompts import passphrase, passphrase_options, safe, with_keys
from reflect.core.peer import Peer
from reflect.services.keys import read_file
from reflect.services.peers import fingerprint_of
from reflect.storage.cipher import is_encrypted

_ANY_PATH = click.Path(path_type=Path)
BACKUP_PROMPT = "Passphrase for the key backup"


@click.group()
def key() -> None:
    """Your keys: your contact card, backup and restore."""


@key.command("show")
@click.option("--name", help="Your name as peers will see it (asked for once).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@passphrase_options
@pass_state
def key_show(
    state: CliState,
    name: str | None,
    as_json: bool,
    passphrase_env: str | None,
    keys_passphrase_env: str | None,
) -> None:
    """Print your contact card (send it to your peers), its fingerprint and where keys live."""
    card = with_keys(state, passphrase_env, keys_passphrase_env).keys.card(name)
    if as_json:
        where = card.location
        output.print_json(
            {"name": card.name, "card": card.text, "fingerprint": card.fingerprint}
            | {"store": where.kind, "where": where.description}
        )
        return
    click.echo(card.text, nl=False)
    click.echo(f"Fingerprint: {card.fingerprint}")
    click.echo(f"Your keys are kept in {card.location.description}.")


@key.command("backup")
@click.option("--out", type=_ANY_PATH, required=True, help="The backup file to write.")
@passphrase_options
@pass_state
def key_backup(
    state: CliState, out: Path, passphrase_env: str | None, keys_passphrase_env: str | None
) -> None:
    """Save your keys to a file protected by a passphrase (--passphrase-env: its passphrase)."""
    app = with_keys(state, passphrase_env, keys_passphrase_env)
    app.keys.identity()  # the keys first, so any keys-file prompt comes before the new one
    written = app.keys.backup(out, passphrase(passphrase_env, BACKUP_PROMPT, new=True))
    click.echo(f"Saved your keys to {written}. Keep the file and its passphrase apart.")


@key.command("restore")
@click.argument("path", type=_ANY_PATH)
@click.option("--replace", is_flag=True, help="Replace different keys this journal has now.")
@passphrase_options
@pass_state
def key_restore(
    state: CliState,
    path: Path,
    replace: bool,
    passphrase_env: str | None,
    keys_passphrase_env: str | None,
) -> None:
    """Make the keys in a backup this journal's keys (--passphrase-env: the backup's)."""
    if is_encrypted(state.paths.db_path):
        secret = passphrase(passphrase_env, BACKUP_PROMPT, new=False)
        # First the journal's key, if the backup has it: the journal may not open without it
        # (a lost keyring entry, a forgotten passphrase).
        if state.journal_keys().restore_from_backup(read_file(path), secret):
            click.echo("Restored the key to your encrypted journal.")
        app = with_keys(state, passphrase_env, keys_passphrase_env)
    else:
        app = with_keys(state, passphrase_env, keys_passphrase_env)
        secret = passphrase(passphrase_env, BACKUP_PROMPT, new=False)
    app.keys.restore(path, secret, replace=replace)
    where = app.keys.where()
    click.echo(f"Restored your keys; they are kept in {where.description}.")


@click.group()
def peer() -> None:
    """The people you exchange with."""


# A card pasted as the argument starts with dashes: take it as text, not as an option.
@peer.command("add", context_settings={"ignore_unknown_options": True})
@click.argument("name")
@click.argument("card_or_recipient", metavar="CARD_OR_AGE_RECIPIENT")
@pass_state
def peer_add(state: CliState, name: str, card_or_recipient: str) -> None:
    """Add a peer from their contact card (a file, the card text, or - for standard input)
    or from a plain age1… recipient. An empty NAME ("") takes the name on the card."""
    text = card_text(card_or_recipient)
    added = state.app().peers.add(name, text)
    click.echo(f"Added {added.name}. Fingerprint: {fingerprint_of(added)}")
    if added.signing_key is None:
        click.echo("They use a plain age key: you can send to them, but not verify them.")
    else:
        hint = f"reflect peer verify {shlex.quote(added.name)}"
        click.echo(f"Compare it with them by voice or video, then: {hint}")


@peer.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def peer_list(state: CliState, as_json: bool) -> None:
    """List your peers with their fingerprints."""
    peers = state.app().peers.all()
    if as_json:
        output.print_json([peer_json(p) for p in peers])
    for item in [] if as_json else peers:
        mark = "verified" if item.verified else ("age key only" if not item.signing_key else "")
        click.echo(f"{safe(item.name):<24}  {fingerprint_of(item)}  {mark}".rstrip())


@peer.command("verify")
@click.argument("name")
@click.option("--yes", is_flag=True, help="Do not ask; you compared the fingerprint already.")
@pass_state
def peer_verify(state: CliState, name: str, yes: bool) -> None:
    """Mark a peer verified, after you both read out the same fingerprint."""
    peers = state.app().peers
    found = peers.get(name)
    click.echo(f"{safe(found.name)}: {fingerprint_of(found)}")
    if not yes and sys.stdin.isatty():
        click.confirm("Did they read you exactly this fingerprint?", abort=True)
    peers.verify(found.name)
    click.echo(f"{safe(found.name)} is verified.")


@peer.command("remove")
@click.argument("name")
@pass_state
def peer_remove(state: CliState, name: str) -> None:
    """Forget a peer (what they sent stays in your inbox)."""
    removed = state.app().peers.remove(name)
    click.echo(f"Removed {safe(removed.name)}.")


@click.group()
def trio() -> None:
    """Your coaching trio: sharing goes to it unless you choose --to."""


@trio.command("create")
@click.argument("name")
@click.argument("peers", nargs=-1, required=True)
@pass_state
def trio_create(state: CliState, name: str, peers: tuple[str, ...]) -> None:
    """Make a trio NAME of you and PEERS; the newest trio is the one sharing goes to."""
    made = state.app().peers.create_trio(name, list(peers))
    # The name often says "trio" already ("Trio 4"), so it is quoted, not prefixed with "Trio".
    others = output.counted(len(made.peer_ids), "peer")
    click.echo(f"Made the trio “{safe(made.name)}”: you and {others}.")


@trio.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def trio_list(state: CliState, as_json: bool) -> None:
    """List your trios, the one sharing goes to last."""
    service = state.app().peers
    trios = [(t, [p.name for p in service.members(t)]) for t in service.trios()]
    if as_json:
        output.print_json([{"id": t.id, "name": t.name, "peers": names} for t, names in trios])
    for made, names in [] if as_json else trios:
        click.echo(f"{safe(made.name)}: {', '.join(safe(n) for n in names)}")


def card_text(argument: str) -> str:
    """The card itself, read from a file or standard input when the argument names one."""
    if argument == "-":
        return sys.stdin.read()
    if "\n" not in argument and len(argument) < 4096:
        path = Path(argument).expanduser()
        if path.is_file():
            return path.read_text(encoding="utf-8", errors="replace")
    return argument


def peer_json(item: Peer) -> dict[str, object]:
    return {
        "name": item.name,
        "fingerprint": fingerprint_of(item),
        "verified": item.verified,
        "can_verify": item.signing_key is not None,
        "age_recipient": item.age_recipient,
        "signing_key": item.signing_key,
        "added": item.added,
    }


COMMANDS = (key, peer, trio, *BUNDLE_COMMANDS)
