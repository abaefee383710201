"""“Nothing about a connection leaves in a share unless chosen, and then only counts” (issue
#14), proved on the bundle the window's share dialog writes: shared once without the choice and
once with it, each time with the inquiry the connections are linked to and an entry, and the
whole decrypted document read back, not only the preview."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fakes import FakeClock, QuickRawCipher
from people import Person, introduce, open_person, shared_keyring
from reflect.app import App
from reflect.core.connection import Sector
from reflect.exchange.bundle import decrypted_with_passphrase
from reflect.ui.flows.share_dialog import ShareDialog
from reflect.ui.main_window import MainWindow

PASSPHRASE = "harbour kite meadow"
SECTORS = {s.value for s in Sector}


@pytest.fixture
def people(tmp_path: Path, clock: FakeClock) -> Iterator[tuple[Person, Person]]:
    keyring = shared_keyring()
    quick = QuickRawCipher()  # tests/exchange prove real age scrypt; here the words matter
    pair = [open_person(n, tmp_path, keyring, clock, bundle_cipher=quick) for n in ("Asha", "Ben")]
    introduce(*pair)
    yield pair[0], pair[1]
    for person in pair:
        person.app.close()


@pytest.fixture
def app(people: tuple[Person, Person]) -> App:
    return people[0].app  # the window is Asha's


def private_words(app: App) -> tuple[str, ...]:
    """Log connections linked to an inquiry; return all that must never leave about them."""
    inquiry = app.inquiries.add("How do we own discharge delays together?")
    logged = [
        app.connections.add(
            "Zarina Quill, Age Well",
            Sector.VCSE,
            where="Quarry Lane huddle",
            met="2026-02-14",
            note="Xylophone ward idea",
            inquiry_id=inquiry.id,
        ),
        app.connections.add("Fenmoor brokerage", Sector.LOCAL_AUTHORITY, met="2026-02-20"),
        app.connections.add("Dr Yusuf Oakes", Sector.PRIMARY_CARE, met="2026-03-02"),
    ]
    app.entries.write("Workshop 3: mapped the handoffs.", inquiry_id=inquiry.id)
    names = ("Zarina", "Quill", "Fenmoor", "Yusuf", "Oakes", "Quarry", "Xylophone")
    days = ("2026-02-14", "2026-02-20", "2026-03-02")
    return names + days + tuple(c.id for c in logged)


def share(window: MainWindow, qtbot: QtBot, out: Path, *, with_counts: bool) -> dict[str, Any]:
    """Share the inquiry by keyboard, locked with a passphrase; the bundle's whole document."""
    dialog: ShareDialog = window.show_share_dialog()
    qtbot.waitExposed(dialog)
    dialog.inquiry.setFocus()
    qtbot.keyClick(dialog.inquiry, Qt.Key.Key_End)  # the one inquiry, after "No inquiry"
    assert dialog.inquiry.currentData() is not None
    assert not dialog.include_connections.isChecked()  # off unless chosen
    if with_counts:
        dialog.include_connections.setFocus()
        qtbot.keyClick(dialog.include_connections, Qt.Key.Key_Space)
    dialog.use_passphrase.setFocus()
    qtbot.keyClick(dialog.use_passphrase, Qt.Key.Key_Space)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClicks(dialog.passphrase_again, PASSPHRASE)
    task = dialog.save_to(out)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert dialog.saved_path is not None
    data = dialog.saved_path.read_bytes()
    dialog.close()
    plain = decrypted_with_passphrase(data, PASSPHRASE, cipher=QuickRawCipher())
    document: dict[str, Any] = json.loads(plain)
    return document


def leaked(document: dict[str, Any], words: tuple[str, ...]) -> list[str]:
    text = json.dumps(document, ensure_ascii=False)
    return [w for w in words if w in text]


def test_without_the_choice_nothing_about_a_connection_leaves(
    window: MainWindow, app: App, qtbot: QtBot, tmp_path: Path
) -> None:
    words = private_words(app)

    document = share(window, qtbot, tmp_path / "plain.reflect", with_counts=False)

    types = [item["type"] for item in document["items"]]
    assert "inquiry" in types and "entry" in types  # the share did carry the inquiry
    assert "connection-counts" not in types
    assert leaked(document, words) == []


def test_with_the_choice_only_counts_by_sector_per_month_leave(
    window: MainWindow, app: App, qtbot: QtBot, tmp_path: Path, people: tuple[Person, Person]
) -> None:
    words = private_words(app)

    document = share(window, qtbot, tmp_path / "counts.reflect", with_counts=True)

    [counts] = [item for item in document["items"] if item["type"] == "connection-counts"]
    assert set(counts) == {"type", "months"}
    assert counts["months"] == [
        {"month": "2026-02", **dict.fromkeys(SECTORS, 0), "vcse": 1, "local-authority": 1},
        {"month": "2026-03", **dict.fromkeys(SECTORS, 0), "primary-care": 1},
    ]
    assert leaked(document, words) == []
    # And a peer's journal takes it as it is: counts only.
    ben = people[1]
    outcome = ben.app.receiving.receive(tmp_path / "counts.reflect", passphrase=PASSPHRASE)
    [received] = [i for i in outcome.items if i["type"] == "connection-counts"]
    assert received == counts
