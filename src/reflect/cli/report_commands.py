"""``reflect report``: a report-back on one inquiry over a period, as PDF, Markdown or HTML."""

from __future__ import annotations

from pathlib import Path

import click

from reflect.cli.context import CliState, pass_state
from reflect.cli.output import out_option
from reflect.errors import ReflectError
from reflect.messages import Msg
from reflect.services.report import QuoteRequest, ReportRequest
from reflect.services.report_writers import report_format, write_text_report
from reflect.services.typed_input import parse_date


@click.command()
@click.option("--inquiry", "inquiry_id", required=True, help="The inquiry to report on.")
@click.option("--since", metavar="DATE", help="From this day (YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Up to and including this day (YYYY-MM-DD).")
@out_option(".pdf, .md or .html")
@click.option(
    "--quote",
    "quotes",
    multiple=True,
    metavar="ENTRY_ID[=TEXT]",
    help="Quote an entry: its first paragraph, or exactly TEXT from it. Repeat for more.",
)
@pass_state
def report(
    state: CliState,
    inquiry_id: str,
    since: str | None,
    until: str | None,
    out: Path,
    quotes: tuple[str, ...],
) -> None:
    """Write a report-back on an inquiry: the question and its rewordings, each measure's
    values and signals, what was stopped and why, actions done, the change in self-assessment
    and the passages you quote from your entries."""
    kind = report_format(out)  # an unknown extension is refused before anything else
    request = ReportRequest(
        inquiry_id,
        parse_date(since) if since else None,
        parse_date(until) if until else None,
        tuple(_quote(q) for q in quotes),
    )
    app = state.app()
    if kind == "md":  # Markdown keeps a table of values: no chart, and no Qt at all
        write_text_report(out, app.report.report(request, chart_renderer=None))
    else:
        try:  # Qt lays out the PDF's pages and draws the charts of both PDF and HTML
            from reflect.ui.printing.report_chart import paper_charts
            from reflect.ui.printing.report_pdf import write_report
        except ImportError as exc:
            raise ReflectError(Msg.PDF_UNAVAILABLE, reason=exc) from exc
        write_report(app, request, out, chart_renderer=paper_charts(app))
    click.echo(f"Wrote the report to {out}.")


def _quote(text: str) -> QuoteRequest:
    entry_id, equals, passage = text.partition("=")
    return QuoteRequest(entry_id.strip(), passage if equals else None)


COMMANDS = (report,)
