"""Preferences in the window: the dialog, and what each choice changes once it is made (the
theme, the editor's text, reminders, the idle lock)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QApplication

from reflect.ui import theme
from reflect.ui.dialogs.preferences import Preferences, PreferencesDialog
from reflect.ui.flows.encryption_flow import encryption_choice
from reflect.ui.shell import Shell

if TYPE_CHECKING:
    from reflect.ui.app_lock import AppLock
    from reflect.ui.editor.entry_editor import EntryEditor
    from reflect.ui.flows.reminders import Reminders


class PreferencesHost(Shell, Protocol):
    """What preferences change in the window (the main window, typed without a cycle)."""

    prefs: Preferences
    reminders: Reminders
    app_lock: AppLock

    @property
    def read_only(self) -> bool: ...
    def built_editor(self) -> EntryEditor | None: ...


def edit_preferences(window: PreferencesHost) -> None:
    """Edit ▸ Preferences: the dialog, then its choices applied."""
    dialog = PreferencesDialog(
        window.prefs,
        window.widget(),
        reminders=window.app.programme.reminders_on(),
        encryption=None if window.read_only else encryption_choice(window),
    )
    if dialog.exec():
        window.app.programme.set_reminders(dialog.reminders.isChecked())
        apply_preferences(window)


def apply_preferences(window: PreferencesHost) -> None:
    """Make the window as the preferences say (at start-up, and after they change)."""
    prefs = window.prefs
    qt_app = QApplication.instance()
    if isinstance(qt_app, QApplication) and theme.is_dark(qt_app) != theme.wants_dark(prefs.scheme):
        theme.apply(qt_app, prefs.scheme)
    built = window.built_editor()
    if built is not None:  # else it takes them when it is built
        # Imported here: the editor's modules load with the editor, not with the window.
        from reflect.ui.editor.window_editor import apply_editor_preferences

        apply_editor_preferences(built, prefs)
    window.reminders.use_tray(prefs.tray_reminders)
    window.reminders.remind_daily(prefs.daily_time if prefs.daily_reminder else None)
    window.app_lock.restart_idle()
