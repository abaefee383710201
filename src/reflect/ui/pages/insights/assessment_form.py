"""The self-assessment form: rate yourself on each domain of a framework, with evidence.

Keyboard first: Tab reaches each domain's rating (arrow keys move along the scale) and then its
evidence line; Enter saves. The date is the moment it is saved.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reflect.app import App
from reflect.core.assessment import Assessment, Score
from reflect.core.entry import shorten
from reflect.core.framework import Domain, Framework
from reflect.errors import ReflectError
from reflect.ui.texts import error_text
from reflect.ui.widgets.basics import clear, compact_combo, label, scrolling


class DomainRating(QWidget):
    """One domain: its name and help, a radio button per step of the scale, a line of evidence."""

    changed = Signal()

    def __init__(self, domain: Domain, framework: Framework, parent: QWidget | None = None):
        super().__init__(parent)
        self.domain = domain
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 10)
        layout.setSpacing(4)
        name = label(domain.label, "card-heading")
        layout.addWidget(name)
        if domain.help:
            layout.addWidget(label(domain.help, "muted"))
        self.group = QButtonGroup(self)
        row = QHBoxLayout()
        row.setSpacing(14)
        scale = framework.scale
        for value in range(scale.low, scale.high + 1):
            words = scale.labels.get(value, "")
            button = QRadioButton(f"{value}  {words}".strip())
            button.setAccessibleName(
                self.tr("{0}: {1} of {2}").format(domain.label, value, scale.high)
            )
            if words:
                button.setAccessibleDescription(words)
            self.group.addButton(button, value)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.evidence = QLineEdit()
        self.evidence.setPlaceholderText(self.tr("Evidence: what did you do, see or hear?"))
        self.evidence.setAccessibleName(self.tr("Evidence for {0}").format(domain.label))
        layout.addWidget(self.evidence)
        self.group.idToggled.connect(lambda *_: self.changed.emit())

    def buttons(self) -> list[QRadioButton]:
        return [b for b in self.group.buttons() if isinstance(b, QRadioButton)]

    def score(self) -> Score | None:
        button = self.group.checkedButton()
        if button is None:
            return None
        evidence = " ".join(self.evidence.text().split())
        return Score(self.domain.id, self.group.id(button), evidence)


class AssessmentForm(QDialog):
    """Opened from Insights with "Rate yourself…"; saves through the assessments service."""

    recorded = Signal(object)  # the Assessment

    def __init__(self, app: App, framework_id: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._app = app
        self.setWindowTitle(self.tr("Rate yourself"))
        self.resize(820, 640)
        self.ratings: list[DomainRating] = []
        self.framework = compact_combo(28)
        self.framework.setAccessibleName(self.tr("Framework"))
        for framework in rateable_frameworks(app):
            self.framework.addItem(framework.name, framework.id)
        self.inquiry = compact_combo(28)
        self.inquiry.setAccessibleName(self.tr("Linked inquiry"))
        self._fill_inquiries()
        form = QFormLayout()
        form.addRow(self.tr("&Framework"), self.framework)
        form.addRow(self.tr("&Inquiry"), self.inquiry)
        self.overall = QLineEdit()
        self.overall.setPlaceholderText(self.tr("Optional: what was going on as you rated this"))
        self.overall.setAccessibleName(self.tr("Note on this self-assessment"))
        form.addRow(self.tr("&Note"), self.overall)
        self.note = label("", "muted")
        self._domains = QVBoxLayout()
        self._domains.setContentsMargins(0, 0, 12, 0)
        domains = QWidget()
        domains.setLayout(self._domains)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        intro = self.tr(
            "Where are you today on each domain? Pick a step on the scale and add a line of "
            "evidence: something you did, saw or heard. It is dated today and stays private."
        )
        layout.addWidget(label(intro, "muted"))
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(scrolling(domains), 1)
        layout.addWidget(self.buttons)
        self.framework.currentIndexChanged.connect(self._on_framework_changed)
        index = self.framework.findData(framework_id) if framework_id else -1
        self.framework.setCurrentIndex(max(index, 0))
        self._on_framework_changed()

    def _fill_inquiries(self) -> None:
        self.inquiry.addItem(self.tr("No inquiry"), None)
        active = self._app.inquiries.active()
        for inquiry in active:
            self.inquiry.addItem(shorten(inquiry.question, 60), inquiry.id)
            self.inquiry.setItemData(
                self.inquiry.count() - 1, inquiry.question, Qt.ItemDataRole.ToolTipRole
            )
        self.inquiry.setCurrentIndex(1 if len(active) == 1 else 0)

    def chosen(self) -> Framework | None:
        framework_id = self.framework.currentData()
        return self._app.frameworks.find(framework_id) if framework_id else None

    def _on_framework_changed(self, *_: object) -> None:
        clear(self._domains)
        self.ratings = []
        framework = self.chosen()
        if framework is None:
            self.note.setText(self.tr("No framework with domains to rate yet."))
        else:
            unchecked = self.tr("The domain names are not yet checked against the source.")
            self.note.setText("" if framework.verified else unchecked)
            for domain in framework.domains:
                rating = DomainRating(domain, framework)
                rating.changed.connect(self._update_save)
                self._domains.addWidget(rating)
                self.ratings.append(rating)
        self.note.setVisible(bool(self.note.text()))
        self._domains.addStretch(1)
        self._chain_focus()
        self._update_save()

    def _chain_focus(self) -> None:
        """Tab: framework, inquiry, note, then each rating and its evidence, then Save."""
        QWidget.setTabOrder(self.inquiry, self.overall)
        previous: QWidget = self.overall
        for rating in self.ratings:
            for button in rating.buttons():
                QWidget.setTabOrder(previous, button)
                previous = button
            QWidget.setTabOrder(previous, rating.evidence)
            previous = rating.evidence
        QWidget.setTabOrder(previous, self.save_button)

    def scores(self) -> list[Score]:
        return [s for s in (r.score() for r in self.ratings) if s is not None]

    def _update_save(self) -> None:
        self.save_button.setEnabled(bool(self.scores()))

    def save(self) -> Assessment | None:
        framework = self.chosen()
        if framework is None or not self.scores():
            return None
        try:
            assessment = self._app.assessments.record(
                framework.id,
                self.scores(),
                inquiry_id=self.inquiry.currentData(),
                note=self.overall.text(),
            )
        except ReflectError as exc:
            self.note.setText(error_text(exc))
            self.note.show()
            return None
        self.recorded.emit(assessment)
        self.accept()
        return assessment


def rateable_frameworks(app: App) -> list[Framework]:
    """Frameworks with domains to rate yourself on."""
    return [f for f in app.frameworks.all() if f.domains]
