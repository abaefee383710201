"""Commands for facilitator packs and the programme they bring: pack build/show/install and
programme."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import click

from reflect.cli import output
from reflect.cli.context import CliState, pass_state
from reflect.cli.exchange_prompts import passphrase_options, safe, with_keys
from reflect.core.evaluation import EvaluationPlan
from reflect.core.programme import LinkedEntry, Programme
from reflect.exchange.card import fingerprint, parse_card
from reflect.exchange.pack import Pack
from reflect.services.packs import Outcome

_FILE = click.Path(path_type=Path, dir_okay=False)


@click.group()
def pack() -> None:
    """Facilitator packs: a programme's schedule, frameworks and welcome, signed."""


@pack.command("build")
@click.argument("spec", type=_FILE)
@click.option("--out", type=_FILE, required=True, help="The .reflectpack file to write.")
@passphrase_options
@pass_state
def pack_build(
    state: CliState,
    spec: Path,
    out: Path,
    passphrase_env: str | None,
    keys_passphrase_env: str | None,
) -> None:
    """Check SPEC (a pack spec, TOML) and write a pack signed with your keys."""
    built = with_keys(state, passphrase_env, keys_passphrase_env).packs.build(spec, out)
    programme = built.programme
    click.echo(
        f"Wrote {out}: {programme.name}, version {programme.pack_version}, "
        f"{output.counted(len(programme.events), 'event')}, "
        f"{output.counted(len(built.frameworks), 'framework')} carried."
    )
    click.echo(f"Signed by {programme.facilitator.name}, fingerprint {built.fingerprint}.")


@pack.command("show")
@click.argument("file", type=_FILE)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def pack_show(state: CliState, file: Path, as_json: bool) -> None:
    """Print what a pack holds, after checking its signature; installs nothing."""
    shown = state.app().packs.show(file)
    if as_json:
        output.print_json(pack_json(shown))
        return
    click.echo(pack_text(shown))


@pack.command("install")
@click.argument("file", type=_FILE)
@pass_state
def pack_install(state: CliState, file: Path) -> None:
    """Install a pack, or update the programme from a newer version of it."""
    result = state.app().packs.install(file)
    programme = result.programme
    if result.outcome is Outcome.UNCHANGED:
        click.echo(f"{safe(programme.name)} version {programme.pack_version} is already installed.")
    elif result.outcome is Outcome.UPDATED:
        click.echo(
            f"Updated {safe(programme.name)} from version {result.previous_version} to "
            f"{programme.pack_version}. Your entries are unchanged."
        )
    else:
        click.echo(
            f"Installed {safe(programme.name)}: {output.counted(len(programme.events), 'event')}. "
            "See them with: reflect programme"
        )


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def programme(state: CliState, as_json: bool) -> None:
    """List the programme's events, what you wrote for each, and what waits for a reflection."""
    app = state.app()
    programmes = app.programme.all()
    written = app.programme.written_for()
    waiting = {nudge.event.id for nudge in app.programme.nudges()}
    if as_json:
        output.print_json([programme_json(p, written, waiting) for p in programmes])
        return
    if not programmes:
        click.echo("No programme yet. Install your facilitator's pack: reflect pack install FILE")
        return
    today = app.programme.today()
    for shown in programmes:
        click.echo(f"{safe(shown.name)} (version {shown.pack_version})")
        for event in shown.events:
            count = len(written.get(event.id, []))
            if count:
                note = output.counted(count, "entry", "entries")
            elif event.id in waiting:
                note = "reflect on this"
            else:
                note = "today" if event.day == today else ""
            when = f"{event.day.isoformat()} {event.time or '     '}"
            click.echo(
                f"  {event.id[:8]}  {when}  {event.kind.value:<8}  {safe(event.title)}"
                + (f"  [{note}]" if note else "")
            )


