"""The window and its dialogs fit the screen they open on (issue #13, item 8): 1366×768 at
100%, 150% and 200%, the scaled cases each in a child process with its own offscreen screen;
and the rule that clamps a size to a screen, on its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect

from reflect.ui.screen_fit import FRAME, fitted, room_on

CASES = Path(__file__).with_name("screen_fit_cases.py")
TESTS = Path(__file__).resolve().parent.parent
CHILD_TIMEOUT = 240


@pytest.mark.parametrize("scale", ["1", "1.5", "2"])
def test_window_and_dialogs_fit_a_1366x768_screen(scale: str, tmp_path: Path) -> None:
    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768}]}),
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
        "QT_SCALE_FACTOR": scale,
    }
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(CASES)],
        cwd=TESTS.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT,
        check=False,
    )

    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]


def test_a_size_larger_than_the_screen_is_made_to_fit_and_moved_onto_it() -> None:
    available = QRect(0, 0, 960, 600)  # 1440×900 at 150%

    placed = fitted(QRect(200, 100, 1100, 720), available)

    assert placed.size().width() == 960 - FRAME.left() - FRAME.right()
    assert placed.size().height() == 600 - FRAME.top() - FRAME.bottom()
    assert room_on(available).contains(placed)


def test_a_window_off_the_side_of_a_second_screen_comes_back() -> None:
    available = QRect(1920, 0, 1366, 728)

    placed = fitted(QRect(3000, 500, 800, 600), available)

    assert placed.size() == QRect(0, 0, 800, 600).size()
    assert room_on(available).contains(placed)


def test_a_size_that_fits_is_left_alone() -> None:
    available = QRect(0, 0, 1366, 728)

    assert fitted(QRect(100, 80, 800, 500), available) == QRect(100, 80, 800, 500)
