"""Preferences: appearance, text size, the live preview and reminders, kept in the window
settings (and, for whether to offer reflections on events at all, in the journal)."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QSettings, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from reflect.core.daily_reminder import DEFAULT_TIME, parse_time, time_text
from reflect.ui.dialogs.encrypt_dialog import EncryptionChoice, encryption_row
from reflect.ui.theme import Scheme

DEFAULT_TEXT_SIZE = 12
PREVIEW_KEY = "editor_preview"
LOCK_KEY = "lock_after_minutes"
MAX_LOCK_MINUTES = 240


class Preferences:
    """Typed access to the few settings a user can change."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    @property
    def scheme(self) -> Scheme:
        value = str(self._settings.value("appearance", Scheme.SYSTEM.value))
        return Scheme(value) if value in Scheme.__members__.values() else Scheme.SYSTEM

    @scheme.setter
    def scheme(self, value: Scheme) -> None:
        self._settings.setValue("appearance", value.value)

    @property
    def text_size(self) -> int:
        value = self._settings.value("text_size", DEFAULT_TEXT_SIZE)
        try:
            return max(9, min(24, int(str(value))))
        except ValueError:
            return DEFAULT_TEXT_SIZE

    @text_size.setter
    def text_size(self, value: int) -> None:
        self._settings.setValue("text_size", int(value))

    @property
    def show_preview(self) -> bool:
        # Off unless chosen, so writing gets the width. A new key: this dialog used to store
        # the old default (on) whenever it was accepted, so "show_preview=true" in a user's
        # settings does not mean they chose it.
        return self._flag(PREVIEW_KEY, default=False)

    @show_preview.setter
    def show_preview(self, value: bool) -> None:
        self._set_flag(PREVIEW_KEY, value)

    @property
    def check_spelling(self) -> bool:
        return self._flag("check_spelling", default=True)

    @check_spelling.setter
    def check_spelling(self, value: bool) -> None:
        self._set_flag("check_spelling", value)

    @property
    def tray_reminders(self) -> bool:
        return self._flag("tray_reminders", default=False)

    @tray_reminders.setter
    def tray_reminders(self, value: bool) -> None:
        self._set_flag("tray_reminders", value)

    @property
    def daily_reminder(self) -> bool:
        return self._flag("daily_reminder", default=False)

    @daily_reminder.setter
    def daily_reminder(self, value: bool) -> None:
        self._set_flag("daily_reminder", value)

    @property
    def lock_after_minutes(self) -> int:
        """Lock the window after this many idle minutes; 0: never."""
        try:
            return max(0, min(MAX_LOCK_MINUTES, int(str(self._settings.value(LOCK_KEY, 0)))))
        except ValueError:
            return 0

    @lock_after_minutes.setter
    def lock_after_minutes(self, value: int) -> None:
        self._settings.setValue(LOCK_KEY, int(value))

    @property
    def daily_time(self) -> time:
        return parse_time(str(self._settings.value("daily_reminder_time", ""))) or DEFAULT_TIME

    @daily_time.setter
    def daily_time(self, value: time) -> None:
        self._settings.setValue("daily_reminder_time", time_text(value))

    def _flag(self, key: str, *, default: bool) -> bool:
        # INI files hold text: "true" or "false".
        return str(self._settings.value(key, "true" if default else "false")).lower() == "true"

    def _set_flag(self, key: str, value: bool) -> None:
        self._settings.setValue(key, "true" if value else "false")


