"""For appraisal or revalidation…, from the Journal's context menu or File ▸ Export: the dialog
for the chosen entries, then where to save, then the export in a background task."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from reflect.app import App
from reflect.errors import ReflectError
from reflect.services.appraisal import Account, AppraisalForm
from reflect.ui.counted import counted
from reflect.ui.flows.appraisal_dialog import AppraisalDialog
from reflect.ui.navigation import Navigator
from reflect.ui.printing.appraisal_pdf import write_appraisal
from reflect.ui.printing.print_flow import window_words
from reflect.ui.printing.save_as import ask_save_path
from reflect.ui.texts import error_text

CONTEXT = "AppraisalFlow"
_FILE_TYPES = (("PDF", ".pdf"), ("Markdown", ".md"))


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def open_appraisal(
    app: App, navigator: Navigator, entry_ids: Sequence[str], parent: QWidget
) -> AppraisalDialog | None:
    """Show the dialog for ``entry_ids``; on Export, ask where and write the accounts. With
    no entries chosen, say how to choose them instead."""
    if not entry_ids:
        navigator.notify(
            _tr("Choose one or more entries in the Journal first (Shift or Ctrl chooses more).")
        )
        return None
    try:
        dialog = AppraisalDialog(app, entry_ids, parent)
    except ReflectError as exc:
        navigator.notify(error_text(exc))
        return None
    dialog.accepted.connect(lambda: _ask_where(navigator, dialog.form(), dialog.accounts(), parent))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def _ask_where(
    navigator: Navigator, form: AppraisalForm, accounts: Sequence[Account], parent: QWidget
) -> None:
    types = [(_tr(name), suffix) for name, suffix in _FILE_TYPES]
    path = ask_save_path(parent, _tr("Save for appraisal"), f"{form.id}-reflection.pdf", types)
    if path is not None:
        start_export(navigator, form, accounts, path)


def start_export(
    navigator: Navigator, form: AppraisalForm, accounts: Sequence[Account], out: Path
) -> object:
    """Write the accounts off the UI thread; say where they went, or why nothing was written."""
    words = window_words()
    return navigator.run_task(
        _tr("Saving for appraisal…"),
        lambda progress: write_appraisal(out, form, accounts, words, progress),
        lambda _: navigator.notify(counted().saved_for_appraisal(len(accounts)).format(out)),
    )
