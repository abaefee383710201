"""Commands for writing and finding: inquiries, entries, the list and search."""

from __future__ import annotations

import sys
from datetime import timedelta

import click

from reflect.cli import output
from reflect.cli.context import CliState, pass_state
from reflect.core.clock import local_day_start
from reflect.core.entry import DEFAULT_FRAMEWORKS, EntryKind, Response, split_heading
from reflect.core.entry_filter import EntryFilter
from reflect.core.inquiry import InquiryStatus
from reflect.core.search import SearchRequest
from reflect.errors import BadInput
from reflect.messages import Msg
from reflect.services.typed_input import parse_date

KINDS = click.Choice([k.value for k in EntryKind])


@click.group()
def inquiry() -> None:
    """Your inquiry questions."""


@inquiry.command("add")
@click.argument("question")
@click.option("--why", default="", help="Why this question matters to you.")
@pass_state
def inquiry_add(state: CliState, question: str, why: str) -> None:
    """Start holding a new inquiry QUESTION; prints its id."""
    click.echo(state.app().inquiries.add(question, why).id)


@inquiry.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def inquiry_list(state: CliState, as_json: bool) -> None:
    """List inquiries, oldest first."""
    inquiries = state.app().inquiries.all()
    if as_json:
        output.print_json([output.inquiry_json(i) for i in inquiries])
    for item in [] if as_json else inquiries:
        click.echo(output.inquiry_line(item))


@inquiry.command("reword")
@click.argument("inquiry_id")
@click.argument("question")
@pass_state
def inquiry_reword(state: CliState, inquiry_id: str, question: str) -> None:
    """Give an inquiry a new wording; earlier wordings are kept with their dates."""
    updated = state.app().inquiries.reword(inquiry_id, question)
    click.echo(f"Reworded ({output.counted(len(updated.wordings), 'wording')} kept).")


@inquiry.command("status")
@click.argument("inquiry_id")
@click.argument("status", type=click.Choice([s.value for s in InquiryStatus]))
@click.option("--note", default="", help="What you concluded, or why you stopped.")
@pass_state
def inquiry_status(state: CliState, inquiry_id: str, status: str, note: str) -> None:
    """Mark an inquiry active, paused, concluded or stopped."""
    updated = state.app().inquiries.set_status(inquiry_id, status, note)
    click.echo(f"{updated.question}: {updated.status}")


@click.command()
@click.argument("text", required=False)
@click.option("--inquiry", "inquiry_id", help="Link the entry to this inquiry.")
@click.option("--kind", type=KINDS, help="Entry kind [default: the framework's, or reflection].")
@click.option("--tag", "tags", multiple=True, help="A tag; repeat for more.")
@click.option(
    "--framework",
    "framework_id",
    help="Write with this framework: one heading per prompt (see reflect frameworks show ID).",
)
@click.option(
    "--event", "event_id", help="Link the entry to this programme event (see reflect programme)."
)
@click.option(
    "--pdsa", "cycle_id", help="With --kind learning: the PDSA cycle entry it learned from."
)
@click.option("--measure", "measure_id", help="With --kind learning: the measure it learned from.")
@pass_state
def write(
    state: CliState,
    text: str | None,
    inquiry_id: str | None,
    kind: str | None,
    tags: tuple[str, ...],
    framework_id: str | None,
    event_id: str | None,
    cycle_id: str | None,
    measure_id: str | None,
) -> None:
    """Write an entry from TEXT (or standard input); prints the new id.

    A first line written as a Markdown heading ("# ...") becomes the title.

    A learning log (--kind learning) is written with the learning-log framework's prompts
    unless --framework names another; --pdsa links it to the PDSA cycle entry it learned from,
    --measure to the measure (see reflect measure list).

    With --framework, a heading ("#" to "###") that names a prompt, by its label or id,
    starts the answer to that prompt. Text before the first such heading, and headings that
    name no prompt with the text under them, stay in the body.
    """
    app = state.app()
    if framework_id is None and kind is not None:
        framework_id = DEFAULT_FRAMEWORKS.get(EntryKind(kind))
    framework = app.frameworks.get(framework_id) if framework_id else None
    if text is None:
        text = sys.stdin.read()
    if framework is None:
        title, body = split_heading(text)
        responses: tuple[Response, ...] = ()
    else:
        from reflect.core.framework import guided_parts  # loaded with the frameworks already

        title, body, responses = guided_parts(framework, text)
    linked = app.inquiries.resolve(inquiry_id) if inquiry_id else None
    event = app.programme.resolve(event_id) if event_id else None
    if cycle_id is not None and kind != EntryKind.LEARNING:
        raise BadInput(Msg.NOT_A_LEARNING_ENTRY, id="the new entry")
    if measure_id is not None and kind != EntryKind.LEARNING:
        raise BadInput(Msg.NOT_A_LEARNING_ENTRY_FOR_MEASURE, id="the new entry")
    cycle = app.learning.check_cycle(cycle_id) if cycle_id is not None else None
    measure = app.learning.check_measure(measure_id) if measure_id is not None else None
    entry = app.entries.write(
        body,
        title=title,
        kind=kind or (framework.kind if framework else EntryKind.REFLECTION),
        tags=list(tags),
        inquiry_id=linked,
        event_id=event,
        framework_id=framework.id if framework else None,
        responses=responses,
    )
    if cycle is not None or measure is not None:
        from reflect.services.learning import UNCHANGED  # loaded with app.learning already

        app.learning.link(
            entry.id,
            cycle.id if cycle else UNCHANGED,
            measure_id=measure.id if measure else UNCHANGED,
        )
    click.echo(entry.id)


@click.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@pass_state
def list_entries(state: CliState, as_json: bool, limit: int) -> None:
    """List entries, newest first."""
    entries = state.app().entries.page(limit=limit)
    if as_json:
        output.print_json([output.entry_json(e) for e in entries])
    for entry in [] if as_json else entries:
        click.echo(output.entry_line(entry))


@click.command()
@click.argument("query")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--tag", help="Only entries with this tag.")
@click.option("--inquiry", "inquiry_id", help="Only entries linked to this inquiry.")
@click.option("--kind", type=KINDS, help="Only entries of this kind.")
@click.option("--framework", "framework_id", help="Only entries written with this framework.")
@click.option("--since", help="Only entries written on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Only entries written on or before this date (YYYY-MM-DD).")
@pass_state
def search(
    state: CliState,
    query: str,
    as_json: bool,
    limit: int,
    tag: str | None,
    inquiry_id: str | None,
    kind: str | None,
    framework_id: str | None,
    since: str | None,
    until: str | None,
) -> None:
    """Find entries and inquiries by words, parts of words or "exact phrases"."""
    app = state.app()
    filt = EntryFilter(
        inquiry_id=app.inquiries.resolve(inquiry_id) if inquiry_id else None,
        tag=tag,
        kind=EntryKind(kind) if kind else None,
        framework_id=framework_id,
        since=local_day_start(parse_date(since)) if since else None,
        until=local_day_start(parse_date(until) + timedelta(days=1)) if until else None,
    )
    hits = app.search.search(SearchRequest(query, filt, limit))
    if as_json:
        output.print_json([output.hit_json(h) for h in hits])
        return
    if not hits:
        click.echo("Nothing found.", err=True)
    for hit in hits:
        click.echo(output.hit_lines(hit))


COMMANDS = (inquiry, write, list_entries, search)
