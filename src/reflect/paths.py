"""Where a journal's files live: one data folder, or the platform's standard folders."""

from __future__ import annotations

import os
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
