"""New ids: random UUIDs for new items, and ids derived from content for imported ones."""

from __future__ import annotations

import uuid


def new_id() -> str:
    """A random id that will not clash when items travel between journals."""
    return str(uuid.uuid4())


def stable_id(*parts: str) -> str:
    """An id derived from content, so importing the same item twice finds the first copy."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "reflect:" + "\x1f".join(parts)))
