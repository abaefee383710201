"""A person typing in the real editor, for the kill test; run as its own process and killed.

``python editor_child.py DATA_DIR SEED`` starts the app as ``reflect`` does (offscreen), opens
a new entry and types into it in bursts, with an occasional pause longer than the autosave's
quiet moment. It prints one JSON line before typing each piece ("typing", with the text and
the moment, in monotonic seconds) and one after each autosave has been committed ("saved").
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest

from reflect.core.draft import Draft
from reflect.paths import resolve_paths
from reflect.ui import launch

WORDS = [
    "nobody",
    "owns",
    "the",
    "whole",
    "pathway",
    "so",
    "we",
    "met",
    "every",
    "week",
    "and",
    "measured",
    "what",
    "mattered",
]


def say(**event: object) -> None:
    print(json.dumps(event), flush=True)


class Typist:
    def __init__(self, session: launch.Session, rng: random.Random) -> None:
        assert session.window is not None and session.app is not None
        self.editor = session.window.editor
        self.rng = rng
        drafts = session.app.drafts
        autosave = drafts.autosave

        def autosave_and_say(draft: Draft) -> Draft:
            saved = autosave(draft)
            say(event="saved", length=len(saved.body), at=time.monotonic())
            return saved

        drafts.autosave = autosave_and_say  # type: ignore[method-assign]
        self.timer = QTimer(singleShot=True)
        self.timer.timeout.connect(self.type_some)

    def type_some(self) -> None:
        text = " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(1, 4))) + " "
        say(event="typing", text=text, at=time.monotonic())
        QTest.keyClicks(self.editor.body, text)
        pause = self.rng.uniform(1.2, 1.6) if self.rng.random() < 0.07 else 0.03
        self.timer.start(int(pause * 1000 + self.rng.uniform(0, 120)))


def main(data_dir: str, seed: str) -> None:
    paths = resolve_paths(Path(data_dir))
    qt_app = launch.make_qt_app(["reflect"])
    session = launch.Session(qt_app, paths)
    if not session.open(paths) or session.window is None:
        raise SystemExit("the window did not open")
    session.window.new_entry()
    typist = Typist(session, random.Random(seed))
    typist.timer.start(0)
    say(event="ready")
    qt_app.exec()


if __name__ == "__main__":
    main(*sys.argv[1:])
