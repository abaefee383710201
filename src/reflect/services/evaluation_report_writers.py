"""The cohort report as HTML (one body for the HTML file and the PDF) and as CSV.

The HTML follows the report-back's rules (``report_writers.py``, whose page, table and escaping
it uses): every string from a pack or a participant is escaped, the page loads nothing, charts
are ``data:`` PNGs (or named images the PDF's inert document is handed). A withheld figure is
written as the words "fewer than 5 returns: not shown", never as a number.

The CSVs hold figures only, for a spreadsheet: ``evaluation-report.csv`` one row per question
and time point, ``evaluation-change.csv`` one row per domain. Quotes are left out: they are
the participants' words, read in the report, and a sheet that holds none of them can be
passed on with less care. An empty cell is a figure not shown; a cell of text from a pack that
a spreadsheet would run as a formula is written with a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from reflect.core.evaluation import CountKey
from reflect.core.evaluation_stats import Change, Spread
from reflect.messages import Msg
from reflect.services.evaluation_report import CohortReport
from reflect.services.printing import PrintWords
from reflect.services.report_writers import _TABLE, _row, _t, html_page, number, png_data

ImageSource = Callable[[int], str]  # the n-th domain's chart → the src of its <img>

COUNT_NAMES = {
    CountKey.ENTRIES_WRITTEN: Msg.EVALUATION_COUNT_ENTRIES_WRITTEN,
    CountKey.ACTIONS_STARTED: Msg.EVALUATION_COUNT_ACTIONS_STARTED,
    CountKey.ACTIONS_STOPPED: Msg.EVALUATION_COUNT_ACTIONS_STOPPED,
    CountKey.MEASURES_WITH_SIGNALS: Msg.EVALUATION_COUNT_MEASURES_WITH_SIGNALS,
}
SPREAD_HEADS = (
    *(Msg.EVAL_REPORT_TIME_POINT, Msg.EVAL_REPORT_RETURNS, Msg.EVAL_REPORT_MEDIAN),
    *(Msg.EVAL_REPORT_Q1, Msg.EVAL_REPORT_Q3),
)
CHANGE_HEADS = (
    *(Msg.EVAL_REPORT_DOMAIN, Msg.EVAL_REPORT_PEOPLE, Msg.EVAL_REPORT_MEDIAN_CHANGE),
    *(Msg.EVAL_REPORT_UP, Msg.EVAL_REPORT_SAME, Msg.EVAL_REPORT_DOWN),
)
SPREAD_COLUMNS = ("kind", "question_id", "question", "time_point", "n", "median", "q1", "q3")
CHANGE_COLUMNS = (
    *("question_id", "question", "first_time_point", "last_time_point", "n", "median_change"),
    *("went_up", "stayed", "went_down", "withheld"),
)


def title_text(report: CohortReport, words: PrintWords) -> str:
    return words.say(Msg.EVAL_REPORT_TITLE, programme=report.programme)


def domain_head(report: CohortReport, index: int, words: PrintWords) -> str:
    info = report.domains[index]
    return words.say(
        Msg.EVAL_REPORT_DOMAIN_HEAD,
        framework=info.framework,
        domain=info.label,
        low=info.low,
        high=info.high,
    )


def _signed(value: float) -> str:
    return f"{value:+g}" if value else "0"


# --- HTML ----------------------------------------------------------------------------------


def html_body(report: CohortReport, words: PrintWords, image_src: ImageSource) -> str:
    """The report's body as safe HTML."""
    w, figures = words, report.figures
    fewer = w.say(Msg.EVAL_REPORT_WITHHELD, min_group=figures.min_group)
    meta = w.say(Msg.EVAL_REPORT_META, day=w.day(report.written), min_group=figures.min_group)
    out = [f"<h1>{_t(title_text(report, w))}</h1>", f'<p class="period">{_t(meta)}</p>']
    out.append(f"<h2>{_t(w.say(Msg.EVAL_REPORT_RETURNS))}</h2>")
    out += [_TABLE, _row([w.say(Msg.EVAL_REPORT_TIME_POINT), w.say(Msg.EVAL_REPORT_RETURNS)], "th")]
    for label, n in zip(report.point_labels, figures.returns, strict=True):
        out.append(_row([label, fewer if n is None else str(n)]))
    out.append("</table>")
    out.append(f"<h2>{_t(w.say(Msg.EVAL_REPORT_RATINGS))}</h2>")
    if not figures.ratings:
        out.append(f"<p>{_t(w.say(Msg.EVAL_REPORT_NO_RATINGS))}</p>")
    else:
        out.append(f'<p class="meta">{_t(w.say(Msg.EVAL_REPORT_RATINGS_NOTE))}</p>')
    for index, rating in enumerate(figures.ratings):
        name = domain_head(report, index, w)
        out.append(f"<h3>{_t(name)}</h3>")
        if index < len(report.charts) and report.charts[index]:
            alt = w.say(Msg.EVAL_REPORT_CHART, name=name)
            out.append(f'<p><img src="{_t(image_src(index))}" alt="{_t(alt)}" width="520"/></p>')
        out += _spread_table(report, rating.by_point, w, fewer)
    if figures.changes:
        out += _html_changes(report, w, fewer)
    if figures.counts:
        out.append(f"<h2>{_t(w.say(Msg.EVAL_REPORT_COUNTS))}</h2>")
    for count in figures.counts:
        out.append(f"<h3>{_t(w.say(COUNT_NAMES[count.key]))}</h3>")
        out += _spread_table(report, count.by_point, w, fewer)
    out += _html_texts(report, w)
    return "\n".join(out)


