"""The fields above an entry's text: the event it is about, title, kind, framework, inquiry,
what a learning log entry learned from, and tags. The combo boxes are as wide as their longest
item."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.app import App
from reflect.core.entry import DEFAULT_FRAMEWORKS, EntryKind
from reflect.core.framework import Framework
from reflect.core.guided_writing import prompt_label
from reflect.core.inquiry import InquiryStatus
from reflect.errors import ReflectError
from reflect.ui.dialogs.frameworks.framework_info import FrameworkInfoDialog
from reflect.ui.editor.learning_picker import LearningPicker
from reflect.ui.texts import error_text, kind_label
from reflect.ui.widgets.tag_chips import TagChips


def fitted_combo() -> QComboBox:
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


class EntryFields(QWidget):
    learning_failed = Signal(str)  # a learning link could not be made: for the status line

    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._entry_id: str | None = None
        self.event_label = QLabel()
        self.event_label.setProperty("role", "muted")
        self.event_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title = QLineEdit(placeholderText=self.tr("Title (optional)"))
        self.title.setAccessibleName(self.tr("Title"))
        self.kind = fitted_combo()
        self.kind.setAccessibleName(self.tr("Kind of entry"))
        for kind in EntryKind:
            self.kind.addItem(kind_label(kind), kind.value)
        self.kind.activated.connect(self._offer_default_framework)
        self.framework = fitted_combo()
        self.framework.setAccessibleName(self.tr("Framework to write with"))
        self.framework.setToolTip(self.tr("Lay out a framework's prompts to write under"))
        self.about_framework = QPushButton(self.tr("About…"))
        self.about_framework.setAccessibleDescription(
            self.tr("What this framework is, where it comes from, and how sure we are of it")
        )
        self.about_framework.clicked.connect(self._on_about_framework)
        # Inquiry questions are long: the box takes the row's width rather than its text's,
        # and its list opens as wide as the longest question.
        self.inquiry = QComboBox()
        self.inquiry.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.inquiry.setMinimumContentsLength(20)
        self.inquiry.setAccessibleName(self.tr("Linked inquiry"))
        self.tags = TagChips()
        self.learning = LearningPicker(app)
        self.kind.currentIndexChanged.connect(self._show_learning)
        self.inquiry.currentIndexChanged.connect(
            lambda: self.learning.refill(self.inquiry.currentData(), self._entry_id)
        )

        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.framework)
        row.addWidget(self.about_framework)
        row.addStretch(1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        inquiry_label = QLabel(self.tr("&Inquiry"))
        inquiry_label.setBuddy(self.inquiry)
        tags_label = QLabel(self.tr("Ta&gs"))
        tags_label.setBuddy(self.tags.field)
        form.addRow(inquiry_label, self.inquiry)
        form.addRow(self.tr("Learned from"), self.learning)
        form.addRow(tags_label, self.tags)
        self._form = form
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.event_label)
        column.addWidget(self.title)
        column.addLayout(row)
        column.addLayout(form)
        self._show_learning()

    def tab_chain(self) -> list[QWidget]:
        """The fields in Tab order: title, kind, framework, inquiry, tags."""
        return [
            self.title,
            self.kind,
            self.framework,
            self.about_framework,
            self.inquiry,
            self.learning.cycle,
            self.learning.measure,
            *self.tags.remove_buttons(),
            self.tags.field,
        ]

    def show_event(self, event_id: str | None) -> None:
        """Which programme event this entry is about (it stays linked through pack updates)."""
        event = None
        if event_id is not None:
            try:
                event = self._app.programme.event(event_id)
            except ReflectError:
                event = None  # the pack is gone; the link is kept, there is nothing to show
        self.event_label.setVisible(event is not None)
        if event is not None:
            self.event_label.setText(
                self.tr("Reflecting on {0}, {1}").format(event.title, f"{event.day:%A %d %B}")
            )

    def fill_frameworks(self, chosen: str | None) -> None:
        self.framework.clear()
        self.framework.addItem(self.tr("No framework"), None)
        for framework in self._app.frameworks.all():
            self.framework.addItem(framework.name, framework.id)
        if chosen is not None and self.framework.findData(chosen) < 0:
            # Written with a framework that is not here (a coaching session, a deleted copy).
            self.framework.addItem(prompt_words(chosen), chosen)
        self.framework.setCurrentIndex(max(0, self.framework.findData(chosen)))
        self.about_framework.setEnabled(self.find_framework(chosen) is not None)

    def _offer_default_framework(self) -> None:
        # Choosing a kind with prompts of its own (a learning log) lays them out, unless a
        # framework is already chosen: the person's choice wins.
        default = DEFAULT_FRAMEWORKS.get(EntryKind(self.kind.currentData()))
        if default is not None and self.framework.currentData() is None:
            self.framework.setCurrentIndex(max(0, self.framework.findData(default)))

    def find_framework(self, framework_id: str | None) -> Framework | None:
        return None if framework_id is None else self._app.frameworks.find(framework_id)

    def _on_about_framework(self) -> None:
        framework = self.find_framework(self.framework.currentData())
        if framework is not None:
            FrameworkInfoDialog(framework, self).exec()

    def fill_inquiries(self, chosen: str | None, entry_id: str | None = None) -> None:
        """The inquiry box, with ``chosen`` chosen; and, for the entry ``entry_id`` (None: a
        new one), what it learned from."""
        self._entry_id = entry_id
        self.inquiry.blockSignals(True)  # the learning picker is loaded once, below
        self.inquiry.clear()
        self.inquiry.addItem(self.tr("No inquiry"), None)
        for inquiry in self._app.inquiries.all():
            if inquiry.status is InquiryStatus.ACTIVE or inquiry.id == chosen:
                self.inquiry.addItem(inquiry.question, inquiry.id)
        self.inquiry.setCurrentIndex(max(0, self.inquiry.findData(chosen)))
        self.inquiry.blockSignals(False)
        self.learning.load(self.inquiry.currentData(), entry_id)
        self._show_learning()
        view = self.inquiry.view()
        # The list opens wide enough for the longest question (up to a sensible width).
        view.setMinimumWidth(min(900, view.sizeHintForColumn(0) + 2 * view.frameWidth() + 24))

    def _show_learning(self) -> None:
        shown = self.kind.currentData() == EntryKind.LEARNING.value
        self._form.setRowVisible(self.learning, shown)

    def save_learning(self, entry_id: str) -> None:
        """Link a kept learning log entry to what the picker shows."""
        if self.kind.currentData() != EntryKind.LEARNING.value:
            return  # another kind names no cycle or measure
        try:
            self.learning.save(entry_id)
        except ReflectError as exc:
            self.learning_failed.emit(error_text(exc))


def prompt_words(framework_id: str) -> str:
    """A name for a framework id the catalog does not know."""
    return prompt_label(None, None, framework_id)
