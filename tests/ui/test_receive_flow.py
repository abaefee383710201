"""Receiving a bundle through the window (the File menu, a drop and the command line all use
``receive_file``): one clear message for each outcome, an explicit choice before anything
unverified is kept, and nothing stored when a file cannot be opened."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from fakes import FakeClock
from people import Person, introduce, open_person, shared_keyring
from reflect.app import App
from reflect.ui.flows.receive import ReceiveFlow, receive_file
from reflect.ui.main_window import MainWindow


class Boxes:
    """Stands in for message boxes: records each, and answers questions as told."""

    def __init__(self, answer: QMessageBox.StandardButton) -> None:
        self.answer = answer
        self.shown: list[tuple[str, str]] = []

    def info(self, parent: object, title: str, text: str, *rest: object) -> object:
        self.shown.append(("information", text))
        return QMessageBox.StandardButton.Ok

    def warning(self, parent: object, title: str, text: str, *rest: object) -> object:
        self.shown.append(("warning", text))
        return QMessageBox.StandardButton.Ok

    def question(self, parent: object, title: str, text: str, *rest: object) -> object:
        self.shown.append(("question", title))
        return self.answer


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    recorder = Boxes(QMessageBox.StandardButton.No)
    monkeypatch.setattr(QMessageBox, "information", recorder.info)
    monkeypatch.setattr(QMessageBox, "warning", recorder.warning)
    monkeypatch.setattr(QMessageBox, "question", recorder.question)
    return recorder


@pytest.fixture
def people(tmp_path: Path, clock: FakeClock) -> Iterator[tuple[Person, Person, Person]]:
    keyring = shared_keyring()
    names = ("Asha Patel", "Ben Okafor", "Dev Rao")
    found = [open_person(n, tmp_path, keyring, clock) for n in names]
    asha, ben, dev = found
    introduce(asha, ben)
    dev.app.peers.add("", asha.card)  # Dev knows Asha; Asha does not know Dev
    yield asha, ben, dev
    for person in found:
        person.app.close()


@pytest.fixture
def app(people: tuple[Person, Person, Person]) -> App:
    return people[0].app  # the window is Asha's


def summary_from(person: Person, folder: Path, to: str = "Asha") -> Path:
    entry = person.app.entries.write(f"{person.name.split()[0]}'s week: we tried huddles.")
    preview = person.app.sharing.preview(to=[to], entry_ids=[entry.id])
    return person.app.sharing.share(preview, folder / f"from-{person.name.split()[0]}")


def finished(flow: ReceiveFlow, qtbot: QtBot) -> object:
    with qtbot.waitSignal(flow.finished, timeout=20000) as blocker:
        pass
    return blocker.args[0]


def test_a_bundle_from_a_known_peer_lands_in_the_inbox_with_one_message(
    window: MainWindow, people: tuple[Person, Person, Person], boxes: Boxes, qtbot: QtBot,
    tmp_path: Path,
) -> None:  # fmt: skip
    asha, ben, _ = people
    path = summary_from(ben, tmp_path)

    outcome = finished(receive_file(window, path), qtbot)

    assert outcome is not None
    [sender] = asha.app.receiving.inbox()
    assert sender.name == "Ben Okafor" and sender.sender_verified
    assert boxes.shown == [("information", "A summary from Ben Okafor is in your Trio inbox.")]

    again = finished(receive_file(window, path), qtbot)

    assert again is not None and not again.new  # type: ignore[attr-defined]
    assert "already have this bundle from Ben Okafor" in boxes.shown[-1][1]
    assert asha.counts()["received"] == 1


def test_an_unknown_sender_declined_stores_nothing(
    window: MainWindow, people: tuple[Person, Person, Person], boxes: Boxes, qtbot: QtBot,
    tmp_path: Path,
) -> None:  # fmt: skip
    asha, _, dev = people
    before = asha.counts()

    outcome = finished(receive_file(window, summary_from(dev, tmp_path)), qtbot)

    assert outcome is None
    assert boxes.shown == [("question", "Import as unverified?")]
    assert asha.counts() == before


def test_an_unknown_sender_accepted_is_stored_unverified(
    window: MainWindow, people: tuple[Person, Person, Person], boxes: Boxes, qtbot: QtBot,
    tmp_path: Path,
) -> None:  # fmt: skip
    asha, _, dev = people
    boxes.answer = QMessageBox.StandardButton.Yes

    outcome = finished(receive_file(window, summary_from(dev, tmp_path)), qtbot)

    assert outcome is not None
    [sender] = asha.app.receiving.inbox()
    assert sender.name == "Dev Rao" and not (sender.signed_by_peer or sender.sender_verified)
    assert [kind for kind, _ in boxes.shown] == ["question", "information"]
    assert boxes.shown[-1][1].endswith("It is marked unverified.")


def test_a_peer_whose_fingerprint_was_not_compared_is_named_unverified(
    window: MainWindow, people: tuple[Person, Person, Person], boxes: Boxes, qtbot: QtBot,
    tmp_path: Path,
) -> None:  # fmt: skip
    asha, _, dev = people
    asha.app.peers.add("", dev.card)  # a peer now, but no fingerprints compared

    outcome = finished(receive_file(window, summary_from(dev, tmp_path)), qtbot)

    assert outcome is not None
    assert boxes.shown == [("information", boxes.shown[0][1])]
    expected = "Unverified sender: you have not compared fingerprints with Dev Rao"
    assert expected in boxes.shown[0][1]
    [sender] = [s for s in asha.app.receiving.inbox() if s.name == "Dev Rao"]
    assert sender.signed_by_peer and not sender.sender_verified


def test_a_damaged_file_shows_one_message_and_stores_nothing(
    window: MainWindow, people: tuple[Person, Person, Person], boxes: Boxes, qtbot: QtBot,
    tmp_path: Path,
) -> None:  # fmt: skip
    asha, ben, _ = people
    path = summary_from(ben, tmp_path)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    before = asha.counts()

    outcome = finished(receive_file(window, path), qtbot)

    assert outcome is None
    assert boxes.shown == [("warning", boxes.shown[0][1])]
    assert "damaged" in boxes.shown[0][1]
    assert asha.counts() == before


def test_feedback_says_how_many_entries_it_attached_to(
    window: MainWindow, people: tuple[Person, Person, Person], boxes: Boxes, qtbot: QtBot,
    tmp_path: Path,
) -> None:  # fmt: skip
    asha, ben, _ = people
    entry = asha.app.entries.write("Stopped the Friday report.")
    sent = asha.app.sharing.share(
        asha.app.sharing.preview(to=["Ben"], entry_ids=[entry.id]), tmp_path / "summary"
    )
    bundle_id = ben.app.receiving.receive(sent).bundle.id
    reply = ben.app.receiving.feedback(bundle_id, {entry.id: "Well done."}, "", tmp_path / "fb")

    finished(receive_file(window, reply), qtbot)

    assert boxes.shown == [
        ("information", "Feedback from Ben Okafor: comments attached to 1 of your entries.")
    ]
    assert [c.text for c in asha.app.receiving.comments_on(entry.id)] == ["Well done."]


def test_dropping_a_bundle_on_the_window_receives_it(
    window: MainWindow, people: tuple[Person, Person, Person], boxes: Boxes, qtbot: QtBot,
    tmp_path: Path,
) -> None:  # fmt: skip
    asha, ben, _ = people
    path = summary_from(ben, tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)), QUrl.fromLocalFile(str(tmp_path / "x.txt"))])
    drop = QDropEvent(
        QPointF(QPoint(10, 10)), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip

    window.dropEvent(drop)

    qtbot.waitUntil(lambda: asha.counts()["received"] == 1, timeout=20000)
    qtbot.waitUntil(lambda: len(boxes.shown) == 1, timeout=20000)
    assert window.acceptDrops()


class FakeRun:
    """Stands in for the window's event loop, remembering what it was asked to open."""

    def __init__(self) -> None:
        self.calls: list[tuple[Path, list[Path]]] = []

    def __call__(
        self,
        paths: Any,
        argv: Any = None,
        open_files: Sequence[Path] = (),
        quit_after_paint: bool = False,
    ) -> int:
        self.calls.append((paths.data_dir, list(open_files)))
        return 0


