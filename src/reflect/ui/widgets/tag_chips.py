"""Tags as chips: a field with completion from the journal's tags, and one chip per tag.

Enter or a comma makes the field's text a chip; Backspace in the empty field takes the last
chip back; each chip has a focusable × that removes it, so the keyboard can do everything.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from reflect.core.entry import normalize_tags
from reflect.ui.widgets.basics import chain_tabs
from reflect.ui.widgets.flow_layout import FlowLayout


class TagChips(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tags: tuple[str, ...] = ()
        self._chips: list[QFrame] = []
        self.field = QLineEdit(placeholderText=self.tr("Add a tag"))
        self.field.setAccessibleName(self.tr("Tags"))
        self.field.setAccessibleDescription(
            self.tr("Enter or a comma adds the tag; Backspace in the empty field removes the last")
        )
        self.field.setMinimumWidth(120)
        self._all_known: list[str] = []
        self._known = QStringListModel(self)  # the journal's tags less those chosen here
        completer = QCompleter(self._known, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        # Choosing a completion sets the field's text after this signal: add it a moment later.
        completer.activated.connect(lambda _text: QTimer.singleShot(0, self, self.commit))
        self.field.setCompleter(completer)
        self.field.returnPressed.connect(self.commit)
        self.field.textEdited.connect(self._on_edited)
        self.field.installEventFilter(self)
        # Chips wrap onto more rows rather than widening the editor.
        self._row = FlowLayout(self)
        self._row.addWidget(self.field)
        self.setFocusProxy(self.field)

    def completer(self) -> QCompleter:
        completer = self.field.completer()
        assert completer is not None
        return completer

    def set_known(self, tags: list[str]) -> None:
        """The tags already used in the journal, offered as completions."""
        self._all_known = list(tags)
        self._offer()

    def _offer(self) -> None:
        chosen = set(self._tags)
        self._known.setStringList([t for t in self._all_known if t not in chosen])

    def set_tags(self, tags: tuple[str, ...]) -> None:
        self.field.clear()
        self._show(normalize_tags(tags))

    def tags(self) -> tuple[str, ...]:
        """The chips, and what is typed but not yet made a chip."""
        return normalize_tags((*self._tags, *self.field.text().split(",")))

    def chips(self) -> list[QFrame]:
        return list(self._chips)

    def remove_buttons(self) -> list[QToolButton]:
        return [chip.findChild(QToolButton) for chip in self._chips]  # type: ignore[misc]

    def commit(self) -> None:
        """Make what is typed a chip (or chips, if it has commas)."""
        typed = self.field.text()
        if not typed.strip():
            return
        self.field.clear()
        self._show(normalize_tags((*self._tags, *typed.split(","))))
        self.changed.emit()

    def remove(self, tag: str) -> None:
        had_focus = any(b.hasFocus() for b in self.remove_buttons())
        self._show(tuple(t for t in self._tags if t != tag))
        if had_focus:
            self.field.setFocus()  # the × that had focus is gone; focus stays in the tags
        self.changed.emit()

    def _on_edited(self, text: str) -> None:
        if "," in text:
            self.commit()
        else:
            self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.field
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Backspace
            and not self.field.text()
            and self._tags
        ):
            self.remove(self._tags[-1])
            return True
        return super().eventFilter(watched, event)

    def _show(self, tags: tuple[str, ...]) -> None:
        for chip in self._chips:
            self._row.removeWidget(chip)
            chip.hide()  # out of the Tab order now; deleted once its events are done
            chip.deleteLater()
        self._tags = tags
        # Later: changing the completions while a chosen one is being put in the field makes
        # the completer put back what was typed, which would become a second chip.
        QTimer.singleShot(0, self, self._offer)
        self._chips = [self._chip(tag) for tag in tags]
        for n, chip in enumerate(self._chips):
            self._row.insert_widget(n, chip)
            chip.setVisible(self.isVisible())  # now, not when the layout gets round to it
        # Chips, then the field, in Tab order: the order they are read in.
        chain_tabs([*self.remove_buttons(), self.field])

    def _chip(self, tag: str) -> QFrame:
        chip = QFrame()
        chip.setProperty("role", "chip")
        row = QHBoxLayout(chip)
        row.setContentsMargins(8, 1, 2, 1)
        row.setSpacing(2)
        name = QLabel(tag)
        name.setTextFormat(Qt.TextFormat.PlainText)
        remove = QToolButton()
        remove.setText("×")
        remove.setAutoRaise(True)
        remove.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        remove.setAccessibleName(self.tr("Remove tag {0}").format(tag))
        remove.setToolTip(remove.accessibleName())
        remove.clicked.connect(lambda: self.remove(tag))
        row.addWidget(name)
        row.addWidget(remove)
        return chip