def pack_text(shown: Pack) -> str:
    programme = shown.programme
    facilitator = programme.facilitator
    lines = [
        f"{safe(programme.name)} (pack {programme.pack_id}, version {programme.pack_version})",
        f"Signed by {safe(facilitator.name)}"
        + (f" <{safe(facilitator.contact)}>" if facilitator.contact else ""),
        f"Fingerprint: {shown.fingerprint} (compare it with what your facilitator reads out)",
        f"Frameworks: {', '.join([*shown.uses, *(i for i, _ in shown.frameworks)]) or 'none'}"
        + (f"; reflections start with {programme.framework_id}" if programme.framework_id else ""),
        f"Events ({len(programme.events)}):",
    ]
    lines += [
        f"  {e.day.isoformat()} {e.time or '     '}  {e.kind.value:<8}  {safe(e.title)}"
        for e in programme.events
    ]
    if programme.welcome:
        lines += [
            "Welcome:",
            *(("  " + safe(line)).rstrip() for line in programme.welcome.splitlines()),
        ]
    if programme.evaluation is not None:
        lines += evaluation_text(programme, programme.evaluation)
    return "\n".join(lines)


def evaluation_text(programme: Programme, plan: EvaluationPlan) -> list[str]:
    """The plan as a participant would want to read it before the first offer."""
    card = parse_card(plan.evaluator_card)
    first = programme.events[0].day if programme.events else None
    asks = [
        f"ratings on {r.framework_id}" + (f" ({', '.join(r.domain_ids)})" if r.domain_ids else "")
        for r in plan.ratings
    ]
    asks += ["counts, if you tick them"] if plan.ask_counts else []
    asks += [output.counted(len(plan.questions), "question")] if plan.questions else []
    lines = [
        "Evaluation (each return is yours to send or not; see docs/evaluation.md):",
        f"  Returns go to {safe(card.name)}, fingerprint {fingerprint(card)}",
        f"  Asks: {'; '.join(asks)}",
        f"  No figure describes fewer than {plan.min_group} people",
    ]
    for point in plan.time_points:
        due = point.due_on(first)
        when = due.isoformat() if due else "undated"
        after = f", {point.offset_days} days after the first event" if point.day is None else ""
        lines.append(f"  {point.key}: {safe(point.label)}, from {when}{after}")
    lines += [
        "  Privacy notice:",
        *(("    " + safe(line)).rstrip() for line in plan.privacy_notice.splitlines()),
    ]
    return lines


def pack_json(shown: Pack) -> dict[str, object]:
    """What a pack holds; nothing about entries, since it may not be installed."""
    described = programme_json(shown.programme) | {
        "fingerprint": shown.fingerprint,
        "uses": list(shown.uses),
        "carries": [framework_id for framework_id, _ in shown.frameworks],
        "created": shown.created,
    }
    plan = shown.programme.evaluation
    if plan is not None:  # left out, not null, so packs without one show exactly as before
        described["evaluation"] = evaluation_json(plan)
    return described


def evaluation_json(plan: EvaluationPlan) -> dict[str, object]:
    card = parse_card(plan.evaluator_card)
    return {
        "evaluator": {"name": card.name, "fingerprint": fingerprint(card)},
        "privacy_notice": plan.privacy_notice,
        "time_points": [
            {
                "key": point.key,
                "label": point.label,
                "date": point.day.isoformat() if point.day else None,
                "offset_days": point.offset_days,
            }
            for point in plan.time_points
        ],
        "ratings": [
            {"framework": r.framework_id, "domains": list(r.domain_ids)} for r in plan.ratings
        ],
        "counts": plan.ask_counts,
        "questions": [{"key": q.key, "text": q.text} for q in plan.questions],
        "min_group": plan.min_group,
    }


def programme_json(
    shown: Programme,
    written: Mapping[str, list[LinkedEntry]] | None = None,
    waiting: set[str] | None = None,
) -> dict[str, object]:
    """A programme; with ``written`` and ``waiting``, each event's entries and whether a
    reflection is waiting for it."""
    facilitator = shown.facilitator
    events: list[dict[str, object]] = []
    for event in shown.events:
        described: dict[str, object] = {
            "id": event.id,
            "date": event.day.isoformat(),
            "time": event.time,
            "kind": event.kind.value,
            "title": event.title,
            "framework": shown.framework_for(event),
        }
        if written is not None and waiting is not None:
            described["entries"] = [linked.entry_id for linked in written.get(event.id, [])]
            described["waiting"] = event.id in waiting
        events.append(described)
    return {
        "id": shown.pack_id,
        "name": shown.name,
        "version": shown.pack_version,
        "framework": shown.framework_id,
        "welcome": shown.welcome,
        "facilitator": {
            "name": facilitator.name,
            "contact": facilitator.contact,
            "signing_key": facilitator.signing_key,
        },
        "events": events,
    }


COMMANDS = (pack, programme)
