"""The Trio inbox's layout (issue #13, item 10): no warning banner until a bundle with something
to warn about is chosen, and the summary scrolls with the rest of the reader, not in a scroll
area of its own inside another."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QWidget
from pytestqt.qtbot import QtBot

from people import Person
from reflect.ui.pages.trio.page import TrioPage

LONG = "\n\n".join(f"Paragraph {n}: what we tried and what we learned." for n in range(60))


pytest_plugins = ("trio_page_fixtures",)


def receive(people: tuple[Person, Person], tmp_path: Path, *, verified: bool) -> str:
    dana, asha = people
    dana.app.peers.add("", asha.card)
    if verified:
        dana.app.peers.verify("Asha")
    asha.app.peers.add("", dana.card)
    entry = asha.app.entries.write(LONG)
    preview = asha.app.sharing.preview(to=["Dana"], entry_ids=[entry.id], note="")
    path = asha.app.sharing.share(preview, tmp_path / "from-asha")
    return dana.app.receiving.receive(path).bundle.id


def scrolling_areas(widget: QWidget, top: QWidget) -> list[QAbstractScrollArea]:
    """Scroll areas that can scroll ``widget`` vertically: itself and those around it."""
    found = []
    current: QWidget | None = widget
    while current is not None and current is not top:
        if (
            isinstance(current, QAbstractScrollArea)
            and current.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        ):
            found.append(current)
        current = current.parentWidget()
    return found


def test_no_banner_before_anything_is_chosen(
    page: TrioPage, people: tuple[Person, Person], tmp_path: Path
) -> None:
    receive(people, tmp_path, verified=False)
    page.refresh()

    assert not page.inbox.banner.isVisible()


def test_a_verified_peers_summary_has_no_banner_and_one_scroll_area(
    qtbot: QtBot, page: TrioPage, people: tuple[Person, Person], tmp_path: Path
) -> None:
    bundle_id = receive(people, tmp_path, verified=True)
    page.refresh()
    assert page.inbox.select(bundle_id)
    browser = page.inbox.browser
    qtbot.waitUntil(lambda: "Paragraph 59" in browser.toPlainText())

    assert not page.inbox.banner.isVisible()
    assert len(scrolling_areas(browser, page.inbox)) == 1
    # The whole summary is laid out at full height: the one scroll area moves through it.
    qtbot.waitUntil(lambda: browser.height() >= browser.document().size().height())


def test_an_unverified_senders_summary_shows_the_banner(
    page: TrioPage, people: tuple[Person, Person], tmp_path: Path
) -> None:
    bundle_id = receive(people, tmp_path, verified=False)
    page.refresh()
    assert page.inbox.select(bundle_id)

    assert page.inbox.banner.isVisible()
    assert "Unverified sender" in page.inbox.banner.text()


def test_before_anything_is_chosen_no_empty_reader_shows(
    page: TrioPage, people: tuple[Person, Person], tmp_path: Path
) -> None:
    # The reader was hidden but its scroll area was not: an empty box with a scroll bar.
    receive(people, tmp_path, verified=True)
    page.refresh()
    area = scrolling_areas(page.inbox.browser, page.inbox)[0]
    assert not area.isVisible()
