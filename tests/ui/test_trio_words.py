"""What a person reads on the Trio page: feedback names your entries by their titles, never by
an id, and "not verified" means the fingerprint was not compared, in the tree as in the banner.

Bundles are chosen in the inbox by keyboard (Tab to the tree, End to the newest bundle)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from people import Person
from reflect.ui.pages.trio.page import TrioPage

pytest_plugins = ("trio_page_fixtures",)


def open_newest(qtbot: QtBot, page: TrioPage) -> str:
    """Choose the last bundle in the inbox tree by keyboard; the text the reader shows."""
    tree = page.inbox.tree
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_End)
    assert page.inbox.view is not None
    browser = page.inbox.browser
    qtbot.waitUntil(lambda: not browser.rendering, timeout=20_000)
    return browser.toPlainText()


def feedback_on_two_entries(people: tuple[Person, Person], tmp_path: Path) -> list[str]:
    """Dana shares two entries with Asha, Asha comments on both, Dana receives the feedback."""
    dana, asha = people
    dana.app.peers.add("", asha.card)
    dana.app.peers.verify("Asha")
    asha.app.peers.add("", dana.card)
    asha.app.peers.verify("Dana")
    kept = dana.app.entries.write("We mapped the handoffs.", title="Workshop 2")
    gone = dana.app.entries.write("Stopped the Friday report.", title="Friday report")
    preview = dana.app.sharing.preview(to=["Asha"], entry_ids=[kept.id, gone.id], note="")
    summary = dana.app.sharing.share(preview, tmp_path / "summary")
    view = asha.app.receiving.read(asha.app.receiving.receive(summary).bundle.id)
    comments = {kept.id: "Which handoff hurts most?", gone.id: "Who noticed?"}
    answer = asha.app.receiving.feedback(view.bundle.id, comments, "", tmp_path / "feedback")
    dana.app.receiving.receive(answer)
    return [kept.id, gone.id]


def test_feedback_names_your_entries_by_title(
    qtbot: QtBot, page: TrioPage, people: tuple[Person, Person], tmp_path: Path
) -> None:
    ids = feedback_on_two_entries(people, tmp_path)
    page.refresh()

    shown = open_newest(qtbot, page)

    assert "On your entry “Workshop 2”" in shown
    assert "On your entry “Friday report”" in shown
    assert "Which handoff hurts most?" in shown
    for entry_id in ids:
        assert entry_id[:8] not in shown


def test_feedback_on_an_entry_since_deleted_says_so(
    qtbot: QtBot, page: TrioPage, people: tuple[Person, Person], tmp_path: Path
) -> None:
    dana, _ = people
    ids = feedback_on_two_entries(people, tmp_path)
    dana.app.entries.trash(ids[1])
    dana.app.entries.empty_trash()
    page.refresh()

    shown = open_newest(qtbot, page)

    assert "On your entry “Workshop 2”" in shown
    assert "On an entry no longer in this journal" in shown
    assert "Friday report" not in shown and ids[1][:8] not in shown


def test_a_peer_whose_fingerprint_was_not_compared_is_not_verified_in_the_tree(
    qtbot: QtBot, page: TrioPage, people: tuple[Person, Person], tmp_path: Path
) -> None:
    dana, asha = people
    dana.app.peers.add("", asha.card)  # added, never compared
    asha.app.peers.add("", dana.card)
    entry = asha.app.entries.write("Tried huddles.")
    preview = asha.app.sharing.preview(to=["Dana"], entry_ids=[entry.id], note="")
    dana.app.receiving.receive(asha.app.sharing.share(preview, tmp_path / "summary"))
    page.refresh()

    open_newest(qtbot, page)

    assert page.inbox.tree.topLevelItem(0).text(0) == "Asha Patel (not verified)"
    assert page.inbox.banner.isVisible()
    assert page.inbox.banner.text().startswith("Unverified sender")


def test_the_feedback_form_names_a_prompt_only_entry_by_its_first_answer() -> None:
    from reflect.ui.pages.trio.bundle_text import entry_label

    answer = {"prompt_id": "d", "text": "We met."}
    item = {"type": "entry", "kind": "reflection", "created": "2026-11-30T09:00:00+00:00",
            "title": "", "body": "", "responses": [answer]}  # fmt: skip
    assert entry_label(item).startswith("We met. (")


def test_shared_connection_counts_read_as_months_of_counts() -> None:
    from reflect.ui.pages.trio.bundle_text import bundle_markdown

    months = [{"month": "2026-02", "trust": 0, "icb": 1, "vcse": 2}]
    shown = bundle_markdown([{"type": "connection-counts", "months": months}])

    assert shown.startswith("## Connections by sector")
    assert "- 2026-02: trust **0**, icb **1**, vcse **2**" in shown
