"""``reflect report``: a report-back on an inquiry as PDF, Markdown and HTML, read back.

The PDF's text is read with poppler's ``pdftotext``, as for ``reflect export pdf``; in-process
runs use pytest-qt's ``qapp`` so the session's one Qt application is a full QApplication.
"""

from __future__ import annotations

import stat
import subprocess
from pathlib import Path

import pytest
from cli_harness import Reflect, assert_one_error
from test_cli_export_pdf import order_of, pdf_text

from fakes import FakeClock
from reflect.app import App
from reflect.core.assessment import Score
from reflect.messages import Msg

pytest_plugins = ("cli_fixtures",)

QUESTION = "What helps my team speak first?"
WORDINGS = ("How do I listen better?", "How do I listen to my team?", QUESTION)
HOSTILE = "<script>alert(1)</script> ![x](http://example.com/x.png) [link](javascript:evil)"


@pytest.fixture
def journal(app: App, clock: FakeClock) -> dict[str, str]:
    """From 2026-03-01: an inquiry worded three times (days 1, 3 and 10), a measure with a
    value every day from the 2nd to the 12th (100 + 3 × day), a stop decided in an entry on
    day 5, a start done on day 7, CSIF self-assessments on days 2 and 12, and an entry with
    hostile Markdown in it."""
    inquiry = app.inquiries.add(WORDINGS[0])
    ids = {"inquiry": inquiry.id}
    measure = app.measures.add(inquiry.id, "Huddles where staff spoke first", "huddles", "higher")
    for day in range(2, 13):
        app.measures.record(measure.id, 100 + 3 * day, f"2026-03-{day:02d}")
    clock.advance(days=1)
    app.assessments.record(
        "csif", [Score("vision", 2), Score("capability", 1)], inquiry_id=inquiry.id
    )
    clock.advance(days=1)
    app.inquiries.reword(inquiry.id, WORDINGS[1])
    clock.advance(days=2)
    entry = app.entries.write(
        "Nobody reads the **Monday report**; it costs two hours.\n\nMore later.",
        title="Dropping the Monday report",
        inquiry_id=inquiry.id,
    )
    ids["entry"] = entry.id
    stop = app.actions.add("Stop writing the Monday report", "stop", entry_id=entry.id)
    app.actions.set_status(stop.id, "done")
    clock.advance(days=2)
    start = app.actions.add("Ask one more question each huddle", inquiry_id=inquiry.id)
    app.actions.set_status(start.id, "done")
    ids["hostile"] = app.entries.write(
        f"Notes. {HOSTILE} **bold**", title="Odd notes", inquiry_id=inquiry.id
    ).id
    clock.advance(days=3)
    app.inquiries.reword(inquiry.id, WORDINGS[2])
    clock.advance(days=2)
    app.assessments.record(
        "csif", [Score("vision", 4), Score("capability", 3)], inquiry_id=inquiry.id
    )
    return ids


def test_report_pdf_holds_the_question_wordings_latest_value_and_stops_in_order(
    reflect: Reflect, journal: dict[str, str], tmp_path: Path, qapp: object
) -> None:
    out = tmp_path / "r.pdf"
    result = reflect.ok("report", "--inquiry", journal["inquiry"], "--out", str(out))
    assert result.out == f"Wrote the report to {out}.\n"
    text = " ".join(pdf_text(out).split())  # a long line wraps: compare words, not lines
    positions = order_of(
        text,
        QUESTION,
        "2026-03-01: " + WORDINGS[0],
        "2026-03-03: " + WORDINGS[1],
        "2026-03-10: " + WORDINGS[2],
        "Latest value: 136 on 2026-03-12",
        "Stop writing the Monday report (done, 2026-03-05)",
        "Why: Nobody reads the Monday report; it costs two hours.",
        "Ask one more question each huddle (done, 2026-03-07)",
        "Collective vision and leadership 2 4 +2",
    )
    assert positions == sorted(positions)
    assert stat.S_IMODE(out.stat().st_mode) & 0o077 == 0  # owner-only
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".r.pdf")] == []


@pytest.mark.parametrize("name", ["r.md", "r.html"])
def test_markdown_and_html_hold_the_same(
    reflect: Reflect, journal: dict[str, str], tmp_path: Path, name: str
) -> None:
    out = tmp_path / name
    reflect.ok("report", "--inquiry", journal["inquiry"], "--out", str(out))
    text = out.read_text(encoding="utf-8")
    wanted = (
        QUESTION,
        *WORDINGS,
        "Latest value: 136 on 2026-03-12",
        "Stop writing the Monday report (done, 2026-03-05)",
        "Nobody reads the Monday report; it costs two hours.",
        "Ask one more question each huddle",
        "Collective vision and leadership",
    )
    for words in wanted:
        assert words in text, words
    assert stat.S_IMODE(out.stat().st_mode) & 0o077 == 0


