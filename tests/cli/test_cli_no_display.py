"""``reflect`` with no display: one line saying so and that the command line still works,
instead of Qt aborting with its message about platform plugins (issue #13, item 11)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_harness import error_line

from reflect.messages import Msg
from reflect.ui.display_check import missing_display

SUBPROCESS_TIMEOUT = 60
DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a display is a Linux question")
def test_no_display_says_so_in_one_line_and_points_at_the_cli(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARIABLES}
    done = subprocess.run(
        [sys.executable, "-m", "reflect", "--data-dir", str(tmp_path / "journal")],
        capture_output=True,
        text=True,
        env=env,
        timeout=SUBPROCESS_TIMEOUT,
        check=False,
    )

    assert done.returncode == 1, done
    assert done.stderr == error_line(Msg.NO_DISPLAY), done.stderr
    assert done.stdout == ""
    assert not (tmp_path / "journal").exists()  # nothing was made


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, Msg.NO_DISPLAY),
        ({"QT_QPA_PLATFORM": "xcb"}, Msg.NO_DISPLAY),
        ({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}, Msg.NO_DISPLAY),
        ({"QT_QPA_PLATFORM": "offscreen"}, None),
        ({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":0"}, None),
        ({"WAYLAND_DISPLAY": "wayland-0"}, None),
        ({"DISPLAY": ":0"}, None),
    ],
)
def test_which_settings_have_a_display(env: dict[str, str], expected: Msg | None) -> None:
    assert missing_display(env, "linux", lambda name: "lib" + name + ".so") is expected


def test_other_systems_are_not_checked() -> None:
    assert missing_display({}, "win32", lambda name: None) is None
    assert missing_display({}, "darwin", lambda name: None) is None


def test_x11_without_libxcb_cursor_names_the_missing_libraries() -> None:
    missing = missing_display({"DISPLAY": ":0"}, "linux", lambda name: None)

    assert missing is Msg.WINDOW_LIBRARIES_MISSING
    assert "libxcb-cursor0" in missing.template


def test_wayland_needs_no_libxcb_cursor() -> None:
    env = {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}

    assert missing_display(env, "linux", lambda name: None) is None


def test_the_installed_bundle_carries_libxcb_cursor_itself(tmp_path: Path) -> None:
    # The Linux bundle ships the X libraries beside the executable, where the system's
    # library search does not look: the window must open on a desktop that lacks them.
    (tmp_path / "libxcb-cursor.so.0").write_bytes(b"")
    env = {"DISPLAY": ":0"}

    assert missing_display(env, "linux", lambda name: None, bundle_dir=tmp_path) is None
    assert missing_display(env, "linux", lambda name: None, bundle_dir=tmp_path / "x") is not None
