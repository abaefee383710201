"""File ▸ Print… and File ▸ Export ▸ PDF…: choose what, then print it or save it as a PDF.

Both gather what to print and paint it in background tasks: QPainter may paint a QPdfWriter or
a QPrinter off the UI thread, and a long selection takes seconds (benchmarks/bench_pdf.py).
Only the dialogs run on the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from reflect.core.clock import local_date, to_text
from reflect.services.printing import PrintDocument, PrintSelection, PrintWords
from reflect.ui.printing.choice_dialog import PrintChoiceDialog
from reflect.ui.printing.pdf import print_document, write_pdf
from reflect.ui.shell import Shell
from reflect.ui.texts import day_text, kind_label, message_text

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from reflect.ui.tasks import BackgroundTask


class PrintShell(Shell, Protocol):
    def current_entry_id(self) -> str | None:
        """The saved entry open in the editor, if the editor is showing one."""
        ...


def window_words() -> PrintWords:
    """The printed headings translated and the days written the user's way."""
    return PrintWords(say=message_text, day=day_text, kind=kind_label)


class PrintFlow(QObject):
    def __init__(self, window: PrintShell) -> None:
        super().__init__(window.widget())
        self._window = window
        self._app = window.app
        self.print_dialog: QPrintDialog | None = None  # the newest, for tests to drive

    def export_pdf(self) -> PrintChoiceDialog:
        """Ask what to export (without blocking, so tests can drive it), then where."""
        return self._choose(self.tr("Export as PDF"), self._ask_where)

    def print_chosen(self) -> PrintChoiceDialog:
        """Ask what to print, then show the print dialog."""
        return self._choose(self.tr("Print"), self._ask_printer)

    def _choose(self, title: str, then: Callable[[PrintSelection], object]) -> PrintChoiceDialog:
        entry_id = self._window.current_entry_id()
        entry = self._app.entries.get(entry_id) if entry_id else None
        today = local_date(to_text(self._app.clock()))
        dialog = PrintChoiceDialog(
            title, entry, self._app.inquiries.all(), today, self._window.widget()
        )
        dialog.accepted.connect(lambda: then(dialog.selection()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _ask_where(self, selection: PrintSelection) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self._window.widget(), self.tr("Export as PDF"), "reflect.pdf", "PDF (*.pdf)"
        )
        if chosen:
            self.start_export(selection, Path(chosen))

    def start_export(self, selection: PrintSelection, out: Path) -> BackgroundTask:
        words = window_words()
        return self._window.run_task(
            self.tr("Exporting a PDF…"),
            lambda progress: write_pdf(self._app, selection, out, words, progress),
            lambda document: self._window.notify(
                self.tr("Saved %n entry(s) as a PDF: {0}", "", len(document.entries)).format(out)
            ),
        )

    def _ask_printer(self, selection: PrintSelection) -> BackgroundTask:
        """Gather what to print off the UI thread, then show the print dialog."""
        words = window_words()
        return self._window.run_task(
            self.tr("Preparing to print…"),
            lambda progress: self._app.printing.document(selection, words),
            self._show_print_dialog,
        )

    def _show_print_dialog(self, document: PrintDocument) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # only when printing

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(document.title)
        dialog = QPrintDialog(printer, self._window.widget())
        dialog.accepted.connect(lambda: self._print(document, printer))
        dialog.finished.connect(dialog.deleteLater)
        dialog.setModal(True)
        dialog.show()  # like open(), without blocking, so tests can drive it
        self.print_dialog = dialog

    def _print(self, document: PrintDocument, printer: QPrinter) -> BackgroundTask:
        # QPainter may paint a QPrinter off the UI thread; the lambda keeps the printer alive.
        count = len(document.entries)
        return self._window.run_task(
            self.tr("Printing…"),
            lambda progress: print_document(document, printer),
            lambda _: self._window.notify(self.tr("Sent %n entry(s) to the printer.", "", count)),
        )
