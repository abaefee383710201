"""The window and every dialog on a small, scaled screen. Not collected on its own:
tests/ui/test_screen_fit.py runs this file in a child process whose offscreen screen is
1366×768 at a given QT_SCALE_FACTOR (one screen per process, so one process per scale)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QDialog,
    QLabel,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pack_fixtures import signed_pack
from people import Person, introduce, open_person, shared_keyring
from reflect.app import App
from reflect.exchange.identity import Identity
from reflect.ui.dialogs.backups_dialog import BackupsDialog
from reflect.ui.dialogs.encrypt_dialog import EncryptDialog
from reflect.ui.dialogs.frameworks.framework_editor import FrameworkEditor
from reflect.ui.dialogs.frameworks.framework_info import FrameworkInfoDialog
from reflect.ui.dialogs.frameworks.frameworks_dialog import FrameworksDialog
from reflect.ui.dialogs.passphrase_dialog import PassphraseDialog
from reflect.ui.dialogs.preferences import PreferencesDialog
from reflect.ui.dialogs.revisions_dialog import RevisionsDialog
from reflect.ui.flows.appraisal_dialog import AppraisalDialog
from reflect.ui.flows.evaluation_dialog import EvaluationReturnDialog, WithdrawalDialog
from reflect.ui.flows.share_dialog import ShareDialog
from reflect.ui.flows.start_inquiry import StartInquiryDialog
from reflect.ui.launch import make_qt_app
from reflect.ui.main_window import MainWindow
from reflect.ui.pages.inquiries.inquiry_dialogs import StatusDialog
from reflect.ui.pages.insights.assessment_form import AssessmentForm
from reflect.ui.pages.trio.peer_dialogs import (
    AddPeerDialog,
    CardDialog,
    FingerprintDialog,
    TrioDialog,
)
from reflect.ui.screen_fit import room_on

LONG_TEXT = "A long answer that goes on. " * 40


@pytest.fixture
def qt_app(qapp: QApplication) -> QApplication:
    return make_qt_app([])  # as the app starts: theme, and dialogs fitted to the screen


@pytest.fixture
def people(tmp_path: Path) -> Iterator[tuple[Person, Person]]:
    keyring = shared_keyring()
    pair = (
        open_person("Dana Reed", tmp_path, keyring),
        open_person("Asha Patel", tmp_path, keyring),
    )
    introduce(*pair)
    yield pair
    for person in pair:
        person.app.close()


@pytest.fixture
def window(
    qtbot: QtBot, qt_app: QApplication, people: tuple[Person, Person]
) -> Iterator[MainWindow]:
    win = open_window(qtbot, people[0].app)
    yield win
    close(win)


def open_window(qtbot: QtBot, app: App) -> MainWindow:
    win = MainWindow(app, pytest.fail)
    win.show()
    qtbot.waitExposed(win)
    return win


def close(win: MainWindow) -> None:
    win.close()
    win.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def assert_fits(top: QWidget) -> None:
    """The window lies inside its screen, its layout is not squeezed below what its contents
    need, and every visible button lies wholly inside it."""
    available = top.screen().availableGeometry()
    assert available.contains(top.frameGeometry()), (top.frameGeometry(), available)
    space = room_on(available)
    assert top.width() <= space.width() and top.height() <= space.height(), (top.size(), space)
    hint = top.minimumSizeHint()
    assert hint.width() <= top.width() and hint.height() <= top.height(), (hint, top.size())
    inside = top.rect()
    for button in top.findChildren(QAbstractButton):
        if button.isVisibleTo(top) and button.window() is top and not scrolled(button, top):
            where = QRect(button.mapTo(top, button.rect().topLeft()), button.size())
            assert inside.contains(where), (button.text(), where, inside)


def assert_labels_whole(top: QWidget) -> None:
    """Every visible label and check box is given the room its text needs: a wrapping label
    its height at its width, any other its full width."""
    cut = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, (QLabel, QCheckBox)) or not widget.isVisibleTo(top):
            continue
        if not widget.text() or widget.window() is not top or scrolled(widget, top):
            continue
        wraps = isinstance(widget, QLabel) and widget.wordWrap()
        hint = widget.sizeHint()
        if wraps and widget.height() < widget.heightForWidth(widget.width()):
            cut.append((widget.text(), widget.size(), widget.heightForWidth(widget.width())))
        elif not wraps and (widget.width() < hint.width() or widget.height() < hint.height()):
            cut.append((widget.text(), widget.size(), hint))
        elif isinstance(widget, QLabel) and not wraps and inked_to_the_edge(widget):
            cut.append((widget.text(), widget.size(), "drawn to its last pixel: cut"))
    assert cut == [], cut


def inked_to_the_edge(label: QLabel) -> bool:
    """Text drawn into a label's last pixel column was cut there: at 150% a label given
    exactly its size hint drew wider than the hint (glyphs do not scale exactly)."""
    if label.alignment() & Qt.AlignmentFlag.AlignRight or not label.pixmap().isNull():
        return False
    image = label.grab().toImage()
    ink = label.palette().color(label.foregroundRole())
    edge = image.width() - 1
    return any(
        abs(image.pixelColor(edge, y).lightness() - ink.lightness()) < 60
        for y in range(image.height())
    )


def scrolled(widget: QWidget, top: QWidget) -> bool:
    """Whether ``widget`` is in a scroll area, so it is reached by scrolling."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def test_a_fresh_window_fits_with_done_on_screen(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.editor.done.isVisible())

    assert_fits(window)
    done = window.editor.done
    viewport = window.pages.stack_area.viewport()
    seen = QRect(done.mapTo(viewport, done.rect().topLeft()), done.size())
    assert viewport.rect().contains(seen), (seen, viewport.rect())  # no scrolling to reach it


