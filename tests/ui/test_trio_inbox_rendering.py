"""A peer's pathological Markdown, of the largest size Reflect renders, comes through the real
receive path and opens in the Trio inbox without blocking the window: a placeholder at once,
then the rendered (or plain) text from a pool thread, in bounded memory."""

from __future__ import annotations

import threading
import tracemalloc
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pathological_markdown import PATHOLOGICAL
from people import Person
from reflect.formats.markdown_html import MAX_RENDER_CHARS
from reflect.ui.pages.trio.page import TrioPage
from reflect.ui.widgets import safe_browser

PLACEHOLDER = "Preparing the text…"
# The document adds a heading, the entry's kind and time and rules around the body.
ROOM = 200
WORST = [
    "open brackets [",
    "link openers [a](",
    "stars in words a*",
    "backticks `",
    "less-than <",
    "greater-than > (one deep quote)",
    "ampersands &",
    "nested emphasis *a **a",
    "nested quotes and lists",
    "table rows",
    "long line of reference links",
]
MEMORY_BOUND = 300 * 1024 * 1024


pytest_plugins = ("trio_page_fixtures",)


def receive_body(people: tuple[Person, Person], body: str, tmp_path: Path) -> str:
    """Asha shares an entry whose body is ``body``; Dana receives the real signed bundle."""
    dana, asha = people
    dana.app.peers.add("", asha.card)
    dana.app.peers.verify("Asha")
    asha.app.peers.add("", dana.card)
    entry = asha.app.entries.write(body)
    preview = asha.app.sharing.preview(to=["Dana"], entry_ids=[entry.id], note="")
    path = asha.app.sharing.share(preview, tmp_path / "from-asha")
    return dana.app.receiving.receive(path).bundle.id


def opened(page: TrioPage, bundle_id: str) -> None:
    page.refresh()
    assert page.inbox.select(bundle_id)


@pytest.mark.parametrize("name", WORST)
def test_the_worst_text_opens_without_blocking_and_in_bounded_memory(
    qtbot: QtBot, page: TrioPage, people: tuple[Person, Person], tmp_path: Path, name: str
) -> None:
    body = PATHOLOGICAL[name](MAX_RENDER_CHARS - ROOM)
    bundle_id = receive_body(people, "Words first. " + body, tmp_path)
    browser = page.inbox.browser
    tracemalloc.start()
    try:
        opened(page, bundle_id)
        # select() came back before the text was rendered: the window was free meanwhile.
        assert browser.rendering
        assert browser.toPlainText() == PLACEHOLDER
        with qtbot.waitSignal(browser.shown, timeout=60_000):
            pass
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert not browser.rendering
    assert "Words first." in browser.toPlainText()
    assert peak < MEMORY_BOUND, f"{peak / 2**20:.0f} MB"


def test_rendering_happens_off_the_ui_thread(
    qtbot: QtBot,
    page: TrioPage,
    people: tuple[Person, Person],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bundle_id = receive_body(people, "**Held** " + "[" * 5_000, tmp_path)
    gate = threading.Event()
    threads: list[threading.Thread] = []
    real = safe_browser.render

    def held_render(text: str) -> str:
        threads.append(threading.current_thread())
        # Were this the UI thread, select() below would wait here and the checks would fail.
        gate.wait(timeout=20)
        return real(text)

    monkeypatch.setattr(safe_browser, "render", held_render)
    opened(page, bundle_id)
    browser = page.inbox.browser

    assert browser.toPlainText() == PLACEHOLDER
    assert not gate.is_set()
    qtbot.waitUntil(lambda: bool(threads))
    assert threads[0] is not threading.main_thread()
    # The window still answers: a private note can be typed while the text renders.
    qtbot.keyClicks(page.inbox.note_edit, "still typing")
    assert page.inbox.note_edit.toPlainText() == "still typing"

    with qtbot.waitSignal(browser.shown, timeout=60_000):
        gate.set()
    assert "Held" in browser.toPlainText()
    assert browser.toPlainText() != PLACEHOLDER


def test_a_bundle_larger_than_the_render_cap_shows_plain_text(
    qtbot: QtBot, page: TrioPage, people: tuple[Person, Person], tmp_path: Path
) -> None:
    bundle_id = receive_body(people, "Words first. " + "[a](" * 250_000, tmp_path)
    browser = page.inbox.browser
    opened(page, bundle_id)
    with qtbot.waitSignal(browser.shown, timeout=60_000):
        pass
    shown = browser.toPlainText()
    assert "Words first. [a](" in shown and shown.rstrip().endswith("…")
