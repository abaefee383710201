"""The cohort report on disk: HTML, PDF (read back with pdftotext) and CSVs from the twelve
simulated participants (tests/evaluation_cohort.py), and the spread chart in light and dark."""

from __future__ import annotations

import csv
import io
import re
import stat
import subprocess
from datetime import date
from pathlib import Path

import pytest

from evaluation_cohort import PLAN, QUOTES, as_collected
from reflect.core.evaluation_stats import Spread
from reflect.resources import resource_path
from reflect.services.evaluation_report import CohortReport, cohort_report, with_charts
from reflect.services.evaluation_report_writers import _cell, change_csv, spread_csv, to_html
from reflect.services.frameworks import FrameworkCatalog
from reflect.ui import theme
from reflect.ui.printing.evaluation_pdf import paper_chart, write_evaluation_report
from reflect.ui.widgets.charts.spread_chart import SpreadChart

pytestmark = pytest.mark.gui

HOSTILE = "<script>alert(1)</script> <img src=http://example.com/x.png>"


def pdf_text(path: Path) -> str:
    """The PDF's words with its tables' columns kept side by side, so a row reads as a row."""
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True)
    return done.stdout


def report(tmp_path: Path, charts: bool = True, title: str = "Leaders 2026") -> CohortReport:
    frameworks = FrameworkCatalog(resource_path("frameworks"), tmp_path / "none")
    made = cohort_report(as_collected(), PLAN, title, frameworks, date(2026, 12, 3))
    return with_charts(made, paper_chart) if charts else made


def test_folder_gets_four_owner_only_files_and_the_pdf_reads_back(
    tmp_path: Path, qapp: object
) -> None:
    out = tmp_path / "made" / "here"
    written = write_evaluation_report(out, report(tmp_path))
    names = sorted(p.name for p in written.paths)
    assert names == sorted(p.name for p in out.iterdir())
    assert names == [
        "evaluation-change.csv",
        "evaluation-report.csv",
        "evaluation-report.html",
        "evaluation-report.pdf",
    ]
    for path in written.paths:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    laid_out = pdf_text(out / "evaluation-report.pdf")
    text = " ".join(laid_out.split())
    assert "Programme evaluation: Leaders 2026" in text
    # Influence at the start: 11 returns, median 2, quartiles 1.5 and 3.5 (hand-worked in
    # tests/core/test_evaluation_stats.py); the middle's four returns withheld.
    assert re.search(r"Start +11 +2 +1\.5 +3\.5\n", laid_out)
    assert re.search(r"End +10 +3 +2\.25 +4\n", laid_out)
    assert "Middle fewer than 5 returns: not shown" in text
    assert re.search(r"Influence +10 +\+1 +6 +fewer than 5: +fewer than 5:", laid_out)
    assert "Words from someone who withdrew" not in text
    assert "A quote among only four returns" not in text
    stopping = text.index("Stopping the Tuesday report")
    assert text.index("asking, not telling") < text.index("Measures made") < stopping


def test_html_is_self_contained_escaped_and_charts_inlined(tmp_path: Path, qapp: object) -> None:
    page = to_html(report(tmp_path, title=HOSTILE))
    assert "<script>" not in page and "<img src=http" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "The trio &lt;b&gt;itself&lt;/b&gt;" in page  # an answer is shown, never run
    # One chart: influence (connections is all withheld, so no chart of "not shown").
    assert page.count('src="data:image/png;base64,') == 1
    assert "default-src 'none'" in page
    for (_, person), quotes in QUOTES.items():
        if person in (3, 7, 10):
            assert all(q in page for q in quotes)
    assert "ed25519:" not in page  # no pseudonym anywhere


def test_csvs_hold_figures_not_words(tmp_path: Path, qapp: object) -> None:
    made = report(tmp_path, charts=False)
    rows = list(csv.DictReader(io.StringIO(spread_csv(made))))
    # 2 domains × 3 time points + 4 counts × 3 time points.
    assert len(rows) == 2 * 3 + 4 * 3
    start = rows[0]
    assert (start["question_id"], start["time_point"]) == ("leader-growth/influence", "start")
    assert [start[k] for k in ("n", "median", "q1", "q3", "withheld")] == [
        "11",
        "2",
        "1.5",
        "3.5",
        "false",
    ]
    middle = rows[1]
    assert [middle[k] for k in ("n", "median", "q1", "q3", "withheld")] == [""] * 4 + ["true"]
    entries = next(r for r in rows if r["question_id"] == "entries_written" and r["n"])
    assert [entries[k] for k in ("time_point", "n", "median", "q1", "q3")] == [
        "end",
        "6",
        "7",
        "4.75",
        "9.25",
    ]
    change = list(csv.DictReader(io.StringIO(change_csv(made))))
    assert [
        (c["n"], c["median_change"], c["went_up"], c["stayed"], c["went_down"]) for c in change
    ] == [
        ("10", "1", "6", "", ""),
        ("", "", "", "", ""),
    ]
    assert [c["withheld"] for c in change] == ["false", "true"]
    sheet = spread_csv(made) + change_csv(made)
    assert not any(q in sheet for quotes in QUOTES.values() for q in quotes)


def test_a_pack_label_a_spreadsheet_would_run_is_kept_as_text(tmp_path: Path, qapp: object) -> None:
    rows = list(csv.DictReader(io.StringIO(spread_csv(report(tmp_path, charts=False)))))
    assert all(not r["question"].startswith("=") for r in rows)

    assert _cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert _cell("Start") == "Start"


@pytest.mark.parametrize("dark", [False, True])
def test_spread_chart_reads_in_light_and_dark(qapp: object, dark: bool) -> None:
    chart = SpreadChart("Influence")
    chart.setPalette(theme.palette_for(dark=dark))
    chart.resize(600, 320)
    spreads = (Spread(11, 2, 1.5, 3.5), Spread(None), Spread(10, 3, 2.25, 4))
    chart.set_data(("Start", "Middle", "End"), spreads, 1, 5)
    image = chart.to_image()
    background = image.pixelColor(2, 2)
    # The band at the start, halfway between its quartiles, differs plainly from the page.
    x = [image.pixelColor(x, 150) for x in range(image.width())]
    assert any(abs(c.lightness() - background.lightness()) > 40 for c in x)
    _headers, rows = chart.table()
    assert rows[1][1] == "not shown" and rows[0][1:] == ["11", "2", "1.5–3.5"]
    assert "Middle" not in chart.summary() and "Start: median 2" in chart.summary()
