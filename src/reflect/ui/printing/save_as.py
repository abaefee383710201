"""Ask where to save a file of one of a few types, as the report-back and the appraisal
export both do: the name as typed, or with no extension at all, the chosen type's."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def ask_save_path(
    parent: QWidget, title: str, default_name: str, file_types: Sequence[tuple[str, str]]
) -> Path | None:
    """The path chosen, or None if the dialog was cancelled. ``file_types`` holds (translated
    name, ".ext") pairs, the first of them the default."""
    suffix_of = {f"{name} (*{suffix})": suffix for name, suffix in file_types}
    chosen, chosen_filter = QFileDialog.getSaveFileName(
        parent, title, default_name, ";;".join(suffix_of)
    )
    if not chosen:
        return None
    path = Path(chosen)
    if not path.suffix:
        path = path.with_suffix(suffix_of.get(chosen_filter, file_types[0][1]))
    return path
