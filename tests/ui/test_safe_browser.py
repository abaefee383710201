"""Hostile Markdown in the safe browser shows as text only: nothing is fetched, nothing runs,
no link opens without the user's yes, and huge or deeply nested text neither crashes nor hangs."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from reflect.formats.markdown_html import render
from reflect.ui.widgets import safe_browser
from reflect.ui.widgets.safe_browser import SafeBrowser

HOSTILE = """# Hello

<script>alert('x')</script>
<img src="file:///etc/passwd"><iframe src="https://evil.example"></iframe>
<a href="file:///etc/passwd">raw link</a> <b onclick="steal()">bold</b>

[passwd](file:///etc/passwd) and [run](javascript:alert(1)) and [data](data:text/html,hi)

![zero](file:///dev/zero) ![remote](https://evil.example/pixel.png)
<style>body { background: url(file:///dev/zero) }</style>
"""


class RecordingBrowser(SafeBrowser):
    """Remembers every resource the document asks for, and what it was given."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.asked: list[tuple[int, str, Any]] = []

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        given = super().loadResource(kind, url)
        self.asked.append((int(kind), QUrl(url).toString(), given))
        return given


class Opened:
    def __init__(self) -> None:
        self.urls: list[str] = []

    def __call__(self, url: QUrl) -> bool:
        self.urls.append(url.toString())
        return True


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Opened:
    recorder = Opened()
    monkeypatch.setattr(QDesktopServices, "openUrl", recorder)
    return recorder


@pytest.fixture
def browser(qtbot: QtBot) -> RecordingBrowser:
    widget = RecordingBrowser()
    qtbot.addWidget(widget)
    widget.resize(600, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(parent: object, title: str, text: str, *rest: object) -> object:
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_hostile_markdown_shows_as_text_with_nothing_loaded_or_run(
    browser: RecordingBrowser,
) -> None:
    browser.show_markdown(HOSTILE)
    browser.grab()  # paint it, so any image the document still held would be asked for

    html = browser.toHtml().lower()
    assert "<img" not in html and "<script" not in html and "<iframe" not in html
    assert 'src="' not in html and 'onclick="' not in html  # raw HTML is shown as text
    assert anchors(browser) == []  # file:, javascript: and data: links are plain words
    assert "<script>alert('x')</script>" in browser.toPlainText()
    for kind, url, given in browser.asked:
        assert is_blank(given), (kind, url)


def is_blank(given: object) -> bool:
    """One transparent pixel, or no bytes: never None or a null image, which Qt fills itself."""
    if isinstance(given, QImage):
        return given.size().toTuple() == (1, 1) and given.pixelColor(0, 0).alpha() == 0
    return isinstance(given, QByteArray) and given.isEmpty()


def test_an_image_is_never_fetched_but_a_blank_stands_in(browser: RecordingBrowser) -> None:
    image = QTextDocument.ResourceType.ImageResource.value
    for url in ("file:///dev/zero", "https://evil.example/x.png", "/etc/passwd"):
        assert is_blank(browser.loadResource(image, QUrl(url)))
    style = QTextDocument.ResourceType.StyleSheetResource.value
    given = browser.loadResource(style, QUrl("file:///etc/passwd"))
    assert isinstance(given, QByteArray) and is_blank(given)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "javascript:alert(1)", "http://example.org", "data:text/html,x"]
)
def test_a_link_that_is_not_https_opens_nothing_and_asks_nothing(
    browser: RecordingBrowser, opened: Opened, monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)

    browser.anchorClicked.emit(QUrl(url))

    assert opened.urls == [] and asked == []


def test_an_https_link_opens_only_after_the_user_says_yes(
    browser: RecordingBrowser, opened: Opened, monkeypatch: pytest.MonkeyPatch
) -> None:
    browser.show_markdown("[the guide](https://example.org/guide)")
    [href] = [h for h in anchors(browser)]
    assert href == "https://example.org/guide"

    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    browser.anchorClicked.emit(QUrl(href))
    assert opened.urls == [] and len(asked) == 1 and href in asked[0]

    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    browser.anchorClicked.emit(QUrl(href))
    assert opened.urls == ["https://example.org/guide"]


def test_unsafe_links_are_not_links_at_all(browser: RecordingBrowser) -> None:
    browser.show_markdown(
        "[a](file:///etc/passwd) [b](javascript:alert(1)) [c](https://ok.example)"
    )

    assert anchors(browser) == ["https://ok.example"]


@pytest.mark.parametrize(
    "text",
    [
        "> " * 500 + "deep quote",
        "".join("  " * n + "- level\n" for n in range(500)),
        "<div>" * 500 + "deep html" + "</div>" * 500,
        "[" * 500 + "x" + "](https://a.example)" * 500,
        "*" * 500 + "emphasis" + "*" * 500,
    ],
    ids=["quotes", "lists", "html", "links", "emphasis"],
)
def test_500_deep_nesting_renders_without_crashing(
    qtbot: QtBot, browser: RecordingBrowser, text: str
) -> None:
    shown(qtbot, browser, text)
    browser.grab()

    assert "<script" not in browser.toHtml()


def test_a_ten_megabyte_line_is_cut_short_and_shown_as_text(
    qtbot: QtBot, browser: RecordingBrowser
) -> None:
    line = ("<img src=file:///dev/zero> **x** " * 400_000)[: 10 * 1024 * 1024]

    shown(qtbot, browser, line)

    text = browser.toPlainText()
    assert text.startswith("<img src=file:///dev/zero> **x**")  # plain: the stars are kept
    assert 0 < len(text) < len(line)
    assert "<img" not in browser.toHtml()
    assert all(given is None or given.isNull() for _, _, given in browser.asked)


def shown(qtbot: QtBot, browser: SafeBrowser, text: str) -> None:
    """Show ``text`` and wait until it is on screen (long text renders on a pool thread)."""
    with qtbot.waitSignal(browser.shown, timeout=60_000):
        browser.show_markdown(text)


class HeldRender:
    """Stands in for the renderer on the pool thread until released; records what it got."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.gate = threading.Event()
        self.texts: list[str] = []
        self.threads: list[threading.Thread] = []
        monkeypatch.setattr(safe_browser, "render", self)

    def __call__(self, text: str) -> str:
        self.texts.append(text)
        self.threads.append(threading.current_thread())
        self.gate.wait(timeout=20)
        return render(text)


LONG = "**long** " * 1_000


def test_long_text_shows_a_placeholder_then_renders_on_a_pool_thread(
    qtbot: QtBot, browser: RecordingBrowser, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldRender(monkeypatch)
    browser.show_markdown(LONG)

    assert browser.toPlainText() == "Preparing the text…" and browser.rendering
    with qtbot.waitSignal(browser.shown, timeout=60_000):
        held.gate.set()
    assert held.threads and held.threads[0] is not threading.main_thread()
    assert "<b>" not in browser.toPlainText() and "**" not in browser.toPlainText()
    assert browser.toPlainText().startswith("long long")
    assert not browser.rendering


def test_of_quick_changes_only_the_newest_is_rendered_and_shown(
    qtbot: QtBot, browser: RecordingBrowser, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldRender(monkeypatch)
    browser.show_markdown("first " + LONG)
    qtbot.waitUntil(lambda: bool(held.texts))
    browser.show_markdown("second " + LONG)
    browser.show_markdown("third " + LONG)

    with qtbot.waitSignal(browser.shown, timeout=60_000):
        held.gate.set()
    assert [t.split()[0] for t in held.texts] == ["first", "third"]
    assert browser.toPlainText().startswith("third long")


def test_short_text_shown_meanwhile_wins_over_a_stale_render(
    qtbot: QtBot, browser: RecordingBrowser, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldRender(monkeypatch)
    browser.show_markdown("stale " + LONG)
    qtbot.waitUntil(lambda: bool(held.texts))
    browser.show_markdown("**short**")
    held.gate.set()
    # rendering ends only once the stale result has reached the browser (and been dropped).
    qtbot.waitUntil(lambda: not browser.rendering)

    assert browser.toPlainText().strip() == "short"


def test_keep_while_rendering_leaves_the_old_text_until_the_new_is_ready(
    qtbot: QtBot, browser: RecordingBrowser, monkeypatch: pytest.MonkeyPatch
) -> None:
    browser.show_markdown("the old preview")
    held = HeldRender(monkeypatch)
    browser.show_markdown("new " + LONG, keep_while_rendering=True)

    assert browser.toPlainText().strip() == "the old preview"
    with qtbot.waitSignal(browser.shown, timeout=60_000):
        held.gate.set()
    assert browser.toPlainText().startswith("new long")


def anchors(browser: SafeBrowser) -> list[str]:
    """Every link target in the shown document."""
    found: list[str] = []
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor() and fmt.anchorHref():
                found.append(fmt.anchorHref())
            it += 1
        block = block.next()
    return found


def test_raw_html_naming_a_real_picture_draws_nothing_of_it(qtbot: QtBot, tmp_path: Any) -> None:
    # Defence in depth: should an <img> ever get past the sanitiser, the browser still draws
    # nothing from the disk (given a null image, Qt would read the file itself).
    picture = tmp_path / "red.png"
    red = QImage(60, 60, QImage.Format.Format_RGB32)
    red.fill(QColor("red"))
    red.save(str(picture))
    browser = SafeBrowser()
    qtbot.addWidget(browser)
    browser.resize(300, 200)
    browser.setHtml(f'<p>before</p><img src="{picture}"><img src="file://{picture}">')
    shot = browser.grab().toImage()
    reds = sum(
        shot.pixelColor(x, y) == QColor("red")
        for x in range(0, shot.width(), 2)
        for y in range(0, shot.height(), 2)
    )
    assert reds == 0
