"""The ``reflect`` fixture: an in-process command line with a journal folder of its own.

Test modules load this file with ``pytest_plugins = ("cli_fixtures",)`` and never import it,
so pytest can rewrite its asserts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_harness import Reflect


@pytest.fixture
def reflect(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Reflect:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    return Reflect(tmp_path / "journal", capsys, monkeypatch, scratch)
