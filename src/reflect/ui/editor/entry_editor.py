"""The entry editor: title, kind, inquiry, tags, Markdown with a safe live preview.

Every change is autosaved as a draft about a second after typing stops, and at least every two
seconds while typing goes on, so a crash or a kill loses at most the last two seconds or so.
"Done" (or leaving the editor) keeps the draft as the entry.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reflect.app import App
from reflect.core.draft import Draft
from reflect.core.entry import Entry, EntryKind, normalize_tags
from reflect.core.framework import Framework
from reflect.core.guided_writing import (
    Slot,
    as_markdown,
    prompt_label,
    responses_of,
    slots_for,
    switch_framework,
)
from reflect.core.inquiry import InquiryStatus
from reflect.errors import ReflectError
from reflect.ui.dialogs.frameworks.framework_info import FrameworkInfoDialog
from reflect.ui.editor.markdown_edit import MarkdownEdit, formatting_toolbar
from reflect.ui.editor.responses_panel import ResponsesPanel
from reflect.ui.texts import error_text, kind_label
from reflect.ui.widgets.basics import compact_combo, scrolling
from reflect.ui.widgets.safe_browser import SafeBrowser

AUTOSAVE_MS = 1000  # after this quiet moment
# Each keystroke pushes the quiet-moment save back, so someone typing without a pause would
# never be saved; this deadline, started by the first unsaved change, is never pushed back.
AUTOSAVE_MAX_WAIT_MS = 2000


class EntryEditor(QWidget):
    kept = Signal(str)  # entry id
    trashed = Signal(str)  # entry id
    failed = Signal(str)  # a message for the status line
    history_requested = Signal(str)  # entry id

    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._draft: Draft | None = None
        self._loading = False
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.autosave_now)
        self._autosave_deadline = QTimer(self, singleShot=True, interval=AUTOSAVE_MAX_WAIT_MS)
        self._autosave_deadline.timeout.connect(self.autosave_now)
        self._build()

    # Building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLineEdit(placeholderText=self.tr("Title (optional)"))
        self.title.setAccessibleName(self.tr("Title"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of entry"))
        for kind in EntryKind:
            self.kind.addItem(kind_label(kind), kind.value)
        self.framework = compact_combo(12)
        self.framework.setAccessibleName(self.tr("Framework to write with"))
        self.framework.setToolTip(self.tr("Lay out a framework's prompts to write under"))
        self.about_framework = QPushButton(self.tr("About…"))
        self.about_framework.setAccessibleDescription(
            self.tr("What this framework is, where it comes from, and how sure we are of it")
        )
        self.about_framework.clicked.connect(self._on_about_framework)
        self.inquiry = compact_combo()
        self.inquiry.setAccessibleName(self.tr("Linked inquiry"))
        self.tags = QLineEdit(placeholderText=self.tr("Tags, separated by commas"))
        self.tags.setAccessibleName(self.tags.placeholderText())
        self._tag_words = QStringListModel(self)
        completer = QCompleter(self._tag_words, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.setCompleter(completer)
        self.body = MarkdownEdit()
        self.body.setAccessibleName(self.tr("Entry text (Markdown)"))
        self.body.setAccessibleDescription(
            self.tr("Ctrl+Tab moves focus out of the text; Ctrl+Return keeps the entry.")
        )
        self.responses = ResponsesPanel()
        self.responses.changed.connect(self._on_changed)
        self.preview = SafeBrowser()
        self.preview.setAccessibleName(self.tr("Preview"))
        self.status = QLabel()
        self.status.setProperty("role", "muted")

        # Their usual widths, but narrower minimums: on a small screen at 200% the row, and so
        # the editor and its Done button, still fit beside the sidebar.
        narrow = self.fontMetrics().horizontalAdvance("M") * 6
        for combo in (self.kind, self.framework, self.inquiry):
            combo.setMinimumWidth(narrow)
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.framework, 1)
        row.addWidget(self.about_framework)
        row.addWidget(self.inquiry, 2)
        row.addWidget(self.tags, 2)
        writing = QSplitter(Qt.Orientation.Vertical)
        writing.addWidget(scrolling(self.responses))
        writing.addWidget(self.body)
        writing.setChildrenCollapsible(False)
        # Two lines of each at least (not Qt's taller default), so the editor and its Done
        # button fit a small screen at 200%; they grow with the window.
        lines = self.body.fontMetrics().lineSpacing() * 2 + 2 * self.body.frameWidth()
        writing.widget(0).setMinimumHeight(lines)
        self.body.setMinimumHeight(lines)
        self._responses_area = writing.widget(0)
        self._writing = writing
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(writing)
        self.splitter.addWidget(self.preview)
        self.splitter.setSizes([600, 400])
        self.event_label = QLabel()
        self.event_label.setProperty("role", "muted")
        self.event_label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.event_label)
        layout.addWidget(self.title)
        layout.addLayout(row)
        layout.addWidget(formatting_toolbar(self.body, self))
        layout.addWidget(self.splitter, 1)
        layout.addLayout(self._buttons())

        for signal in (self.title.textEdited, self.tags.textEdited, self.body.textChanged):
            signal.connect(self._on_changed)
        self.kind.currentIndexChanged.connect(self._on_changed)
        self.framework.currentIndexChanged.connect(self._on_framework_changed)
        self.inquiry.currentIndexChanged.connect(self._on_changed)

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
        row.addWidget(self.status, 1)
        row.addWidget(self.history)
        row.addWidget(self.trash)
        row.addWidget(self.done)
        return row

    def apply_preferences(self, text_size: int, show_preview: bool) -> None:
        font = self.body.font()
        font.setPointSize(text_size)
        self.body.setFont(font)
        self.preview.setVisible(show_preview)

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
            framework_id=framework_id,
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
            self._show_event(draft.event_id)
            self.kind.setCurrentIndex(max(0, self.kind.findData(draft.kind.value)))
            self._fill_inquiries(draft.inquiry_id)
            self.tags.setText(", ".join(draft.tags))
            self._tag_words.setStringList([t for t, _ in self._app.entries.tag_counts()])
            self.body.setPlainText(draft.body)
            self._fill_frameworks(draft.framework_id)
            framework = self._framework(draft.framework_id)
            self._lay_out(slots_for(framework, draft.framework_id, draft.responses))
            self._show_preview(draft)
            editing = draft.entry_id is not None
            self.history.setEnabled(editing)
            self.trash.setEnabled(editing)
            self.status.setText("")
        finally:
            self._loading = False
        self.body.setFocus()

    def _show_event(self, event_id: str | None) -> None:
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

    def _fill_frameworks(self, chosen: str | None) -> None:
        self.framework.clear()
        self.framework.addItem(self.tr("No framework"), None)
        for framework in self._app.frameworks.all():
            self.framework.addItem(framework.name, framework.id)
        if chosen is not None and self.framework.findData(chosen) < 0:
            # Written with a framework that is not here (a coaching session, a deleted copy).
            self.framework.addItem(prompt_words(chosen), chosen)
        self.framework.setCurrentIndex(max(0, self.framework.findData(chosen)))
        self.about_framework.setEnabled(self._framework(chosen) is not None)

    def _framework(self, framework_id: str | None) -> Framework | None:
        return None if framework_id is None else self._app.frameworks.find(framework_id)

    def _lay_out(self, slots: tuple[Slot, ...]) -> None:
        # Shown before loading, so the scroll area hears about the new rows' size.
        self._responses_area.setVisible(bool(slots))
        self.responses.load(slots)
        if slots:
            # Structured entries are mostly their answers; the free text is for extras.
            self._writing.setSizes([420, 160])
        self.body.setPlaceholderText(
            self.tr("Anything else?")
            if slots
            else self.tr("What happened? What did you notice? What now?")
        )

    def _on_framework_changed(self) -> None:
        if self._loading or self._draft is None:
            return
        chosen = self.framework.currentData()
        framework = self._framework(chosen)
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

    def _on_about_framework(self) -> None:
        framework = self._framework(self.framework.currentData())
        if framework is not None:
            FrameworkInfoDialog(framework, self).exec()

    def _fill_inquiries(self, chosen: str | None) -> None:
        self.inquiry.clear()
        self.inquiry.addItem(self.tr("No inquiry"), None)
        for inquiry in self._app.inquiries.all():
            if inquiry.status is InquiryStatus.ACTIVE or inquiry.id == chosen:
                self.inquiry.addItem(inquiry.question, inquiry.id)
        self.inquiry.setCurrentIndex(max(0, self.inquiry.findData(chosen)))

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
            tags=normalize_tags(self.tags.text().split(",")),
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
        self._autosave.start()
        if not self._autosave_deadline.isActive():
            self._autosave_deadline.start()

    def _show_preview(self, draft: Draft) -> None:
        slots = slots_for(self._framework(draft.framework_id), draft.framework_id, draft.responses)
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


def prompt_words(framework_id: str) -> str:
    """A name for a framework id the catalog does not know."""
    return prompt_label(None, None, framework_id)
