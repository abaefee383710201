"""“Add connection…” and “Edit…”: log a person or organisation reached across the system,
privately, or change one already logged."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reflect.app import App
from reflect.core.connection import NAME_LIMIT, NOTE_LIMIT, WHERE_LIMIT, Connection, Sector
from reflect.errors import ReflectError
from reflect.ui.texts import error_text
from reflect.ui.widgets.basics import label

SECTORS = {
    Sector.TRUST: "NHS trust",
    Sector.ICB: "Integrated care board",
    Sector.LOCAL_AUTHORITY: "Local authority",
    Sector.PRIMARY_CARE: "Primary care",
    Sector.VCSE: "Voluntary and community (VCSE)",
    Sector.OTHER: "Other",
}


def sector_label(sector: Sector) -> str:
    return QCoreApplication.translate("Sector", SECTORS[sector])


class ConnectionDialog(QDialog):
    """Saves through the connections service; says what was wrong and stays open on bad input."""

    added = Signal(object)  # the Connection
    edited = Signal(object)  # the Connection as saved

    def __init__(
        self, app: App, parent: QWidget | None = None, connection: Connection | None = None
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._editing = connection
        title = self.tr("Edit connection") if connection else self.tr("Add connection")
        self.setWindowTitle(title)
        self.name = QLineEdit()
        self.name.setMaxLength(NAME_LIMIT)
        self.name.setPlaceholderText(self.tr("A person, an organisation, or both"))
        self.name.setAccessibleName(self.tr("Name"))
        self.sector = QComboBox()
        self.sector.setAccessibleName(self.tr("Sector"))
        for sector in Sector:
            self.sector.addItem(sector_label(sector), sector.value)
        self.where = QLineEdit()
        self.where.setMaxLength(WHERE_LIMIT)
        self.where.setPlaceholderText(self.tr("For example: Workshop 3, the discharge huddle"))
        self.where.setAccessibleName(self.tr("Where you met"))
        self.met = QDateEdit(QDate.currentDate())
        self.met.setCalendarPopup(True)
        self.met.setDisplayFormat("yyyy-MM-dd")
        self.met.setAccessibleName(self.tr("Date you met"))
        self.note = QLineEdit()
        self.note.setMaxLength(NOTE_LIMIT)
        self.note.setAccessibleName(self.tr("Note"))
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Sector"), self.sector)
        form.addRow(self.tr("&Where"), self.where)
        form.addRow(self.tr("&Date"), self.met)
        form.addRow(self.tr("N&ote"), self.note)
        self.error = label("", "muted")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        private = self.tr(
            "Kept only in this journal. A share never includes names or notes; counts by "
            "sector go only if you choose to include them."
        )
        layout.addWidget(label(private, "muted"))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if connection is not None:
            self._fill(connection)

    def _fill(self, connection: Connection) -> None:
        self.name.setText(connection.name)
        self.sector.setCurrentIndex(self.sector.findData(connection.sector.value))
        self.met.setDate(QDate.fromString(connection.met, "yyyy-MM-dd"))
        self.where.setText(connection.where)
        self.note.setText(connection.note)
        self.name.setFocus()

    def save(self) -> None:
        fields = {
            "where": self.where.text(),
            "met": self.met.date().toString("yyyy-MM-dd"),
            "note": self.note.text(),
        }
        sector = str(self.sector.currentData())
        try:
            if self._editing is None:
                saved = self._app.connections.add(self.name.text(), sector, **fields)
            else:
                saved = self._app.connections.update(
                    self._editing.id, name=self.name.text(), sector=sector, **fields
                )
        except ReflectError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            self.name.setFocus()
            return
        (self.added if self._editing is None else self.edited).emit(saved)
        self.accept()
