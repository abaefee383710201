"""Writing when the disk fills up: the text stays in the editor, the reason shows, nothing is lost.

The journal lives on a 1 MB tmpfs of its own (root only; see ``mounts``), filled to the last
byte while the editor is open, then given room again.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mounts import fill_disk, small_disk
from reflect.app import App
from reflect.messages import Msg
from reflect.paths import Paths, resolve_paths
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId

TEXT = "Written as the disk filled up."


@pytest.fixture
def paths(tmp_path: Path) -> Iterator[Paths]:
    """The journal on a small disk (this replaces the usual ``paths``, so ``app`` uses it)."""
    with small_disk(tmp_path / "journal") as folder:
        yield resolve_paths(folder)


def test_done_on_a_full_disk_keeps_the_text_in_the_editor(
    qtbot: QtBot, window: MainWindow, app: App, paths: Paths
) -> None:
    window.new_entry()
    window.editor.body.setFocus()
    qtbot.keyClicks(window.editor.body, TEXT)
    filler = fill_disk(paths.data_dir)

    window.editor.done.click()
    window.sidebar.setCurrentRow(0)  # leaving the editor tries to keep it too

    assert window.current_page() is PageId.EDITOR
    assert window.editor.body.toPlainText() == TEXT
    assert window.statusBar().currentMessage() == Msg.DISK_FULL.template
    assert app.entries.page() == []

    filler.unlink()
    window.editor.done.click()

    assert [entry.body for entry in app.entries.page()] == [TEXT]
    assert window.current_page() is PageId.JOURNAL
    assert app.drafts.unfinished() == []


def test_an_autosave_on_a_full_disk_says_so_and_the_next_one_works(
    qtbot: QtBot, window: MainWindow, app: App, paths: Paths
) -> None:
    window.new_entry()
    window.editor.body.setFocus()
    qtbot.keyClicks(window.editor.body, TEXT)
    filler = fill_disk(paths.data_dir)

    window.editor.autosave_now()

    assert window.editor.status.text() == f"Not saved: {Msg.DISK_FULL.template}"
    assert window.editor.body.toPlainText() == TEXT
    filler.unlink()
    window.editor.autosave_now()
    assert [draft.body for draft in app.drafts.unfinished()] == [TEXT]
