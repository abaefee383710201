"""Commands for frameworks (list, show, check, import, copy, delete) and self-assessment."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from reflect.app import framework_catalog
from reflect.cli import output
from reflect.cli.context import CliState, pass_state
from reflect.core.assessment import Score
from reflect.core.framework import Framework, Origin
from reflect.errors import BadInput
from reflect.messages import Msg
from reflect.services.frameworks import FrameworkCatalog, checked_scores, unknown_domain

WIDTH = 88
# Every framework's wording is Reflect's own by design; what "not verified" means is that the
# names (of stages, domains or a form's fields) were not checked: source.not_checked says which.
UNVERIFIED_NOTE = "Names not verified against the source: see Not checked."
_ORIGINS = {
    Origin.SHIPPED: "comes with Reflect",
    Origin.USER: "your own",
    Origin.PACK: "from a programme pack",
}


def _catalog(state: CliState) -> FrameworkCatalog:
    """The frameworks alone: these commands never need to open the journal."""
    return framework_catalog(state.paths)


@click.group()
def frameworks() -> None:
    """Frameworks to write with and rate yourself on."""


@frameworks.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def frameworks_list(state: CliState, as_json: bool) -> None:
    """List the frameworks by name.

    Framework files of yours that could not be used are named on stderr.
    """
    catalog = _catalog(state)
    found = catalog.all()
    if as_json:
        output.print_json([framework_json(f) for f in found])
    for framework in [] if as_json else found:
        click.echo(framework_line(framework))
    for problem in catalog.problems():
        click.echo(f"Skipped: {problem.message}", err=True)


@frameworks.command("show")
@click.argument("framework_id")
@pass_state
def frameworks_show(state: CliState, framework_id: str) -> None:
    """Show a framework: description, source, prompts, domains and scale."""
    for line in describe(_catalog(state).get(framework_id)):
        click.echo(line)


@frameworks.command("check")
@click.argument("path", type=click.Path(path_type=Path))
@pass_state
def frameworks_check(state: CliState, path: Path) -> None:
    """Check a framework file you wrote.

    Prints "ok: NAME (N prompts)", or the first problem found (exit code 1). An older file
    (format_version 1) without its source's year is accepted, with a note saying what to add.
    """
    framework = _catalog(state).check(path)
    click.echo(f"ok: {framework.name} ({_count(len(framework.prompts), 'prompt')})")
    if framework.source.year is None:  # only a version 1 file can leave it out
        click.echo(
            "note: format_version 1 without source.year; add the year the source was "
            "published and make it format_version = 2."
        )


@frameworks.command("import")
@click.argument("path", type=click.Path(path_type=Path))
@pass_state
def frameworks_import(state: CliState, path: Path) -> None:
    """Add the framework file at PATH to your own frameworks."""
    framework = _catalog(state).import_file(path)
    click.echo(f"Imported {framework.name} ({framework.id}).")


@frameworks.command("copy")
@click.argument("framework_id")
@click.option("--name", default="", help="Name of the copy (default: the name plus (copy)).")
@pass_state
def frameworks_copy(state: CliState, framework_id: str, name: str) -> None:
    """Make your own editable copy of a framework; prints the copy's id."""
    click.echo(_catalog(state).copy(framework_id, name).id)


@frameworks.command("delete")
@click.argument("framework_id")
@pass_state
def frameworks_delete(state: CliState, framework_id: str) -> None:
    """Delete one of your own frameworks.

    Entries and assessments written with it keep their text.
    """
    click.echo(f"Deleted {_catalog(state).delete(framework_id).name}.")


@click.command()
@click.argument("framework_id")
@click.argument("ratings", nargs=-1, required=True, metavar="DOMAIN=SCORE...")
@click.option("--inquiry", "inquiry_id", help="Link the assessment to this inquiry.")
@click.option(
    "--evidence",
    "evidence",
    multiple=True,
    metavar="DOMAIN=TEXT",
    help="A line of evidence for one domain; repeat for more.",
)
@click.option("--note", default="", help="A note about the assessment as a whole.")
@pass_state
def assess(
    state: CliState,
    framework_id: str,
    ratings: tuple[str, ...],
    inquiry_id: str | None,
    evidence: tuple[str, ...],
    note: str,
) -> None:
    """Rate yourself on a framework's domains; prints the new assessment's id.

    For example: reflect assess csif vision=3 cqi=2 --evidence "cqi=Two teams testing"

    See a framework's domains and scale with: reflect frameworks show ID
    """
    app = state.app()
    framework = app.frameworks.get(framework_id)
    scores = checked_scores(framework, parse_scores(framework, ratings, evidence))
    linked = app.inquiries.resolve(inquiry_id) if inquiry_id else None
    assessment = app.assessments.record(framework.id, scores, inquiry_id=linked, note=note)
    click.echo(assessment.id)


