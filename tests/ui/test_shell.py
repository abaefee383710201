"""Flows need only the shell, not the window: driven here through a small fake shell."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from pack_fixtures import signed_pack
from reflect.app import App
from reflect.core.entry import EntryKind
from reflect.exchange.identity import Identity
from reflect.formats.progress import Progress
from reflect.ui.flows.install_pack import install_pack_file
from reflect.ui.flows.journal_files import JournalFiles
from reflect.ui.navigation import PageId
from reflect.ui.shell import Shell
from reflect.ui.tasks import BackgroundTask


class FakeShell:
    """Records what a flow asks of the window; runs background work on a real task."""

    def __init__(self, app: App, crashes: list[BaseException]) -> None:
        self.app = app
        self.parent = QWidget()
        self.shown: list[PageId] = []
        self.messages: list[str] = []
        self.autosaved = 0
        self.crashes = crashes

    def widget(self) -> QWidget:
        return self.parent

    def bring_forward(self) -> None:
        pass

    def autosave_now(self) -> None:
        self.autosaved += 1

    def run_task(
        self, label: str, work: Callable[[Progress], Any], on_success: Callable[[Any], None]
    ) -> BackgroundTask:
        task = BackgroundTask(self.parent, label, work, on_success, self.crashes.append)
        task.start()
        return task

    def show_page(self, page: PageId) -> None:
        self.shown.append(page)

    def open_entry(self, entry_id: str) -> None:
        pass

    def new_entry(
        self,
        kind: EntryKind = EntryKind.REFLECTION,
        inquiry_id: str | None = None,
        framework_id: str | None = None,
        event_id: str | None = None,
    ) -> None:
        pass

    def show_inquiry(self, inquiry_id: str) -> None:
        pass

    def notify(self, message: str) -> None:
        self.messages.append(message)


@pytest.fixture
def shell(qapp: object, app: App) -> FakeShell:
    return FakeShell(app, [])


def test_the_fake_has_everything_a_shell_has(shell: FakeShell) -> None:
    wanted = {name for name in dir(Shell) if not name.startswith("_")}
    assert wanted >= {"app", "widget", "run_task", "notify", "show_page"}
    assert {name for name in wanted if not hasattr(shell, name)} == set()


def test_installing_a_pack_needs_only_the_shell(shell: FakeShell, tmp_path: Path) -> None:
    pack = signed_pack(tmp_path, Identity.generate())

    result = install_pack_file(shell, pack, confirm=False)

    assert result is not None
    assert len(shell.app.programme.all()) == 1
    assert shell.shown == [PageId.PROGRAMME]
    assert shell.messages == [f"Installed {result.programme.name}."]


def test_a_refused_pack_is_one_message_and_changes_nothing(
    shell: FakeShell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    broken = tmp_path / "broken.reflectpack"
    broken.write_bytes(b"not a pack")

    assert install_pack_file(shell, broken, confirm=False) is None

    assert len(warnings) == 1
    assert shell.app.programme.all() == []
    assert shell.shown == [] and shell.messages == []


def test_restoring_a_backup_saves_the_draft_first(shell: FakeShell, qtbot: QtBot, app: App) -> None:
    app.entries.write("Before the backup")
    backup = app.backups.backup()
    files = JournalFiles(shell)

    task = files.start_restore(backup)
    with qtbot.waitSignal(task.finished):
        pass

    assert shell.autosaved == 1
    assert shell.crashes == []
    assert shell.messages == ["Restored. The previous journal was kept."]
