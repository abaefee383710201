"""Commands for measures: define one for an inquiry, record values, read its chart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from reflect.cli import output
from reflect.cli.context import CliState, pass_state
from reflect.core.measure import Better, Measure
from reflect.services.measure_words import run_chart_note, signal_sentence, xmr_sentences
from reflect.services.measures import MeasureView


@click.group()
def measure() -> None:
    """Measures of your inquiries: values over time, read as run charts and XmR charts."""


@measure.command("add")
@click.argument("inquiry_id")
@click.argument("name")
@click.option("--unit", required=True, help="What one unit counts, such as 'days' or '%'.")
@click.option(
    "--better",
    required=True,
    type=click.Choice([b.value for b in Better]),
    help="Which way is better.",
)
@click.option("--definition", default="", help="Exactly what is counted, and how.")
@click.option("--baseline", default=None, help="Where things stood before you began.")
@click.option("--goal", default=None, help="The value you are aiming for.")
@pass_state
def measure_add(
    state: CliState,
    inquiry_id: str,
    name: str,
    unit: str,
    better: str,
    definition: str,
    baseline: str | None,
    goal: str | None,
) -> None:
    """Add a measure NAME to an inquiry; prints its id."""
    added = state.app().measures.add(
        inquiry_id, name, unit, better, definition=definition, baseline=baseline, goal=goal
    )
    click.echo(added.id)


@measure.command("record")
@click.argument("measure_id")
@click.argument("value")
@click.option("--date", "day", default=None, help="The day, YYYY-MM-DD (default: today).")
@click.option("--note", default="", help="What was going on.")
@pass_state
def measure_record(
    state: CliState, measure_id: str, value: str, day: str | None, note: str
) -> None:
    """Record VALUE for a measure; a value already on that day is replaced."""
    point = state.app().measures.record(measure_id, value, day, note)
    click.echo(f"Recorded {_number(point.value)} on {point.day}.")


@measure.command("import")
@click.argument("measure_id")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_state
def measure_import(state: CliState, measure_id: str, file: Path) -> None:
    """Add a measure's values from a CSV FILE of date,value rows (all or nothing)."""
    count = state.app().measures.import_csv(measure_id, file)
    click.echo(f"Recorded {output.counted(count, 'value')}.")


@measure.command("edit")
@click.argument("measure_id")
@click.option("--name", default=None, help="A new name.")
@click.option("--unit", default=None, help="A new unit.")
@click.option("--better", default=None, type=click.Choice([b.value for b in Better]))
@click.option("--definition", default=None, help="A new definition.")
@click.option("--baseline", default=None, help="A new baseline; '' clears it.")
@click.option("--goal", default=None, help="A new goal; '' clears it.")
@pass_state
def measure_edit(
    state: CliState,
    measure_id: str,
    name: str | None,
    unit: str | None,
    better: str | None,
    definition: str | None,
    baseline: str | None,
    goal: str | None,
) -> None:
    """Change a measure's name, unit, definition, baseline or goal; what is not given stays."""
    measures = state.app().measures
    m = measures.get(measure_id)
    edited = measures.edit(
        m.id,
        name=m.name if name is None else name,
        unit=m.unit if unit is None else unit,
        better=m.better if better is None else better,
        definition=m.definition if definition is None else definition,
        baseline=m.baseline if baseline is None else baseline,
        goal=m.goal if goal is None else goal,
    )
    click.echo(f"{edited.name} ({edited.unit})")


@measure.command("delete")
@click.argument("measure_id")
@click.option("--yes", is_flag=True, help="Do not ask first.")
@pass_state
def measure_delete(state: CliState, measure_id: str, yes: bool) -> None:
    """Delete a measure for good, with every value recorded for it."""
    measures = state.app().measures
    m = measures.get(measure_id)
    count = len(measures.points(m.id))
    asked = f"Delete {m.name} and its {output.counted(count, 'value')} for good?"
    if not yes and not click.confirm(asked, default=False):
        click.echo("Nothing was deleted.", err=True)
        raise SystemExit(1)
    removed = measures.delete(m.id)
    click.echo(f"Deleted {m.name} and {output.counted(removed, 'value')}.")


