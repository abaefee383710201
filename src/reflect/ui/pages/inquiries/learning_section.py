"""The inquiry page's learning log: entries of the learning kind linked to the inquiry (what
was learned, what nobody expected, what the change made worse), each with the PDSA cycle entry
and the measure it learned from when it names them, and a button to add one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout

from reflect.app import App
from reflect.core.entry import Entry, EntryKind
from reflect.core.entry_filter import EntryFilter
from reflect.core.inquiry import Inquiry
from reflect.errors import ReflectError
from reflect.ui.navigation import Navigator
from reflect.ui.texts import entry_title, moment_day_text
from reflect.ui.widgets.basics import fit_to_rows, label

IdRole = Qt.ItemDataRole.UserRole
LEARNING_LIMIT = 50


def tr(text: str) -> str:
    return QCoreApplication.translate("LearningLog", text)


class LearningSection:
    """Builds the section into the page's detail layout; keeps its widgets for tests."""

    def __init__(
        self, app: App, navigator: Navigator, layout: QVBoxLayout, inquiry: Inquiry
    ) -> None:
        self._nav = navigator
        self._inquiry_id = inquiry.id
        linked = EntryFilter(inquiry_id=inquiry.id, kind=EntryKind.LEARNING)
        total = app.entries.count(linked)
        row = QHBoxLayout()
        row.addWidget(label(tr("Learning log · {0}").format(total), "section"), 1)
        self.add_button = QPushButton(tr("Add to the learning log…"))
        self.add_button.setObjectName("add-learning")  # focus comes back to it after a refresh
        self.add_button.setAccessibleName(tr("Add to the learning log"))
        self.add_button.setToolTip(
            tr("What did we learn, what happened that nobody expected, what got worse?")
        )
        self.add_button.setProperty("role", "inquiry-button")
        self.add_button.clicked.connect(self._on_add)
        row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(row)
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Learning log entries for this inquiry"))
        shown = app.entries.page(linked, limit=LEARNING_LIMIT)
        cycles = app.learning.cycles_of(e.id for e in shown)
        about = app.learning.measures_of(e.id for e in shown)
        names = {m.id: m.name for m in app.measures.find()} if about else {}
        for entry in shown:
            cycle = _cycle_title(app, cycles.get(entry.id))
            self.list.addItem(_item(entry, cycle, names.get(about.get(entry.id, ""), "")))
        self.list.itemClicked.connect(self._on_activated)
        self.list.itemActivated.connect(self._on_activated)
        fit_to_rows(self.list)
        layout.addWidget(self.list)
        if not total:
            self.list.hide()
            hint = tr(
                "Nothing logged yet. Learning counts as much as outcomes: note what you "
                "learned, what surprised you and what the change made worse."
            )
            layout.addWidget(label(hint, "muted"))

    def _on_add(self) -> None:
        self._nav.new_entry(EntryKind.LEARNING, self._inquiry_id)

    def _on_activated(self, item: QListWidgetItem) -> None:
        self._nav.open_entry(str(item.data(IdRole)))


def _cycle_title(app: App, cycle_id: str | None) -> str:
    if cycle_id is None:
        return ""
    try:
        return entry_title(app.entries.get(cycle_id).display_title)
    except ReflectError:  # linked to an entry that is gone
        return ""


def _item(entry: Entry, cycle: str, measure: str) -> QListWidgetItem:
    title = entry_title(entry.display_title)
    after = tr("  ·  from “{0}”").format(cycle) if cycle else ""
    after += tr("  ·  about: {0}").format(measure) if measure else ""
    item = QListWidgetItem(f"{moment_day_text(entry.created)}  ·  {title}{after}")
    item.setData(IdRole, entry.id)
    answers = [r.text.strip() for r in entry.responses if r.text.strip()]
    item.setToolTip("\n\n".join([title, *answers[:3]])[:600])
    return item
