"""The progress callback that readers and writers report through."""

from __future__ import annotations

from collections.abc import Callable

# Called as progress(done, total): units are whatever the reader counts (bytes, files, items).
# A callback may raise reflect.errors.Cancelled to stop the work.
Progress = Callable[[int, int], None]


def no_progress(done: int, total: int) -> None:
    """The callback used when nobody is watching."""
