"""Accounts for appraisal as Markdown or as the HTML body the PDF lays out, and an account read
back from the Markdown a person edited (``reflect appraisal export --edit``).

As in the report-back (``report_writers.py``), the user's text is written as plain text: in
HTML every character is escaped (no raw HTML, no Markdown rendered, nothing to load); in
Markdown a line of theirs that would read as a heading is escaped with a backslash, so the
form's own headings (a field's label) are the only ones, and reading the file back finds each
field again exactly as it was written.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from reflect import files
from reflect.messages import Msg
from reflect.services.appraisal import Account, AppraisalForm
from reflect.services.printing import PrintWords
from reflect.services.report_writers import file_format

FORMATS = (".pdf", ".md")  # chosen by the file name's extension
_HEADING_LIKE = re.compile(r"^(\s{0,3})(\\*#)")  # escaped by one more backslash, both ways
_ESCAPED = re.compile(r"^(\s{0,3})\\(\\*#)")
_FIELD_HEAD = "## "


def appraisal_format(path: Path) -> str:
    """ "pdf" or "md", from ``path``'s extension; BadInput naming the file for anything else."""
    return file_format(path, FORMATS, Msg.APPRAISAL_BAD_EXTENSION)


def account_heading(form: AppraisalForm, number: int, count: int, words: PrintWords) -> str:
    if count == 1:
        return form.title
    return words.say(Msg.APPRAISAL_ACCOUNT, title=form.title, number=number, count=count)


# --- Markdown ------------------------------------------------------------------------------


def account_markdown(
    form: AppraisalForm, account: Account, number: int, count: int, words: PrintWords
) -> str:
    """One account: a heading, the form's note, the day, then each field under its label."""
    out = [f"# {account_heading(form, number, count, words)}", ""]
    out += [
        f"*{_line(form.note)}*",
        "",
        _line(words.say(Msg.APPRAISAL_WRITTEN, day=_day(account, words))),
        "",
    ]
    for field in account.fields:
        out += [f"{_FIELD_HEAD}{_line(field.label)}", ""]
        if field.text.strip():
            out += [_escaped(field.text), ""]
    return "\n".join(out).rstrip() + "\n"


def to_markdown(
    form: AppraisalForm, accounts: Sequence[Account], words: PrintWords | None = None
) -> str:
    """Every account, one after another, with a rule between them."""
    w = words or PrintWords()
    count = len(accounts)
    parts = [account_markdown(form, a, n, count, w) for n, a in enumerate(accounts, 1)]
    return "\n---\n\n".join(parts)


def read_account(text: str, account: Account) -> Account:
    """``account`` with each field's text as it stands under the field's label in ``text``
    (Markdown from :func:`account_markdown`, edited). A field whose heading was removed is
    left empty; lines before the first field's heading are the account's own, not read."""
    heads = {f"{_FIELD_HEAD}{_line(f.label)}": f.id for f in account.fields}
    found: dict[str, list[str]] = {f.id: [] for f in account.fields}
    current: str | None = None
    for line in text.splitlines():
        if line.rstrip() in heads:
            current = heads[line.rstrip()]
        elif current is not None:
            found[current].append(_ESCAPED.sub(r"\1\2", line))
    fields = tuple(replace(f, text="\n".join(found[f.id]).strip()) for f in account.fields)
    return replace(account, fields=fields)


def _escaped(text: str) -> str:
    return "\n".join(_HEADING_LIKE.sub(r"\1\\\2", line) for line in text.strip().splitlines())


def _line(text: str) -> str:
    """One line of words: newlines folded, so it cannot start a heading or list."""
    return " ".join(text.split())


def _day(account: Account, words: PrintWords) -> str:
    return words.day(account.day)


# --- HTML (the PDF) ------------------------------------------------------------------------


def html_body(form: AppraisalForm, accounts: Sequence[Account], words: PrintWords) -> str:
    """Every account as safe HTML, each on a page of its own: all text the user wrote is
    escaped, and an empty field says it is left for them to write."""
    out = []
    count = len(accounts)
    for number, account in enumerate(accounts, 1):
        # Qt's rich text honours page-break-before on a block: one account to a page.
        style = ' style="page-break-before: always"' if number > 1 else ""
        out.append(f"<h1{style}>{_t(account_heading(form, number, count, words))}</h1>")
        out.append(f'<p class="meta"><i>{_t(form.note)}</i></p>')
        written = words.say(Msg.APPRAISAL_WRITTEN, day=_day(account, words))
        out.append(f'<p class="meta">{_t(written)}</p>')
        for field in account.fields:
            out.append(f"<h3>{_t(field.label)}</h3>")  # the form's questions, not titles
            paragraphs = [p for p in re.split(r"\n\s*\n", field.text.strip()) if p.strip()]
            if not paragraphs:
                out.append(f'<p class="meta">{_t(words.say(Msg.APPRAISAL_EMPTY_FIELD))}</p>')
            out += ["<p>" + "<br/>".join(map(_t, p.splitlines())) + "</p>" for p in paragraphs]
    return "\n".join(out)


def _t(value: str) -> str:
    return html.escape(value, quote=True)


def write_markdown(
    path: Path, form: AppraisalForm, accounts: Sequence[Account], words: PrintWords | None = None
) -> None:
    """Save the accounts as Markdown at ``path``, atomically and owner-only."""
    files.write_text(path, to_markdown(form, accounts, words))
