"""The pytest side of the no-network guard: on for the whole run, failing any test that tries.

``tests/conftest.py`` loads this plugin. The guard itself (what is blocked, and why) is
``network_guard``; this module turns it on before any test, gives child processes the same guard
through the environment, and fails the setup, call or teardown phase in which an attempt was
made, even when the code under test caught the exception.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Generator
from pathlib import Path

import pytest

from network_guard import LOG_VARIABLE, child_environment, install, take_attempts, uninstall


def pytest_configure(config: pytest.Config) -> None:
    install()
    folder = Path(tempfile.mkdtemp(prefix="reflect-network-guard-"))
    log = folder / "attempts.log"
    saved = {name: os.environ.get(name) for name in ("PYTHONPATH", LOG_VARIABLE)}
    os.environ.update(child_environment(log, dict(os.environ)))
    config.stash[_LOG] = log

    def restore() -> None:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        shutil.rmtree(folder, ignore_errors=True)
        uninstall()

    config.add_cleanup(restore)


_LOG = pytest.StashKey[Path]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, None, None]:
    return (yield from _failing_on_attempts(item))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    return (yield from _failing_on_attempts(item))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, None, None]:
    return (yield from _failing_on_attempts(item))


def _failing_on_attempts(item: pytest.Item) -> Generator[None, None, None]:
    """Run one phase of a test; fail it if the network was used, even if that was caught."""
    log = item.config.stash[_LOG]
    result = yield
    attempts = take_attempts() + _logged(log)
    if attempts:
        pytest.fail(
            "Tests must not use the network, but this one tried:\n  " + "\n  ".join(attempts),
            pytrace=False,
        )
    return result


def _logged(log: Path) -> list[str]:
    """Attempts child processes appended to ``log``; the file is emptied for the next phase."""
    if not log.exists():
        return []
    lines = log.read_text(encoding="utf-8").splitlines()
    log.unlink()
    return lines
