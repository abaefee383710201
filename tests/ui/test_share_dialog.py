"""The share dialog on a real window: who and what, a preview with warnings that lead to the
entry, and a bundle saved in the background that a peer's journal opens."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QTextCharFormat
from PySide6.QtWidgets import (
    QApplication,
    QListWidget,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from fakes import FakeClock, QuickRawCipher
from people import Person, introduce, open_person, shared_keyring
from reflect.app import App
from reflect.core.action import ActionKind
from reflect.messages import Msg
from reflect.services.sharing import ShareChoices, SharePreview
from reflect.ui import theme
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
    shown = preview_of(dialog).toPlainText()
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


# The preview follows every choice (issue #13, item 5) ------------------------------------------


def preview_of(dialog: ShareDialog) -> QPlainTextEdit | QTextEdit:
    """The preview pane, found as a screen reader finds it: by its accessible name."""
    [found] = [
        w
        for w in dialog.findChildren(QWidget)
        if w.accessibleName() == "Preview" and isinstance(w, QPlainTextEdit | QTextEdit)
    ]
    return found


def tick_first(qtbot: QtBot, listing: QListWidget) -> None:
    """Tick the first row of a list by keyboard, as a person would: focus, Home, Space."""
    listing.setFocus()
    qtbot.keyClick(listing, Qt.Key.Key_Home)
    qtbot.keyClick(listing, Qt.Key.Key_Space)


def highlighted(preview: QPlainTextEdit | QTextEdit) -> dict[str, QTextCharFormat]:
    """Each marked span's text and format (copied: the selections are temporaries)."""
    return {
        s.cursor.selectedText(): QTextCharFormat(s.format)  # type: ignore[attr-defined]
        for s in preview.extraSelections()
    }


def contrast(one: QColor, other: QColor) -> float:
    """The WCAG contrast ratio of two colours."""

    def luminance(colour: QColor) -> float:
        parts = [c / 255 for c in (colour.red(), colour.green(), colour.blue())]
        linear = [p / 12.92 if p <= 0.03928 else ((p + 0.055) / 1.055) ** 2.4 for p in parts]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_preview_follows_each_choice_as_it_is_made(
    window: MainWindow, app: App, qtbot: QtBot
) -> None:
    entry = app.entries.write("Workshop 2: we mapped the handoffs.")
    dialog = window.show_share_dialog()
    qtbot.waitExposed(dialog)
    preview = preview_of(dialog)

    tick_first(qtbot, dialog.entries)
    qtbot.waitUntil(lambda: entry.body in preview.toPlainText())
    qtbot.keyClicks(dialog.note, "Push me on measures.")
    qtbot.waitUntil(lambda: "Push me on measures." in preview.toPlainText())
    qtbot.keyClick(dialog.entries, Qt.Key.Key_Space)  # unticked: it leaves the preview

    qtbot.waitUntil(lambda: entry.body not in preview.toPlainText())
    assert "Push me on measures." in preview.toPlainText()
    dialog.close()


def test_warnings_are_highlighted_and_choosing_one_shows_where_it_is(
    window: MainWindow, app: App, qtbot: QtBot, themed_qapp: QApplication
) -> None:
    app.entries.write(f"Clinic notes\nSaw {VALID_NHS_NUMBER} about the handoff, with Sarah Jones.")
    dialog = window.show_share_dialog()
    qtbot.waitExposed(dialog)
    preview = preview_of(dialog)
    tick_first(qtbot, dialog.entries)
    qtbot.waitUntil(lambda: dialog.findings.count() == 2)

    marks = highlighted(preview)
    assert set(marks) == {VALID_NHS_NUMBER, "Sarah Jones"}
    warning = marks[VALID_NHS_NUMBER]
    base = preview.palette().color(QPalette.ColorRole.Base)
    assert warning.background().color() != base
    assert contrast(warning.foreground().color(), warning.background().color()) >= 4.5

    dialog.findings.setFocus()
    qtbot.keyClick(dialog.findings, Qt.Key.Key_End)  # the second warning: the name

    assert preview.textCursor().selectedText() == "Sarah Jones"
    chosen = highlighted(preview)["Sarah Jones"]
    assert chosen.background().color() != warning.background().color()  # stands out from the rest
    assert contrast(chosen.foreground().color(), chosen.background().color()) >= 4.5
    dialog.close()


