"""The folder a journal lives in: made owner-only, and what an older Reflect left open tightened.

Run once each time a journal is opened (``app.open_app``), before the database is touched.
"""

from __future__ import annotations

from pathlib import Path

from reflect.files import private_folder, tighten, translated_os_errors
from reflect.paths import Paths
from reflect.secrets.passphrase_file import keys_file


def prepare_data_dir(paths: Paths) -> None:
    """Make the data folder owner-only if it is new, and tighten what an older Reflect left
    readable by others: the journal and its side files, and Reflect's own folders and their
    files. A folder the user chose that already existed keeps its mode, as does anything of
    theirs in it."""
    with translated_os_errors(paths.data_dir):
        private_folder(paths.data_dir)
    journal = [Path(f"{paths.db_path}{suffix}") for suffix in ("", "-wal", "-shm", "-journal")]
    own_folders = (paths.backups_dir, paths.drafts_dir, paths.config_dir, paths.log_dir)
    for path in [*journal, keys_file(paths.data_dir)]:
        tighten(path)
    for folder in own_folders:
        tighten(folder)
        if folder.is_dir():
            for path in folder.iterdir():
                tighten(path)
