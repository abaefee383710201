"""Small builders for journals used by several test modules."""

from __future__ import annotations

from reflect.app import App
from reflect.core.entry import Entry


def write_many(app: App, count: int) -> list[Entry]:
    """Write ``count`` entries, oldest first (the test clock ticks between them)."""
    return [app.entries.write(f"Entry number {n}.") for n in range(count)]
