"""The window's menu bar: File, Edit, Go and Help, built from rows of (label, slot, keys)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar

from reflect.ui.edit_actions import act_on_focus, undo_or
from reflect.ui.flows.journal_files import IMPORT_CHOICES, JournalFiles
from reflect.ui.navigation import PAGES, PageId, page_shortcut
from reflect.ui.page_stack import page_name
from reflect.ui.widgets.basics import MenuRow, fill_menu, menu_action

if TYPE_CHECKING:
    from reflect.ui.app_lock import AppLock
    from reflect.ui.printing.print_flow import PrintFlow
    from reflect.ui.shell import Shell


class MenuWindow(Protocol):
    """What the menus call on the window."""

    files: JournalFiles
    printing: PrintFlow
    app_lock: AppLock

    def menuBar(self) -> QMenuBar: ...
    def new_entry(self) -> None: ...
    def save_entry(self) -> None: ...
    def show_share_dialog(self) -> Any: ...
    def export_for_appraisal(self) -> Any: ...
    def open_bundle(self) -> None: ...
    def install_pack(self) -> None: ...
    def edit_preferences(self) -> None: ...
    def close(self) -> bool: ...
    def undo_last_trash(self) -> None: ...
    def show_frameworks(self) -> Any: ...
    def show_page(self, page: PageId) -> None: ...
    def focus_search(self) -> None: ...
    def find_here(self) -> None: ...
    def show_shortcuts(self) -> None: ...
    def show_about(self) -> None: ...


@dataclass
class Menus:
    """The menu items the window changes after building: enabled or not."""

    write_actions: list[QAction]  # disabled when the journal is read-only
    undo_trash: QAction


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def build_menus(window: MenuWindow) -> Menus:
    """Fill the window's menu bar; return the items whose state the window manages."""
    bar = window.menuBar()
    write_actions = _file_menu(window, bar)
    undo_trash = _edit_menu(window, bar)
    _go_menu(window, bar)
    help_menu = bar.addMenu(_tr("&Help"))
    menu_action(help_menu, _tr("Keyboard shortcuts"), window.show_shortcuts, "F1")
    menu_action(help_menu, _tr("About Reflect"), window.show_about)
    return Menus(write_actions, undo_trash)


def _file_menu(window: MenuWindow, bar: QMenuBar) -> list[QAction]:
    keys = QKeySequence.StandardKey
    file_menu = bar.addMenu(_tr("&File"))
    # (label, slot, shortcut, writes to the journal); None is a separator.
    rows: list[MenuRow | None] = [
        (_tr("&New entry"), window.new_entry, keys.New, True),
        (_tr("&Save"), window.save_entry, keys.Save, True),
        None,
    ]
    write_actions = fill_menu(file_menu, rows)
    importer = file_menu.addMenu(_tr("&Import"))
    write_actions.append(importer.menuAction())
    for name, label, folder in IMPORT_CHOICES:
        menu_action(importer, _tr(label), partial(window.files.import_file, name, folder))
    exporter = file_menu.addMenu(_tr("&Export"))
    for format_name, label in (
        ("json", "Reflect JSON (lossless)…"),
        ("markdown", "Markdown folder…"),
    ):
        menu_action(exporter, _tr(label), partial(window.files.export, format_name))
    menu_action(exporter, _tr("&PDF…"), window.printing.export_pdf)
    menu_action(exporter, _tr("For &appraisal or revalidation…"), window.export_for_appraisal)
    menu_action(file_menu, _tr("P&rint…"), window.printing.print_chosen, keys.Print)
    evaluation = file_menu.addMenu(_tr("E&valuation"))
    menu_action(evaluation, _tr("&Collect returns…"), partial(_collect_returns, window))
    rows = [
        None,
        (_tr("S&hare with your trio…"), window.show_share_dialog, None, True),
        (_tr("&Open a bundle…"), window.open_bundle, keys.Open, True),
        (_tr("Install programme &pack…"), window.install_pack, None, True),
        None,
        (_tr("&Back up now"), window.files.back_up, None, True),
        (_tr("&Restore from backup…"), window.files.restore, None, True),
        None,
        (_tr("Back up your &keys…"), partial(_back_up_keys, window), None, False),
        (_tr("Restore ke&ys from a backup…"), partial(_restore_keys, window), None, True),
        None,
        (_tr("&Preferences…"), window.edit_preferences, "Ctrl+,", True),
        # Ctrl+L is the editor's Link.
        (_tr("&Lock"), window.app_lock.lock, "Ctrl+Shift+L", False),
        None,
        (_tr("&Quit"), window.close, keys.Quit, False),
    ]
    return write_actions + fill_menu(file_menu, rows)


def _collect_returns(window: MenuWindow) -> None:
    from reflect.ui.flows.evaluation_collect import collect_returns  # Qt printing: on first use

    collect_returns(cast("Shell", window))


def _back_up_keys(window: MenuWindow) -> None:
    from reflect.ui.flows.key_backup import back_up_keys  # the keys' modules: on first use

    back_up_keys(cast("Shell", window))


def _restore_keys(window: MenuWindow) -> None:
    from reflect.ui.flows.key_backup import restore_keys

    restore_keys(cast("Shell", window))


def _edit_menu(window: MenuWindow, bar: QMenuBar) -> QAction:
    edit = bar.addMenu(_tr("&Edit"))
    keys = QKeySequence.StandardKey
    # Undo, Redo… act on the focused text field (its own keys do too); Undo with no text field
    # focused brings back the entry last moved to the trash, as the status line says.
    rows: list[MenuRow | None] = [
        (_tr("&Undo"), partial(undo_or, window.undo_last_trash), keys.Undo, False),
        (_tr("&Redo"), partial(act_on_focus, "redo"), keys.Redo, False),
        None,
        (_tr("Cu&t"), partial(act_on_focus, "cut"), keys.Cut, False),
        (_tr("&Copy"), partial(act_on_focus, "copy"), keys.Copy, False),
        (_tr("&Paste"), partial(act_on_focus, "paste"), keys.Paste, False),
        (_tr("Select &all"), partial(act_on_focus, "selectAll"), keys.SelectAll, False),
        None,
        # In the editor: find in the entry; elsewhere: the search page, as Ctrl+K.
        (_tr("&Find…"), window.find_here, keys.Find, False),
        None,
    ]
    fill_menu(edit, rows)
    undo = (_tr("Undo move to &trash"), window.undo_last_trash, None, True)
    undo_trash = fill_menu(edit, [undo, None])[0]
    undo_trash.setEnabled(False)
    menu_action(edit, _tr("&Frameworks…"), window.show_frameworks)
    return undo_trash


def _go_menu(window: MenuWindow, bar: QMenuBar) -> None:
    go = bar.addMenu(_tr("&Go"))
    for n, row in enumerate(PAGES):
        shortcut = page_shortcut(n) or None
        menu_action(go, page_name(row.id), partial(window.show_page, row.id), shortcut)
    menu_action(go, _tr("Find anywhere"), window.focus_search, "Ctrl+K")
