"""Small builders for journals used by several test modules."""

from __future__ import annotations

from pathlib import Path

from reflect.app import App
from reflect.core.entry import Entry


def write_many(app: App, count: int) -> list[Entry]:
    """Write ``count`` entries, oldest first (the test clock ticks between them)."""
    return [app.entries.write(f"Entry number {n}.") for n in range(count)]


def flip_middle(db: Path, size: int = 4096) -> None:
    """Invert 4 KiB of a closed journal around the middle of the file."""
    for suffix in ("-wal", "-shm"):
        assert not Path(f"{db}{suffix}").exists(), "the journal was not closed cleanly"
    middle = db.stat().st_size // 2
    with db.open("r+b") as handle:
        handle.seek(middle)
        data = handle.read(size)
        handle.seek(middle)
        handle.write(bytes(b ^ 0xFF for b in data))
