"""The evaluation return in the window: a quiet offer once a time point is due (one offer at a
time, never while writing), then a form driven by the keyboard alone: scores only by default,
counts and quotes when ticked, quotes edited after the privacy scan, the preview of exactly what
leaves with the privacy notice, and nothing saved without the consent box."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from evaluation_participant import Sealed
from fakes import FakeClock, FixedPassphrase, MemoryKeyring, QuickCipher
from pack_fixtures import signed_pack
from reflect.app import App, open_app
from reflect.core.assessment import Score
from reflect.exchange.identity import Identity
from reflect.paths import Paths
from reflect.ui import theme
from reflect.ui.flows.evaluation_dialog import EvaluationReturnDialog, WithdrawalDialog
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId

PACK_ID = "leading-across-systems-cohort-4"
NOTICE_START = "Dr Priya Nair, the programme's independent evaluator"


@pytest.fixture
def app(paths: Paths, clock: FakeClock) -> Iterator[App]:
    opened = open_app(paths, clock, keyring_factory=MemoryKeyring, cipher=QuickCipher())
    opened.keys.set_prompts(FixedPassphrase(), lambda _msg: None)
    yield opened
    opened.close()


@pytest.fixture
def sealed(monkeypatch: pytest.MonkeyPatch, app: App, clock: FakeClock, tmp_path: Path) -> Sealed:
    """The example pack (its evaluation's "start" opens with the first event, 21 October) is
    installed; it is the day after; the journal holds a self-assessment and an entry."""
    app.packs.install(signed_pack(tmp_path, Identity.generate()))
    clock.now = datetime(2026, 10, 20, 9, 0, tzinfo=UTC)
    app.assessments.record("csif", [Score("vision", 2), Score("capability", 3), Score("cqi", 4)])
    app.entries.write("I mapped the discharge pathway with Jane Doe. It took an hour.")
    clock.now = datetime(2026, 10, 22, 9, 0, tzinfo=UTC)
    found = Sealed()
    monkeypatch.setattr("reflect.app.seal_return", found)
    return found


def press(qtbot: QtBot, widget: QWidget, key: Qt.Key = Qt.Key.Key_Space) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, key)


def marked(dialog: EvaluationReturnDialog) -> QColor:
    """The background of the first mark in the quote being edited."""
    (selection, *_) = dialog.quotes.editor.extraSelections()
    form = QTextCharFormat(selection.format)  # a copy: the selection's own is a temporary
    return QColor(form.background().color())


def the_dialog(kind: type[QWidget]) -> QWidget:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert len(found) == 1, found
    return found[0]


def test_the_offer_waits_its_turn_and_a_return_is_saved_by_keyboard(
    qtbot: QtBot, sealed: Sealed, window: MainWindow, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    bar = window.nudges
    assert bar.text.text().startswith("Yesterday's workshop")  # the reflection comes first
    press(qtbot, bar.later)
    assert bar.isVisible() and "Your At the start return" in bar.text.text()
    assert bar.reflect.text() == "See the return…"

    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is PageId.EDITOR
    assert not bar.isVisible()  # never while writing
    window.show_page(PageId.TODAY)
    assert bar.isVisible()

    press(qtbot, bar.reflect)
    dialog = the_dialog(EvaluationReturnDialog)
    assert isinstance(dialog, EvaluationReturnDialog)
    shown = dialog.preview.toPlainText()
    assert "Your At the start return for Leading Across Systems, cohort 4" in shown
    assert "Collective vision and leadership: 2" in shown
    assert "No counts." in shown and "No quotes." in shown  # scores only by default
    assert NOTICE_START in shown
    assert not dialog.save.isEnabled()

    with qtbot.waitSignal(dialog.preview_shown):
        press(qtbot, dialog.counts)
    assert "Entries written: 1" in dialog.preview.toPlainText()
    with qtbot.waitSignal(dialog.preview_shown):
        press(qtbot, dialog.include_quotes)
    picker = dialog.quotes
    assert picker.isVisible()
    with qtbot.waitSignal(dialog.preview_shown):
        press(qtbot, picker.entries)  # Space ticks the current entry
    assert picker.editor.toPlainText().startswith("I mapped the discharge pathway with Jane Doe")
    assert "Jane Doe" in picker.hits.text() and picker.hits.isVisible()
    assert "May identify someone (looks like a person's name): Jane Doe" in (
        dialog.preview.toPlainText()
    )
    picker.editor.setFocus()
    qtbot.keyClick(picker.editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(dialog.preview_shown):
        qtbot.keyClicks(picker.editor, "A colleague and I mapped the discharge pathway.")
    assert not picker.hits.isVisible()
    assert "“A colleague and I mapped the discharge pathway.”" in dialog.preview.toPlainText()
    answer = dialog.answers["changed"]
    answer.setFocus()
    with qtbot.waitSignal(dialog.preview_shown):
        qtbot.keyClicks(answer, "I ask for help sooner.")

    press(qtbot, dialog.consent)
    assert dialog.save.isEnabled()
    with qtbot.waitSignal(dialog.preview_shown):
        qtbot.keyClicks(answer, " Much sooner.")
    assert not dialog.consent.isChecked() and not dialog.save.isEnabled()  # agree again
    press(qtbot, dialog.consent)

    out = tmp_path / "start.reflecteval"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        press(qtbot, dialog.save)
    (call,) = sealed.calls
    content = call["content"]
    assert content["time_point"] == "start"
    assert content["quotes"] == ("A colleague and I mapped the discharge pathway.",)
    assert content["answers"] == (
        {"question_key": "changed", "text": "I ask for help sooner. Much sooner."},
    )
    assert dict(content["counts"])["entries_written"] == 1
    assert out.exists() and "Saved" in dialog.status.text()
    assert not dialog.save.isEnabled()
    dialog.close()
    window.nudges.refresh()
    assert not bar.isVisible()  # sent: nothing more is offered


def test_nothing_unticked_leaves_and_withdrawing_explains_itself(
    qtbot: QtBot, sealed: Sealed, window: MainWindow, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    window.show_page(PageId.PROGRAMME)
    press(qtbot, window.programme_page.evaluation_button)
    dialog = the_dialog(EvaluationReturnDialog)
    assert isinstance(dialog, EvaluationReturnDialog)
    assert dialog.time_point.currentData() == "start"
    press(qtbot, dialog.withdraw)
    withdrawal = the_dialog(WithdrawalDialog)
    assert isinstance(withdrawal, WithdrawalDialog)
    text = withdrawal.preview.toPlainText()
    assert "remove every return signed with your key for this programme" in text
    assert NOTICE_START in text
    assert not withdrawal.save.isEnabled()
    press(qtbot, withdrawal.consent)
    out = tmp_path / "withdraw.reflecteval"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    with qtbot.waitSignal(withdrawal.saved, timeout=10_000):
        press(qtbot, withdrawal.save)
    assert [c["kind"] for c in sealed.calls] == ["withdrawal"]
    qtbot.waitUntil(lambda: "You withdrew" in dialog.preview.toPlainText())
    assert not dialog.consent.isEnabled() and not dialog.save.isEnabled()


def test_quote_marks_are_laid_in_dark_mode_too(
    qtbot: QtBot, sealed: Sealed, window: MainWindow, themed_qapp: QApplication
) -> None:
    dialog = EvaluationReturnDialog(window, PACK_ID, "start")
    qtbot.addWidget(dialog)
    dialog.show()
    press(qtbot, dialog.include_quotes)
    press(qtbot, dialog.quotes.entries)
    light = marked(dialog)
    assert light.isValid()
    theme.apply(themed_qapp, theme.Scheme.DARK)
    try:
        qtbot.waitUntil(lambda: marked(dialog) != light)
    finally:
        theme.apply(themed_qapp, theme.Scheme.LIGHT)
