"""Start the desktop app: Qt, theme, crash handler, the journal, recovered drafts, the window."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

from reflect.app import App, open_app
from reflect.crash import write_crash_log
from reflect.errors import Cancelled, ReflectError, StorageError
from reflect.messages import Msg
from reflect.paths import Paths, drop_in_folders, packs_in
from reflect.resources import resource_path
from reflect.services.backups import newest_good_backup, restore_closed_journal
from reflect.ui import theme
from reflect.ui.counted import counted
from reflect.ui.dialogs.passphrase_dialog import NoticeShower, PassphrasePrompt
from reflect.ui.first_paint import QuitAfterPaint
from reflect.ui.flows.daily_backup import DailyBackup, start_daily_backup
from reflect.ui.flows.file_open import FileOpenEvents, open_file
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId
from reflect.ui.screen_fit import FitDialogs
from reflect.ui.texts import error_text


class Session:
    """The running app: one window over one journal at a time."""

    def __init__(self, qt_app: QApplication, paths: Paths) -> None:
        self.qt_app = qt_app
        self.paths = paths
        self.app: App | None = None
        self.window: MainWindow | None = None
        self.daily_backups: list[DailyBackup] = []

    def crash(self, exc: BaseException) -> None:
        where = write_crash_log(self.paths.log_dir, exc)
        detail = (
            QCoreApplication.translate("Crash", "Details were written to {0}.").format(where)
            if where
            else ""
        )
        if self.window is not None:
            self.window.autosave_now()
        show_error(
            QCoreApplication.translate(
                "Crash",
                "Reflect hit an unexpected problem. Your writing is saved as a draft. {0}",
            ).format(detail)
        )

    def excepthook(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        self.crash(exc.with_traceback(tb))

    def open(self, paths: Paths, journal_label: str = "") -> bool:
        app = open_journal(paths)
        if app is None:
            return False
        old_window, old_app = self.window, self.app
        self.paths, self.app = paths, app
        self.window = MainWindow(app, self.crash, journal_label)
        app.keys.set_prompts(PassphrasePrompt(self.window), NoticeShower(self.window))
        self.window.demo_requested.connect(self.open_demo)
        self.window.show()
        self.daily_backups.append(
            start_daily_backup(app.backups, self.window.notify, self.crash, self.damaged)
        )
        if not app.store.read_only:  # a draft can be neither kept nor discarded there
            offer_recovery(self.window)
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_app is not None:
            old_app.close()
        return True

    def damaged(self, exc: StorageError) -> None:
        """The quick check behind the window found damage: offer the newest sound backup and,
        if taken, close the journal, restore it and open it again; else say so and carry on."""
        backup = ask_restore(exc, self.paths)
        if backup is None:
            return
        window, app = self.window, self.app
        self.window = self.app = None
        for daily in self.daily_backups:
            daily.wait()
        if window is not None:
            window.close()
            window.deleteLater()
        if app is not None:
            app.close()
        try:
            restore_closed_journal(self.paths, backup)
        except ReflectError as error:
            show_error(error_text(error))
        self.open(self.paths)

    def open_demo(self) -> None:
        demo_paths = Paths(
            self.paths.data_dir.with_name(self.paths.data_dir.name + "-demo"),
            self.paths.config_dir.with_name(self.paths.config_dir.name + "-demo"),
            self.paths.log_dir,
        )
        from reflect.services.demo import fill_demo  # the demo's data is read only when asked

        app = open_journal(demo_paths)
        if app is None:
            return
        try:
            if not app.entries.count():
                fill_demo(
                    demo_paths, app.clock, app.entries, app.inquiries, app.transfer, app.packs
                )
        finally:
            app.close()
        self.open(demo_paths, QCoreApplication.translate("Window", "Demo journal"))

    def close(self) -> None:
        """Let the day's backups finish, then close the journal."""
        for daily in self.daily_backups:
            daily.wait()
        if self.app is not None:
            self.app.close()


def open_journal(paths: Paths) -> App | None:
    """Open the journal, offering the newest backup when the file is damaged, and asking for
    an encrypted journal's passphrase (again after a wrong one) when it takes one; scripts
    (the installer's smoke test, the benchmarks) give it in $REFLECT_JOURNAL_PASSPHRASE."""
    given = os.environ.get(ENV_JOURNAL_PASSPHRASE)
    tries = 1 if given else UNLOCK_TRIES
    try:
        for _ in range(tries - 1):
            try:
                return open_app(paths, unlock=ask_journal_passphrase)
            except ReflectError as exc:
                if exc.msg is not Msg.JOURNAL_KEY_WRONG:
                    raise
                show_error(error_text(exc))
        return open_app(paths, unlock=(lambda: given) if given else ask_journal_passphrase)
    except Cancelled:
        return None
    except StorageError as exc:
        if exc.msg is Msg.DB_CORRUPT and offer_restore(exc, paths):
            return open_app(paths, unlock=ask_journal_passphrase)
        if exc.msg is Msg.JOURNAL_KEY_LOST:
            return open_from_key_backup(exc, paths)
        show_error(error_text(exc))
    except ReflectError as exc:
        show_error(error_text(exc))
    return None


def open_from_key_backup(exc: StorageError, paths: Paths) -> App | None:
    """The journal's key is lost: offer a key backup, and open the journal once it is back."""
    from reflect.ui.flows.key_backup import offer_key_backup

    restored = offer_key_backup(exc, paths)
    if restored is None:
        return None
    try:
        app = open_app(paths, unlock=ask_journal_passphrase)
    except ReflectError as error:
        show_error(error_text(error))
        return None
    with contextlib.suppress(ReflectError):
        # The identity keys too, as `reflect key restore` does, when the key store takes them
        # without asking (a keys file's passphrase cannot be asked before the window is up);
        # keys the journal has already are kept. File ▸ Restore keys… does the rest.
        app.keys.restore(*restored)
    return app


