"""Commands for connections: the people and organisations reached across the system."""

from __future__ import annotations

from dataclasses import asdict

import click

from reflect.cli import output
from reflect.cli.context import CliState, pass_state
from reflect.core.connection import Sector, totals
from reflect.errors import BadInput
from reflect.messages import Msg

SECTORS = click.Choice([s.value for s in Sector], case_sensitive=False)


@click.group()
def connection() -> None:
    """People and organisations you reach across the system (private)."""


@connection.command("add")
@click.argument("name")
@click.option("--sector", type=SECTORS, required=True, help="Which part of the system.")
@click.option("--where", default="", help="Where you met, e.g. a workshop or a meeting.")
@click.option("--date", "met", help="When you met (YYYY-MM-DD) [default: today].")
@click.option("--note", default="", help="Anything to remember about them.")
@click.option("--inquiry", "inquiry_id", help="Link the connection to this inquiry.")
@pass_state
def connection_add(
    state: CliState,
    name: str,
    sector: str,
    where: str,
    met: str | None,
    note: str,
    inquiry_id: str | None,
) -> None:
    """Log a connection with NAME (a person, an organisation or both); prints its id."""
    app = state.app()
    linked = app.inquiries.resolve(inquiry_id) if inquiry_id else None
    added = app.connections.add(name, sector, where=where, met=met, note=note, inquiry_id=linked)
    click.echo(added.id)


@connection.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def connection_list(state: CliState, as_json: bool) -> None:
    """List connections, most recently met first."""
    connections = state.app().connections.all()
    if as_json:
        output.print_json([{**asdict(c), "sector": str(c.sector)} for c in connections])
        return
    for c in connections:
        where = f"  ({c.where})" if c.where else ""
        sector = click.style(f"{c.sector:<15}", fg="cyan")
        click.echo(f"{c.id[: output.SHORT_ID]}  {c.met}  {sector}  {c.name}{where}")


@connection.command("edit")
@click.argument("connection_id")
@click.option("--name", help="A new name.")
@click.option("--sector", type=SECTORS, help="A new sector.")
@click.option("--where", help='Where you met ("" clears it).')
@click.option("--date", "met", help="When you met (YYYY-MM-DD).")
@click.option("--note", help='A new note ("" clears it).')
@pass_state
def connection_edit(
    state: CliState,
    connection_id: str,
    name: str | None,
    sector: str | None,
    where: str | None,
    met: str | None,
    note: str | None,
) -> None:
    """Change a connection: only what is given; the rest stays as it was."""
    if (name, sector, where, met, note) == (None,) * 5:
        raise BadInput(Msg.NOTHING_TO_EDIT, options="--name, --sector, --where, --date, --note")
    state.app().connections.update(
        connection_id, name=name, sector=sector, where=where, met=met, note=note
    )
    click.echo("Saved.")


@connection.command("delete")
@click.argument("connection_id")
@pass_state
def connection_delete(state: CliState, connection_id: str) -> None:
    """Delete a connection for good."""
    state.app().connections.delete(connection_id)
    click.echo("Deleted.")


@connection.command("counts")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def connection_counts(state: CliState, as_json: bool) -> None:
    """How many connections of each sector you made, month by month."""
    rows = state.app().connections.counts()
    if as_json:
        output.print_json(
            [{"month": r.month, **{str(s): n for s, n in r.counts}, "total": r.total} for r in rows]
        )
        return
    if not rows:
        click.echo("No connections yet.", err=True)
        return
    click.echo("month    " + "  ".join(f"{s.value:>15}" for s in Sector) + "  total")
    for row in rows:
        cells = "  ".join(f"{n:>15}" for _, n in row.counts)
        click.echo(f"{row.month}  {cells}  {row.total:>5}")
    overall = totals(rows)
    cells = "  ".join(f"{overall[s]:>15}" for s in Sector)
    click.echo(f"{'all':<7}  {cells}  {sum(overall.values()):>5}")


COMMANDS = (connection,)
