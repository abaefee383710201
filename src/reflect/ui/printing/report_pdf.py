"""Save a report-back on an inquiry as PDF, Markdown or HTML, by the file name's extension.

The report is gathered by ``services/report.py`` and its HTML body built once by
``services/report_writers.py``; the PDF lays that body out with the same inert document and
page set-up as Export ▸ PDF (``pdf.py``), charts handed to it by name. Shared by
``reflect report`` and the inquiry page's Report… dialog, which runs it in a task.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reflect import files
from reflect.formats.progress import Progress, no_progress
from reflect.services.printing import PrintDocument, PrintWords
from reflect.services.report import ChartRenderer, Report, ReportRequest
from reflect.services.report_writers import (
    html_body,
    period_text,
    report_format,
    title_text,
    write_text_report,
)
from reflect.ui.printing.pdf import ensure_gui_app, pdf_bytes

if TYPE_CHECKING:
    from reflect.app import App

CHART_URL = "reflect-chart:{index}"  # a name only the document's own resources answer


def report_document(report: Report, words: PrintWords) -> PrintDocument:
    """The report as a printable document: its HTML body, with each chart as a named image."""
    images = tuple(
        (CHART_URL.format(index=i), m.chart) for i, m in enumerate(report.measures) if m.chart
    )
    body = html_body(report, words, lambda i: CHART_URL.format(index=i))
    return PrintDocument(title_text(report, words), period_text(report, words), body, (), images)


def write_report(
    app: App,
    request: ReportRequest,
    path: Path,
    words: PrintWords | None = None,
    chart_renderer: ChartRenderer | None = None,
    progress: Progress = no_progress,
) -> Report:
    """Save the report for ``request`` at ``path``; the extension (.pdf, .md, .html) picks
    the format. Bad input of any kind raises before anything is written."""
    words = words or PrintWords()
    kind = report_format(path)
    progress(0, 2)
    report = app.report.report(request, chart_renderer)
    progress(1, 2)
    if kind == "pdf":
        ensure_gui_app()
        files.write_bytes(path, pdf_bytes(report_document(report, words)))
    else:
        write_text_report(path, report, words)
    progress(2, 2)
    return report