def test_a_size_remembered_on_a_bigger_screen_is_clamped(
    qtbot: QtBot, qt_app: QApplication, people: tuple[Person, Person]
) -> None:
    app = people[0].app
    settings = QSettings(str(app.paths.config_dir / "window.ini"), QSettings.Format.IniFormat)
    big = MainWindow(app, pytest.fail)
    big.setGeometry(40, 60, 2400, 1600)  # as saved on a large monitor
    settings.setValue("geometry", big.saveGeometry())
    settings.sync()
    big.deleteLater()

    win = open_window(qtbot, app)
    try:
        assert_fits(win)
    finally:
        close(win)


def dialogs(window: MainWindow, asha: Person) -> dict[str, Callable[[], QDialog]]:
    app = window.app
    entry = app.entries.write(LONG_TEXT, title="A reflection")
    app.entries.update(entry.id, body=LONG_TEXT + " More.")
    inquiry = app.inquiries.add("How might we own discharge delays together?", LONG_TEXT)
    framework = app.frameworks.get("gibbs")
    peer = app.peers.get(asha.name)
    pack = app.packs.install(signed_pack(app.paths.data_dir.parent, Identity.generate()))
    programme_id = pack.programme.pack_id  # its pack asks for an evaluation
    return {
        "share": lambda: ShareDialog(window),
        "backups": lambda: BackupsDialog(app.backups.listing(), app.paths.backups_dir, window),
        "passphrase": lambda: PassphraseDialog(True, window),
        "preferences": lambda: PreferencesDialog(window.prefs, window),
        "revisions": lambda: RevisionsDialog(app, entry.id, window),
        "framework info": lambda: FrameworkInfoDialog(framework, window),
        "framework editor": lambda: FrameworkEditor(app.frameworks, framework, window),
        "frameworks": lambda: FrameworksDialog(app.frameworks, window),
        "add peer": lambda: AddPeerDialog(app.peers, window),
        "fingerprint": lambda: FingerprintDialog(app.peers, peer, window),
        "card": lambda: CardDialog(app.keys.card(), window),
        "trio": lambda: TrioDialog(app.peers, window),
        "status": lambda: StatusDialog(inquiry, window),
        "assessment": lambda: AssessmentForm(app, "csif", window),
        "start inquiry": lambda: StartInquiryDialog(window),
        "appraisal": lambda: AppraisalDialog(app, [entry.id], window),
        "evaluation return": lambda: EvaluationReturnDialog(window, programme_id),
        "withdrawal": lambda: WithdrawalDialog(window, programme_id, window),
        "encrypt": lambda: EncryptDialog(window),
    }


def test_every_dialog_fits(window: MainWindow, qtbot: QtBot, people: tuple[Person, Person]) -> None:
    problems = []
    for name, make in dialogs(window, people[1]).items():
        dialog = make()
        dialog.show()
        qtbot.waitExposed(dialog)
        try:
            assert_fits(dialog)
            assert_labels_whole(dialog)
        except AssertionError as exc:
            problems.append(f"{name}: {exc.args[0] if exc.args else exc}")
        finally:
            dialog.close()
            dialog.deleteLater()
    assert problems == []


def test_the_shortcuts_list_fits(window: MainWindow, qtbot: QtBot) -> None:
    problems: list[str] = []
    seen: list[str] = []

    def check() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(10, check)  # not shown yet
            return
        seen.append(box.windowTitle())
        try:
            assert_fits(box)
        except AssertionError as exc:
            problems.append(str(exc))
        finally:
            box.close()

    QTimer.singleShot(0, check)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert seen and problems == []