def test_the_highlights_stay_readable_in_dark_mode(
    window: MainWindow, app: App, qtbot: QtBot, themed_qapp: QApplication
) -> None:
    app.entries.write(f"Saw {VALID_NHS_NUMBER} about the handoff.")
    dialog = window.show_share_dialog()
    qtbot.waitExposed(dialog)
    preview = preview_of(dialog)
    tick_first(qtbot, dialog.entries)
    qtbot.waitUntil(lambda: dialog.findings.count() == 1)
    light = highlighted(preview)[VALID_NHS_NUMBER].background().color()
    try:
        theme.apply(themed_qapp, theme.Scheme.DARK)  # switched while the dialog is open
        qtbot.waitUntil(
            lambda: highlighted(preview)[VALID_NHS_NUMBER].background().color() != light
        )
        dialog.findings.setFocus()
        qtbot.keyClick(dialog.findings, Qt.Key.Key_Home)
        dark = preview.palette().color(QPalette.ColorRole.Base)
        [mark] = highlighted(preview).values()
        assert contrast(mark.background().color(), dark) > 1.5  # visible against the page
        assert contrast(mark.foreground().color(), mark.background().color()) >= 4.5
    finally:
        theme.apply(themed_qapp, theme.Scheme.LIGHT)
    dialog.close()


def test_an_unverified_peer_is_not_ticked_by_default(
    window: MainWindow, people: tuple[Person, Person, Person]
) -> None:
    asha, _, cai = people
    asha.app.peers.remove("Cai")
    asha.app.peers.add("", cai.card)  # back, but the fingerprint not yet compared
    asha.app.peers.create_trio("Summer trio", ["Ben", "Cai"])

    dialog = window.show_share_dialog()

    assert dialog.recipient_names() == ["Ben Okafor"]
    assert [dialog.recipients.item(n).text() for n in range(2)] == [
        "Ben Okafor",
        "Cai Ó (unverified)",
    ]
    dialog.close()


# Sharing an inquiry sends what people mean by it (issue #13, item 6) ---------------------------


def test_choosing_an_inquiry_shares_its_history_entries_and_actions(
    window: MainWindow, people: tuple[Person, Person, Person], qtbot: QtBot, tmp_path: Path
) -> None:
    asha, ben, _ = people
    inquiry = asha.app.inquiries.add("Why do we never stop anything?")
    asha.app.inquiries.reword(inquiry.id, "How do we make stopping work feel safe?")
    asha.app.entries.write("We mapped the handoffs.", inquiry_id=inquiry.id)
    asha.app.entries.write("Something else entirely.")
    asha.app.actions.add("Stop the Friday report", ActionKind.STOP, inquiry_id=inquiry.id)
    dialog = window.show_share_dialog()
    qtbot.waitExposed(dialog)
    preview = preview_of(dialog)

    dialog.inquiry.setFocus()
    qtbot.keyClick(dialog.inquiry, Qt.Key.Key_Down)  # from "No inquiry" to the inquiry

    for text in ("Why do we never stop anything?", "We mapped the handoffs.", "Stop the Friday"):
        qtbot.waitUntil(lambda text=text: text in preview.toPlainText())  # type: ignore[misc]
    assert "Something else entirely." not in preview.toPlainText()
    outcome = ben.app.receiving.receive(saved(dialog, tmp_path / "inquiry", qtbot))
    assert [i["type"] for i in outcome.items] == ["inquiry", "entry", "action"]
    assert len(outcome.items[0]["wordings"]) == 2
    dialog.close()


