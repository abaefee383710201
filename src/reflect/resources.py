"""Finds the data files under ``resources/`` both in a checkout and in an installed package."""

from __future__ import annotations

from pathlib import Path


def resources_dir() -> Path:
    """Return the folder that holds frameworks, icons, styles and translations."""
    installed = Path(__file__).parent / "resources"
    if installed.is_dir():
        return installed
    # In a checkout (or an editable install) the folder sits at the top of the repository.
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """Return the path of one resource file, e.g. ``resource_path("icons", "reflect.svg")``."""
    return resources_dir().joinpath(*parts)
