"""A report-back as Markdown or as HTML: the one HTML body serves the HTML file and the PDF.

Every piece of the user's text is written as plain text: escaped in HTML (no raw HTML, no
Markdown rendered, so a quoted ``<script>`` or ``![x](http://…)`` shows as those characters),
and the HTML file is one self-contained page with a small inline stylesheet and no remote
anything; a chart, when there is one, is inlined as a ``data:`` PNG. The PDF lays out the
same body (``ui/printing/report_pdf.py``) with charts given to the inert document by name.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable
from datetime import date
from pathlib import Path

from reflect import files
from reflect.errors import BadInput
from reflect.messages import Msg
from reflect.services.printing import PrintWords
from reflect.services.report import ActionLine, AssessmentChange, MeasureReport, Quote, Report

FORMATS = (".pdf", ".md", ".html")  # chosen by the file name's extension
# Attributes as well as style: Qt's rich text (the PDF) reads these, browsers read either.
_TABLE = '<table border="1" cellspacing="0" cellpadding="4">'
ImageSource = Callable[[int], str]  # the n-th measure's chart → the src of its <img>

# Readable printed: black on white, serif body, tables with rules, nothing fetched.
STYLE = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 42em; margin: 2em auto;
       line-height: 1.45; color: #111; background: #fff; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 1.6em; }
h3 { font-size: 1.05em; }
p.period, p.meta { color: #444; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid #999; padding: 0.2em 0.6em; text-align: left; }
blockquote { margin: 0.8em 0 0.8em 1em; padding-left: 0.8em; border-left: 3px solid #999; }
img { max-width: 100%; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } }
"""


def number(value: float) -> str:
    return f"{value:g}"


def period_text(report: Report, words: PrintWords) -> str:
    since = words.day(report.since) if report.since else None
    until = words.day(report.until) if report.until else None
    if since and until:
        period = words.say(Msg.REPORT_SPAN, start=since, end=until)
    elif since:
        period = words.say(Msg.REPORT_FROM, start=since)
    elif until:
        period = words.say(Msg.REPORT_UNTIL, end=until)
    else:
        period = words.say(Msg.REPORT_WHOLE_TIME)
    return words.say(Msg.REPORT_PERIOD, period=period)


def title_text(report: Report, words: PrintWords) -> str:
    return words.say(Msg.REPORT_TITLE, question=report.question)


def _day(day: date | None, words: PrintWords) -> str:
    return words.day(day) if day else ""


def _measure_lines(m: MeasureReport, words: PrintWords) -> list[str]:
    """The sentences under a measure's heading, the same in every format."""
    lines = []
    latest = m.latest
    if latest is None:
        return [words.say(Msg.REPORT_NO_POINTS)]
    lines.append(
        words.say(Msg.REPORT_LATEST, value=number(latest.value), day=words.day(_iso(latest.day)))
    )
    if m.median is not None and m.mean is not None:
        lines.append(
            words.say(
                Msg.REPORT_MEDIAN_MEAN,
                median=number(m.median),
                mean=number(round(m.mean, 2)),
                count=len(m.points),
            )
        )
    if m.goal is not None:
        lines.append(words.say(Msg.REPORT_GOAL, goal=number(m.goal)))
    return lines


def _iso(day: str) -> date:
    return date.fromisoformat(day)


def _action_text(a: ActionLine, words: PrintWords) -> str:
    return words.say(Msg.REPORT_ACTION, text=a.text, status=a.status, day=words.day(a.day))


def _assessment_head(a: AssessmentChange, words: PrintWords) -> str:
    first, last = words.day(a.first_day), words.day(a.last_day)
    if a.count == 1:
        return words.say(Msg.REPORT_ASSESSMENT_ONE, framework=a.framework, first=first)
    return words.say(
        Msg.REPORT_ASSESSMENT_SPAN, framework=a.framework, count=a.count, first=first, last=last
    )


def _assessment_table(a: AssessmentChange, w: PrintWords) -> list[list[str]]:
    """A heading row, then a row per domain: its score, or with two assessments or more the
    first and last scores and the change between them."""
    if a.count == 1:
        return [
            [w.say(Msg.REPORT_DOMAIN), w.say(Msg.REPORT_SCORE)],
            *([d.label, _score(d.last)] for d in a.domains),
        ]
    heads = (Msg.REPORT_DOMAIN, Msg.REPORT_FIRST, Msg.REPORT_LAST, Msg.REPORT_CHANGE)
    return [
        [w.say(h) for h in heads],
        *([d.label, _score(d.first), _score(d.last), _change(d.change)] for d in a.domains),
    ]


def _quote_source(q: Quote, w: PrintWords) -> str:
    if not q.entry_title:
        return w.day(q.day)
    return w.say(Msg.REPORT_QUOTE_FROM, title=q.entry_title, day=w.day(q.day))


def _score(value: int | None) -> str:
    return "–" if value is None else str(value)


def _change(value: int | None) -> str:
    return "–" if value is None else f"{value:+d}" if value else "0"


# --- Markdown ------------------------------------------------------------------------------


