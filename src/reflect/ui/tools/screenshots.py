"""Save a PNG of every main screen, in light and dark, from a fresh demo journal, and the
pages of a PDF export (with poppler's pdftoppm, when installed).

    python -m reflect.ui.tools.screenshots --out screenshots/
    python -m reflect.ui.tools.screenshots --out shots-150/ --scale 1.5   # 1366x768 at 150%

Runs offscreen unless a display is chosen; used to look at what a user sees.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from reflect.app import open_app
from reflect.paths import resolve_paths
from reflect.secrets.memory_keyring import MemoryKeyring
from reflect.services.demo import fill_demo
from reflect.ui.tools.screenshot_trio import fill_trio, keyring_factory

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap
    from PySide6.QtWidgets import QWidget

    from reflect.ui.main_window import MainWindow

SIZE = (1200, 800)
SCREEN = (1366, 768)  # the smallest screen Reflect is made for, in pixels


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    parser.add_argument(
        "--scale", type=float, default=1.0, help="display scaling, e.g. 1.5: the window fills a "
        "1366x768 screen at that scale, as a laptop user's would",
    )  # fmt: skip
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    size = SIZE
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
        size = (int(SCREEN[0] / args.scale), int((SCREEN[1] - 40) / args.scale))
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="reflect-shots-") as folder:
        saved = take_all(Path(folder), args.out, size)
        saved += pdf_pages(Path(folder), args.out)
    for path in saved:
        print(path)
    return 0


def take_all(data_dir: Path, out: Path, size: tuple[int, int] = SIZE) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from reflect.ui import launch, theme
    from reflect.ui.main_window import MainWindow

    paths = resolve_paths(data_dir)
    keyring = MemoryKeyring()
    app = open_app(paths, keyring_factory=keyring_factory(keyring))
    fill_demo(paths, app.clock, app.entries, app.inquiries, app.transfer, app.packs)
    fill_trio(app, data_dir / "peers", keyring)
    launch.make_qt_app(sys.argv[:1])
    saved: list[Path] = []
    try:
        for scheme in (theme.Scheme.LIGHT, theme.Scheme.DARK):
            window = MainWindow(app, lambda exc: None)
            window.prefs.scheme = scheme
            window.apply_preferences()
            window.resize(*size)
            window.show()
            for name, arrange in screens(window).items():
                shown = arrange()  # a dialog, when the screen is one; else the window
                settle()
                path = out / f"{name}-{scheme}.png"
                with_popups(window if shown is None else shown).save(str(path))
                saved.append(path)
                if shown is not None:
                    shown.close()
                while (popup := QApplication.activePopupWidget()) is not None:
                    popup.close()  # a completion list open in one screen is gone in the next
                # Sample text is not part of the demo journal: leaving the editor would keep it.
                window.editor.discard()
            window.close()
            window.deleteLater()
    finally:
        app.close()
    return saved


def settle() -> None:
    """Let the window finish what a person would see a moment later: layouts that follow a
    text area's growth, the word count after its pause in typing (250 ms)."""
    from PySide6.QtTest import QTest

    QTest.qWait(400)


