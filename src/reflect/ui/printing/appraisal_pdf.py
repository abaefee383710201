"""Save accounts for appraisal or revalidation as PDF or Markdown, by the file name's extension.

The accounts come from ``services/appraisal.py`` (edited and checked by the user) and their
HTML body from ``services/appraisal_writers.py``; the PDF lays that body out with the same
inert document and page set-up as Export ▸ PDF and the report-back (``pdf.py``). Shared by
``reflect appraisal export`` and the window's dialog, which runs it in a task.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reflect import files
from reflect.formats.progress import Progress, no_progress
from reflect.services.appraisal import Account, AppraisalForm
from reflect.services.appraisal_writers import appraisal_format, html_body, write_markdown
from reflect.services.printing import PrintDocument, PrintWords
from reflect.ui.printing.pdf import ensure_gui_app, pdf_bytes


def appraisal_document(
    form: AppraisalForm, accounts: Sequence[Account], words: PrintWords
) -> PrintDocument:
    return PrintDocument(form.name, "", html_body(form, accounts, words))


def write_appraisal(
    path: Path,
    form: AppraisalForm,
    accounts: Sequence[Account],
    words: PrintWords | None = None,
    progress: Progress = no_progress,
) -> Path:
    """Save ``accounts`` at ``path`` (.pdf or .md), atomically and owner-only; an unknown
    extension raises before anything is written."""
    words = words or PrintWords()
    kind = appraisal_format(path)
    progress(0, 1)
    if kind == "pdf":
        ensure_gui_app()
        files.write_bytes(path, pdf_bytes(appraisal_document(form, accounts, words)))
    else:
        write_markdown(path, form, accounts, words)
    progress(1, 1)
    return path
