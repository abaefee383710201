"""The machine-wide folders where IT can leave a programme pack for every user to pick up.

On first start (and every start after), packs found here are installed when they are new or
newer than the installed version, so one signed installer plus one signed pack serves a cohort.
``REFLECT_PACKS_DIR`` replaces them all (tests, or IT staging a pack somewhere else).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

ENV_PACKS_DIR = "REFLECT_PACKS_DIR"


def drop_in_folders(
    environ: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
    executable: str | None = None,
) -> list[Path]:
    """Where to look, most specific first; ``executable`` is the frozen app's, if any."""
    if environ.get(ENV_PACKS_DIR):
        return [Path(environ[ENV_PACKS_DIR])]
    folders = _machine_folders(environ, platform)
    if executable is None and getattr(sys, "frozen", False):
        executable = sys.executable
    if executable:  # a .tar.gz unpacked anywhere: a packs folder beside the app
        folders.append(Path(executable).parent / "packs")
    return folders


def _machine_folders(environ: Mapping[str, str], platform: str) -> list[Path]:
    if platform == "win32":
        program_data = environ.get("PROGRAMDATA", r"C:\ProgramData")
        return [Path(program_data) / "Reflect" / "packs"]
    if platform == "darwin":
        return [Path("/Library/Application Support/Reflect/packs")]
    config_dirs = environ.get("XDG_CONFIG_DIRS") or "/etc/xdg"
    return [Path(d) / "reflect" / "packs" for d in config_dirs.split(os.pathsep) if d]


def packs_in(folders: list[Path]) -> list[Path]:
    """The pack files in ``folders``; a missing or unreadable folder holds none."""
    found: list[Path] = []
    for folder in folders:
        try:
            found += sorted(p for p in folder.iterdir() if p.suffix == ".reflectpack")
        except OSError:
            continue
    return found
