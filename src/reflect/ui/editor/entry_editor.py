"""The entry editor: one calm writing surface in one scroll (the fields, a framework's prompts
over text areas that grow, the free text); a preview on request (Ctrl+Shift+P), find and
replace (Ctrl+F), word counts, spell checking. Every change is autosaved as a draft a second
after typing stops and at least every two seconds while it goes on, so a crash loses at most
the last two seconds; "Done" (or leaving the editor) keeps the draft as the entry.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reflect.app import App
from reflect.core.draft import Draft
from reflect.core.entry import DEFAULT_FRAMEWORKS, Entry, EntryKind
from reflect.core.guided_writing import Slot, as_markdown, responses_of, slots_for, switch_framework
from reflect.errors import ReflectError
from reflect.ui.editor.entry_fields import EntryFields
from reflect.ui.editor.find_bar import FindBar
from reflect.ui.editor.growing import Growth, keep_cursor_visible
from reflect.ui.editor.markdown_edit import MarkdownEdit, formatting_toolbar
from reflect.ui.editor.prompt_sections import COUNT_DELAY_MS, PromptSections
from reflect.ui.editor.spelling import check_spelling
from reflect.ui.editor.word_count import count_words, words_label
from reflect.ui.texts import error_text
from reflect.ui.widgets.basics import chain_tabs, scrolling
from reflect.ui.widgets.safe_browser import SafeBrowser

AUTOSAVE_MS = 1000  # after this quiet moment
# Each keystroke pushes the quiet-moment save back, so someone typing without a pause would
# never be saved; this deadline, started by the first unsaved change, is never pushed back.
AUTOSAVE_MAX_WAIT_MS = 2000
BODY_MIN_LINES = 12  # the free text, alone: room to start writing
BODY_MIN_LINES_UNDER_PROMPTS = 4  # "Anything else?"


class EntryEditor(QWidget):
    kept = Signal(str)  # entry id
    trashed = Signal(str)  # entry id
    failed = Signal(str)  # a message for the status line
    history_requested = Signal(str)  # entry id
    preview_toggled = Signal(bool)  # remembered as a preference

    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._draft: Draft | None = None
        self._loading = False
        self._spelling_on = True
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.autosave_now)
        self._autosave_deadline = QTimer(self, singleShot=True, interval=AUTOSAVE_MAX_WAIT_MS)
        self._autosave_deadline.timeout.connect(self.autosave_now)
        self._recount = QTimer(self, singleShot=True, interval=COUNT_DELAY_MS)
        self._recount.timeout.connect(self.count_words_now)
        self._last_area: MarkdownEdit | None = None
        self._build()

    # Building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.fields = EntryFields(self._app)
        fields = self.fields
        self.title, self.kind, self.framework = fields.title, fields.kind, fields.framework
        self.about_framework, self.inquiry = fields.about_framework, fields.inquiry
        self.tags, self.event_label = fields.tags, fields.event_label
        self.body = MarkdownEdit()
        self.body.setAccessibleName(self.tr("Entry text (Markdown)"))
        self.body.setAccessibleDescription(
            self.tr("Ctrl+Tab moves focus out of the text; Ctrl+Return keeps the entry.")
        )
        self._body_growth = Growth(self.body, BODY_MIN_LINES, fill=True)
        self.responses = PromptSections()
        self.responses.changed.connect(self._on_changed)
        self.preview = SafeBrowser()
        self.preview.setAccessibleName(self.tr("Preview"))
        self.preview.hide()  # writing gets the width until the preview is asked for
        self.status = QLabel()
        self.status.setProperty("role", "muted")
        self.words = QLabel()
        self.words.setProperty("role", "muted")
        self.words.setAccessibleName(self.tr("Words in this entry"))

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(12, 8, 12, 8)
        column.addWidget(fields)
        column.addWidget(self.responses)
        column.addWidget(self.body, 1)
        self.scroll_area = scrolling(content)
        self.find_bar = FindBar(self.text_areas)
        self.find_bar.shown_match.connect(self._reveal)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.scroll_area)
        self.splitter.addWidget(self.preview)
        self.splitter.setSizes([600, 400])
        self.splitter.setChildrenCollapsible(False)
        toolbar = formatting_toolbar(self.body, self, self.writing_area)
        self.preview_action = self._preview_action()
        toolbar.addSeparator()
        toolbar.addAction(self.preview_action)
        layout = QVBoxLayout(self)
        layout.addWidget(toolbar)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(self._buttons())

        changes = (self.title.textEdited, self.tags.changed, self.body.textChanged)
        for signal in (*changes, self.kind.currentIndexChanged, fields.learning.changed):
            signal.connect(self._on_changed)
        self.framework.currentIndexChanged.connect(self._on_framework_changed)
        self.inquiry.currentIndexChanged.connect(self._on_changed)
        self.tags.changed.connect(self._chain_tab_order)
        fields.learning_failed.connect(self.failed)
        self.kept.connect(fields.save_learning)  # connected first: before the window moves on
        self.body.cursorPositionChanged.connect(lambda: self._reveal(self.body))
        self.check_spelling(self._spelling_on)
        QApplication.instance().focusChanged.connect(self._on_focus_changed)  # type: ignore[union-attr]

    def _preview_action(self) -> QAction:
        action = QAction(self.tr("Preview"), self, checkable=True)
        action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(self.tr("Show the formatted text beside it (Ctrl+Shift+P)"))
        action.toggled.connect(self._on_preview_toggled)
        self.addAction(action)
        return action

    def _buttons(self) -> QHBoxLayout:
        self.done = QPushButton(self.tr("Done"))
        self.done.setProperty("role", "primary")
        self.done.clicked.connect(self.keep)
        self.done.setToolTip(self.tr("Keep this entry (Ctrl+Return)"))
        # An action, not a button shortcut: a button's shortcut clicks it only after a delay.
        finish = QAction(self.tr("Done"), self)
        finish.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        finish.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        finish.triggered.connect(self.keep)
        self.addAction(finish)
        self.history = QPushButton(self.tr("History…"))
        self.history.clicked.connect(self._on_history)
        self.trash = QPushButton(self.tr("Move to trash"))
        self.trash.clicked.connect(self.move_to_trash)
        row = QHBoxLayout()
        row.addWidget(self.words)
        row.addWidget(self.status, 1)
        row.addWidget(self.history)
        row.addWidget(self.trash)
        row.addWidget(self.done)
        return row

    def apply_preferences(self, text_size: int, show_preview: bool) -> None:
        for area in self.text_areas():
            font = area.font()
            font.setPointSize(text_size)
            area.setFont(font)
        self.preview_action.setChecked(show_preview)
        self.preview.setVisible(show_preview)

    def _on_preview_toggled(self, shown: bool) -> None:
        self.preview.setVisible(shown)
        draft = self.current_draft()
        if shown and draft is not None:
            self._show_preview(draft)
        self.preview_toggled.emit(shown)

    # The text areas, find, and the one scroll ----------------------------------------------

    def text_areas(self) -> list[QPlainTextEdit]:
        """Every text area of the entry, in reading order: the prompts, then the free text."""
        return [*self.responses.boxes(), self.body]

    def writing_area(self) -> MarkdownEdit:
        """The text area formatting applies to: the one last written in."""
        last = self._last_area
        return last if last is not None and last in self.text_areas() else self.body

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, MarkdownEdit) and new in self.text_areas():
            self._last_area = new

    def open_find(self) -> None:
        self.find_bar.open_bar()

    def _reveal(self, area: QPlainTextEdit) -> None:
        if not self._loading:  # an entry opens at its top
            keep_cursor_visible(self.scroll_area, area)

    def _chain_tab_order(self) -> None:
        prompts = self.responses.boxes()
        buttons = [self.history, self.trash, self.done]
        chain_tabs([*self.fields.tab_chain(), *prompts, self.body, *buttons])

    def check_spelling(self, on: bool) -> None:
        """Spell checking on or off in every text area: the prompts and the free text."""
        self._spelling_on = on
        for area in self.text_areas():
            check_spelling(area, self._app.spelling, on)

    # Opening -----------------------------------------------------------------------------

    def open_new(
        self,
        kind: EntryKind = EntryKind.REFLECTION,
        inquiry_id: str | None = None,
        body: str = "",
        framework_id: str | None = None,
        event_id: str | None = None,
    ) -> None:
        draft = replace(
            self._app.drafts.start(),
            kind=kind,
            inquiry_id=inquiry_id,
            body=body,
            framework_id=framework_id or DEFAULT_FRAMEWORKS.get(kind),
            event_id=event_id,
        )
        self._load(draft)

    def open_entry(self, entry: Entry) -> None:
        self._load(self._app.drafts.start(entry))

    def open_draft(self, draft: Draft) -> None:
        self._load(draft)

    @property
    def draft(self) -> Draft | None:
        return self._draft

    def _load(self, draft: Draft) -> None:
        self._loading = True
        try:
            self._draft = draft
            self.title.setText(draft.title)
            self.fields.show_event(draft.event_id)
            self.kind.setCurrentIndex(max(0, self.kind.findData(draft.kind.value)))
            self.fields.fill_inquiries(draft.inquiry_id, draft.entry_id)
            self.tags.set_tags(draft.tags)
            self.tags.set_known(self._app.entries.known_tags())
            self.body.setPlainText(draft.body)
            self.fields.fill_frameworks(draft.framework_id)
            framework = self.fields.find_framework(draft.framework_id)
            self._lay_out(slots_for(framework, draft.framework_id, draft.responses))
            self._show_preview(draft)
            for button in (self.history, self.trash):
                button.setEnabled(draft.entry_id is not None)
            self.status.setText("")
        finally:
            self._loading = False
        self.find_bar.hide()
        self.count_words_now()
        self.scroll_area.verticalScrollBar().setValue(0)
        # Writing starts at the top: the first prompt, or the free text when there are none.
        self.text_areas()[0].setFocus()

    def _lay_out(self, slots: tuple[Slot, ...]) -> None:
        self.responses.setVisible(bool(slots))
        self.responses.load(slots)
        for box in self.responses.boxes():
            font = box.font()
            font.setPointSize(self.body.font().pointSize())
            box.setFont(font)
            box.textChanged.connect(self._recount.start)
            box.cursorPositionChanged.connect(lambda box=box: self._reveal(box))
        # Structured entries are mostly their answers; the free text is for extras.
        self._body_growth.set_min_lines(BODY_MIN_LINES_UNDER_PROMPTS if slots else BODY_MIN_LINES)
        self.body.setPlaceholderText(
            self.tr("Anything else?")
            if slots
            else self.tr("What happened? What did you notice? What now?")
        )
        self._chain_tab_order()
        self.check_spelling(self._spelling_on)  # prompt areas are new for each framework

    def _on_framework_changed(self) -> None:
        if self._loading or self._draft is None:
            return
        chosen = self.framework.currentData()
        framework = self.fields.find_framework(chosen)
        body, slots = switch_framework(self.body.toPlainText(), self.responses.slots(), framework)
        self._loading = True
        try:
            self.body.setPlainText(body)
            self._lay_out(slots)
        finally:
            self._loading = False
        self.about_framework.setEnabled(framework is not None)
        self._draft = replace(self._draft, framework_id=chosen)
        self._on_changed()

    def count_words_now(self) -> None:
        self._recount.stop()
        total = sum(count_words(area.toPlainText()) for area in self.text_areas())
        self.words.setText(words_label(total))

    # Editing -----------------------------------------------------------------------------

    def current_draft(self) -> Draft | None:
        if self._draft is None:
            return None
        return replace(
            self._draft,
            title=self.title.text().strip(),
            body=self.body.toPlainText(),
            kind=EntryKind(self.kind.currentData()),
            inquiry_id=self.inquiry.currentData(),
            tags=self.tags.tags(),
            framework_id=self.framework.currentData(),
            responses=responses_of(self.responses.slots()),
        )

    def _on_changed(self) -> None:
        if self._loading or self._draft is None:
            return
        draft = self.current_draft()
        if draft is not None:
            self._show_preview(draft)
        self.status.setText(self.tr("Editing…"))
        self._recount.start()
        self._autosave.start()
        if not self._autosave_deadline.isActive():
            self._autosave_deadline.start()

    def _show_preview(self, draft: Draft) -> None:
        if not self.preview_action.isChecked():
            return  # rendered when it is shown
        framework = self.fields.find_framework(draft.framework_id)
        slots = slots_for(framework, draft.framework_id, draft.responses)
        sections = as_markdown(slots)
        # Long text renders off the UI thread; the old preview stays until the new one is ready.
        text = "\n\n".join(p for p in (draft.body, sections) if p)
        self.preview.show_markdown(text, keep_while_rendering=True)

    def autosave_now(self) -> None:
        """Store the current state as a draft now (also called before quitting)."""
        self._stop_autosave()
        draft = self.current_draft()
        if draft is None:
            return
        try:
            self._draft = self._app.drafts.autosave(draft)
        except ReflectError as exc:
            # The text stays in the editor; say why it could not be stored.
            self.failed.emit(error_text(exc))
            self.status.setText(self.tr("Not saved: {0}").format(error_text(exc)))
            return
        self.status.setText(self.tr("Draft saved"))

    def _stop_autosave(self) -> None:
        self._autosave.stop()
        self._autosave_deadline.stop()

    def keep(self) -> bool:
        """Keep the draft as an entry; True when there is nothing left unsaved."""
        self._stop_autosave()
        draft = self.current_draft()
        if draft is None:
            return True
        try:
            entry = self._app.drafts.keep(draft)
        except ReflectError as exc:
            self.failed.emit(error_text(exc))
            self.status.setText(error_text(exc))
            return False
        self._draft = None
        if entry is not None:
            self.kept.emit(entry.id)
        return True

    def discard(self) -> None:
        """Forget the draft without keeping it (the entry, if any, stays as it was)."""
        self._stop_autosave()
        if self._draft is not None:
            self._app.drafts.discard(self._draft)
            self._draft = None

    def move_to_trash(self) -> None:
        draft = self.current_draft()
        if draft is None or draft.entry_id is None:
            return
        self._app.drafts.discard(draft)
        self._app.entries.trash(draft.entry_id)
        self._draft = None
        self.trashed.emit(draft.entry_id)

    def _on_history(self) -> None:
        if self._draft is not None and self._draft.entry_id is not None:
            self.history_requested.emit(self._draft.entry_id)
