"""One title for an entry on every page (#13, item 9): an entry written only in a framework's
prompts is called by its first line on the Programme page, in the Journal and in Search alike,
and a programme event's row does not say its kind twice ("Workshop 2 · workshop")."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from pack_fixtures import signed_pack
from reflect.app import App
from reflect.core.entry import Entry, EntryKind, Response
from reflect.exchange.identity import Identity
from reflect.exchange.pack import event_id
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId

PACK_ID = "leading-across-systems-cohort-4"
WORKSHOP_2 = event_id(PACK_ID, "workshop-2")


@pytest.fixture
def gibbs_entry(app: App, tmp_path: Path) -> Entry:
    """A reflection on workshop 2 written only in Gibbs' prompts: no title, no body."""
    app.packs.install(signed_pack(tmp_path, Identity.generate()))
    return app.entries.write(
        "",
        kind=EntryKind.REFLECTION,
        event_id=WORKSHOP_2,
        framework_id="gibbs",
        responses=(
            Response("description", "The huddle moved to eight and people came."),
            Response("feelings", "Relieved."),
        ),
    )


def programme_links(window: MainWindow) -> list[str]:
    buttons = window.programme_page.findChildren(QPushButton)
    return [b.text().removeprefix("↳ ") for b in buttons if b.property("role") == "entry-link"]


def test_the_programme_journal_and_search_call_the_entry_the_same(
    qtbot: QtBot, window: MainWindow, gibbs_entry: Entry
) -> None:
    title = "The huddle moved to eight and people came."

    window.show_page(PageId.PROGRAMME)
    assert programme_links(window) == [title]

    window.show_page(PageId.JOURNAL)
    model = window.journal.model
    assert model.data(model.index(0), Qt.ItemDataRole.DisplayRole) == title

    window.show_page(PageId.SEARCH)
    qtbot.keyClicks(window.search.field, "relieved")
    qtbot.waitUntil(lambda: window.search.results.count() == 1)
    shown = window.search.results.item(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert shown.startswith(title + ". ")


def test_an_event_row_does_not_say_its_kind_twice(window: MainWindow, gibbs_entry: Entry) -> None:
    window.show_page(PageId.PROGRAMME)
    rows = [
        label.text()
        for label in window.programme_page.findChildren(QLabel)
        if label.text().startswith("<b>")
    ]

    assert "<b>Workshop 2: seeing the system</b>" in rows
    assert "<b>Coaching trio 1</b> · coaching session" in rows


def test_an_event_of_no_particular_kind_is_not_labelled_other(
    window: MainWindow, gibbs_entry: Entry
) -> None:
    window.show_page(PageId.PROGRAMME)
    rows = [label.text() for label in window.programme_page.findChildren(QLabel)]
    huddle = [row for row in rows if "Optional huddle" in row]
    assert huddle == ["<b>Optional huddle: bring one thing you stopped</b>"]