def to_markdown(report: Report, words: PrintWords | None = None) -> str:
    """The report as plain Markdown, readable as it is."""
    w = words or PrintWords()
    out = [f"# {_md_line(report.question)}", "", f"*{_md_line(period_text(report, w))}*", ""]
    out += [f"## {w.say(Msg.REPORT_WORDINGS)}", ""]
    for wording in report.wordings:
        day = _day(wording.day, w)
        text = w.say(Msg.REPORT_WORDING, day=day, question=wording.question) if day else None
        out.append(f"- {_md_line(text or wording.question)}")
    out += ["", f"## {w.say(Msg.REPORT_MEASURES)}", ""]
    if not report.measures:
        out += [w.say(Msg.REPORT_NO_MEASURES), ""]
    for m in report.measures:
        head = w.say(Msg.REPORT_MEASURE_HEAD, name=m.name, unit=m.unit, better=m.better)
        out += [f"### {_md_line(head)}", ""]
        out += [f"{_md_line(line)}  " for line in _measure_lines(m, w)] + [""]
        if m.table:
            out += [f"{w.say(Msg.REPORT_LAST_POINTS, count=len(m.table))}:", ""]
            out.append(f"| {w.say(Msg.REPORT_DAY)} | {w.say(Msg.REPORT_VALUE)} | ")
            out[-1] += f"{w.say(Msg.REPORT_NOTE)} |"
            out.append("|---|---:|---|")
            out += [f"| {p.day} | {number(p.value)} | {_md_cell(p.note)} |" for p in m.table]
            out.append("")
        out += [f"- {_md_line(s)}" for s in m.sentences] + [""]
    out += [f"## {w.say(Msg.REPORT_STOPPED)}", ""]
    if report.stopped_inquiry:
        note = f" {report.status_note}" if report.status_note else ""
        out += [_md_line(w.say(Msg.REPORT_STOPPED_INQUIRY) + note), ""]
    out += _md_actions(report.stopped, Msg.REPORT_NOTHING_STOPPED, w)
    out += [f"## {w.say(Msg.REPORT_DONE)}", ""]
    out += _md_actions(report.done, Msg.REPORT_NOTHING_DONE, w)
    out += [f"## {w.say(Msg.REPORT_ASSESSMENT)}", ""]
    if not report.assessments:
        out += [w.say(Msg.REPORT_NO_ASSESSMENT), ""]
    for a in report.assessments:
        out += [_md_line(_assessment_head(a, w)), ""]
        if not a.linked:
            out += [w.say(Msg.REPORT_ASSESSMENT_ALL), ""]
        columns, *rows = _assessment_table(a, w)
        out.append("| " + " | ".join(columns) + " |")
        out.append("|---" + "|---:" * (len(columns) - 1) + "|")
        out += ["| " + " | ".join(_md_cell(cell) for cell in row) + " |" for row in rows]
        out.append("")
    if report.quotes:
        out += [f"## {w.say(Msg.REPORT_QUOTES)}", ""]
        for q in report.quotes:
            source = _quote_source(q, w)
            out += [f"> {_md_line(q.text)}", ">", f"> — {_md_line(source)}", ""]
    return "\n".join(out).rstrip() + "\n"


def _md_actions(actions: tuple[ActionLine, ...], empty: Msg, w: PrintWords) -> list[str]:
    if not actions:
        return [w.say(empty), ""]
    out = []
    for a in actions:
        out.append(f"- {_md_line(_action_text(a, w))}")
        if a.reason:
            out.append(f"  {_md_line(w.say(Msg.REPORT_WHY, reason=a.reason))}")
    return [*out, ""]


def _md_line(text: str) -> str:
    """One line of the user's words: newlines folded, so it cannot start a heading or list."""
    return " ".join(text.split())


def _md_cell(text: str) -> str:
    return _md_line(text).replace("|", "\\|")


# --- HTML ----------------------------------------------------------------------------------


