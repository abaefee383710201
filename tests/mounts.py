"""Real storage failures for tests: a read-only folder and a small disk that fills up.

As root, a read-only bind mount and a tiny tmpfs give the real errors (root ignores file modes);
otherwise a folder is made read-only with chmod, and a full disk is skipped. Every mount is
undone by whoever made it (the fixtures in the test modules), also when a test fails.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
FILLER = "filler.bin"


def mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True, text=True, timeout=30)


def umount(folder: Path) -> None:
    subprocess.run(["umount", str(folder)], check=False, capture_output=True, timeout=30)


def try_mount(*args: str) -> str | None:
    """Mount; return why it failed, or None when it worked."""
    if shutil.which("mount") is None:
        return "the mount command is missing"
    try:
        mount(*args)
    except subprocess.CalledProcessError as exc:
        return f"mount {' '.join(args)} failed: {exc.stderr.strip()}"
    return None


class ReadOnlySwitch:
    """Makes one folder read-only and writable again (a bind mount as root, else chmod)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.mounted = False

    def on(self) -> None:
        if IS_ROOT:
            problem = try_mount("--bind", str(self.folder), str(self.folder))
            if problem:
                pytest.skip(f"needs a read-only bind mount as root: {problem}")
            self.mounted = True
            problem = try_mount("-o", "remount,ro,bind", str(self.folder))
            if problem:
                pytest.skip(f"needs a read-only bind mount as root: {problem}")
        else:
            self.folder.chmod(0o555)

    def off(self) -> None:
        if self.mounted:
            umount(self.folder)
            self.mounted = False
        if self.folder.exists():
            self.folder.chmod(0o755)


@contextmanager
def small_disk(folder: Path, size: str = "1m") -> Iterator[Path]:
    """``folder`` (made if missing) on a tmpfs of ``size`` of its own, for as long as it lasts."""
    if not IS_ROOT:
        pytest.skip("a full disk needs root to mount a small tmpfs; not running as root")
    folder.mkdir(parents=True, exist_ok=True)
    problem = try_mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder))
    if problem:
        pytest.skip(f"a full disk needs a small tmpfs: {problem}")
    try:
        yield folder
    finally:
        umount(folder)


def fill_disk(folder: Path, leave: int = 0) -> Path:
    """Fill the disk ``folder`` is on with one file, then free ``leave`` bytes of it again."""
    filler = folder / FILLER
    chunk = b"\0" * 65536
    with filler.open("wb", buffering=0) as handle:
        while True:
            try:
                if not handle.write(chunk):
                    break
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
                break
    size = filler.stat().st_size
    with filler.open("r+b") as handle:
        handle.truncate(max(0, size - leave))
    return filler
