"""Preferences: appearance, text size and the live preview, kept in the window settings."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from reflect.ui.theme import Scheme

DEFAULT_TEXT_SIZE = 12


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
        return str(self._settings.value("show_preview", "true")).lower() == "true"

    @show_preview.setter
    def show_preview(self, value: bool) -> None:
        self._settings.setValue("show_preview", "true" if value else "false")


class PreferencesDialog(QDialog):
    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
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
        form = QFormLayout(self)
        form.addRow(self.tr("&Appearance"), self.appearance)
        form.addRow(self.tr("&Text size in the editor"), self.text_size)
        form.addRow("", self.preview)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        self._prefs.scheme = Scheme(self.appearance.currentData())
        self._prefs.text_size = self.text_size.value()
        self._prefs.show_preview = self.preview.isChecked()
        super().accept()
