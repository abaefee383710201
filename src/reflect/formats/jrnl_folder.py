"""The day files of a jrnl folder journal (``YYYY/MM/DD.txt``), found as jrnl finds them,
without following links out of the journal's folder."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

from reflect.errors import BadInput
from reflect.messages import Msg


def day_files(root: Path, extension: str) -> list[tuple[date, Path]]:
    """jrnl's ``Folder._get_files``: ``YYYY/MM/DD<extension>`` that name real days, in order.
    Symbolic links are followed only to places inside ``root``."""
    inside = _real(root)
    found: list[tuple[date, Path]] = []
    if inside is None:
        return found
    for year in _children(root, inside, r"\d{4}", folders=True):
        for month in _children(year, inside, r"[01]\d", folders=True):
            for day in _children(month, inside, rf"[0-3]\d{re.escape(extension)}", folders=False):
                try:
                    when = date(int(year.name), int(month.name), int(day.name[:2]))
                except ValueError:
                    continue
                found.append((when, day))
    return sorted(found)


def _children(folder: Path, inside: Path, pattern: str, *, folders: bool) -> list[Path]:
    shape = re.compile(pattern)
    chosen: list[Path] = []
    try:
        with os.scandir(folder) as listing:
            for item in listing:
                if not shape.fullmatch(item.name):
                    continue
                path = Path(item.path)
                if item.is_symlink():
                    target = _real(path)
                    if target is None or not target.is_relative_to(inside):
                        continue
                if path.is_dir() if folders else path.is_file():
                    chosen.append(path)
    except OSError as exc:
        raise BadInput(Msg.FILE_NOT_READABLE, path=folder, reason=exc.strerror or exc) from exc
    return chosen


def _real(path: Path) -> Path | None:
    try:
        return path.resolve(strict=True)
    except (OSError, RuntimeError):  # gone, or a loop of links
        return None
