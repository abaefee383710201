"""Installing a facilitator's pack in the window: from the File menu, a drop, the command line
(``reflect FILE.reflectpack``, as a file association runs it) or a machine-wide folder.

Before installing, the user sees who signed the pack, its fingerprint and what it holds. Packs
are small, so the work runs on the UI thread; a refused pack is one message and changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reflect.errors import ReflectError
from reflect.exchange.pack import Pack
from reflect.paths import drop_in_folders
from reflect.services.packs import Installed, Outcome
from reflect.ui.counted import counted
from reflect.ui.navigation import PageId
from reflect.ui.read_only import refuse_read_only
from reflect.ui.texts import error_text

if TYPE_CHECKING:
    from reflect.ui.shell import Shell

CONTEXT = "Packs"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def choose_pack(window: Shell) -> None:
    if refuse_read_only(window):
        return
    chosen, _ = QFileDialog.getOpenFileName(
        window.widget(), tr("Install a programme pack"), "", tr("Programme packs (*.reflectpack)")
    )
    if chosen:
        install_pack_file(window, Path(chosen))


def install_pack_file(window: Shell, path: Path, confirm: bool = True) -> Installed | None:
    """Show what the pack holds, ask, install; None when refused or declined."""
    try:
        shown = window.app.packs.show(path)
        if confirm and not _confirmed(window, shown):
            return None
        result = window.app.packs.install(path)
    except ReflectError as exc:
        QMessageBox.warning(window.widget(), tr("Programme pack"), error_text(exc))
        return None
    window.notify(outcome_text(result))
    window.show_page(PageId.PROGRAMME)
    return result


def _confirmed(window: Shell, shown: Pack) -> bool:
    programme = shown.programme
    box = QMessageBox(
        QMessageBox.Icon.Question, tr("Install programme pack"), "", parent=window.widget()
    )
    box.setText(tr("Install {0}?").format(programme.name))
    box.setInformativeText(
        tr(
            "Signed by {0}. Fingerprint: {1} (it should match what your facilitator reads "
            "out).\n\n{2} and {3}. Nothing you have written is changed."
        ).format(
            programme.facilitator.name,
            shown.fingerprint,
            counted().events(len(programme.events)),
            counted().frameworks(len(shown.uses) + len(shown.frameworks)),
        )
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    install = box.addButton(tr("Install"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is install


def outcome_text(result: Installed) -> str:
    name = result.programme.name
    if result.outcome is Outcome.UNCHANGED:
        return tr("{0} is already installed; nothing changed.").format(name)
    if result.outcome is Outcome.UPDATED:
        return tr("Updated {0} to version {1}. Your entries are unchanged.").format(
            name, result.programme.pack_version
        )
    return tr("Installed {0}.").format(name)


def pick_up_dropped(window: Shell, folders: list[Path] | None = None) -> list[Installed]:
    """Install packs IT left in the machine-wide folders (new or newer ones only)."""
    installed, problems = window.app.packs.install_dropped(
        drop_in_folders() if folders is None else folders
    )
    if installed:
        window.notify(" ".join(outcome_text(result) for result in installed))
    elif problems:
        first = problems[0]
        window.notify(
            tr("A programme pack in {0} was not installed: {1}").format(
                first.path.parent, error_text(first.error)
            )
        )
    return installed