def parse_scores(
    framework: Framework, ratings: tuple[str, ...], evidence: tuple[str, ...]
) -> list[Score]:
    """Scores from ``DOMAIN=SCORE`` words, with ``DOMAIN=TEXT`` evidence attached."""
    scores = [_rating(text) for text in ratings]
    notes: dict[str, list[str]] = {}
    for text in evidence:
        domain, _, line = text.partition("=")
        domain = domain.strip().lower()
        if not domain or not line.strip():
            raise BadInput(Msg.BAD_EVIDENCE, value=text)
        if framework.domain(domain) is None:
            raise unknown_domain(framework, domain)
        notes.setdefault(domain, []).append(line.strip())
    unrated = sorted(notes.keys() - {s.domain_id for s in scores})
    if unrated:
        raise BadInput(Msg.EVIDENCE_WITHOUT_SCORE, value=unrated[0])
    return [Score(s.domain_id, s.score, "; ".join(notes.get(s.domain_id, []))) for s in scores]


def _rating(text: str) -> Score:
    domain, _, score = text.partition("=")
    try:
        value = int(score.strip())
    except ValueError:
        raise BadInput(Msg.BAD_RATING, value=text) from None
    if not domain.strip():
        raise BadInput(Msg.BAD_RATING, value=text)
    return Score(domain.strip().lower(), value)


def framework_json(framework: Framework) -> dict[str, Any]:
    return {
        "id": framework.id,
        "name": framework.name,
        "version": framework.version,
        "kind": str(framework.kind),
        "origin": str(framework.origin),
        "verified": framework.verified,
        "prompts": len(framework.prompts),
        "has_domains": bool(framework.domains),
    }


def framework_line(framework: Framework) -> str:
    counts = _count(len(framework.prompts), "prompt")
    if framework.domains:
        counts += f", {_count(len(framework.domains), 'domain')}"
    marks = "" if framework.verified else "  " + click.style("unverified", fg="yellow")
    kind = click.style(f"{framework.kind:<10}", fg="cyan")
    return f"{framework.id:<24}  {kind}  {framework.origin:<7}  {framework.name} ({counts}){marks}"


def describe(framework: Framework) -> Iterator[str]:
    """What ``frameworks show`` prints, line by line."""
    f = framework
    yield click.style(f.name, bold=True)
    yield f"id {f.id} · version {f.version} · for {f.kind} entries · {_ORIGINS[f.origin]}"
    yield ""
    yield from _wrapped(f.description)
    yield ""
    yield from _source_lines(f)
    for section in f.sections:
        yield ""
        yield click.style(section.title, bold=True)
        for prompt in section.prompts:
            yield f"  {prompt.label}  " + click.style(f"[{prompt.id}]", dim=True)
            yield from _wrapped(prompt.help, "      ")
    if f.domains:
        yield ""
        yield click.style(f"Domains to rate, from {f.scale.low} to {f.scale.high}", bold=True)
        for domain in f.domains:
            yield f"  {domain.label}  " + click.style(f"[{domain.id}]", dim=True)
            yield from _wrapped(domain.help, "      ")
        if f.scale.labels:
            yield ""
            yield click.style("Scale", bold=True)
        for score, words in sorted(f.scale.labels.items()):
            yield f"  {score}  {words}"


def _source_lines(framework: Framework) -> Iterator[str]:
    source = framework.source
    parts = [source.title, source.publisher, str(source.year or "")]
    yield from _wrapped("Source: " + ", ".join(p for p in parts if p), "", "        ")
    if source.link:
        yield f"        {source.link}"
    for label, text in (("Checked", source.checked), ("Not checked", source.not_checked)):
        if text:
            yield from _wrapped(f"{label}: {text}", "        ")
    if source.note:
        yield from _wrapped(source.note, "        ")
    if not framework.verified:
        yield click.style(UNVERIFIED_NOTE, fg="yellow")


def _wrapped(text: str, indent: str = "", later: str | None = None) -> list[str]:
    if not text:
        return []
    subsequent = indent if later is None else later
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=subsequent)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


COMMANDS = (frameworks, assess)