def test_since_and_until_narrow_the_report(
    reflect: Reflect, journal: dict[str, str], tmp_path: Path
) -> None:
    early = tmp_path / "early.md"
    reflect.ok(
        "report", "--inquiry", journal["inquiry"], "--until", "2026-03-06", "--out", str(early)
    )
    text = early.read_text(encoding="utf-8")
    assert "Latest value: 118 on 2026-03-06" in text
    # The heading is the question as it is now; the wordings stop where the period does.
    assert "2026-03-03: " + WORDINGS[1] in text and "2026-03-10" not in text
    assert "Ask one more question" not in text  # done on the 7th
    assert "one assessment, on 2026-03-02" in text
    assert "| Domain | Score |" in text and "| Collective vision and leadership | 2 |" in text
    late = tmp_path / "late.md"
    reflect.ok(
        "report", "--inquiry", journal["inquiry"], "--since", "2026-03-11", "--out", str(late)
    )
    text = late.read_text(encoding="utf-8")
    assert "Median 134.5, mean 134.5, over 2 values" in text
    assert "Nothing was stopped in this period." in text
    assert "Stop writing the Monday report" not in text


def test_quotes_the_first_paragraph_or_an_exact_passage(
    reflect: Reflect, journal: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "q.md"
    reflect.ok(
        "report", "--inquiry", journal["inquiry"], "--out", str(out),
        "--quote", journal["entry"],
        "--quote", f"{journal['entry']}=More later.",
    )  # fmt: skip
    text = out.read_text(encoding="utf-8")
    assert "> Nobody reads the **Monday report**; it costs two hours.\n" in text
    assert "> More later.\n" in text
    assert text.count("— Dropping the Monday report, 2026-03-05") == 2


def test_hostile_markdown_in_a_quote_is_escaped_in_html_and_inert_in_pdf(
    reflect: Reflect, journal: dict[str, str], tmp_path: Path, qapp: object
) -> None:
    for name in ("h.html", "h.pdf"):
        reflect.ok(
            "report", "--inquiry", journal["inquiry"], "--out", str(tmp_path / name),
            "--quote", journal["hostile"],
        )  # fmt: skip
    page = (tmp_path / "h.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page and "<a " not in page and "http://example.com" in page
    assert '<img src="http' not in page and "javascript:evil)" in page
    text = "".join(pdf_text(tmp_path / "h.pdf").split())  # a line may break anywhere
    assert "".join(HOSTILE.split()) in text  # shown as the characters written, not run or fetched


def test_bad_input_gets_one_message_and_writes_nothing(
    reflect: Reflect, journal: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "r.md"
    inquiry = journal["inquiry"]
    cases = [
        (("--inquiry", "nope"), Msg.INQUIRY_NOT_FOUND, {"id": "nope"}),
        (("--inquiry", inquiry, "--quote", "zzzz"), Msg.ENTRY_NOT_FOUND, {"id": "zzzz"}),
        (
            ("--inquiry", inquiry, "--quote", f"{journal['entry']}=never written"),
            Msg.REPORT_QUOTE_NOT_IN_ENTRY,
            {"id": journal["entry"]},
        ),
        (("--inquiry", inquiry, "--since", "2026-03-09", "--until", "2026-03-01"),
         Msg.REPORT_BAD_PERIOD, {}),
    ]  # fmt: skip
    for args, msg, params in cases:
        assert_one_error(reflect("report", *args, "--out", str(out)), msg, **params)
    docx = tmp_path / "r.docx"
    assert_one_error(
        reflect("report", "--inquiry", inquiry, "--out", str(docx)),
        Msg.REPORT_BAD_EXTENSION,
        name="r.docx",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["journal", "scratch"])


def test_a_quote_from_an_entry_named_by_its_first_line_is_not_named_twice(
    reflect: Reflect, journal: dict[str, str], app: App, tmp_path: Path
) -> None:
    untitled = app.entries.write(
        "The room went quiet.\n\nThen Sam spoke.", inquiry_id=journal["inquiry"]
    )
    out = tmp_path / "q.md"
    reflect.ok("report", "--inquiry", journal["inquiry"], "--out", str(out), "--quote", untitled.id)
    text = out.read_text(encoding="utf-8")
    assert "> The room went quiet.\n>\n> — 2026-03-12\n" in text


def test_the_pdf_draws_each_measures_chart(
    reflect: Reflect, journal: dict[str, str], tmp_path: Path, qapp: object
) -> None:
    # The chart as on the inquiry page, on paper (in the light palette), in place of the table.
    out = tmp_path / "r.pdf"
    reflect.ok("report", "--inquiry", journal["inquiry"], "--out", str(out))
    listed = subprocess.run(
        ["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]  # two header lines, then one line per image
    sizes = [(int(line.split()[3]), int(line.split()[4])) for line in listed]
    assert any(width >= 400 and height >= 200 for width, height in sizes), sizes


def test_the_html_report_inlines_the_chart_and_markdown_keeps_the_table(
    reflect: Reflect, journal: dict[str, str], tmp_path: Path, qapp: object
) -> None:
    for name in ("r.html", "r.md"):
        reflect.ok("report", "--inquiry", journal["inquiry"], "--out", str(tmp_path / name))
    assert 'src="data:image/png;base64,' in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "data:image" not in (tmp_path / "r.md").read_text(encoding="utf-8")
