"""Save a PNG of every main screen, in light and dark, from a fresh demo journal.

    python -m reflect.ui.tools.screenshots --out screenshots/

Runs offscreen unless a display is chosen; used to look at what a user sees.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reflect.app import open_app
from reflect.paths import resolve_paths
from reflect.secrets.memory_keyring import MemoryKeyring
from reflect.services.demo import fill_demo
from reflect.ui.tools.screenshot_trio import fill_trio, keyring_factory

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

SIZE = (1200, 800)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="reflect-shots-") as folder:
        saved = take_all(Path(folder), args.out)
    for path in saved:
        print(path)
    return 0


def take_all(data_dir: Path, out: Path) -> list[Path]:
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
            window.resize(*SIZE)
            window.show()
            for name, arrange in screens(window).items():
                shown = arrange()  # a dialog, when the screen is one; else the window
                QApplication.processEvents()
                path = out / f"{name}-{scheme}.png"
                (window if shown is None else shown).grab().save(str(path))
                saved.append(path)
                if shown is not None:
                    shown.close()
                # Sample text is not part of the demo journal: leaving the editor would keep it.
                window.editor.discard()
            window.close()
            window.deleteLater()
    finally:
        app.close()
    return saved


def screens(window: object) -> dict[str, Callable[[], QWidget | None]]:
    from PySide6.QtWidgets import QApplication

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

    def insights_activity() -> None:
        w.show_page(PageId.INSIGHTS)
        QApplication.processEvents()  # lay the page out before scrolling to its end
        bar = w.insights.scroll_area.verticalScrollBar()
        bar.setValue(bar.maximum())

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
        "search": search,
        "editor": editor,
        "new-entry": new_entry,
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
    }


if __name__ == "__main__":
    sys.exit(main())
