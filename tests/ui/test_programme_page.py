"""The Programme page and the reminder bar, driven as a user would: install a pack, see the
timeline, reflect on a workshop from the bar or the page, or say "not now"."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from fakes import FakeClock
from pack_fixtures import signed_pack, signed_plain_pack
from reflect.app import App, open_app
from reflect.exchange.identity import Identity
from reflect.exchange.pack import event_id
from reflect.paths import Paths
from reflect.ui import launch
from reflect.ui.flows import install_pack
from reflect.ui.flows.file_open import FileOpenEvents
from reflect.ui.flows.install_pack import install_pack_file, pick_up_dropped
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId

PACK_ID = "leading-across-systems-cohort-4"
WORKSHOP_2 = event_id(PACK_ID, "workshop-2")  # 2026-12-02
TRIO_1 = event_id(PACK_ID, "trio-1")  # 2026-11-11


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    # No [evaluation]: these tests are about the reflection offers alone.
    return signed_plain_pack(tmp_path, Identity.generate())


def on(clock: FakeClock, day: str) -> None:
    clock.now = datetime.fromisoformat(f"{day}T09:00:00").replace(tzinfo=UTC)


def test_with_no_programme_the_page_says_how_to_get_one(window: MainWindow) -> None:
    window.show_page(PageId.PROGRAMME)

    assert window.programme_page.install_button.isVisible()
    assert window.programme_page.reflect_buttons == {}
    assert not window.nudges.isVisible()


def test_installing_a_pack_shows_its_timeline_with_today_marked(
    window: MainWindow, app: App, clock: FakeClock, pack: Path
) -> None:
    on(clock, "2026-12-03")

    install_pack_file(window, pack, confirm=False)

    page = window.programme_page
    assert window.current_page() is PageId.PROGRAMME
    assert page.today_marker is not None and page.today_marker.isVisible()
    # Past workshops and coaching sessions with no reflection offer one; future ones do not.
    assert set(page.reflect_buttons) == {
        event_id(PACK_ID, "welcome-session"),
        TRIO_1,
        WORKSHOP_2,
    }


def test_the_day_after_a_workshop_the_bar_offers_a_reflection_that_opens_linked(
    window: MainWindow, app: App, clock: FakeClock, pack: Path, qtbot: QtBot
) -> None:
    app.packs.install(pack)
    on(clock, "2026-12-03")
    window.reminders.check()

    assert window.nudges.isVisible()
    assert window.nudges.text.text().startswith("Yesterday's workshop, Workshop 2")
    qtbot.mouseClick(window.nudges.reflect, Qt.MouseButton.LeftButton)

    editor = window.editor
    assert window.current_page() is PageId.EDITOR
    assert not window.nudges.isVisible()  # no offer to write what is being written
    assert editor.framework.currentData() == "what-so-what-now-what"
    assert editor.event_label.isVisible()
    assert "Workshop 2: seeing the system" in editor.event_label.text()
    editor.body.setPlainText("The system was bigger than the room.")
    assert editor.keep()
    (entry,) = app.entries.page(limit=5)
    assert entry.event_id == WORKSHOP_2
    assert not window.nudges.isVisible()
    window.show_page(PageId.PROGRAMME)
    assert WORKSHOP_2 not in window.programme_page.reflect_buttons


def test_leaving_the_reflection_unwritten_brings_the_offer_back(
    window: MainWindow, app: App, clock: FakeClock, pack: Path, qtbot: QtBot
) -> None:
    app.packs.install(pack)
    on(clock, "2026-12-03")
    window.reflect_on(WORKSHOP_2)
    assert not window.nudges.isVisible()

    window.editor.discard()
    window.show_page(PageId.TODAY)

    assert window.nudges.isVisible()
    assert app.entries.count() == 0


def test_not_now_puts_the_offer_away_for_good(
    window: MainWindow, app: App, clock: FakeClock, pack: Path, qtbot: QtBot
) -> None:
    app.packs.install(pack)
    on(clock, "2026-11-12")
    window.reminders.check()
    assert window.nudges.nudge is not None and window.nudges.nudge.event.id == TRIO_1

    qtbot.mouseClick(window.nudges.later, Qt.MouseButton.LeftButton)

    assert not window.nudges.isVisible()
    window.reminders.check()
    assert not window.nudges.isVisible()
    assert app.programme.nudges() == []


def test_reflect_on_this_from_the_timeline(
    window: MainWindow, app: App, clock: FakeClock, pack: Path, qtbot: QtBot
) -> None:
    app.packs.install(pack)
    on(clock, "2026-12-06")
    window.show_page(PageId.PROGRAMME)

    button = window.programme_page.reflect_buttons[TRIO_1]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert window.current_page() is PageId.EDITOR
    assert window.editor.framework.currentData() == "grow"
    assert window.editor.kind.currentData() == "coaching"


def test_with_reminders_off_no_bar_appears(
    window: MainWindow, app: App, clock: FakeClock, pack: Path
) -> None:
    app.packs.install(pack)
    app.programme.set_reminders(False)
    on(clock, "2026-12-03")

    window.reminders.check()

    assert not window.nudges.isVisible()


def test_a_refused_pack_is_one_message_and_changes_nothing(
    window: MainWindow, app: App, pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    pack.write_text(pack.read_text().replace("Coaching trio 1", "Coaching trio one"))

    assert install_pack_file(window, pack, confirm=False) is None

    assert len(shown) == 1 and "changed after the facilitator signed it" in shown[0]
    assert app.programme.all() == []


def test_a_pack_left_by_it_is_installed_when_the_window_opens(
    window: MainWindow, app: App, tmp_path: Path
) -> None:
    folder = tmp_path / "machine" / "packs"
    folder.mkdir(parents=True)
    signed_pack(tmp_path, Identity.generate(), name="machine/packs/cohort.reflectpack")

    installed = pick_up_dropped(window, [folder])

    assert [r.programme.pack_id for r in installed] == [PACK_ID]
    assert "Installed Leading Across Systems" in window.statusBar().currentMessage()


def test_dropping_a_pack_on_the_window_installs_it_after_asking(
    window: MainWindow, app: App, pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        install_pack, "_confirmed", lambda w, shown: asked.append(shown.programme.name) or True
    )
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(pack))])
    drop = QDropEvent(
        QPointF(QPoint(10, 10)), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip

    window.dropEvent(drop)

    assert asked == ["Leading Across Systems, cohort 4"]
    assert [p.pack_id for p in app.programme.all()] == [PACK_ID]
    assert window.current_page() is PageId.PROGRAMME


def test_reflect_with_a_pack_file_opens_the_window_and_installs_it(
    qtbot: QtBot, qapp: QApplication, paths: Paths, pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As a file association runs it (the start-up run() makes, without its event loop).
    monkeypatch.setattr(install_pack, "_confirmed", lambda w, shown: True)
    session = launch.Session(qapp, paths)

    window = launch.start(session, [pack])

    assert window is not None
    qtbot.addWidget(window)
    assert window.current_page() is PageId.PROGRAMME
    assert [p.pack_id for p in window.app.programme.all()] == [PACK_ID]
    session.close()


def test_on_first_run_a_pack_it_left_in_the_machine_folder_is_installed(
    paths: Paths, tmp_path: Path
) -> None:
    # The whole app in its own process: opened, painted, closed.
    machine = tmp_path / "etc-xdg" / "reflect" / "packs"
    machine.mkdir(parents=True)
    signed_pack(tmp_path, Identity.generate(), name="etc-xdg/reflect/packs/cohort.reflectpack")
    assert not paths.db_path.exists()  # a first run: no journal yet

    env = os.environ | {"REFLECT_PACKS_DIR": "", "XDG_CONFIG_DIRS": str(tmp_path / "etc-xdg")}
    done = subprocess.run(
        [sys.executable, "-m", "reflect", "--data-dir", str(paths.data_dir), "--quit-after-paint"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    app = open_app(paths)
    try:
        assert [p.pack_id for p in app.programme.all()] == [PACK_ID]
    finally:
        app.close()


def test_a_pack_opened_while_reflect_runs_is_installed(
    window: MainWindow,
    app: App,
    qapp: QApplication,
    pack: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # macOS hands a double-clicked file to the running app as a file-open event.
    monkeypatch.setattr(install_pack, "_confirmed", lambda w, shown: True)
    events = FileOpenEvents(lambda: window, qapp)
    qapp.installEventFilter(events)
    try:
        handled = QApplication.sendEvent(qapp, QFileOpenEvent(str(pack)))
    finally:
        qapp.removeEventFilter(events)
        events.deleteLater()

    assert handled
    assert [p.pack_id for p in app.programme.all()] == [PACK_ID]
    assert window.current_page() is PageId.PROGRAMME
