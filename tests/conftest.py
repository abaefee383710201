"""Shared fixtures: every test gets its own data folder; nothing touches the real home or the
network (``network_plugin``); hypothesis runs under a named profile (see docs/fuzzing.md)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Qt tests run without a screen; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fakes import FakeClock
from reflect.app import App, open_app
from reflect.paths import Paths, resolve_paths

pytest_plugins = ("network_plugin",)

# A deadline is a timing assert: on a shared two-core machine it fails at random, so none.
settings.register_profile("dev", deadline=None)
# CI: the same examples on every run, and no example database left behind.
settings.register_profile("ci", deadline=None, derandomize=True, database=None, print_blob=True)
# The long run (docs/fuzzing.md): many random examples, failures kept in .hypothesis/ to replay.
settings.register_profile(
    "fuzz",
    deadline=None,
    max_examples=int(os.environ.get("REFLECT_FUZZ_EXAMPLES", "5000")),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# --hypothesis-profile=NAME on the command line wins over both.
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)


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


GUI_DIR = Path(__file__).resolve().parent / "ui"
GUI_FIXTURES = frozenset({"qtbot", "qapp"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that drives real Qt widgets ``gui``: all of tests/ui, and any test
    elsewhere that uses pytest-qt's ``qtbot`` or ``qapp`` (a ``pytestmark`` in a conftest is
    ignored, so the marker is added here)."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if item.path.is_relative_to(GUI_DIR) or fixtures & GUI_FIXTURES:
            item.add_marker(pytest.mark.gui)


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0
