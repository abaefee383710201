"""Search while typing: the query runs off the UI thread and only the newest keystroke's answer
is shown (issue #16, item 1). The search service is a fake whose queries block on Events the
test sets, so "slow" needs no sleeping."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reflect.app import App
from reflect.core.entry import EntryKind
from reflect.core.search import SearchHit, SearchRequest
from reflect.ui.main_window import MainWindow
from reflect.ui.pages.search import RESULTS_SHOWN, SearchPage
from reflect.ui.texts import moment_day_text
from reflect.ui.widgets.hit_delegate import RowRole

HitRole = Qt.ItemDataRole.UserRole


def _hit(text: str) -> SearchHit:
    return SearchHit(
        id=f"id-{text}",
        kind="note",
        title=f"found by {text}",
        snippet=text,
        created="2026-01-02T10:00:00+00:00",
        tags=(),
        inquiry_id=None,
        score=-1.0,
    )


@dataclass
class SlowSearch:
    """Stands in for the search service: each query waits until the test releases it."""

    released: dict[str, threading.Event] = field(default_factory=dict)
    started: list[str] = field(default_factory=list)
    on_ui_thread: list[str] = field(default_factory=list)
    interrupted: int = 0

    def gate(self, text: str) -> threading.Event:
        return self.released.setdefault(text, threading.Event())

    def search(self, request: SearchRequest) -> list[SearchHit]:
        if threading.current_thread() is threading.main_thread():
            # Blocking here would hang the test: record it, the test fails on it.
            self.on_ui_thread.append(request.text)
            return [_hit(request.text)]
        self.started.append(request.text)
        assert self.gate(request.text).wait(10), "the test never released " + request.text
        return [_hit(request.text)]

    background_search = search

    def interrupt(self) -> None:
        self.interrupted += 1

    def close(self) -> None:
        pass


def _shown(page: SearchPage) -> list[str]:
    return [page.results.item(n).data(HitRole).title for n in range(page.results.count())]


def test_newest_keystroke_wins_and_the_window_never_waits(
    qtbot: QtBot, window: MainWindow, app: App, monkeypatch
) -> None:
    slow = SlowSearch()
    monkeypatch.setattr(app, "search", slow)
    window.focus_search()
    page = window.search
    ever_shown: list[list[str]] = []
    page.results.model().rowsInserted.connect(lambda *_: ever_shown.append(_shown(page)))

    qtbot.keyClick(page.field, Qt.Key.Key_A)
    qtbot.keyClick(page.field, Qt.Key.Key_B)
    # "ab" is being searched and blocks; the window still takes keys meanwhile.
    qtbot.waitUntil(lambda: slow.started == ["ab"] or slow.on_ui_thread != [])
    assert slow.on_ui_thread == [], "a query ran on the UI thread"
    qtbot.keyClick(page.field, Qt.Key.Key_C)
    assert page.field.text() == "abc"
    assert slow.interrupted >= 1, "the stale query was not interrupted"
    slow.gate("ab").set()
    qtbot.waitUntil(lambda: "abc" in slow.started)
    assert page.results.count() == 0, "a stale answer was shown"
    slow.gate("abc").set()
    qtbot.waitUntil(lambda: _shown(page) == ["found by abc"])
    assert slow.started == ["ab", "abc"]  # "a" alone waited for a pause and was overtaken
    assert all(titles == ["found by abc"] for titles in ever_shown)
    assert page.summary.text() == "1 match"


def test_one_letter_is_searched_after_a_pause(
    qtbot: QtBot, window: MainWindow, app: App, monkeypatch
) -> None:
    slow = SlowSearch()
    slow.gate("q").set()
    monkeypatch.setattr(app, "search", slow)
    window.focus_search()
    qtbot.keyClick(window.search.field, Qt.Key.Key_Q)
    assert slow.started == [] and slow.on_ui_thread == []
    qtbot.waitUntil(lambda: _shown(window.search) == ["found by q"])
    assert slow.on_ui_thread == []


def test_enter_before_the_answer_opens_the_best_match_when_it_comes(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    wanted = app.entries.write("Huddles at eight work.")
    window.focus_search()
    qtbot.keyClicks(window.search.field, "huddl")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.editor.draft is not None)
    assert window.editor.draft is not None and window.editor.draft.entry_id == wanted.id


def test_more_matches_than_shown_says_so(qtbot: QtBot, window: MainWindow, app: App) -> None:
    for n in range(RESULTS_SHOWN + 3):
        app.entries.write(f"Huddle {n}\n\nThe morning huddle ran long again.")
    app.entries.write("The huddle where the lanyards ran out.")
    window.focus_search()
    qtbot.keyClicks(window.search.field, "huddle")
    qtbot.waitUntil(lambda: window.search.results.count() == RESULTS_SHOWN)
    assert window.search.summary.text() == (
        f"The {RESULTS_SHOWN} best matches. Add a word to narrow them."
    )
    qtbot.keyClicks(window.search.field, " lanyard")
    qtbot.waitUntil(lambda: window.search.summary.text() == "1 match")


def test_a_result_row_names_its_kind_and_day_and_marks_the_words(
    qtbot: QtBot, window: MainWindow, app: App
) -> None:
    entry = app.entries.write("Coaching trio\n\nWe spoke about the huddle and what it changed.",
                      kind=EntryKind.COACHING)  # fmt: skip
    window.focus_search()
    qtbot.keyClicks(window.search.field, "huddl")
    qtbot.waitUntil(lambda: window.search.results.count() == 1)
    row = window.search.results.item(0).data(RowRole)
    assert row.title == "Coaching trio"
    assert row.meta == f"{moment_day_text(entry.created)} · Coaching note"
    assert ("huddle", True) in row.spans and "about the" in row.snippet
    # One row's height holds its four lines: the list measures one row, never each.
    results = window.search.results
    assert results.uniformItemSizes()
    line = results.fontMetrics().lineSpacing()
    assert results.visualItemRect(results.item(0)).height() >= 4 * line