def with_popups(widget: QWidget) -> QPixmap:
    """The widget as drawn, with any popup open over it (a completion list, a menu), which
    lives in a window of its own and so is missing from a plain grab."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication

    picture = widget.grab()
    painter = QPainter(picture)
    for popup in QApplication.topLevelWidgets():
        if popup is widget or not popup.isVisible() or popup.windowType() != Qt.WindowType.Popup:
            continue
        painter.drawPixmap(widget.mapFromGlobal(popup.mapToGlobal(popup.rect().topLeft())),
                           popup.grab())  # fmt: skip
    painter.end()
    return picture


def pdf_pages(data_dir: Path, out: Path) -> list[Path]:
    """The demo's first inquiry, with everything linked to it, exported to PDF and turned into
    PNG pages by pdftoppm (skipped, saying so, when poppler is not installed)."""
    from reflect.services.printing import PrintSelection
    from reflect.ui.printing.pdf import write_pdf

    app = open_app(resolve_paths(data_dir))
    try:
        pdf = out / "inquiry.pdf"
        write_pdf(app, PrintSelection(inquiry_id=app.inquiries.active()[0].id), pdf)
    finally:
        app.close()
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found: the PDF is not turned into pictures", file=sys.stderr)
        return [pdf]
    subprocess.run(["pdftoppm", "-r", "70", "-png", str(pdf), str(out / "pdf-page")], check=True)
    return [pdf, *sorted(out.glob("pdf-page-*.png"))]


def gibbs_entry(w: object) -> str:
    """The demo's longest reflection written through Gibbs' prompts."""
    from reflect.ui.main_window import MainWindow

    assert isinstance(w, MainWindow)
    gibbs = [e for e in w.app.entries.page(limit=500) if e.framework_id == "gibbs"]
    return max(gibbs, key=lambda e: sum(len(r.text) for r in e.responses)).id


def screens(window: object) -> dict[str, Callable[[], QWidget | None]]:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QScrollArea

    from reflect.ui.main_window import MainWindow
    from reflect.ui.navigation import PageId

    assert isinstance(window, MainWindow)
    w = window

    def search() -> None:
        w.show_page(PageId.SEARCH)
        w.search.field.setText("relation")
        w.search.run_search()

    def editor() -> None:
        w.open_entry(w.app.entries.page(limit=1)[0].id)

    def new_entry() -> None:
        w.new_entry()
        w.editor.body.setPlainText(
            "## After workshop 5\n\nWhat struck me: **nobody owns the whole pathway**.\n\n"
            "- ask Dev how his trust handled it\n- try the huddle question again\n\n"
            "> Relational work is the work."
        )

    def editor_gibbs() -> None:
        w.open_entry(gibbs_entry(w))
        QApplication.processEvents()
        w.editor.scroll_area.verticalScrollBar().setValue(260)  # into the prompts

    def tag_chips() -> None:
        w.open_entry(gibbs_entry(w))
        field = w.editor.fields.tags.field
        field.setFocus()
        QTest.keyClicks(field, "re")  # completion offers the journal's tags

    def find_bar() -> None:
        w.open_entry(gibbs_entry(w))
        w.editor.responses.boxes()[0].setFocus()
        QTest.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(w.editor.find_bar.field, "the")
        QTest.keyClick(w.editor.find_bar.field, Qt.Key.Key_Return)

    def insights_activity() -> None:
        w.show_page(PageId.INSIGHTS)
        QApplication.processEvents()  # lay the page out before scrolling to its end
        bar = w.insights.scroll_area.verticalScrollBar()
        bar.setValue(bar.maximum())

    def measure_chart() -> None:
        measure_id = shifted_measure(w)
        w.show_page(PageId.INQUIRIES)
        QApplication.processEvents()  # lay the page out before scrolling to the chart
        panel = w.inquiries.measures.charts[measure_id]
        area = next(p for p in iter_parents(panel) if isinstance(p, QScrollArea))
        # Down to the chart's heading only: ensureWidgetVisible would also scroll sideways
        # to the chart's right edge when the page is narrower than the chart (at 150%).
        area.verticalScrollBar().setValue(panel.mapTo(area.widget(), QPoint(0, 0)).y() - 12)

    def frameworks() -> QWidget:
        dialog = w.show_frameworks()
        dialog.refresh(select="csif")  # with its note that the wording is not yet checked
        return dialog

    def share_preview() -> QWidget:
        dialog = w.show_share_dialog()
        dialog.resize(*SIZE)
        dialog.choose_entries(e.id for e in w.app.entries.page(limit=3))
        dialog.note.setPlainText(
            "Push me on measures. I mentioned Dr Amara Shah's clinic: should that go?"
        )
        dialog.refresh_preview()
        dialog.show_finding(0)  # the name in the note, chosen: scrolled to and highlighted
        return dialog

    def trio() -> None:
        w.show_page(PageId.TRIO)
        w.trio.inbox.select(w.app.receiving.inbox()[0].sessions[0].bundles[0].id)

    def trio_unverified() -> None:
        w.show_page(PageId.TRIO)
        w.trio.inbox.select(w.app.receiving.inbox()[1].sessions[0].bundles[0].id)

    def trio_fingerprint() -> QWidget | None:
        w.show_page(PageId.TRIO)
        w.trio.people.setCurrentRow(1)
        return w.trio.compare_fingerprints()

    def trio_feedback() -> QWidget | None:
        trio()
        return w.trio.inbox.write_feedback()

    def backups() -> QWidget:
        w.app.backups.backup()  # a manual copy beside the day's automatic one
        return w.files.restore()

    def preferences() -> QWidget:
        from reflect.ui.dialogs.preferences import PreferencesDialog

        dialog = PreferencesDialog(w.prefs, w, reminders=w.app.programme.reminders_on())
        dialog.show()
        return dialog

    def reflect_on_event() -> None:
        nudge = w.app.programme.nudges()[0]
        w.reflect_on(nudge.event.id)

    def evaluation_return() -> QWidget:
        from reflect.ui.tools.screenshot_evaluation import evaluation_form

        # The participant's preview: counts and a quote ticked, in a journal of its own.
        return evaluation_form(w, w.app.paths.data_dir / "evaluation")

    def today() -> None:
        w.show_page(PageId.TODAY)
        w.reminders.check()  # yesterday's workshop waits for a reflection: the bar shows

    return {
        "today": today,
        "programme": lambda: w.show_page(PageId.PROGRAMME),
        "inquiries": lambda: w.show_page(PageId.INQUIRIES),
        "journal": lambda: w.show_page(PageId.JOURNAL),
        "coaching": lambda: w.show_page(PageId.COACHING),
        "actions": lambda: w.show_page(PageId.ACTIONS),
        "insights": lambda: w.show_page(PageId.INSIGHTS),
        "insights-activity": insights_activity,
        "measure-chart": measure_chart,
        "search": search,
        "editor": editor,
        "new-entry": new_entry,
        "editor-gibbs": editor_gibbs,
        "tag-chips": tag_chips,
        "find-bar": find_bar,
        "frameworks": frameworks,
        "trio": trio,
        "trio-unverified": trio_unverified,
        "trio-fingerprint": trio_fingerprint,
        "trio-card": lambda: w.trio.show_your_card(),
        "trio-feedback": trio_feedback,
        "share-preview": share_preview,
        "reflect-on-event": reflect_on_event,
        "backups": backups,
        "preferences": preferences,
        "evaluation-return": evaluation_return,
    }


SHIFT_NAME = "Discharges before noon"


def shifted_measure(window: MainWindow) -> str:
    """A weekly measure of 30 points on the first inquiry, shifted up halfway, recorded through
    the service in the screenshot's own journal (once, for light and dark alike)."""
    app = window.app
    inquiry = app.inquiries.active()[0]
    found = [m for m in app.measures.find(inquiry.id) if m.name == SHIFT_NAME]
    if found:
        return found[0].id
    measure = app.measures.add(
        inquiry.id, SHIFT_NAME, "%", "higher", goal="30",
        definition="Share of the week's discharges that leave the ward before 12:00",
    )  # fmt: skip
    today = app.programme.today()
    wobble = (1.5, -2.0, 0.5, 2.5, -1.0, -2.5, 1.0)
    rows = [
        ((today - timedelta(weeks=29 - n)).isoformat(), (18 if n < 15 else 27) + wobble[n % 7], "")
        for n in range(30)
    ]
    app.measures.put_points(measure.id, rows)
    return measure.id


def iter_parents(widget: QWidget) -> Iterator[QWidget]:
    parent = widget.parentWidget()
    while parent is not None:
        yield parent
        parent = parent.parentWidget()


if __name__ == "__main__":
    sys.exit(main())
