"""What the command line writes is its owner's alone (POSIX): exports, backups, the journal."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_harness import Reflect

pytest_plugins = ("cli_fixtures",)
pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    old = os.umask(0o022)  # the common default: anything not made private shows as 644/755
    yield
    os.umask(old)


def readable_by_others(*roots: Path) -> list[str]:
    found = [p for root in roots for p in [root, *(root.rglob("*") if root.is_dir() else ())]]
    return [f"{oct(stat.S_IMODE(p.stat().st_mode))} {p}" for p in found if p.stat().st_mode & 0o077]


def test_exports_backups_and_the_journal_are_created_owner_only(
    reflect: Reflect, tmp_path: Path
) -> None:
    reflect.ok("write", "Nobody else on this computer should read this.")
    out = tmp_path / "exports"
    out.mkdir(mode=0o755)
    reflect.ok("export", "json", "--out", str(out / "journal.json"))
    reflect.ok("export", "markdown", "--out", str(out / "markdown"))
    reflect.ok("export", "pdf", "--out", str(out / "journal.pdf"))
    reflect.ok("backup")

    written = [out / "journal.json", out / "markdown", out / "journal.pdf"]
    assert all(path.exists() for path in written)
    assert readable_by_others(*written, reflect.data_dir) == []
