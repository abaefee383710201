"""The evaluator's cohort report on paper and on disk: each domain's chart drawn in the light
palette, the PDF laid out by the same inert document as the report-back (``pdf.py``), and the
HTML, PDF and CSVs written into one folder, each atomically and owner-only.

Charts are widgets, so ``paper_chart`` runs on the UI thread (or in the command line, which has
no other); the window draws them first and writes the files in a task.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reflect import files
from reflect.services.evaluation_report import CohortReport, SpreadChartData
from reflect.services.evaluation_report_writers import (
    change_csv,
    html_body,
    spread_csv,
    title_text,
    to_html,
)
from reflect.services.printing import PrintDocument, PrintWords
from reflect.ui import theme
from reflect.ui.printing.pdf import ensure_gui_app, pdf_bytes
from reflect.ui.printing.report_pdf import CHART_URL
from reflect.ui.widgets.charts.chart_base import png_bytes
from reflect.ui.widgets.charts.spread_chart import SpreadChart

PAPER_SIZE = (760, 340)  # pixels: half a page, readable when the PDF scales it to the column
PAPER_POINTS = 13.0
NAMES = ("evaluation-report.html", "evaluation-report.pdf")
CSV_NAMES = ("evaluation-report.csv", "evaluation-change.csv")


@dataclass(frozen=True)
class WrittenReport:
    folder: Path
    paths: tuple[Path, ...]  # in the order written: HTML, PDF, figures CSV, change CSV


def paper_chart(data: SpreadChartData) -> bytes | None:
    """One domain's chart as PNG bytes, on a white page whatever the window's theme."""
    ensure_gui_app()
    chart = SpreadChart(data.title)
    chart.setPalette(theme.palette_for(dark=False))
    font = chart.font()
    font.setPointSizeF(PAPER_POINTS)  # the PDF shrinks the picture to the column: start large
    chart.setFont(font)
    chart.resize(*PAPER_SIZE)
    chart.set_data(data.points, data.spreads, data.low, data.high)
    png = png_bytes(chart)
    chart.deleteLater()
    return png


def evaluation_document(report: CohortReport, words: PrintWords) -> PrintDocument:
    """The report as a printable document, its charts handed over as named images."""
    images = tuple((CHART_URL.format(index=i), png) for i, png in enumerate(report.charts) if png)
    body = html_body(report, words, lambda i: CHART_URL.format(index=i))
    return PrintDocument(title_text(report, words), "", body, (), images)


def write_evaluation_report(
    folder: Path, report: CohortReport, words: PrintWords | None = None
) -> WrittenReport:
    """Write the report into ``folder`` (made if missing). Everything is laid out before the
    first file is written, so a failure to lay out leaves nothing behind."""
    words = words or PrintWords()
    ensure_gui_app()
    contents = (
        to_html(report, words).encode("utf-8"),
        pdf_bytes(evaluation_document(report, words)),
        spread_csv(report, words).encode("utf-8"),
        change_csv(report).encode("utf-8"),
    )
    paths = tuple(folder / name for name in (*NAMES, *CSV_NAMES))
    for path, data in zip(paths, contents, strict=True):
        files.write_bytes(path, data)
    return WrittenReport(folder, paths)
