"""Commands that move summaries and feedback between a trio: share, receive, inbox, feedback."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Any

import click

from reflect.cli import output
from reflect.cli.context import CliState, pass_state
from reflect.cli.exchange_prompts import (
    item_details,
    item_line,
    one_line,
    passphrase,
    passphrase_options,
    prompter,
    safe,
    tell,
    warn,
    with_keys,
)
from reflect.core.peer import ReceivedBundle
from reflect.errors import BadInput
from reflect.messages import Msg
from reflect.services.inbox import Inbox
from reflect.services.receiving import ReceivedView, ReceiveOutcome
from reflect.services.sharing import SharePreview
from reflect.services.typed_input import parse_date

_ANY_PATH = click.Path(path_type=Path)
NOT_VERIFIED = " (not verified)"  # as the window's Trio inbox marks a sender
BUNDLE_PROMPT = "Passphrase for the bundle"
SHORT_ID = output.SHORT_ID


@click.command()
@click.option("--to", "to", multiple=True, metavar="NAME", help="A peer; default: your trio.")
@click.option(
    "--inquiry",
    "inquiry_id",
    help="Share this inquiry: every wording, its entries and its actions.",
)
@click.option("--entry", "entry_ids", multiple=True, metavar="ID", help="An entry; repeat.")
@click.option(
    "--since",
    help="With --inquiry, only what was written or changed since this date (YYYY-MM-DD); "
    "without, also every entry written since.",
)
@click.option("--note", default="", help="What you would like from your peers this time.")
@click.option("--coaching", is_flag=True, help="Include coaching notes among those entries.")
@click.option("--no-actions", is_flag=True, help="Leave out the actions that go with them.")
@click.option("--assessment", is_flag=True, help="Include your latest self-assessment.")
@click.option(
    "--connections",
    is_flag=True,
    help="Include how many connections you made per sector each month (counts only).",
)
@click.option("--passphrase", "use_passphrase", is_flag=True, help="Lock with a passphrase.")
@click.option("--out", type=_ANY_PATH, required=True, help="The .reflect file to write.")
@click.option("--dry-run", is_flag=True, help="Show what would leave; write nothing.")
@passphrase_options
@pass_state
def share(state: CliState, /, **options: Any) -> None:
    """Show exactly what will leave, warn about anything that may identify someone, then
    sign and lock it for your peers (and you) in one .reflect file."""
    app = with_keys(state, options["passphrase_env"], options["keys_passphrase_env"])
    preview = app.sharing.preview(
        to=options["to"],
        inquiry_id=options["inquiry_id"],
        entry_ids=options["entry_ids"],
        since=parse_date(options["since"]) if options["since"] else None,
        include_actions=not options["no_actions"],
        include_coaching=options["coaching"],
        include_assessment=options["assessment"],
        note=options["note"],
        include_connections=options["connections"],
    )
    show_preview(preview, options["use_passphrase"])
    if options["dry_run"]:
        return
    secret = None
    if options["use_passphrase"]:
        app.keys.identity()  # any keys-file prompt comes before the bundle's
        secret = passphrase(options["passphrase_env"], BUNDLE_PROMPT, new=True)
    written = app.sharing.share(preview, options["out"], secret)
    click.echo(f"Wrote {written}")
    if secret is not None:
        warn(Msg.SHARE_PASSPHRASE_SEPARATELY.template)


@click.command()
@click.argument("path", type=_ANY_PATH)
@click.option("--accept-unverified", is_flag=True, help="Import it even if no peer signed it.")
@click.option("--passphrase", "use_passphrase", is_flag=True, help="It is locked with one.")
@passphrase_options
@pass_state
def receive(state: CliState, /, path: Path, accept_unverified: bool, **options: Any) -> None:
    """Open a .reflect file from a peer and keep it in your inbox."""
    env = options["passphrase_env"]
    app = with_keys(state, env, options["keys_passphrase_env"])
    secret = passphrase(env, BUNDLE_PROMPT, new=False) if options["use_passphrase"] else None
    try:
        outcome = app.receiving.receive(path, accept_unverified, secret)
    except BadInput as exc:
        if exc.msg is not Msg.BUNDLE_NEEDS_PASSPHRASE or secret is not None:
            raise
        if not env and not sys.stdin.isatty():
            raise
        secret = prompter(env, BUNDLE_PROMPT)(new=False)
        outcome = app.receiving.receive(path, accept_unverified, secret)
    show_outcome(outcome)


@click.command()
@click.argument("bundle_id", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def inbox(state: CliState, bundle_id: str | None, as_json: bool) -> None:
    """List what your peers sent, by peer and day; with BUNDLE_ID, show that bundle."""
    receiving = state.app().receiving
    if bundle_id:
        view = receiving.read(bundle_id)
        output.print_json(view_json(view)) if as_json else show_view(view)
    elif as_json:
        output.print_json(inbox_json(receiving.inbox()))
    else:
        show_inbox(receiving.inbox())


@click.command()
@click.argument("bundle_id")
@click.option(
    "--comment",
    "comments",
    multiple=True,
    metavar="ENTRY=TEXT",
    help="ENTRY: the number reflect inbox BUNDLE_ID shows beside the entry (or its id). Repeat.",
)
@click.option("--note", default="", help="A note for the whole summary.")
@click.option("--passphrase", "use_passphrase", is_flag=True, help="Lock with a passphrase.")
@click.option("--out", type=_ANY_PATH, required=True, help="The .reflect file to write.")
@passphrase_options
@pass_state
def feedback(state: CliState, /, bundle_id: str, comments: tuple[str, ...], **options: Any) -> None:
    """Answer a summary in your inbox with comments on its entries, for its sender."""
    app = with_keys(state, options["passphrase_env"], options["keys_passphrase_env"])
    by_entry = dict(comment_pair(text) for text in comments)
    secret = None
    if options["use_passphrase"]:
        app.keys.identity()
        secret = passphrase(options["passphrase_env"], BUNDLE_PROMPT, new=True)
    written = app.receiving.feedback(bundle_id, by_entry, options["note"], options["out"], secret)
    click.echo(f"Wrote {written}")


def show_preview(preview: SharePreview, locked: bool) -> None:
    names = ", ".join(safe(p.name) for p in preview.recipients)
    click.echo("Locked with a passphrase" if locked else f"To: {names or '(no one yet)'}")
    for item in preview.items:
        click.echo(f"  {item['type']:<10}  {item_line(item)}")
        if item["type"] == "inquiry":  # its history leaves with it: show it too
            for line in item_details(item):
                click.echo(f"{'':10}  {safe(line)}")
    if preview.unverified and not locked:
        warn(Msg.SHARE_UNVERIFIED_PEERS.template.format(names=", ".join(preview.unverified)))
    for found in preview.findings:
        where = f"{preview.items[found.item]['type']} {found.item + 1}, {found.field}"
        warn(f"{where}: {one_line(found.text)!r} {found.reason.template}")


def show_outcome(outcome: ReceiveOutcome) -> None:
    bundle = outcome.bundle
    if outcome.notice is not None:
        tell(outcome.notice, name=safe(bundle.sender_name))
        return
    what = "a summary" if bundle.kind == "summary" else "feedback"
    who = safe(bundle.sender_name) + ("" if outcome.sender_verified else NOT_VERIFIED)
    click.echo(f"Received {what} from {who}: {counted(len(outcome.items), 'item')}.")
    if outcome.comments:
        click.echo(f"{counted(outcome.comments, 'comment')} attached to your entries.")
    if outcome.unmatched:
        warn(f"{counted(outcome.unmatched, 'comment')} about entries this journal does not have.")
    if outcome.peer is None:
        warn(Msg.RECEIVED_NOT_FROM_PEER.template.format(name=safe(bundle.sender_name)))
    elif not outcome.sender_verified:
        command = f"reflect peer verify {shlex.quote(outcome.peer.name)}"
        name = safe(outcome.peer.name)
        warn(Msg.RECEIVED_PEER_NOT_VERIFIED.template.format(name=name, command=safe(command)))


def counted(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def show_inbox(senders: Inbox) -> None:
    if not senders:
        click.echo("Your inbox is empty.", err=True)
    for sender in senders:
        click.echo(safe(sender.name) + ("" if sender.sender_verified else NOT_VERIFIED))
        for session in sender.sessions:
            click.echo(f"  {session.day}")
            for bundle in session.bundles:
                when = output.local_time(bundle.created)[11:]
                click.echo(f"    {bundle.id[:SHORT_ID]}  {when}  {bundle.kind}")


def show_view(view: ReceivedView) -> None:
    bundle = view.bundle
    who = safe(bundle.sender_name) + ("" if view.sender_verified else NOT_VERIFIED)
    click.echo(f"{bundle.kind} from {who}, written {output.local_time(bundle.created)}")
    numbers = {id(item): n for n, item in enumerate(view.shared_entries, start=1)}
    for item in view.items:
        head = item["type"]
        if item["type"] == "entry":  # numbered, so feedback can name it: --comment 1=TEXT
            head = f"entry {numbers[id(item)]}"
        elif item["type"] == "comment":
            head = f"comment on {about_text(view, item['about'])}"
        click.echo(f"\n[{head}] {item_line(item)}")
        for line in item_details(item):
            click.echo(safe(line))
    for note in view.notes:
        click.echo(f"\n[your note] {safe(note.text)}")
    if bundle.kind == "summary" and numbers:
        click.echo(
            f"\nTo answer: reflect feedback {bundle.id[:SHORT_ID]} --comment 1=TEXT "
            "[--comment 2=TEXT …] [--note TEXT] --out FILE"
        )


def about_text(view: ReceivedView, entry_id: str) -> str:
    """Your entry a comment is about, by its title: ids mean nothing to a reader."""
    entry = view.about.get(entry_id)
    if entry is None:
        return "an entry no longer in this journal"
    title = one_line(entry.display_title) or "Untitled"
    return f"your entry “{title}”" + (" (in the trash)" if entry.deleted else "")


def inbox_json(senders: Inbox) -> list[dict[str, Any]]:
    return [
        {
            "sender": s.name,
            "peer_id": s.peer_id,
            **trust_json(s.signed_by_peer, s.sender_verified),
            "sessions": [
                {
                    "day": session.day,
                    "bundles": [bundle_json(b, s.sender_verified) for b in session.bundles],
                }
                for session in s.sessions
            ],
        }
        for s in senders
    ]


def bundle_json(bundle: ReceivedBundle, sender_verified: bool) -> dict[str, Any]:
    return {
        "id": bundle.id,
        "kind": bundle.kind,
        "sender": bundle.sender_name,
        **trust_json(bundle.signed_by_peer, sender_verified),
        "created": bundle.created,
        "received": bundle.received,
    }


def trust_json(signed_by_peer: bool, sender_verified: bool) -> dict[str, bool]:
    """The two facts, named apart (docs/exchange.md); ``verified`` is kept for readers of the
    earlier shape, with the one meaning it has everywhere: the fingerprint was compared."""
    return {
        "signed_by_peer": signed_by_peer,
        "sender_verified": sender_verified,
        "verified": sender_verified,
    }


def view_json(view: ReceivedView) -> dict[str, Any]:
    notes = [{"id": n.id, "text": n.text, "created": n.created} for n in view.notes]
    return bundle_json(view.bundle, view.sender_verified) | {
        "items": list(view.items),
        "notes": notes,
    }


def comment_pair(text: str) -> tuple[str, str]:
    entry_id, sep, body = text.partition("=")
    if not sep or not entry_id.strip():
        raise BadInput(Msg.FEEDBACK_BAD_COMMENT, value=text[:40])
    return entry_id.strip(), body


BUNDLE_COMMANDS = (share, receive, inbox, feedback)
