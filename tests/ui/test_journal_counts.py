"""The Journal page's tag counts follow every change to entries, and showing the page reads
them rather than counting every tag of the journal again (issue #16, item 4)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reflect.app import App
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId


def tag_items(window: MainWindow) -> list[str]:
    combo = window.journal.tag
    return [combo.itemText(n) for n in range(1, combo.count())]


def test_tag_counts_follow_writing_editing_trash_and_restore(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    first = app.entries.write("one", tags=["huddle", "Flow"])
    app.entries.write("two", tags=["huddle"])
    window.show_page(PageId.JOURNAL)
    assert tag_items(window) == ["#huddle (2)", "#Flow (1)"]
    app.entries.update(first.id, tags=["flow", "trio"])
    app.entries.trash(app.entries.page()[0].id)  # "two", the newest
    window.show_page(PageId.TODAY)
    window.show_page(PageId.JOURNAL)
    assert tag_items(window) == ["#flow (1)", "#trio (1)"]
    app.entries.restore(app.entries.trashed()[0].id)
    app.entries.trash(first.id)
    app.entries.empty_trash()
    window.show_page(PageId.TODAY)
    window.show_page(PageId.JOURNAL)
    assert tag_items(window) == ["#huddle (1)"]


def test_showing_the_journal_page_does_not_count_every_tag(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    app.entries.write("one", tags=["huddle"])
    statements: list[str] = []
    app.store.conn.set_trace_callback(statements.append)
    try:
        window.show_page(PageId.JOURNAL)
    finally:
        app.store.conn.set_trace_callback(None)
    assert tag_items(window) == ["#huddle (1)"]
    assert not [s for s in statements if "FROM entry_tags" in s and "GROUP BY" in s]