UNLOCK_TRIES = 5
ENV_JOURNAL_PASSPHRASE = "REFLECT_JOURNAL_PASSPHRASE"  # as the command line reads it


def ask_journal_passphrase() -> str:
    """The encrypted journal's passphrase, typed into a small dialog; Cancel stops opening."""
    tr = QCoreApplication.translate
    dialog = QInputDialog()
    dialog.setWindowTitle(tr("Launch", "Unlock your journal"))
    dialog.setLabelText(tr("Launch", "Your journal is encrypted. Type its passphrase:"))
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    if dialog.exec() != QInputDialog.DialogCode.Accepted:
        raise Cancelled()
    return dialog.textValue()


def show_error(text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, "Reflect", text)
    box.exec()


def offer_restore(exc: StorageError, paths: Paths) -> bool:
    """Offer the newest backup that passes its check (a damaged one is never offered)."""
    backup = ask_restore(exc, paths, say_if_none=False)
    if backup is None:
        return False
    restore_closed_journal(paths, backup)
    return True


def ask_restore(exc: StorageError, paths: Paths, say_if_none: bool = True) -> Path | None:
    """Say the journal is damaged and ask whether to restore the newest sound backup; the
    backup chosen, or None (when there is none, the damage is said if ``say_if_none``)."""
    backup = newest_good_backup(paths)
    if backup is None:
        if say_if_none:
            show_error(error_text(exc))
        return None
    box = QMessageBox(QMessageBox.Icon.Warning, "Reflect", error_text(exc))
    box.setInformativeText(
        QCoreApplication.translate("Start", "Restore the newest sound backup ({0})?").format(
            backup.name
        )
    )
    restore = box.addButton(
        QCoreApplication.translate("Start", "Restore"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return backup if box.clickedButton() is restore else None


def offer_recovery(window: MainWindow) -> None:
    """Offer writing left in drafts by a crash or a kill; the newest opens in the editor."""
    drafts = window.app.drafts.unfinished()
    if not drafts:
        return
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("Start", "Recover your writing?"),
        counted().unkept_drafts(len(drafts)),
    )
    if answer == QMessageBox.StandardButton.Yes:
        *older, newest_draft = drafts
        for draft in older:  # keep older ones as entries so only one editor is needed
            window.app.drafts.keep(draft)
        window.show_page(PageId.EDITOR)
        window.editor.open_draft(newest_draft)
    else:
        for draft in drafts:
            window.app.drafts.discard(draft)


def make_qt_app(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    qt_app = existing if isinstance(existing, QApplication) else QApplication(argv)
    qt_app.setApplicationName("Reflect")
    qt_app.setApplicationDisplayName("Reflect")
    qt_app.setOrganizationName("Reflect")
    qt_app.setDesktopFileName("reflect")
    qt_app.setWindowIcon(QIcon(str(resource_path("icons", "reflect.svg"))))
    install_translation(qt_app)
    theme.apply(qt_app)
    if qt_app.findChild(FitDialogs) is None:
        qt_app.installEventFilter(FitDialogs(qt_app))
    return qt_app


def install_translation(qt_app: QApplication) -> None:
    """Load the English plural forms, then reflect_<language>.qm for the system language when
    one is shipped (searched first, so it speaks over English where it has words)."""
    folder = str(resource_path("translations"))
    # Source strings say "%n entry(s)"; only a translation turns that into "1 entry"/"7 entries",
    # so English has one too, holding nothing but plural forms, and it is always loaded.
    english = QTranslator(qt_app)
    if english.load("reflect_en", folder):
        qt_app.installTranslator(english)
    translator = QTranslator(qt_app)
    if translator.load(QLocale.system(), "reflect", "_", folder) and translator.language() != "en":
        qt_app.installTranslator(translator)


def start(session: Session, open_files: Sequence[Path] = ()) -> MainWindow | None:
    """Open the session's journal in a window, install packs IT left in the machine-wide
    folders, then open each file; None when the journal could not be opened."""
    if not session.open(session.paths) or session.window is None:
        return None
    if not session.window.read_only and packs_in(drop_in_folders()):
        # The pack reader and its service load only when there is a pack to look at.
        from reflect.ui.flows.install_pack import pick_up_dropped

        pick_up_dropped(session.window)
    for path in open_files:
        open_file(session.window, path)
    return session.window


def run(
    paths: Paths,
    argv: list[str] | None = None,
    open_files: Sequence[Path] = (),
    quit_after_paint: bool = False,
) -> int:
    """Show the window over the journal in ``paths``, install packs IT left in the machine-wide
    folders, then open each of ``open_files`` (how a file association opens a ``.reflect``
    bundle or a ``.reflectpack``).

    ``quit_after_paint`` ends the app once the window has painted (start-up timing, smoke tests).
    """
    qt_app = make_qt_app(argv if argv is not None else sys.argv[:1])
    session = Session(qt_app, paths)
    sys.excepthook = session.excepthook
    qt_app.installEventFilter(FileOpenEvents(lambda: session.window, qt_app))
    window = start(session, open_files)
    if window is None:
        return 1
    if quit_after_paint:
        QuitAfterPaint(window)
    code = qt_app.exec()
    session.close()
    return int(code)
