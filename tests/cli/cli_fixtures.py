"""The ``reflect`` fixture: an in-process command line with a journal folder of its own.

Test modules load this file with ``pytest_plugins = ("cli_fixtures",)`` and never import it,
so pytest can rewrite its asserts.
"""

from __future__ import annotations

from pathlib import Path

import keyring.core
import pytest
from cli_harness import Reflect

from fakes import MemoryKeyring


@pytest.fixture
def reflect(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Reflect:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    return Reflect(tmp_path / "journal", capsys, monkeypatch, scratch)


@pytest.fixture
def keys_in_memory(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    """The journal's keys kept in an in-memory keyring, for commands that need them."""
    backend = MemoryKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    return backend