class PreferencesDialog(QDialog):
    """``reminders`` is the journal's own setting (the command line shares it), so the caller
    reads it back from :attr:`reminders` after the dialog is accepted."""

    def __init__(
        self,
        prefs: Preferences,
        parent: QWidget | None = None,
        *,
        reminders: bool = True,
        encryption: EncryptionChoice | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self._prefs = prefs
        self.appearance = QComboBox()
        for scheme, label in (
            (Scheme.SYSTEM, self.tr("Follow the system")),
            (Scheme.LIGHT, self.tr("Light")),
            (Scheme.DARK, self.tr("Dark")),
        ):
            self.appearance.addItem(label, scheme.value)
        self.appearance.setCurrentIndex(self.appearance.findData(prefs.scheme.value))
        self.text_size = QSpinBox(minimum=9, maximum=24, suffix=" pt")
        self.text_size.setValue(prefs.text_size)
        self.preview = QCheckBox(self.tr("Show a live preview beside the text"))
        self.preview.setChecked(prefs.show_preview)
        self.spelling = QCheckBox(self.tr("Check &spelling as you type"))
        self.spelling.setChecked(prefs.check_spelling)
        self.reminders = QCheckBox(
            self.tr("Offer to reflect the day after a workshop or coaching session")
        )
        self.reminders.setChecked(reminders)
        self.tray = QCheckBox(self.tr("Also show these reminders from an icon in the system tray"))
        self.tray.setChecked(prefs.tray_reminders)
        self._daily_row(prefs)
        self._enable_tray()
        self.reminders.toggled.connect(self._enable_tray)
        form = QFormLayout(self)
        form.setHorizontalSpacing(2 * form.horizontalSpacing())  # labels do not touch fields
        form.addRow(self.tr("&Appearance"), self.appearance)
        form.addRow(self.tr("&Text size in the editor"), self.text_size)
        form.addRow("", self.preview)
        form.addRow("", self.spelling)
        form.addRow(self.tr("Reminders"), self.reminders)
        form.addRow("", self.daily_row)
        form.addRow("", self.tray)
        self.lock_after = QSpinBox(minimum=0, maximum=MAX_LOCK_MINUTES)
        self.lock_after.setSuffix(self.tr(" minutes idle"))
        self.lock_after.setSpecialValueText(self.tr("Never"))
        self.lock_after.setValue(prefs.lock_after_minutes)
        form.addRow(self.tr("&Lock the window after"), self.lock_after)
        if encryption is not None:
            form.addRow(self.tr("Privacy"), encryption_row(encryption, self))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _daily_row(self, prefs: Preferences) -> None:
        """Remind me to write each day at [time]: the time can be set only when it is on."""
        self.daily = QCheckBox(self.tr("Remind me to &write each day at"))
        self.daily.setToolTip(
            self.tr("Only while Reflect is open, and only on a day with nothing written yet")
        )
        self.daily.setChecked(prefs.daily_reminder)
        at = prefs.daily_time
        self.daily_time = QTimeEdit(QTime(at.hour, at.minute))
        self.daily_time.setDisplayFormat("HH:mm")
        self.daily_time.setAccessibleName(self.tr("Time of the daily reminder"))
        self.daily_time.setEnabled(prefs.daily_reminder)
        self.daily.toggled.connect(self.daily_time.setEnabled)
        self.daily.toggled.connect(self._enable_tray)
        self.daily_row = QWidget()
        row = QHBoxLayout(self.daily_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.daily)
        row.addWidget(self.daily_time)
        row.addStretch(1)

    def _enable_tray(self) -> None:
        # The tray shows either kind of reminder, so it can be chosen while either is on.
        self.tray.setEnabled(self.reminders.isChecked() or self.daily.isChecked())

    def accept(self) -> None:
        self._prefs.scheme = Scheme(self.appearance.currentData())
        self._prefs.text_size = self.text_size.value()
        self._prefs.show_preview = self.preview.isChecked()
        self._prefs.check_spelling = self.spelling.isChecked()
        self._prefs.tray_reminders = self.tray.isChecked()
        self._prefs.daily_reminder = self.daily.isChecked()
        self._prefs.lock_after_minutes = self.lock_after.value()
        chosen = self.daily_time.time()
        self._prefs.daily_time = time(chosen.hour(), chosen.minute())
        super().accept()
