"""Shared fixtures: every test gets its own data folder; nothing touches the real home."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt tests run without a screen; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fakes import FakeClock
from reflect.app import App, open_app
from reflect.paths import Paths, resolve_paths


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path_factory.mktemp("home")
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.delenv("REFLECT_DATA_DIR", raising=False)
    # Machine-wide pack folders (/etc/xdg/reflect/packs...) must not reach a test's journal.
    monkeypatch.setenv("REFLECT_PACKS_DIR", str(home / "machine-packs"))


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return resolve_paths(tmp_path / "journal")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def app(paths: Paths, clock: FakeClock) -> Iterator[App]:
    opened = open_app(paths, clock)
    yield opened
    opened.close()


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0
