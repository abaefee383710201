"""The Trio page: add and verify people, read what they sent safely, note it, answer it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from people import Person, open_person, shared_keyring
from reflect.core.action import ActionKind
from reflect.messages import Msg
from reflect.ui.dialogs.passphrase_dialog import NoticeShower
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId
from reflect.ui.pages.trio.bundle_text import bundle_markdown
from reflect.ui.pages.trio.page import TrioPage
from reflect.ui.pages.trio.peer_dialogs import CardDialog, FingerprintDialog, TrioDialog

HOSTILE = (
    "We mapped the handoffs.\n\n<script>alert(1)</script>\n\n"
    '<img src="file:///dev/zero"> and ![zero](file:///dev/zero)\n\n'
    "[click](javascript:alert(1))"
)


@pytest.fixture
def people(tmp_path: Path) -> Iterator[tuple[Person, Person, Person]]:
    keyring = shared_keyring()
    trio = [open_person(n, tmp_path, keyring) for n in ("Dana Reed", "Asha Patel", "Cai Ó")]
    yield trio[0], trio[1], trio[2]
    for person in trio:
        person.app.close()


@pytest.fixture
def window(
    qtbot: QtBot, themed_qapp: QApplication, people: tuple[Person, Person, Person]
) -> Iterator[MainWindow]:
    crashes: list[BaseException] = []
    win = MainWindow(people[0].app, crashes.append)
    win.resize(1100, 720)
    win.show()
    qtbot.waitExposed(win)
    win.show_page(PageId.TRIO)
    yield win
    win.close()
    win.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert crashes == []


@pytest.fixture
def page(window: MainWindow) -> TrioPage:
    return window.trio


def rows(page: TrioPage) -> list[str]:
    return [page.people.item(n).text() for n in range(page.people.count())]


def add_by_pasting(qtbot: QtBot, page: TrioPage, card: str) -> FingerprintDialog:
    dialog = page.add_person()
    dialog.card.setPlainText(card)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert isinstance(page.dialog, FingerprintDialog)
    return page.dialog


def summary_from(sender: Person, to: str, folder: Path) -> Path:
    """A summary ``sender`` shares with the peer called ``to``: a hostile entry and a plain one."""
    first = sender.app.entries.write(f"# Workshop 2\n{HOSTILE}")
    second = sender.app.entries.write("Stopped the Friday report.")
    preview = sender.app.sharing.preview(
        to=[to], entry_ids=[first.id, second.id], note="Push me on measures."
    )
    return sender.app.sharing.share(preview, folder / f"from-{sender.name.split()[0]}")


def received(qtbot: QtBot, page: TrioPage, dana: Person, asha: Person, tmp: Path) -> str:
    """Dana adds and verifies Asha in the page; Asha sends a summary; Dana receives it."""
    qtbot.mouseClick(add_by_pasting(qtbot, page, asha.card).mark, Qt.MouseButton.LeftButton)
    asha.app.peers.add("", dana.card)
    outcome = dana.app.receiving.receive(summary_from(asha, "Dana", tmp))
    return outcome.bundle.id


def test_a_pasted_card_adds_a_person_not_yet_verified_then_verified(
    qtbot: QtBot, page: TrioPage, people: tuple[Person, Person, Person]
) -> None:
    dana, asha, _ = people
    fingerprint = add_by_pasting(qtbot, page, f"Hi Dana, my card:\n{asha.card}\nAsha")

    assert rows(page) == ["Asha Patel\nnot verified yet"]
    assert fingerprint.fingerprint.text() == asha.app.keys.card().fingerprint
    assert fingerprint.mark.isVisible()

    qtbot.mouseClick(fingerprint.mark, Qt.MouseButton.LeftButton)

    assert rows(page) == ["Asha Patel\n✓ verified"]
    assert dana.app.peers.get("Asha").verified


def test_a_bad_card_says_why_in_the_dialog_and_adds_nobody(qtbot: QtBot, page: TrioPage) -> None:
    dialog = page.add_person()
    dialog.card.setPlainText("-----BEGIN REFLECT CONTACT CARD-----\nversion: 1\n")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and dialog.problem.text()
    assert rows(page) == []


def test_a_card_file_and_an_age_recipient_both_add_people(
    qtbot: QtBot, page: TrioPage, people: tuple[Person, Person, Person], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    _, asha, cai = people
    card_file = tmp_path / "asha.reflectcard"
    card_file.write_text(asha.card, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(card_file), ""))
    dialog = page.add_person()
    qtbot.mouseClick(dialog.choose, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    dialog = page.add_person()
    dialog.name.setText("Cai")
    dialog.card.setPlainText(cai.recipient)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)

    assert rows(page) == [
        "Asha Patel\nnot verified yet",
        "Cai\nage recipient only: cannot be verified",
    ]
    assert isinstance(page.dialog, FingerprintDialog) and not page.dialog.mark.isVisible()


def test_your_card_can_be_copied_and_says_where_keys_live(
    qtbot: QtBot, page: TrioPage, people: tuple[Person, Person, Person]
) -> None:
    dana = people[0]
    dialog = page.show_your_card()
    assert isinstance(dialog, CardDialog)
    qtbot.mouseClick(dialog.copy, Qt.MouseButton.LeftButton)

    assert QApplication.clipboard().text() == dana.card
    assert dialog.fingerprint.text() == dana.app.keys.card().fingerprint
    assert dana.app.keys.where().description in dialog.where.text()


def test_a_trio_is_made_from_ticked_people(
    qtbot: QtBot, page: TrioPage, people: tuple[Person, Person, Person]
) -> None:
    dana, asha, cai = people
    dana.app.peers.add("", asha.card)
    dana.app.peers.add("", cai.card)
    page.refresh()
    dialog = page.create_trio()
    assert isinstance(dialog, TrioDialog)
    dialog.name.setText("Spring trio")
    for row in range(dialog.members.count()):
        dialog.members.item(row).setCheckState(Qt.CheckState.Checked)
    dialog.create_trio()

    assert page.trios.item(0).text().startswith("Spring trio")
    assert [p.name for p in dana.app.peers.recipients()] == ["Asha Patel", "Cai Ó"]


def test_a_received_summary_is_listed_under_its_sender_and_shown_safely(
    qtbot: QtBot, page: TrioPage, people: tuple[Person, Person, Person], tmp_path: Path
) -> None:
    dana, asha, _ = people
    bundle_id = received(qtbot, page, dana, asha, tmp_path)
    page.refresh()
    sender = page.inbox.tree.topLevelItem(0)
    assert page.inbox.tree.topLevelItemCount() == 1 and sender.text(0) == "Asha Patel"
    bundle_item = sender.child(0).child(0)
    assert bundle_item.text(0).startswith("Summary")

    page.inbox.tree.setCurrentItem(bundle_item)

    browser = page.inbox.browser
    shown = browser.toPlainText()
    assert "Workshop 2" in shown and "Stopped the Friday report." in shown
    assert "Push me on measures." in shown
    assert "<script>alert(1)</script>" in shown  # raw HTML is text
    assert '<img src="file:///dev/zero">' in shown
    assert "<img" not in browser.toHtml()
    assert "javascript:" not in browser.toHtml()
    assert not page.inbox.banner.isVisible()
    assert page.inbox.view is not None and page.inbox.view.bundle.id == bundle_id


def test_a_shared_inquiry_is_shown_with_its_history_entries_and_actions(
    qtbot: QtBot, page: TrioPage, people: tuple[Person, Person, Person], tmp_path: Path
) -> None:
    dana, asha, _ = people
    qtbot.mouseClick(add_by_pasting(qtbot, page, asha.card).mark, Qt.MouseButton.LeftButton)
    asha.app.peers.add("", dana.card)
    inquiry = asha.app.inquiries.add("Why do we never stop anything?")
    asha.app.inquiries.reword(inquiry.id, "How do we make stopping work feel safe?")
    asha.app.entries.write("# Workshop 2\nWe mapped the handoffs.", inquiry_id=inquiry.id)
    asha.app.actions.add("Stop the Friday report", ActionKind.STOP, inquiry_id=inquiry.id)
    preview = asha.app.sharing.preview(to=["Dana"], inquiry_id=inquiry.id)
    path = asha.app.sharing.share(preview, tmp_path / "inquiry")
    bundle_id = dana.app.receiving.receive(path).bundle.id
    page.refresh()

    assert page.inbox.select(bundle_id)

    shown = page.inbox.browser.toPlainText()
    order = ["How do we make stopping work feel safe?", "Why do we never stop anything?",
             "We mapped the handoffs.", "Stop the Friday report"]  # fmt: skip
    assert [shown.find(text) for text in order] == sorted(shown.find(text) for text in order)
    assert -1 not in [shown.find(text) for text in order]


def test_an_unverified_sender_gets_a_banner(
    qtbot: QtBot, page: TrioPage, people: tuple[Person, Person, Person], tmp_path: Path
) -> None:
    dana, _, cai = people
    cai.app.peers.add("", dana.card)
    outcome = dana.app.receiving.receive(
        summary_from(cai, "Dana", tmp_path), accept_unverified=True
    )
    page.refresh()

    assert page.inbox.tree.topLevelItem(0).text(0) == "Cai Ó (not verified)"
    assert page.inbox.select(outcome.bundle.id)
    assert page.inbox.banner.isVisible()


def test_a_private_note_is_kept_on_the_bundle(
    qtbot: QtBot, page: TrioPage, people: tuple[Person, Person, Person], tmp_path: Path
) -> None:
    dana, asha, _ = people
    bundle_id = received(qtbot, page, dana, asha, tmp_path)
    page.refresh()
    page.inbox.select(bundle_id)
    page.inbox.note_edit.setPlainText("Ask what made stopping possible.")

    qtbot.mouseClick(page.inbox.add_note_button, Qt.MouseButton.LeftButton)

    assert [n.text for n in dana.app.receiving.read(bundle_id).notes] == [
        "Ask what made stopping possible."
    ]
    assert "Ask what made stopping possible." in page.inbox.notes.text()
    assert page.inbox.note_edit.toPlainText() == ""


def test_feedback_written_from_the_form_attaches_to_the_senders_entries(
    qtbot: QtBot, page: TrioPage, people: tuple[Person, Person, Person], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    dana, asha, _ = people
    bundle_id = received(qtbot, page, dana, asha, tmp_path)
    page.refresh()
    page.inbox.select(bundle_id)
    qtbot.mouseClick(page.inbox.feedback_button, Qt.MouseButton.LeftButton)
    dialog = page.inbox.feedback_dialog
    assert dialog is not None
    first, second = dialog.comments  # the shared entries, in order
    dialog.comments[first].setPlainText("Which handoff hurts most?")
    dialog.note.setPlainText("See you Thursday.")
    out = tmp_path / "feedback-for-asha.reflect"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))

    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)

    assert out.is_file()
    outcome = asha.app.receiving.receive(out)
    assert (outcome.comments, outcome.unmatched) == (1, 0)
    assert [(c.author, c.text) for c in asha.app.receiving.comments_on(first)] == [
        ("Dana Reed", "Which handoff hurts most?")
    ]
    assert asha.app.receiving.comments_on(second) == []
    assert "Ask what" not in out.read_text(encoding="ascii")


def test_empty_feedback_says_why_and_writes_nothing(
    qtbot: QtBot, page: TrioPage, people: tuple[Person, Person, Person], tmp_path: Path
) -> None:
    dana, asha, _ = people
    bundle_id = received(qtbot, page, dana, asha, tmp_path)
    page.refresh()
    page.inbox.select(bundle_id)
    dialog = page.inbox.write_feedback()
    assert dialog is not None

    assert dialog.write_to(tmp_path / "nothing.reflect") is None
    assert dialog.problem.text() and not (tmp_path / "nothing.reflect").exists()


def test_the_key_notice_is_shown_once(monkeypatch: pytest.MonkeyPatch, window: MainWindow) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    notice = NoticeShower(window)
    notice(Msg.KEYRING_NOT_FOUND)
    notice(Msg.KEYRING_NOT_FOUND)

    assert shown == [Msg.KEYRING_NOT_FOUND.template]


def test_the_trio_page_is_in_the_sidebar_after_coaching(window: MainWindow) -> None:
    names = [window.sidebar.item(n).text() for n in range(window.sidebar.count())]
    assert names[names.index("Coaching") + 1] == "Trio"
    assert window.current_page() is PageId.TRIO


def test_a_wording_without_a_date_shows_no_empty_brackets() -> None:
    wordings = [{"question": "Why?", "created": None}, {"question": "How?", "created": None}]

    shown = bundle_markdown([{"type": "inquiry", "question": "How?", "wordings": wordings}])

    assert "- Why?\n" in shown + "\n" and "()" not in shown


def test_enter_in_the_fingerprint_dialog_does_not_mark_the_peer_verified(
    qtbot: QtBot, page: TrioPage, people: tuple[Person, Person, Person]
) -> None:
    # Verifying is a deliberate act after reading the codes aloud: not the default button.
    dana, asha, _ = people
    fingerprint = add_by_pasting(qtbot, page, asha.card)
    qtbot.keyClick(fingerprint, Qt.Key.Key_Return)
    assert not dana.app.peers.get("Asha").verified
