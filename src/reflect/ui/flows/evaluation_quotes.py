"""The return form's quote picker: tick entries of your own to quote, then edit each quote as it
will leave. What the privacy scan finds is marked in the quote (in the theme's warning colours,
laid again when the palette changes) and listed under it, so a name can be taken out before the
participant agrees. Quotes are the participant's words only: nothing is quoted unticked."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from reflect.core.entry import Entry
from reflect.services.evaluation_draft import quote_start
from reflect.services.privacy_scan import find_in_text
from reflect.ui import theme
from reflect.ui.texts import entry_title, message_text
from reflect.ui.widgets.basics import label

ID_ROLE = Qt.ItemDataRole.UserRole
EDITOR_HEIGHT = 96


class QuotePicker(QWidget):
    changed = Signal()  # an entry was ticked or unticked, or a quote edited

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.texts: dict[str, str] = {}  # entry id -> the quote as it will leave
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label(self.tr("Tick an entry to quote it (Space ticks):"), "muted"))
        self.entries = QListWidget()
        self.entries.setAccessibleName(self.tr("Entries to quote"))
        self.entries.setMaximumHeight(120)
        self.entries.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.entries.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entries.itemChanged.connect(self._on_item_changed)
        self.entries.currentItemChanged.connect(lambda *_: self._show_current())
        layout.addWidget(self.entries)
        self.editor_label = label(self.tr("The quote as it will leave; edit it freely:"))
        layout.addWidget(self.editor_label)
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)
        self.editor.setAccessibleName(self.tr("Quote"))
        self.editor.setMaximumHeight(EDITOR_HEIGHT)
        self.editor.textChanged.connect(self._on_edited)
        layout.addWidget(self.editor)
        self.hits = label("", "muted")
        self.hits.setAccessibleName(self.tr("What the privacy check found"))
        layout.addWidget(self.hits)
        self._show_current()

    def set_entries(self, entries: list[Entry]) -> None:
        self.entries.blockSignals(True)
        self.entries.clear()
        for entry in entries:
            item = QListWidgetItem(f"{entry.created[:10]}  {entry_title(entry.display_title)}")
            item.setData(ID_ROLE, entry.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, entry.searchable_body())
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.entries.addItem(item)
        self.entries.blockSignals(False)
        if self.entries.count():
            self.entries.setCurrentRow(0)
        self._show_current()

    def chosen(self) -> list[tuple[str, str]]:
        """(entry id, quote text) of each ticked entry, in the list's order."""
        found = []
        for row in range(self.entries.count()):
            item = self.entries.item(row)
            if item.checkState() is Qt.CheckState.Checked:
                entry_id = str(item.data(ID_ROLE))
                found.append((entry_id, self.texts.get(entry_id, "")))
        return found

    def _current_id(self) -> str | None:
        item = self.entries.currentItem()
        if item is None or item.checkState() is not Qt.CheckState.Checked:
            return None
        return str(item.data(ID_ROLE))

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        entry_id = str(item.data(ID_ROLE))
        if item.checkState() is Qt.CheckState.Checked and entry_id not in self.texts:
            self.texts[entry_id] = quote_start(str(item.data(Qt.ItemDataRole.UserRole + 1)))
        if item is self.entries.currentItem():
            self._show_current()
        self.changed.emit()

    def _show_current(self) -> None:
        entry_id = self._current_id()
        self.editor.blockSignals(True)
        self.editor.setPlainText(self.texts.get(entry_id, "") if entry_id else "")
        self.editor.blockSignals(False)
        self.editor.setEnabled(entry_id is not None)
        self.editor_label.setEnabled(entry_id is not None)
        self._mark()

    def _on_edited(self) -> None:
        entry_id = self._current_id()
        if entry_id is not None:
            self.texts[entry_id] = self.editor.toPlainText()
            self._mark()
            self.changed.emit()

    def _mark(self) -> None:
        """Mark and list what the privacy scan finds in the quote being edited."""
        text = self.editor.toPlainText()
        spans = find_in_text(text, self._today) if self._current_id() else []
        background, foreground = theme.mark_colours(self.editor.palette())
        marks = []
        for span in spans:
            mark = QTextEdit.ExtraSelection()
            form = QTextCharFormat()
            form.setBackground(background)
            form.setForeground(foreground)
            mark.format = form  # type: ignore[attr-defined]
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(span.start)
            cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
            mark.cursor = cursor  # type: ignore[attr-defined]
            marks.append(mark)
        self.editor.setExtraSelections(marks)
        found = [
            self.tr("“{0}” {1}").format(text[s.start : s.end], message_text(s.reason))
            for s in spans
        ]
        self.hits.setText(
            self.tr("May identify someone: {0}. Edit the quote to take it out.").format(
                "; ".join(found)
            )
            if found
            else ""
        )
        self.hits.setVisible(bool(found))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._mark()  # the scheme changed: lay the marks again in its colours
