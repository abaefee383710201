"""The trio-session form: who and when, my role in each round, what I brought, learned and owe.

Each field has a visible label (its buddy), a short hint written in our own words, and the same
text as its accessible name and description. The form only reads and fills widgets; saving is
the page's job.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reflect.core.coaching import DEFAULT_ROLES, CoachingSession, Role, split_members
from reflect.ui.widgets.basics import compact_combo, label

DATE_FORMAT = "ddd d MMM yyyy"
ISO = "yyyy-MM-dd"
TEXT_LINES = 4
DUE_AFTER_DAYS = 14


class NamesCompleter(QCompleter):
    """Completes the name after the last comma and keeps the names typed before it."""

    def __init__(self, field: QLineEdit) -> None:
        self._names = QStringListModel(field)
        super().__init__(self._names, field)
        self._field = field
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_names(self, names: list[str]) -> None:
        self._names.setStringList(names)

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        typed = self._field.text()
        before = typed.rsplit(",", 1)[0] + ", " if "," in typed else ""
        return before + str(index.data())


class CoachingForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._session_fields()
        self._presenter_fields()
        self._coach_fields()
        self.clear()
        self.reset_dates(QDate.currentDate())

    # Building ----------------------------------------------------------------------------

    def _session_fields(self) -> None:
        self._section(self.tr("The session"))
        self.date = date_edit()
        self._field(self.tr("Date"), self.tr("The day your trio met."), self.date, stretch=False)
        self.members = QLineEdit(placeholderText=self.tr("For example: Dev, Siân"))
        self.names = NamesCompleter(self.members)
        self.members.setCompleter(self.names)
        self._field(
            self.tr("Trio members"),
            self.tr("The other two people in your trio, separated by commas."),
            self.members,
        )
        self._rounds()

    def _rounds(self) -> None:
        self.rounds: list[QComboBox] = []
        row = QHBoxLayout()
        row.setSpacing(8)
        for number, default in enumerate(DEFAULT_ROLES, start=1):
            combo = QComboBox()
            for role, text in role_names(self).items():
                combo.addItem(text, role.value)
            combo.setCurrentIndex(combo.findData(default.value))
            caption = QLabel(self.tr("Round {0}").format(number))
            caption.setBuddy(combo)
            combo.setAccessibleName(self.tr("My role in round {0}").format(number))
            row.addWidget(caption)
            row.addWidget(combo)
            row.addSpacing(16)
            self.rounds.append(combo)
        row.addStretch(1)
        self._layout.addSpacing(8)
        self._layout.addWidget(caption_label(self.tr("My role in each round")))
        self._layout.addWidget(
            label(
                self.tr(
                    "Roles rotate so each of you takes each one once. The presenter brings a "
                    "live issue and leaves with an action; the coach asks open questions and "
                    "gives no advice; the observer watches the coach and offers specific "
                    "feedback."
                ),
                "muted",
            )
        )
        self._layout.addLayout(row)

    def _presenter_fields(self) -> None:
        self._section(self.tr("When you presented"))
        self.issue = self._text(
            self.tr("Issue or question you brought"),
            self.tr("The live issue you brought to the trio, in a sentence or two."),
        )
        self.questions = self._text(
            self.tr("Questions that helped"),
            self.tr(
                "The coach's questions that opened something up, as close to their words "
                "as you remember."
            ),
        )
        self.insight = self._text(
            self.tr("Insight"), self.tr("What you see differently now, or what surprised you.")
        )
        self.action = QLineEdit(placeholderText=self.tr("One thing you will do"))
        self._field(
            self.tr("Action you committed to"),
            self.tr("Something you will try before you next meet. It goes into your Actions."),
            self.action,
        )
        self.has_due = QCheckBox(self.tr("Has a due date"))
        self.due = date_edit()
        self.due.setAccessibleName(self.tr("Due date of the action"))
        self.has_due.toggled.connect(self.due.setEnabled)
        row = QHBoxLayout()
        row.addWidget(self.has_due)
        row.addWidget(self.due)
        row.addStretch(1)
        self._layout.addLayout(row)

    def _coach_fields(self) -> None:
        self._section(self.tr("When you coached"))
        self.feedback = self._text(
            self.tr("Feedback you received as coach"),
            self.tr(
                "What the observer noticed about your coaching: questions that worked, "
                "and any advice that slipped in."
            ),
        )
        self.inquiry = compact_combo(24)
        self._inquiry_picked = False  # once the user picks, even "No inquiry", keep their pick
        self.inquiry.activated.connect(self._on_inquiry_activated)
        self._field(
            self.tr("Linked inquiry"),
            self.tr("The inquiry question this session speaks to, if any."),
            self.inquiry,
        )

    def _section(self, text: str) -> None:
        self._layout.addSpacing(12)
        heading = label(text, "section")
        heading.setIndent(0)
        self._layout.addWidget(heading)

    def _text(self, caption: str, hint: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)  # keyboard users move on with Tab, as in any form
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * TEXT_LINES + 16)
        self._field(caption, hint, edit)
        return edit

    def _field(self, caption: str, hint: str, widget: QWidget, stretch: bool = True) -> None:
        title = caption_label(caption)
        title.setBuddy(widget)
        widget.setAccessibleName(caption)
        widget.setAccessibleDescription(hint)
        self._layout.addSpacing(8)
        self._layout.addWidget(title)
        self._layout.addWidget(label(hint, "muted"))
        if stretch:
            self._layout.addWidget(widget)
        else:
            row = QHBoxLayout()
            row.addWidget(widget)
            row.addStretch(1)
            self._layout.addLayout(row)

    # Reading and filling -----------------------------------------------------------------

    def focus_chain(self) -> list[QWidget]:
        """The fields in reading order, for the page's tab order."""
        return [
            self.date,
            self.members,
            *self.rounds,
            self.issue,
            self.questions,
            self.insight,
            self.action,
            self.has_due,
            self.due,
            self.feedback,
            self.inquiry,
        ]

    def session(self, followup: str = "") -> CoachingSession:
        return CoachingSession(
            date=self.date.date().toString(ISO),
            members=split_members(self.members.text()),
            roles=tuple(str(combo.currentData()) for combo in self.rounds),
            issue=self.issue.toPlainText(),
            helpful_questions=self.questions.toPlainText(),
            insight=self.insight.toPlainText(),
            action_text=self.action.text(),
            action_due=self.due.date().toString(ISO) if self.has_due.isChecked() else None,
            feedback_as_coach=self.feedback.toPlainText(),
            followup=followup,
            inquiry_id=self.inquiry.currentData(),
        )

    def clear(self) -> None:
        """Empty every field and put the roles back in their usual rotation."""
        for combo, role in zip(self.rounds, DEFAULT_ROLES, strict=True):
            combo.setCurrentIndex(combo.findData(role.value))
        for edit in (self.issue, self.questions, self.insight, self.feedback):
            edit.clear()
        self.members.clear()
        self.action.clear()
        self.has_due.setChecked(False)
        self.due.setEnabled(False)

    def reset_dates(self, today: QDate) -> None:
        self.date.setDate(today)
        self.due.setDate(today.addDays(DUE_AFTER_DAYS))

    def is_blank(self) -> bool:
        """Nothing typed yet (the date, roles and inquiry have defaults, so they don't count)."""
        texts = (self.issue, self.questions, self.insight, self.feedback)
        return not (
            self.members.text().strip()
            or self.action.text().strip()
            or any(edit.toPlainText().strip() for edit in texts)
        )

    def set_names(self, names: list[str]) -> None:
        self.names.set_names(names)

    def set_inquiries(self, inquiries: list[tuple[str, str]]) -> None:
        """Fill the inquiry choice, keeping the current one (or the only one) chosen."""
        chosen = self.inquiry.currentData()
        if chosen is None and not self._inquiry_picked and len(inquiries) == 1:
            chosen = inquiries[0][1]
        self.inquiry.blockSignals(True)
        self.inquiry.clear()
        self.inquiry.addItem(self.tr("No inquiry"), None)
        for question, inquiry_id in inquiries:
            self.inquiry.addItem(question, inquiry_id)
            self.inquiry.setItemData(
                self.inquiry.count() - 1, question, Qt.ItemDataRole.ToolTipRole
            )
        self.inquiry.setCurrentIndex(max(0, self.inquiry.findData(chosen)))
        self.inquiry.blockSignals(False)

    def _on_inquiry_activated(self, _index: int) -> None:
        self._inquiry_picked = True

    def choose_inquiry(self, inquiry_id: str | None) -> None:
        """Link the inquiry ``inquiry_id`` when it is one of the choices."""
        found = self.inquiry.findData(inquiry_id)
        if inquiry_id is not None and found >= 0:
            self.inquiry.setCurrentIndex(found)


def date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    return edit


def caption_label(text: str) -> QLabel:
    return label(text, "caption")


def role_names(widget: QWidget) -> dict[Role, str]:
    return {
        Role.PRESENTER: widget.tr("Presenter"),
        Role.COACH: widget.tr("Coach"),
        Role.OBSERVER: widget.tr("Observer"),
    }