def test_back_from_editing_a_warned_entry_the_preview_shows_it_as_it_is_now(
    window: MainWindow, app: App, qtbot: QtBot
) -> None:
    app.entries.write(f"Saw {VALID_NHS_NUMBER} about the handoff.")
    dialog = window.show_share_dialog()
    qtbot.waitExposed(dialog)
    tick_first(qtbot, dialog.entries)
    qtbot.waitUntil(lambda: dialog.findings.count() == 1)
    dialog.findings.setFocus()
    qtbot.keyClick(dialog.findings, Qt.Key.Key_Home)
    qtbot.keyClick(dialog.findings, Qt.Key.Key_Return)  # edit the entry it is in
    assert window.current_page() is PageId.EDITOR
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    body = window.editor.body
    body.selectAll()
    qtbot.keyClicks(body, "Saw a patient about the handoff.")
    window.save_entry()

    dialog.activateWindow()

    qtbot.waitUntil(lambda: "Saw a patient" in preview_of(dialog).toPlainText())
    assert dialog.findings.count() == 0
    dialog.close()


def test_typing_rebuilds_the_preview_once_per_pause_and_scans_off_the_ui_thread(
    window: MainWindow, app: App, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    gathered: list[ShareChoices] = []
    scanned_on: list[threading.Thread] = []
    gather, scanned = app.sharing.gather, app.sharing.scanned

    def counted_gather(choices: ShareChoices) -> SharePreview:
        gathered.append(choices)
        return gather(choices)

    def watched_scan(preview: SharePreview) -> SharePreview:
        scanned_on.append(threading.current_thread())
        return scanned(preview)

    monkeypatch.setattr(app.sharing, "gather", counted_gather)
    monkeypatch.setattr(app.sharing, "scanned", watched_scan)
    dialog = window.show_share_dialog()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: "nothing to share" in dialog.status.text())  # the first, unasked
    gathered.clear()
    note = "Push me on measures, please: what would you stop first?"

    dialog.note.setFocus()
    qtbot.keyClicks(dialog.note, note, delay=10)  # typing, with the event loop running

    qtbot.waitUntil(lambda: note in preview_of(dialog).toPlainText())
    assert 1 <= len(gathered) <= 3 < len(note)  # once per pause, not once per key
    assert gathered[-1].note == note
    assert scanned_on and threading.main_thread() not in scanned_on
    dialog.close()


def test_counts_of_connections_leave_only_when_ticked_and_without_names(
    window: MainWindow, people: tuple[Person, Person, Person], qtbot: QtBot, tmp_path: Path
) -> None:
    asha, ben, _ = people
    asha.app.connections.add("Ana Price, Age Well", "vcse", where="Huddle", met="2026-02-14")
    asha.app.connections.add("Dr Lee", "primary-care", note="Private word", met="2026-02-20")
    dialog = window.show_share_dialog()
    qtbot.waitExposed(dialog)
    preview = preview_of(dialog)
    dialog.note.setPlainText("Hello")
    qtbot.waitUntil(lambda: "Hello" in preview.toPlainText())
    assert "CONNECTIONS" not in preview.toPlainText()
    assert not dialog.include_connections.isChecked()

    dialog.include_connections.setFocus()
    qtbot.keyClick(dialog.include_connections, Qt.Key.Key_Space)

    qtbot.waitUntil(lambda: "CONNECTIONS BY SECTOR" in preview.toPlainText())
    shown = preview.toPlainText()
    assert "2026-02:" in shown and "vcse 1" in shown and "primary-care 1" in shown
    for private in ("Ana Price", "Dr Lee", "Huddle", "Private word"):
        assert private not in shown
    path = saved(dialog, tmp_path / "counts", qtbot)
    outcome = ben.app.receiving.receive(path)
    [counts] = [i for i in outcome.items if i["type"] == "connection-counts"]
    assert counts["months"][0]["month"] == "2026-02" and counts["months"][0]["vcse"] == 1
    assert "Ana Price" not in str(outcome.items)
    dialog.close()
