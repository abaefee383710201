"""Where a journal's files live: one data folder, or the platform's standard folders."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "Reflect"
ENV_DATA_DIR = "REFLECT_DATA_DIR"


@dataclass(frozen=True)
class Paths:
    data_dir: Path
    config_dir: Path
    log_dir: Path

    @property
    def db_path(self) -> Path:
        return self.data_dir / "journal.db"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def drafts_dir(self) -> Path:
        return self.data_dir / "drafts"

    @property
    def frameworks_dir(self) -> Path:
        """The user's own frameworks: copies they made and files they imported."""
        return self.data_dir / "frameworks"

    @property
    def pack_frameworks_dir(self) -> Path:
        """Frameworks carried by installed programme packs; written only by pack installs."""
        return self.data_dir / "packs" / "frameworks"


def resolve_paths(data_dir: Path | str | None, environ: Mapping[str, str] = os.environ) -> Paths:
    """An explicit data folder (option or environment) holds everything, config and logs too,
    so tests and second journals never touch the real home folder."""
    chosen = data_dir or environ.get(ENV_DATA_DIR)
    if chosen:
        root = Path(chosen).expanduser().absolute()
        return Paths(root, root / "config", root / "logs")
    import platformdirs

    return Paths(
        Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
    )


def checked_stamps_dir() -> Path:
    """Where the command line remembers which journal files passed the quick check at open
    (a cache: deleting it costs one check). Outside any data folder, so that reading a
    journal, even a read-only one, writes nothing beside it."""
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "checked"


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
