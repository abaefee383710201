"""The share dialog on a real window: who and what, a preview with warnings that lead to the
entry, and a bundle saved in the background that a peer's journal opens."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fakes import FakeClock, QuickRawCipher
from people import Person, introduce, open_person, shared_keyring
from reflect.app import App
from reflect.messages import Msg
from reflect.ui.flows.share_dialog import ShareDialog
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId

VALID_NHS_NUMBER = "943 476 5919"


@pytest.fixture
def people(tmp_path: Path, clock: FakeClock) -> Iterator[tuple[Person, Person, Person]]:
    keyring = shared_keyring()
    quick = QuickRawCipher()  # passphrase bundles; tests/exchange proves them with age scrypt
    names = ("Asha Patel", "Ben Okafor", "Cai Ó")
    trio = [open_person(n, tmp_path, keyring, clock, bundle_cipher=quick) for n in names]
    introduce(*trio)
    trio[0].app.peers.create_trio("Spring trio", ["Ben", "Cai"])
    yield trio[0], trio[1], trio[2]
    for person in trio:
        person.app.close()


@pytest.fixture
def app(people: tuple[Person, Person, Person]) -> App:
    return people[0].app  # the window is Asha's


@pytest.fixture
def dialog(window: MainWindow, qtbot: QtBot) -> Iterator[ShareDialog]:
    shown = window.show_share_dialog()
    qtbot.waitExposed(shown)
    yield shown
    shown.close()


def saved(dialog: ShareDialog, out: Path, qtbot: QtBot) -> Path:
    task = dialog.save_to(out)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert dialog.saved_path is not None
    return dialog.saved_path


def test_the_default_trio_is_chosen_and_every_peer_is_offered(dialog: ShareDialog) -> None:
    assert dialog.recipient_names() == ["Ben Okafor", "Cai Ó"]
    assert dialog.recipients.count() == 2


def test_the_preview_shows_the_chosen_items_and_flags_an_nhs_number(
    window: MainWindow, app: App
) -> None:
    inquiry = app.inquiries.add("How do we make stopping work feel safe?")
    flagged = app.entries.write(f"Clinic notes\nSaw {VALID_NHS_NUMBER} about the handoff.")
    other = app.entries.write("Not chosen, so it stays here.")
    dialog = window.show_share_dialog()  # opened after them, so it lists them
    dialog.choose_inquiry(inquiry.id)
    dialog.choose_entries([flagged.id])
    dialog.note.setPlainText("Push me on measures.")

    preview = dialog.refresh_preview()

    assert preview is not None
    assert [i["type"] for i in preview.items] == ["inquiry", "note", "entry"]
    assert [p.name for p in preview.recipients] == ["Ben Okafor", "Cai Ó"]
    shown = dialog.browser.toPlainText()
    assert "How do we make stopping work feel safe?" in shown and "Push me on measures." in shown
    assert other.body not in shown
    [finding] = [f for f in preview.findings if f.reason is Msg.LOOKS_LIKE_NHS_NUMBER]
    row = list(preview.findings).index(finding)
    assert VALID_NHS_NUMBER in dialog.findings.item(row).text()

    dialog.open_finding(row)

    assert window.current_page() is PageId.EDITOR
    assert VALID_NHS_NUMBER in window.editor.body.toPlainText()
    dialog.close()


def test_unticking_everyone_leaves_no_recipients(dialog: ShareDialog, app: App) -> None:
    dialog.choose_recipients([])
    dialog.note.setPlainText("Only a note.")

    preview = dialog.refresh_preview()

    assert preview is not None and preview.recipients == ()


def test_nothing_chosen_says_so_in_the_dialog(dialog: ShareDialog) -> None:
    assert dialog.refresh_preview() is None
    assert "nothing to share" in dialog.status.text()


def test_a_saved_bundle_is_received_by_a_peer(
    window: MainWindow, people: tuple[Person, Person, Person], qtbot: QtBot, tmp_path: Path
) -> None:
    asha, ben, cai = people
    entry = asha.app.entries.write("Workshop 2: we mapped the handoffs.")
    dialog = window.show_share_dialog()  # opened after the entry, so it lists it
    dialog.choose_entries([entry.id])
    dialog.note.setPlainText("What would you stop?")

    path = saved(dialog, tmp_path / "for-the-trio", qtbot)

    assert path.suffix == ".reflect"
    for reader in (ben, cai):
        outcome = reader.app.receiving.receive(path)
        assert outcome.new and outcome.peer is not None and outcome.peer.name == "Asha Patel"
        assert [i["type"] for i in outcome.items] == ["note", "entry"]
        assert outcome.items[1]["body"] == "Workshop 2: we mapped the handoffs."
    dialog.close()


def test_a_passphrase_bundle_round_trips_and_must_be_typed_twice(
    dialog: ShareDialog, people: tuple[Person, Person, Person], qtbot: QtBot, tmp_path: Path
) -> None:
    ben = people[1]
    dialog.note.setPlainText("Locked with words we said on the call.")
    dialog.set_passphrase("tide pool lantern", "tide pool lanterns")

    assert dialog.save_to(tmp_path / "typo.reflect") is None
    assert "different" in dialog.status.text()
    assert not (tmp_path / "typo.reflect").exists()
    assert dialog.passphrase_warning.isVisible()

    dialog.set_passphrase("tide pool lantern")
    path = saved(dialog, tmp_path / "locked.reflect", qtbot)

    outcome = ben.app.receiving.receive(path, passphrase="tide pool lantern")
    assert outcome.new and outcome.peer is not None
    assert outcome.items[0]["text"] == "Locked with words we said on the call."
