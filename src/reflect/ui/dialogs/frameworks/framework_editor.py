"""Editing one of the user's own frameworks: its name, description, prompts, domains and scale.

Saving goes through the catalog, which validates; a problem is shown once, in words, with the
part it is about chosen in the tree. Cancel leaves the file as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reflect.core.framework import Framework, Scale
from reflect.errors import ReflectError
from reflect.formats.framework_toml import SCALE_LIMITS
from reflect.messages import Msg
from reflect.services.frameworks import FrameworkCatalog
from reflect.ui.dialogs.frameworks.framework_tree import (
    FrameworkTree,
    Part,
    field_words,
    help_of,
    part_of,
    saved_id,
    set_help,
)
from reflect.ui.texts import error_text
from reflect.ui.widgets.basics import label


class FrameworkEditor(QDialog):
    """Opened with ``open()`` so tests can fill it in and press its buttons."""

    saved = Signal(object)  # the Framework as saved

    def __init__(
        self, catalog: FrameworkCatalog, framework: Framework, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._original = framework
        self._loading = False
        self.setWindowTitle(self.tr("Edit {0}").format(framework.name))
        self.resize(820, 620)
        self._build()
        self._fill(framework)

    # Building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name"))
        self.description = _text_box(self.tr("Description"), 72)
        about = QFormLayout()
        about.addRow(self.tr("&Name"), self.name)
        about.addRow(self.tr("&Description"), self.description)
        self.tree = FrameworkTree()
        self.tree.setAccessibleName(self.tr("Sections, prompts and domains"))
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)
        parts = QHBoxLayout()
        parts.addWidget(self.tree, 2)
        fields = QVBoxLayout()
        fields.addLayout(self._fields())
        fields.addStretch(1)
        parts.addLayout(fields, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(about)
        layout.addLayout(parts, 1)
        layout.addLayout(self._part_buttons())
        layout.addWidget(self._scale_row())
        kept = self.tr("Earlier entries keep every answer, even to prompts you rename or remove.")
        layout.addWidget(label(kept, "muted"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        font = self.error.font()
        font.setBold(True)
        self.error.setFont(font)
        self.error.setAccessibleName(self.tr("Why it was not saved"))
        self.error.hide()
        layout.addWidget(self.error)
        layout.addWidget(self._dialog_buttons())

    def _fields(self) -> QFormLayout:
        self.label_edit = QLineEdit()
        self.label_edit.textEdited.connect(self._on_label_edit_text_edited)
        self.help_edit = _text_box(self.tr("Help"), 150)
        self.help_edit.textChanged.connect(self._on_help_edit_text_changed)
        self.id_note = label("", "muted")
        self.fields = QFormLayout()
        self.fields.addRow(self.tr("&Label"), self.label_edit)
        self.fields.addRow(self.tr("&Help"), self.help_edit)
        self.fields.addRow(self.id_note)
        return self.fields

    def _part_buttons(self) -> QHBoxLayout:
        self.add_prompt_button = _button(self.tr("Add &prompt"), self._on_add_prompt)
        self.add_section_button = _button(self.tr("Add &section"), self._on_add_section)
        self.add_domain_button = _button(self.tr("Add d&omain"), self._on_add_domain)
        self.up_button = _button(self.tr("Move &up"), lambda: self._on_move(-1))
        self.down_button = _button(self.tr("Move do&wn"), lambda: self._on_move(1))
        self.remove_button = _button(self.tr("&Remove"), self._on_remove)
        row = QHBoxLayout()
        for button in (self.add_prompt_button, self.add_section_button, self.add_domain_button):
            row.addWidget(button)
        row.addStretch(1)
        for button in (self.up_button, self.down_button, self.remove_button):
            row.addWidget(button)
        return row

    def _scale_row(self) -> QWidget:
        self.scale_low, self.scale_high = QSpinBox(), QSpinBox()
        self.scale_low.setAccessibleName(self.tr("Lowest score"))
        self.scale_high.setAccessibleName(self.tr("Highest score"))
        for box in (self.scale_low, self.scale_high):
            box.setRange(*SCALE_LIMITS)
        # Low stays below high, so the scale can never be saved upside down.
        self.scale_low.valueChanged.connect(lambda v: self.scale_high.setMinimum(v + 1))
        self.scale_high.valueChanged.connect(lambda v: self.scale_low.setMaximum(v - 1))
        self.scale = QWidget()
        row = QHBoxLayout(self.scale)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Rate each domain from")))
        row.addWidget(self.scale_low)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.scale_high)
        row.addStretch(1)
        return self.scale

    def _dialog_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        return buttons

    def _fill(self, framework: Framework) -> None:
        self.name.setText(framework.name)
        self.description.setPlainText(framework.description)
        with_domains = bool(framework.domains)
        self.tree.load(framework, with_domains)
        self.scale_low.setValue(framework.scale.low)
        self.scale_high.setValue(framework.scale.high)
        self.add_domain_button.setVisible(with_domains)
        self.scale.setVisible(with_domains)

    # The framework as edited -------------------------------------------------------------

    def framework(self) -> Framework:
        """The framework as it stands in the dialog (not yet validated)."""
        sections, domains = self.tree.parts()
        original = self._original
        low, high = self.scale_low.value(), self.scale_high.value()
        labels = {k: v for k, v in original.scale.labels.items() if low <= k <= high}
        edited = replace(
            original,
            name=self.name.text().strip(),
            description=self.description.toPlainText().strip(),
            sections=sections,
            domains=domains,
            scale=Scale(low, high, labels) if original.domains else original.scale,
        )
        # Changed wording is the user's own: it is no longer checked against the source.
        return edited if edited == original else replace(edited, verified=False)

    def has_changes(self) -> bool:
        return self.framework() != self._original

    # Slots -------------------------------------------------------------------------------

    def _on_tree_current_item_changed(self, item: QTreeWidgetItem | None, _: object) -> None:
        part = part_of(item) if item is not None else None
        editable = part in (Part.SECTION, Part.PROMPT, Part.DOMAIN)
        self.fields.setRowVisible(self.label_edit, editable)
        self.fields.setRowVisible(self.help_edit, part in (Part.PROMPT, Part.DOMAIN))
        self._loading = True
        try:
            self.label_edit.setText(item.text(0) if item is not None and editable else "")
            self.help_edit.setPlainText(help_of(item) if item is not None else "")
        finally:
            self._loading = False
        if part is not None and editable:
            self._name_fields(part)
        self.id_note.setText(self._id_note(item))
        self._enable_buttons()

    def _enable_buttons(self) -> None:
        self.up_button.setEnabled(self.tree.can_move(-1))
        self.down_button.setEnabled(self.tree.can_move(1))
        self.remove_button.setEnabled(self.tree.can_remove())

    def _name_fields(self, part: Part) -> None:
        words = {
            Part.SECTION: (self.tr("&Title"), self.tr("Section title"), ""),
            Part.PROMPT: (
                self.tr("&Label"),
                self.tr("Prompt"),
                self.tr("A question or two to get the writer going"),
            ),
            Part.DOMAIN: (
                self.tr("&Label"),
                self.tr("Domain"),
                self.tr("What a high score looks like"),
            ),
        }
        row_label, name, hint = words[part]
        row = self.fields.labelForField(self.label_edit)
        if isinstance(row, QLabel):
            row.setText(row_label)
        self.label_edit.setAccessibleName(name)
        self.help_edit.setPlaceholderText(hint)

    def _id_note(self, item: QTreeWidgetItem | None) -> str:
        if item is None or part_of(item) is Part.DOMAINS:
            return self.tr("Domains are what you rate yourself on in a self-assessment.")
        kept = saved_id(item)
        if kept is None:
            return self.tr("New: its id is made from the label when you save.")
        if part_of(item) is Part.SECTION:
            return ""
        stored = self.tr("Ratings") if part_of(item) is Part.DOMAIN else self.tr("Answers")
        return self.tr("{0} are stored under the id “{1}”, which stays when you rename it.").format(
            stored, kept
        )

    def _on_label_edit_text_edited(self, text: str) -> None:
        item = self.tree.currentItem()
        if item is not None and not self._loading:
            item.setText(0, text)

    def _on_help_edit_text_changed(self) -> None:
        item = self.tree.currentItem()
        if item is not None and not self._loading and part_of(item) is not Part.DOMAINS:
            set_help(item, self.help_edit.toPlainText().strip())

    def _on_add_prompt(self) -> None:
        self.tree.add_prompt(self.tr("New prompt"))
        self._edit_label()

    def _on_add_section(self) -> None:
        self.tree.add_section(self.tr("New section"), self.tr("New prompt"))
        self._edit_label()

    def _on_add_domain(self) -> None:
        if self.tree.add_domain(self.tr("New domain")) is not None:
            self._edit_label()

    def _edit_label(self) -> None:
        self.label_edit.setFocus()
        self.label_edit.selectAll()

    def _on_move(self, step: int) -> None:
        self.tree.move_part(step)
        self._enable_buttons()
        self.tree.setFocus()

    def _on_remove(self) -> None:
        self.tree.remove_part()
        self._enable_buttons()
        self.tree.setFocus()

    def _on_save(self) -> None:
        try:
            saved = self._catalog.save(self.framework())
        except ReflectError as exc:
            self._show_error(exc)
            return
        self._original = saved
        self.saved.emit(saved)
        self.accept()

    def _show_error(self, exc: ReflectError) -> None:
        field = str(exc.params.get("field", ""))
        if exc.msg is Msg.FRAMEWORK_INVALID:
            text = self.tr("Not saved. {0} {1}.").format(field_words(field), exc.params["reason"])
        else:
            text = error_text(exc)
        self.error.setText(text)
        self.error.show()
        item = self.tree.item_at(field)
        if item is not None:
            self.tree.setCurrentItem(item)
            self._edit_label()
        elif field in ("name", "description"):
            (self.name if field == "name" else self.description).setFocus()

    def reject(self) -> None:
        if self.has_changes():
            answer = QMessageBox.question(
                self,
                self.tr("Discard changes?"),
                self.tr("Close without saving your changes to {0}?").format(self._original.name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()


def _text_box(name: str, height: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setMaximumHeight(height)
    return box


def _button(text: str, slot: Callable[[], Any]) -> QPushButton:
    button = QPushButton(text)
    button.clicked.connect(slot)
    return button