def _spread_table(
    report: CohortReport, spreads: tuple[Spread, ...], w: PrintWords, fewer: str
) -> list[str]:
    out = [_TABLE, _row([w.say(h) for h in SPREAD_HEADS], "th")]
    for label, s in zip(report.point_labels, spreads, strict=True):
        if s.n is None or s.median is None or s.q1 is None or s.q3 is None:
            out.append(f'<tr><td>{_t(label)}</td><td colspan="4"><i>{_t(fewer)}</i></td></tr>')
        else:
            out.append(_row([label, str(s.n), number(s.median), number(s.q1), number(s.q3)]))
    return [*out, "</table>"]


def _html_changes(report: CohortReport, w: PrintWords, fewer: str) -> list[str]:
    figures = report.figures
    first, last = report.point_labels[0], report.point_labels[-1]
    out = [f"<h2>{_t(w.say(Msg.EVAL_REPORT_CHANGE, first=first, last=last))}</h2>"]
    out.append(f'<p class="meta">{_t(w.say(Msg.EVAL_REPORT_CHANGE_NOTE))}</p>')
    out += [_TABLE, _row([w.say(h) for h in CHANGE_HEADS], "th")]
    cell = w.say(Msg.EVAL_REPORT_FEWER, min_group=figures.min_group)
    for index, change in enumerate(figures.changes):
        name = report.domains[index].label
        if change.n is None or change.median is None:
            out.append(f'<tr><td>{_t(name)}</td><td colspan="5"><i>{_t(fewer)}</i></td></tr>')
            continue
        split = [cell if c is None else str(c) for c in _split(change)]
        out.append(_row([name, str(change.n), _signed(change.median), *split]))
    return [*out, "</table>"]


def _split(change: Change) -> tuple[int | None, int | None, int | None]:
    return change.up, change.same, change.down


def _html_texts(report: CohortReport, w: PrintWords) -> list[str]:
    figures = report.figures
    if not any(t.quotes or t.answers for t in figures.texts) and not report.questions:
        return []
    out = [f"<h2>{_t(w.say(Msg.EVAL_REPORT_QUOTES))}</h2>"]
    out.append(f'<p class="meta">{_t(w.say(Msg.EVAL_REPORT_QUOTES_NOTE))}</p>')
    questions = dict(report.questions)
    for label, texts in zip(report.point_labels, figures.texts, strict=True):
        out.append(f"<h3>{_t(label)}</h3>")
        if texts.withheld:
            withheld = w.say(Msg.EVAL_REPORT_TEXTS_WITHHELD, min_group=figures.min_group)
            out.append(f"<p><i>{_t(withheld)}</i></p>")
            continue
        if not texts.quotes and not texts.answers:
            out.append(f"<p>{_t(w.say(Msg.EVAL_REPORT_NO_TEXTS))}</p>")
        out += [f"<blockquote><p><i>“{_t(q)}”</i></p></blockquote>" for q in texts.quotes]
        for key, answers in texts.answers:
            out.append(f"<p><b>{_t(questions.get(key, key))}</b></p><ul>")
            out += [f"<li>{_t(a)}</li>" for a in answers]
            out.append("</ul>")
    return out


def to_html(report: CohortReport, words: PrintWords | None = None) -> str:
    """The report as one self-contained HTML page, its charts inlined as data."""
    w = words or PrintWords()
    body = html_body(report, w, lambda index: png_data(report.charts[index] or b""))
    return html_page(title_text(report, w), body)


# --- CSV -----------------------------------------------------------------------------------


def spread_csv(report: CohortReport, words: PrintWords | None = None) -> str:
    """One row per question and time point: n, median and quartiles, or empty when withheld."""
    w = words or PrintWords()
    rows: list[list[str]] = [[*SPREAD_COLUMNS, "withheld"]]
    figures = report.figures
    questions = [
        ("rating", f"{r.framework_id}/{r.domain_id}", domain_head(report, i, w), r.by_point)
        for i, r in enumerate(figures.ratings)
    ]
    questions += [
        ("count", c.key.value, w.say(COUNT_NAMES[c.key]), c.by_point) for c in figures.counts
    ]
    for kind, key, label, spreads in questions:
        for point, s in zip(figures.time_points, spreads, strict=True):
            values = map(_value, [s.n, s.median, s.q1, s.q3])
            rows.append([kind, _cell(key), _cell(label), _cell(point), *values, _flag(s.withheld)])
    return _csv(rows)


def change_csv(report: CohortReport) -> str:
    """One row per rated domain: the change from the first time point to the last."""
    figures = report.figures
    rows: list[list[str]] = [list(CHANGE_COLUMNS)]
    if not figures.changes:
        return _csv(rows)
    first, last = figures.time_points[0], figures.time_points[-1]
    for index, change in enumerate(figures.changes):
        key = f"{change.framework_id}/{change.domain_id}"
        names = [_cell(key), _cell(report.domains[index].label), _cell(first), _cell(last)]
        values = map(_value, [change.n, change.median, *_split(change)])
        rows.append([*names, *values, _flag(change.withheld)])
    return _csv(rows)


def _value(value: float | None) -> str:
    return "" if value is None else number(value)


def _flag(withheld: bool) -> str:
    return "true" if withheld else "false"


def _cell(text: str) -> str:
    """Text a spreadsheet would read as a formula, kept as text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()