def html_body(report: Report, words: PrintWords, image_src: ImageSource) -> str:
    """The report's body as safe HTML: every string the user wrote is escaped."""
    w = words
    out = [f"<h1>{_t(report.question)}</h1>", f'<p class="period">{_t(period_text(report, w))}</p>']
    out.append(f"<h2>{_t(w.say(Msg.REPORT_WORDINGS))}</h2><ul>")
    for wording in report.wordings:
        day = _day(wording.day, w)
        text = w.say(Msg.REPORT_WORDING, day=day, question=wording.question) if day else None
        out.append(f"<li>{_t(text or wording.question)}</li>")
    out.append("</ul>")
    out.append(f"<h2>{_t(w.say(Msg.REPORT_MEASURES))}</h2>")
    if not report.measures:
        out.append(f"<p>{_t(w.say(Msg.REPORT_NO_MEASURES))}</p>")
    for index, m in enumerate(report.measures):
        out += _html_measure(index, m, w, image_src)
    out.append(f"<h2>{_t(w.say(Msg.REPORT_STOPPED))}</h2>")
    if report.stopped_inquiry:
        out.append(f"<p>{_t(w.say(Msg.REPORT_STOPPED_INQUIRY))} {_t(report.status_note)}</p>")
    out += _html_actions(report.stopped, Msg.REPORT_NOTHING_STOPPED, w)
    out.append(f"<h2>{_t(w.say(Msg.REPORT_DONE))}</h2>")
    out += _html_actions(report.done, Msg.REPORT_NOTHING_DONE, w)
    out.append(f"<h2>{_t(w.say(Msg.REPORT_ASSESSMENT))}</h2>")
    if not report.assessments:
        out.append(f"<p>{_t(w.say(Msg.REPORT_NO_ASSESSMENT))}</p>")
    for a in report.assessments:
        out.append(f"<p>{_t(_assessment_head(a, w))}</p>")
        if not a.linked:
            out.append(f'<p class="meta">{_t(w.say(Msg.REPORT_ASSESSMENT_ALL))}</p>')
        columns, *rows = _assessment_table(a, w)
        out += [_TABLE, _row(columns, "th"), *(_row(row) for row in rows), "</table>"]
    if report.quotes:
        out.append(f"<h2>{_t(w.say(Msg.REPORT_QUOTES))}</h2>")
        for q in report.quotes:
            source = _quote_source(q, w)
            out.append(
                f"<blockquote><p><i>“{_t(q.text)}”</i></p>"
                f'<p class="meta">— {_t(source)}</p></blockquote>'
            )
    return "\n".join(out)


def _html_measure(index: int, m: MeasureReport, w: PrintWords, image_src: ImageSource) -> list[str]:
    head = w.say(Msg.REPORT_MEASURE_HEAD, name=m.name, unit=m.unit, better=m.better)
    out = [f"<h3>{_t(head)}</h3>"]
    out += [f"<p>{_t(line)}</p>" for line in _measure_lines(m, w)]
    if m.chart is not None:
        alt = w.say(Msg.REPORT_CHART, name=m.name)
        out.append(f'<p><img src="{_t(image_src(index))}" alt="{_t(alt)}" width="560"/></p>')
    elif m.table:
        out.append(f"<p>{_t(w.say(Msg.REPORT_LAST_POINTS, count=len(m.table)))}</p>")
        out.append(_TABLE)
        heads = (Msg.REPORT_DAY, Msg.REPORT_VALUE, Msg.REPORT_NOTE)
        out.append(_row([w.say(h) for h in heads], "th"))
        out += [_row([p.day, number(p.value), p.note]) for p in m.table]
        out.append("</table>")
    if m.sentences:
        out.append("<ul>" + "".join(f"<li>{_t(s)}</li>" for s in m.sentences) + "</ul>")
    return out


def _html_actions(actions: tuple[ActionLine, ...], empty: Msg, w: PrintWords) -> list[str]:
    if not actions:
        return [f"<p>{_t(w.say(empty))}</p>"]
    items = []
    for a in actions:
        why = w.say(Msg.REPORT_WHY, reason=a.reason) if a.reason else ""
        items.append(f"<li>{_t(_action_text(a, w))}" + (f"<br/>{_t(why)}" if why else "") + "</li>")
    return ["<ul>", *items, "</ul>"]


def _row(cells: list[str], tag: str = "td") -> str:
    return "<tr>" + "".join(f"<{tag}>{_t(c)}</{tag}>" for c in cells) + "</tr>"


def _t(value: str) -> str:
    return html.escape(value, quote=True)


def to_html(report: Report, words: PrintWords | None = None) -> str:
    """The report as one self-contained HTML page: inline style, charts inlined as data."""
    w = words or PrintWords()

    def inline(index: int) -> str:
        return png_data(report.measures[index].chart or b"")

    return html_page(title_text(report, w), html_body(report, w, inline))


def png_data(png: bytes) -> str:
    """A PNG as a ``data:`` URL, for an ``<img>`` that fetches nothing."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def html_page(title: str, body: str) -> str:
    """A self-contained HTML page around ``body`` (already safe HTML), titled ``title``."""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"/>'
        # No remote anything, even if a later edit slipped in a link: the page may load nothing.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "img-src data:; style-src 'unsafe-inline'\"/>"
        f"<title>{_t(title)}</title><style>{STYLE}</style></head>\n<body>\n"
        f"{body}\n</body></html>\n"
    )


def report_format(path: Path) -> str:
    """The format ``path`` asks for ("pdf", "md" or "html"), or BadInput naming it."""
    return file_format(path, FORMATS, Msg.REPORT_BAD_EXTENSION)


def file_format(path: Path, formats: tuple[str, ...], refused: Msg) -> str:
    """Which of ``formats`` (".pdf", ".md"…) ``path``'s extension asks for, without its dot;
    BadInput with ``refused``, naming the file, for any other."""
    suffix = path.suffix.lower()
    if suffix == ".htm":
        suffix = ".html"
    if suffix not in formats:
        raise BadInput(refused, name=path.name)
    return suffix[1:]


def write_text_report(path: Path, report: Report, words: PrintWords | None = None) -> None:
    """Save ``report`` as Markdown or HTML at ``path``, atomically and owner-only."""
    text = to_html(report, words) if report_format(path) == "html" else to_markdown(report, words)
    files.write_text(path, text)