@pytest.fixture
def fake_run(monkeypatch: pytest.MonkeyPatch) -> FakeRun:
    from reflect.ui import launch

    recorder = FakeRun()
    monkeypatch.setattr(launch, "run", recorder)
    return recorder


def reflect_cli(*args: str) -> int:
    from reflect.cli.main import main

    try:
        main(list(args))
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 0
    return 0


def test_reflect_with_bundle_files_opens_the_window_and_receives_them(
    fake_run: FakeRun, tmp_path: Path
) -> None:
    first, second = tmp_path / "a.reflect", tmp_path / "Second Bundle.REFLECT"
    first.write_bytes(b"x")
    second.write_bytes(b"x")
    journal = tmp_path / "journal"

    assert reflect_cli("--data-dir", str(journal), str(first), str(second)) == 0
    assert reflect_cli(f"--data-dir={journal}", "--debug", str(first)) == 0

    assert fake_run.calls == [(journal, [first, second]), (journal, [first])]


def test_commands_still_work_beside_bundle_files(
    fake_run: FakeRun, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = tmp_path / "a.reflect"
    bundle.write_bytes(b"not a bundle")
    journal = str(tmp_path / "journal")

    assert reflect_cli("--data-dir", journal, "write", "Still works.") == 0
    assert reflect_cli("--data-dir", journal, "list") == 0
    assert "Still works." in capsys.readouterr().out
    assert reflect_cli("--data-dir", journal, "receive", str(bundle)) == 1  # receive's own
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and "No such command" not in err
    assert reflect_cli("--data-dir", journal, str(tmp_path / "missing.reflect")) == 2
    assert "No such command" in capsys.readouterr().err  # only existing files are bundles
    assert reflect_cli("--data-dir", journal) == 0  # no command: the window, no files
    assert fake_run.calls == [(Path(journal), [])]
