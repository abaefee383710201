"""The main window: a sidebar of pages, the editor, menus, shortcuts and remembered layout."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from reflect.app import App
from reflect.core.entry import EntryKind
from reflect.errors import ReflectError
from reflect.formats.progress import Progress
from reflect.services.changes import Change, Topic
from reflect.ui.app_lock import AppLock
from reflect.ui.changes import ChangeRelay
from reflect.ui.dialogs.help_dialogs import show_about, show_shortcuts
from reflect.ui.dialogs.preferences import Preferences
from reflect.ui.flows.file_open import dropped_paths, open_dropped, openable
from reflect.ui.flows.journal_files import JournalFiles
from reflect.ui.flows.preferences_flow import apply_preferences, edit_preferences
from reflect.ui.flows.reminders import NudgeBar, Reminders
from reflect.ui.flows.start_inquiry import start_inquiry
from reflect.ui.layout_memory import LayoutMemory
from reflect.ui.menus import build_menus
from reflect.ui.navigation import PageId
from reflect.ui.page_stack import PageAttr, PageStack, refresh
from reflect.ui.printing.print_flow import PrintFlow
from reflect.ui.read_only import refuse_read_only, show_read_only
from reflect.ui.tasks import BackgroundTask
from reflect.ui.texts import error_text

if TYPE_CHECKING:
    from reflect.ui.dialogs.frameworks.frameworks_dialog import FrameworksDialog
    from reflect.ui.editor.entry_editor import EntryEditor
    from reflect.ui.flows.share_dialog import ShareDialog
    from reflect.ui.pages.actions.page import ActionsPage
    from reflect.ui.pages.coaching.page import CoachingPage
    from reflect.ui.pages.inquiries.page import InquiriesPage
    from reflect.ui.pages.insights.page import InsightsPage
    from reflect.ui.pages.journal.page import JournalPage
    from reflect.ui.pages.programme import ProgrammePage
    from reflect.ui.pages.search import SearchPage
    from reflect.ui.pages.today import TodayPage
    from reflect.ui.pages.trio.page import TrioPage


class MainWindow(QMainWindow):
    demo_requested = Signal()

    def __init__(
        self, app: App, on_crash: Callable[[BaseException], None], journal_label: str = ""
    ) -> None:
        super().__init__()
        self.app = app
        self._on_crash = on_crash
        self._tasks: list[BackgroundTask] = []
        self._last_trashed: str | None = None
        self._shown_once = False
        self._editor: EntryEditor | None = None  # built when first needed (see editor)
        self._settings = QSettings(
            str(app.paths.config_dir / "window.ini"), QSettings.Format.IniFormat
        )
        label = journal_label
        if self.read_only:
            label = self.tr("{0} (read-only)").format(label) if label else self.tr("Read-only")
        self.setWindowTitle(window_title(label))
        self.prefs = Preferences(self._settings)
        self.relay = ChangeRelay(app.changes, self)
        self.relay.changed.connect(self._on_changed)
        self._build_pages()
        self.layout_memory = LayoutMemory(self._settings, self, self.splitter)
        self.files = JournalFiles(self)
        self.printing = PrintFlow(self)
        # File ▸ Lock and the idle lock; the draft being written is saved before locking.
        self.app_lock = AppLock(self, app, self.prefs, self.autosave_now)
        self.app_lock.locked_changed.connect(partial(setattr, self.reminders, "quiet"))
        self._build_menus()
        self._restore_layout()
        self.apply_preferences()
        self.setAcceptDrops(not self.read_only)  # .reflect bundles dropped are received
        if self.read_only:
            self.read_only_note = show_read_only(self.statusBar(), self.write_actions)

    @property
    def read_only(self) -> bool:
        """The journal is on a folder Reflect cannot write to: it can be read, not changed."""
        return self.app.store.read_only

    # Building ----------------------------------------------------------------------------

    @property
    def editor(self) -> EntryEditor:
        """The editor, built the first time it is needed (ui/editor/window_editor.py)."""
        if self._editor is None:
            from reflect.ui.editor.window_editor import build_editor

            self._editor = build_editor(self)
        return self._editor

    def _writing(self) -> bool:
        """The editor is showing (the reminder bar waits until it closes); never builds it."""
        return self._editor is not None and self.stack.currentWidget() is self._editor

    def _build_pages(self) -> None:
        self.pages = PageStack(self._new_page, self)
        self.pages.chosen.connect(self.show_page)
        self.sidebar, self.stack = self.pages.sidebar, self.pages.stack
        self.nudges = NudgeBar(self.app, self._writing)
        self.nudges.reflect_requested.connect(self.reflect_on)
        self.nudges.write_requested.connect(self.write_now)
        self.nudges.return_requested.connect(self.open_evaluation)
        self.reminders = Reminders(self.nudges, self.app.clock, self)
        self.reminders.reflect_requested.connect(self.reflect_on)
        self.reminders.write_requested.connect(self.write_now)
        self.reminders.open_requested.connect(self.bring_forward)
        self.reminders.quit_requested.connect(self.close)
        self.splitter = self.pages.beside_sidebar(self.nudges)
        self.setCentralWidget(self.splitter)
        self.statusBar()

    def _new_page(self, page_id: PageId, cls: Any) -> QWidget:
        page: Any = cls(self.app, self)  # every page takes the services and a navigator
        if page_id is PageId.TODAY:
            page.start_inquiry_requested.connect(partial(start_inquiry, self))
            page.demo_requested.connect(self.demo_requested)
        elif page_id is PageId.PROGRAMME:
            page.install_requested.connect(self.install_pack)
            page.reflect_requested.connect(self.reflect_on)
            page.evaluation_requested.connect(self.open_evaluation)
        return cast(QWidget, page)

    # The pages by name, each built the first time it is used.
    today: PageAttr[TodayPage] = PageAttr(PageId.TODAY)
    programme_page: PageAttr[ProgrammePage] = PageAttr(PageId.PROGRAMME)
    inquiries: PageAttr[InquiriesPage] = PageAttr(PageId.INQUIRIES)
    journal: PageAttr[JournalPage] = PageAttr(PageId.JOURNAL)
    coaching: PageAttr[CoachingPage] = PageAttr(PageId.COACHING)
    trio: PageAttr[TrioPage] = PageAttr(PageId.TRIO)
    actions_page: PageAttr[ActionsPage] = PageAttr(PageId.ACTIONS)
    insights: PageAttr[InsightsPage] = PageAttr(PageId.INSIGHTS)
    search: PageAttr[SearchPage] = PageAttr(PageId.SEARCH)

    def _build_menus(self) -> None:
        menus = build_menus(self)
        self.write_actions, self.undo_trash = menus.write_actions, menus.undo_trash

    def show_shortcuts(self) -> None:
        show_shortcuts(self)

    def show_about(self) -> None:
        show_about(self, self.app.paths.data_dir)

    # Navigation (the Navigator protocol) --------------------------------------------------

    def show_page(self, page: PageId) -> None:
        if page is PageId.EDITOR:
            _ = self.editor  # built, and in the stack, before it is shown
        leaving_editor = self._writing() and page is not PageId.EDITOR
        if leaving_editor and not self.editor.keep():
            return  # stay in the editor with the text and the reason it could not be kept
        refresh(self.pages.page(page))
        self.pages.select(page)
        self.nudges.refresh()

    def current_entry_id(self) -> str | None:
        """The saved entry open in the editor, when the editor is showing (for printing)."""
        draft = self.editor.draft if self._writing() else None
        return draft.entry_id if draft else None

    def export_for_appraisal(self) -> Any:
        """File ▸ Export ▸ For appraisal…: the entries chosen in the Journal, or the open one."""
        if self.current_page() is PageId.JOURNAL:
            return self.journal.export_for_appraisal()
        from reflect.ui.flows.appraisal_flow import open_appraisal  # PDF writers: when used

        entry_id = self.current_entry_id()
        return open_appraisal(self.app, self, [entry_id] if entry_id else [], self)

    def current_page(self) -> PageId:
        return self.pages.current_id()

    def open_entry(self, entry_id: str) -> None:
        if refuse_read_only(self):  # the editor writes drafts as it goes
            return
        try:
            entry = self.app.entries.get(entry_id)
        except ReflectError as exc:
            self.notify(error_text(exc))
            return
        self.show_page(PageId.EDITOR)
        self.editor.open_entry(entry)

    def new_entry(
        self,
        kind: EntryKind = EntryKind.REFLECTION,
        inquiry_id: str | None = None,
        framework_id: str | None = None,
        event_id: str | None = None,
    ) -> None:
        if refuse_read_only(self):
            return
        self.show_page(PageId.EDITOR)
        self.editor.open_new(kind, inquiry_id, framework_id=framework_id, event_id=event_id)

    def reflect_on(self, event_id: str) -> None:
        """Start writing about a programme event: linked, with its framework chosen."""
        if refuse_read_only(self):
            return
        try:
            reflection = self.app.programme.reflection_on(event_id)
        except ReflectError as exc:
            self.notify(error_text(exc))
            return
        active = self.app.inquiries.active()
        inquiry_id = active[0].id if len(active) == 1 else None
        self.bring_forward()
        self.new_entry(reflection.kind, inquiry_id, reflection.framework_id, event_id)

    def write_now(self) -> None:
        """The daily reminder's "Write now": a new entry, the window brought forward."""
        self.bring_forward()
        self.new_entry()

    # The shell: what flows and dialogs need from the window ------------------------------

    def widget(self) -> QWidget:
        return self

    def bring_forward(self) -> None:
        # Un-minimise without un-maximising: showNormal() would shrink a maximised window.
        if self.isMinimized():
            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def autosave_now(self) -> None:
        if self._editor is not None:
            self._editor.autosave_now()

    def show_inquiry(self, inquiry_id: str) -> None:
        self.show_page(PageId.INQUIRIES)
        self.inquiries.select(inquiry_id)

    def notify(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def focus_search(self) -> None:
        self.show_page(PageId.SEARCH)
        self.search.focus_field()

    def find_here(self) -> None:
        """Ctrl+F: find in the entry when writing one; elsewhere, the search page."""
        if self._writing():
            self.editor.open_find()
        else:
            self.focus_search()

    # Slots -------------------------------------------------------------------------------

    def _on_changed(self, change: Change) -> None:
        if change.topic in (Topic.ENTRIES, Topic.PROGRAMME, Topic.JOURNAL):
            self.nudges.refresh()
        if not self._writing() and change.topic is not Topic.ASSESSMENTS:
            refresh(self.stack.currentWidget())

    def save_entry(self) -> None:
        if self._writing() and self.editor.keep():
            self.notify(self.tr("Saved."))

    def editor_kept(self, entry_id: str) -> None:
        self.notify(self.tr("Saved."))
        self.show_page(PageId.JOURNAL)

    def editor_trashed(self, entry_id: str) -> None:
        self._last_trashed = entry_id
        self.undo_trash.setEnabled(True)
        self.show_page(PageId.JOURNAL)
        self.notify(self.tr("Moved to trash. Edit ▸ Undo (Ctrl+Z) brings it back."))

    def undo_last_trash(self) -> None:
        if self._last_trashed is None:
            return
        entry_id, self._last_trashed = self._last_trashed, None
        self.undo_trash.setEnabled(False)
        self.app.entries.restore(entry_id)
        self.open_entry(entry_id)

    def show_history(self, entry_id: str) -> None:
        # Keep what is in the editor first, so bringing an old version back loses nothing.
        if not self.editor.keep():
            return
        from reflect.ui.dialogs.revisions_dialog import RevisionsDialog  # loaded when used

        RevisionsDialog(self.app, entry_id, self).exec()
        self.open_entry(entry_id)

    def show_frameworks(self) -> FrameworksDialog:
        from reflect.ui.dialogs.frameworks.frameworks_dialog import open_frameworks

        return open_frameworks(self.app.frameworks, self, self._on_frameworks_changed)

    def _on_frameworks_changed(self) -> None:
        # Pages that list frameworks (Insights' self-assessment) show the new names; the
        # editor reads the catalog whenever it opens an entry.
        if not self._writing():
            refresh(self.stack.currentWidget())

    def edit_preferences(self) -> None:
        edit_preferences(self)

    def apply_preferences(self) -> None:
        apply_preferences(self)

    def built_editor(self) -> EntryEditor | None:
        """The editor if it has been built (preferences reach it then, or as it is built)."""
        return self._editor

    # Exchange with the trio ------------------------------------------------------------------

    def show_share_dialog(self) -> ShareDialog:
        """Open the share dialog without blocking, so the user can edit what it warns about."""
        from reflect.ui.flows.share_dialog import open_share_dialog

        return open_share_dialog(self)

    def open_evaluation(self, programme_id: str, time_point: str = "") -> Any:
        """The evaluation return form for a programme (its flow loads when first asked for)."""
        from reflect.ui.flows.evaluation_dialog import open_evaluation_dialog

        return open_evaluation_dialog(self, programme_id, time_point)

    def open_bundle(self) -> None:
        from reflect.ui.flows.receive import choose_bundle

        choose_bundle(self)

    def install_pack(self) -> None:
        from reflect.ui.flows.install_pack import choose_pack

        choose_pack(self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if openable(dropped_paths(event.mimeData())):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        open_dropped(self, event.mimeData())
        event.acceptProposedAction()

    # Long work -----------------------------------------------------------------------------

    def run_task(
        self, label: str, work: Callable[[Progress], Any], on_success: Callable[[Any], None]
    ) -> BackgroundTask:
        task = BackgroundTask(self, label, work, on_success, self._on_crash)
        self._tasks.append(task)
        task.finished.connect(lambda: self._tasks.remove(task))
        task.start()
        return task

    # Layout memory -----------------------------------------------------------------------

    def _restore_layout(self) -> None:
        self.layout_memory.restore_geometry()
        page = self.layout_memory.last_page()
        self.show_page(PageId.TODAY if page is PageId.EDITOR else page)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.reminders.check()
            self.layout_memory.restore_splitter()

    def save_layout(self) -> None:
        self.layout_memory.save(self.current_page())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._writing() and not self.editor.keep():
            # Could not keep it (e.g. disk full): the draft is autosaved, so closing is safe.
            self.editor.autosave_now()
        self.save_layout()
        self.relay.detach()
        for task in list(self._tasks):  # an export mid-way: stop it before the window goes
            task.stop_and_wait()
        event.accept()


def window_title(label: str) -> str:
    """``label — Reflect``, or the app's name alone. Qt appends the application's display name
    to any title that does not already end with it (QPlatformWindow::formatWindowTitle, on
    Linux and Windows), so a title ending with it shows the name once on every platform."""
    name = QGuiApplication.applicationDisplayName()
    return f"{label} — {name}" if label else name