@measure.command("remove-point")
@click.argument("measure_id")
@click.argument("day", metavar="DATE")
@pass_state
def measure_remove_point(state: CliState, measure_id: str, day: str) -> None:
    """Delete the value recorded on DATE (YYYY-MM-DD)."""
    state.app().measures.remove_point(measure_id, day)
    click.echo(f"Removed the value on {day.strip()}.")


@measure.command("list")
@click.option("--inquiry", "inquiry_id", help="Only this inquiry's measures.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def measure_list(state: CliState, inquiry_id: str | None, as_json: bool) -> None:
    """List measures by name, with their short ids."""
    app = state.app()
    measures = app.measures.find(inquiry_id)
    counts = {m.id: len(app.measures.points(m.id)) for m in measures}
    if as_json:
        output.print_json([{**_measure_json(m), "points": counts[m.id]} for m in measures])
        return
    for m in measures:
        better = click.style(f"{m.better:<6}", fg="cyan")
        amount = output.counted(counts[m.id], "point")
        click.echo(f"{m.id[: output.SHORT_ID]}  {better}  {m.name} ({m.unit})  {amount}")


@measure.command("show")
@click.argument("measure_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def measure_show(state: CliState, measure_id: str, as_json: bool) -> None:
    """Show a measure's values, median, and every signal its charts show."""
    view = state.app().measures.view(measure_id)
    if as_json:
        output.print_json(_view_json(view))
        return
    m = view.measure
    click.echo(f"{m.name} ({m.unit}), {m.better} is better  [{m.id[: output.SHORT_ID]}]")
    if m.definition:
        click.echo(f"Definition: {m.definition}")
    for label, value in (("Baseline", m.baseline), ("Goal", m.goal)):
        if value is not None:
            click.echo(f"{label}: {_number(value)}")
    for point in view.points:
        note = f"  {click.style(point.note, dim=True)}" if point.note else ""
        click.echo(f"  {point.day}  {_number(point.value)}{note}")
    if view.run_chart.median is not None:
        click.echo(f"Median: {_number(view.run_chart.median)}")
    for sentence in _sentences(view):
        click.echo(sentence)


def _sentences(view: MeasureView) -> list[str]:
    useful = view.run_chart.useful
    note = run_chart_note(view.run_chart)
    lines = [note] if note else []
    signals = view.run_chart.signals + (view.xmr.signals if view.xmr else ())
    lines += [signal_sentence(s, view.points, useful) for s in signals]
    return lines + xmr_sentences(view.xmr, len(view.points))


def _measure_json(m: Measure) -> dict[str, Any]:
    return {
        "id": m.id,
        "inquiry_id": m.inquiry_id,
        "name": m.name,
        "unit": m.unit,
        "better": str(m.better),
        "definition": m.definition,
        "baseline": m.baseline,
        "goal": m.goal,
        "created": m.created,
        "updated": m.updated,
    }


def _view_json(view: MeasureView) -> dict[str, Any]:
    chart, xmr, points = view.run_chart, view.xmr, view.points

    def signal(s: Any) -> dict[str, Any]:
        return {
            "rule": str(s.rule),
            "direction": str(s.direction),
            "side": s.side.name.lower(),
            "count": s.count,
            "limit": s.limit,
            "points": [
                {"index": i, "date": points[i].day, "value": points[i].value} for i in s.indexes
            ],
            "sentence": signal_sentence(s, points, chart.useful),
        }

    return {
        **_measure_json(view.measure),
        "points": [{"date": p.day, "value": p.value, "note": p.note} for p in points],
        "median": chart.median,
        "run_chart": {
            "enough_points": chart.enough,
            "useful_observations": chart.useful,
            "longest_run": chart.longest_run,
            "longest_run_limit": chart.longest_run_limit,
            "crossings": chart.crossings,
            "crossings_limit": chart.crossings_limit,
            "note": run_chart_note(chart),
        },
        "xmr": None
        if xmr is None
        else {
            "mean": xmr.mean,
            "mean_moving_range": xmr.mean_moving_range,
            "upper_limit": xmr.upper,
            "lower_limit": xmr.lower,
            "variation": str(xmr.variation),
            "assurance": None if xmr.assurance is None else str(xmr.assurance),
        },
        "signals": [signal(s) for s in chart.signals + (xmr.signals if xmr else ())],
        "summary": xmr_sentences(xmr, len(points)),
    }


def _number(value: float) -> str:
    return f"{value:g}" if abs(value) < 1e15 else repr(value)


COMMANDS = (measure,)
