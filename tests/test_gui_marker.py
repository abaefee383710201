"""``-m gui`` selects every test that drives real Qt widgets (marked in tests/conftest.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

TESTS = Path(__file__).resolve().parent


def test_no_test_under_tests_ui_escapes_the_gui_marker() -> None:
    # Collected in a child process, so this holds whichever tests this run selected.
    command = ["--collect-only", "-q", "-p", "no:cacheprovider", "-m", "not gui", str(TESTS / "ui")]
    collected = subprocess.run(
        [sys.executable, "-m", "pytest", *command],
        capture_output=True,
        text=True,
        cwd=TESTS.parent,
        timeout=120,
        check=False,
    )
    summary = collected.stdout.strip().splitlines()[-1]
    assert collected.returncode == pytest.ExitCode.NO_TESTS_COLLECTED, collected.stdout
    assert summary.startswith("no tests collected (") and " deselected)" in summary, summary


def test_a_test_outside_tests_ui_that_uses_qapp_is_marked_gui(
    qapp: QApplication, request: pytest.FixtureRequest
) -> None:
    assert request.node.get_closest_marker("gui") is not None


def test_a_test_without_qt_is_not_marked_gui(request: pytest.FixtureRequest) -> None:
    assert request.node.get_closest_marker("gui") is None
