"""The share dialog's right side: exactly what will leave, with each warning marked in it, and
the list of warnings. Choosing a warning (arrow keys or a click) shows where it is: the preview
scrolls to it and marks it as the selection; Enter or a double-click asks to edit its entry.

Marks use the theme's colours (``theme.mark_colours`` for warnings, the palette's highlight for
the chosen one) and are laid again when the palette changes, so they stay readable in light and
dark. At most ``MAX_LISTED`` warnings are listed and marked, so a long share stays quick.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from reflect.services.privacy_scan import Finding
from reflect.services.sharing import SharePreview
from reflect.ui import theme
from reflect.ui.flows.share_preview import PreviewText, entry_for, finding_text, preview_text
from reflect.ui.widgets.basics import label

MAX_LISTED = 500
ENTRY_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Shown:
    """A preview laid out for the pane: its text, and each listed warning with its span."""

    preview: SharePreview
    text: PreviewText
    marks: tuple[tuple[Finding, tuple[int, int] | None], ...]


def lay_out(preview: SharePreview) -> Shown:
    """Everything slow about showing ``preview``, done where it is called (off the UI thread):
    the text, and the span of each warning in it (one per span: an inquiry's question and its
    newest wording are the same text)."""
    text = preview_text(preview.items)
    marks: list[tuple[Finding, tuple[int, int] | None]] = []
    seen: set[tuple[int, int]] = set()
    for finding in preview.findings:
        span = text.span(finding, preview.items)
        if span is not None and span in seen:
            continue
        if span is not None:
            seen.add(span)
        marks.append((finding, span))
        if len(marks) == MAX_LISTED:
            break
    return Shown(preview, text, tuple(marks))


class WarningList(QListWidget):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)  # Enter emits itemActivated, then lets the event go on
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # so it does not also press the dialog's default button, Save


class PreviewPane(QWidget):
    edit_entry = Signal(str)  # the id of the entry a warning is in, to edit it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shown: Shown | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label(self.tr("Exactly what will leave"), "section"))
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.setAccessibleName(self.tr("Preview"))
        layout.addWidget(self.text, 3)
        heading = self.tr("Check before sending: choose one to see it; Enter edits its entry")
        layout.addWidget(label(heading))
        self.findings = WarningList()
        self.findings.setAccessibleName(self.tr("Warnings"))
        self.findings.currentRowChanged.connect(self._on_findings_current_row_changed)
        self.findings.itemActivated.connect(self._on_findings_item_activated)
        layout.addWidget(self.findings, 1)
        self.status = label("", "muted")
        layout.addWidget(self.status)

    def show_preview(self, shown: Shown) -> None:
        """Show a laid-out preview, keeping the chosen warning chosen if it is still there."""
        chosen = self.chosen()
        self.shown = shown
        self.text.setPlainText(shown.text.text)
        self.findings.blockSignals(True)
        self.findings.clear()
        for finding, _span in shown.marks:
            item = QListWidgetItem(finding_text(finding, shown.preview.items))
            item.setData(ENTRY_ROLE, entry_for(finding, shown.preview.items))
            self.findings.addItem(item)
        row = next((n for n, (f, _) in enumerate(shown.marks) if f == chosen), -1)
        self.findings.setCurrentRow(row)
        self.findings.blockSignals(False)
        self._mark()

    def show_nothing(self, reason: str) -> None:
        """Nothing can leave as chosen: say why, and show no text."""
        self.shown = None
        self.text.clear()
        self.findings.clear()
        self.text.setExtraSelections([])
        self.status.setText(reason)

    def chosen(self) -> Finding | None:
        row = self.findings.currentRow()
        if self.shown is None or not 0 <= row < len(self.shown.marks):
            return None
        return self.shown.marks[row][0]

    def show_finding(self, row: int) -> None:
        """Choose the warning in ``row``: the preview scrolls to it and selects it."""
        self.findings.setCurrentRow(row)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._mark()  # the scheme changed: lay the marks again in its colours

    def _mark(self) -> None:
        if self.shown is None:
            return
        warning, chosen = mark_formats(self.text.palette())
        current = self.findings.currentRow()
        selections = []
        for row, (_finding, span) in enumerate(self.shown.marks):
            if span is not None:
                selection = QTextEdit.ExtraSelection()
                selection.cursor = self._cursor(span)  # type: ignore[attr-defined]
                selection.format = chosen if row == current else warning  # type: ignore[attr-defined]
                selections.append(selection)
        self.text.setExtraSelections(selections)
        span = self.shown.marks[current][1] if 0 <= current < len(self.shown.marks) else None
        if span is not None:
            self.text.setTextCursor(self._cursor(span))
            self.text.centerCursor()

    def _cursor(self, span: tuple[int, int]) -> QTextCursor:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _on_findings_current_row_changed(self, row: int) -> None:
        self._mark()

    def _on_findings_item_activated(self, item: QListWidgetItem) -> None:
        self.activate(self.findings.row(item))

    def activate(self, row: int) -> None:
        """Ask to edit the entry the warning in ``row`` is in (if it is in an entry)."""
        item = self.findings.item(row)
        entry_id = item.data(ENTRY_ROLE) if item is not None else None
        if entry_id:
            self.edit_entry.emit(str(entry_id))


def mark_formats(palette: QPalette) -> tuple[QTextCharFormat, QTextCharFormat]:
    """How a warning is marked in a text shown with ``palette``, and how the chosen one is."""
    background, foreground = theme.mark_colours(palette)
    chosen = _format(
        palette.color(QPalette.ColorRole.Highlight),
        palette.color(QPalette.ColorRole.HighlightedText),
    )
    return _format(background, foreground), chosen


def _format(background: QColor, foreground: QColor) -> QTextCharFormat:
    form = QTextCharFormat()
    form.setBackground(background)
    form.setForeground(foreground)
    # A wavy underline too, so a warning does not rest on colour alone.
    form.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    form.setUnderlineColor(foreground)
    return form
