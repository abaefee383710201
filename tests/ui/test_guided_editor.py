"""Writing with a framework in the editor: prompts laid out, answers kept, switching is safe."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from reflect.app import App
from reflect.core.entry import EntryKind, Response
from reflect.ui.main_window import MainWindow
from reflect.ui.navigation import PageId


def choose(window: MainWindow, framework_id: str | None) -> None:
    combo = window.editor.framework
    combo.setCurrentIndex(combo.findData(framework_id))


def test_choosing_a_framework_lays_out_its_prompts(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    window.new_entry()
    choose(window, "gibbs")
    boxes = window.editor.responses.boxes()
    gibbs = app.frameworks.get("gibbs")
    assert [b.accessibleName() for b in boxes] == [p.label for p in gibbs.prompts]
    qtbot.keyClicks(boxes[1], "Uneasy, then relieved.")
    window.editor.done.click()
    [entry] = app.entries.page()
    assert entry.framework_id == "gibbs"
    assert entry.responses == (Response(gibbs.prompts[1].id, "Uneasy, then relieved."),)


def test_switching_framework_keeps_what_was_written(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    window.new_entry()
    choose(window, "gibbs")
    feelings = window.editor.responses.boxes()[1]
    qtbot.keyClicks(feelings, "Proud of the team.")
    choose(window, "grow")
    assert "Proud of the team." in window.editor.body.toPlainText()
    choose(window, None)
    assert window.editor.responses.boxes() == []
    window.editor.done.click()
    [entry] = app.entries.page()
    assert "Proud of the team." in entry.body
    assert entry.framework_id is None


def test_opening_a_guided_entry_shows_its_answers(window: MainWindow, app: App) -> None:
    entry = app.entries.write(
        "", framework_id="what-so-what-now-what", responses=(Response("so-what", "It matters."),)
    )
    window.open_entry(entry.id)
    texts = [b.toPlainText() for b in window.editor.responses.boxes()]
    assert texts == ["", "It matters.", ""]
    assert window.editor.framework.currentData() == "what-so-what-now-what"


def test_reflect_now_offers_the_last_framework_used(window: MainWindow, app: App) -> None:
    inquiry = app.inquiries.add("How do we own delays together?")
    app.entries.write("", framework_id="gibbs", responses=(Response("feelings", "x"),))
    del inquiry
    window.show_page(PageId.TODAY)
    window.today.reflect_button.click()
    assert window.current_page() is PageId.EDITOR
    assert window.editor.framework.currentData() == "gibbs"
    assert window.editor.draft is not None and window.editor.draft.kind is EntryKind.REFLECTION


def test_about_shows_source_and_unverified_note(
    window: MainWindow, app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reflect.ui.dialogs.frameworks import framework_info

    shown: list[str] = []

    def capture(dialog: framework_info.FrameworkInfoDialog) -> int:
        shown.append(dialog.text.toPlainText())
        return 0

    monkeypatch.setattr(framework_info.FrameworkInfoDialog, "exec", capture)
    window.new_entry()
    choose(window, "csif")
    window.editor.about_framework.click()
    assert "have not all been checked against the source" in shown[0]
    assert "Not checked:" in shown[0] and "secondary summary" in shown[0]
    assert app.frameworks.get("csif").source.title in shown[0]
