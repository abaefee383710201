"""For appraisal or revalidation: the chosen entries as accounts of a form, every field editable,
each passage that may identify someone marked in it, and Export held back until each one is
edited away or kept on purpose.

The accounts and the scan are ``services/appraisal.py``'s (the privacy scan sharing uses), run
again on a field each time it changes, so an edit that removes a passage clears its warning at
once. "Next warning" (Alt+N) goes to the next open warning and selects it in its field, so
typing replaces it; "Keep this one" (Alt+K) keeps it as it is. Marks use the theme's colours
and are laid again when the palette changes, so they read in light and dark.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QEvent, QSignalBlocker
from PySide6.QtGui import QShowEvent, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from reflect.app import App
from reflect.core.clock import local_date, to_text
from reflect.services.appraisal import (
    FORMS,
    Account,
    AppraisalForm,
    Hit,
    edited,
    field_hits,
    load_form,
    scan,
    unresolved,
)
from reflect.ui.flows.share_preview import msg_text, qt_length
from reflect.ui.flows.share_preview_pane import mark_formats
from reflect.ui.texts import day_text, entry_title
from reflect.ui.widgets.basics import label

FIELD_LINES = 5  # a field's box shows this many lines before it scrolls


class FieldEdit(QPlainTextEdit):
    """One field of one account: Tab moves on, as in every other form."""

    def __init__(self, account: int, field_id: str, text: str) -> None:
        super().__init__(text)
        self.account = account
        self.field_id = field_id
        self.setTabChangesFocus(True)
        # A steady height: a long field scrolls in its box rather than pushing the rest away.
        margins = self.contentsMargins().top() + self.contentsMargins().bottom()
        lines = self.fontMetrics().lineSpacing() * FIELD_LINES
        self.setFixedHeight(lines + margins + 2 * int(self.document().documentMargin()))


class AppraisalDialog(QDialog):
    """Choose the form, read and edit each account, and deal with every warning.

    Opened with ``open()`` (not ``exec()``) so that tests can drive it with keys.
    """

    def __init__(self, app: App, entry_ids: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._entry_ids = tuple(entry_ids)
        self._today: date = local_date(to_text(app.clock()))
        self._form = load_form(FORMS[0])
        self._accounts: tuple[Account, ...] = ()
        self._hits: dict[tuple[int, str], list[Hit]] = {}
        self.kept: set[tuple[str, str, str]] = set()
        self.current: Hit | None = None
        self.edits: list[FieldEdit] = []
        self.setWindowTitle(self.tr("For appraisal or revalidation"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        form_label = QLabel(self.tr("&Form:"))
        self.form_combo = QComboBox()
        for form_id in FORMS:
            self.form_combo.addItem(load_form(form_id).name, form_id)
        form_label.setBuddy(self.form_combo)
        top.addWidget(form_label)
        top.addWidget(self.form_combo, 1)
        layout.addLayout(top)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        layout.addWidget(self.scroll_area, 1)
        self.warning = label("", "muted")
        self.warning.setWordWrap(True)
        layout.addWidget(self.warning)
        row = QHBoxLayout()
        self.next_button = QPushButton(self.tr("&Next warning"))
        self.next_button.setAutoDefault(False)
        self.next_button.clicked.connect(self.next_warning)
        self.keep_button = QPushButton(self.tr("&Keep this one"))
        self.keep_button.setAutoDefault(False)
        self.keep_button.clicked.connect(self.keep_current)
        row.addWidget(self.next_button)
        row.addWidget(self.keep_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.reason = label("")
        self.reason.setWordWrap(True)
        layout.addWidget(self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(
            self.tr("&Export…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.form_combo.currentIndexChanged.connect(self._on_form_changed)
        self._show_accounts()
        self.resize(720, 640)  # clamped to the screen by ui/screen_fit.py

    # What was chosen ---------------------------------------------------------------------

    def form(self) -> AppraisalForm:
        return self._form

    def accounts(self) -> tuple[Account, ...]:
        """The accounts as edited."""
        return self._accounts

    def open_hits(self) -> list[Hit]:
        """Warnings neither edited away nor kept, in the order they stand in the accounts."""
        order = {(e.account, e.field_id): n for n, e in enumerate(self.edits)}
        hits = sorted(
            (hit for found in self._hits.values() for hit in found),
            key=lambda h: (order[(h.account, h.field)], h.start),
        )
        return unresolved(hits, self._accounts, self.kept)

    # Building ----------------------------------------------------------------------------

    def _on_form_changed(self, _index: int) -> None:
        self._form = load_form(str(self.form_combo.currentData()))
        self._show_accounts()

    def _show_accounts(self) -> None:
        """The accounts of the chosen form, built afresh from the entries."""
        self._accounts = self._app.appraisal.accounts(self._form, self._entry_ids)
        self.current = None
        self.edits = []
        body = QWidget()
        column = QVBoxLayout(body)
        note = label(self._form.note, "muted")
        note.setWordWrap(True)
        column.addWidget(note)
        for n, account in enumerate(self._accounts):
            title = f"{entry_title(account.entry_title)} · {day_text(account.day)}"
            box = QGroupBox(title)
            fields = QVBoxLayout(box)
            for field in account.fields:
                caption = QLabel(field.label)
                caption.setWordWrap(True)
                edit = FieldEdit(n, field.id, field.text)
                edit.setAccessibleName(field.label)
                caption.setBuddy(edit)
                edit.textChanged.connect(lambda e=edit: self._on_field_edited(e))
                fields.addWidget(caption)
                fields.addWidget(edit)
                self.edits.append(edit)
            column.addWidget(box)
        column.addStretch(1)
        self.scroll_area.setWidget(body)
        for edit in self.edits:  # the text as the field holds it ("\r\n" is one break there)
            text = edit.toPlainText()
            self._accounts = edited(self._accounts, edit.account, edit.field_id, text)
        found = scan(self._accounts, self._today)
        self._hits = {(e.account, e.field_id): [] for e in self.edits}
        for hit in found:
            self._hits[(hit.account, hit.field)].append(hit)
        self.next_warning()

    # Warnings ----------------------------------------------------------------------------

    def _on_field_edited(self, edit: FieldEdit) -> None:
        text = edit.toPlainText()
        self._accounts = edited(self._accounts, edit.account, edit.field_id, text)
        # Only this field is scanned again, so typing stays quick however long the others are.
        hits = field_hits(edit.account, edit.field_id, text, self._today)
        self._hits[(edit.account, edit.field_id)] = hits
        if self.current is not None:
            key = self.current.key(self._accounts)
            self.current = next((h for h in self.open_hits() if h.key(self._accounts) == key), None)
        self._refresh()

    def next_warning(self) -> None:
        """Go to the open warning after the current one (the first after the last) and select
        it in its field, focused, so typing replaces it."""
        hits = self.open_hits()
        if not hits:
            self.current = None
        elif self.current not in hits:
            after = [h for h in hits if self._place(h) > self._place(self.current)]
            self.current = (after or hits)[0] if self.current is not None else hits[0]
        else:
            self.current = hits[(hits.index(self.current) + 1) % len(hits)]
        self._refresh()
        if self.current is not None:
            edit = self._edit_of(self.current)
            edit.setTextCursor(self._cursor(edit, self.current))
            self.scroll_area.ensureWidgetVisible(edit)
            edit.setFocus()

    def keep_current(self) -> None:
        """Keep the current warning's passage as it is, and go to the next."""
        if self.current is not None:
            self.kept.add(self.current.key(self._accounts))
            self.next_warning()

    def _place(self, hit: Hit | None) -> tuple[int, int]:
        if hit is None:
            return (-1, -1)
        return self.edits.index(self._edit_of(hit)), hit.start

    def _edit_of(self, hit: Hit) -> FieldEdit:
        return next(e for e in self.edits if (e.account, e.field_id) == (hit.account, hit.field))

    def _refresh(self) -> None:
        hits = self.open_hits()
        if self.current is not None and self.current not in hits:
            self.current = None
        self._mark(hits)
        self.next_button.setEnabled(bool(hits))
        self.keep_button.setEnabled(self.current is not None)
        self.export_button.setEnabled(not hits)
        if hits:
            self.reason.setText(
                self.tr(
                    "Export waits until each passage that may identify someone is edited "
                    "away or kept on purpose: %n warning(s) left.",
                    "",
                    len(hits),
                )
            )
        else:
            self.reason.setText(self.tr("Nothing is left that may identify someone."))
        self.export_button.setToolTip(self.reason.text() if hits else "")
        self.warning.setText(self._warning_text(self.current, hits))

    def _warning_text(self, hit: Hit | None, hits: list[Hit]) -> str:
        if hit is None:
            return ""
        account = self._accounts[hit.account]
        return self.tr("Warning {0} of {1}: “{2}” {3}, in “{4}”, under “{5}”").format(
            hits.index(hit) + 1,
            len(hits),
            hit.text,
            msg_text(hit.reason),
            entry_title(account.entry_title),
            account.field(hit.field).label,
        )

    # Marks -------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.current is not None:  # start at the first warning, selected, ready to edit
            self._edit_of(self.current).setFocus()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._mark(self.open_hits())  # the scheme changed: lay the marks in its colours

    def _mark(self, hits: list[Hit]) -> None:
        for edit in self.edits:
            warning, chosen = mark_formats(edit.palette())
            selections = []
            for hit in hits:
                if (hit.account, hit.field) == (edit.account, edit.field_id):
                    selection = QTextEdit.ExtraSelection()
                    selection.cursor = self._cursor(edit, hit)  # type: ignore[attr-defined]
                    selection.format = chosen if hit == self.current else warning  # type: ignore[attr-defined]
                    selections.append(selection)
            with QSignalBlocker(edit):
                edit.setExtraSelections(selections)

    def _cursor(self, edit: FieldEdit, hit: Hit) -> QTextCursor:
        """The hit's span as Qt counts positions (UTF-16), selected."""
        text = edit.toPlainText()
        start = qt_length(text[: hit.start])
        cursor = QTextCursor(edit.document())
        cursor.setPosition(start)
        cursor.setPosition(start + qt_length(hit.text), QTextCursor.MoveMode.KeepAnchor)
        return cursor
