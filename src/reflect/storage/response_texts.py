"""An entry's framework responses as text, read only when its title needs them.

Lists show rows, not whole entries; an entry written only in a framework's prompts is called
by the first line of its responses (core.entry.title_of), so that one entry's are fetched.
"""

from __future__ import annotations

from collections.abc import Iterator

from reflect.storage.database import Store


def response_texts(store: Store, entry_id: str) -> Iterator[str]:
    """The texts in prompt order; a generator, so nothing is read until it is iterated."""
    rows = store.query(
        "SELECT text FROM entry_responses WHERE entry_id = ? ORDER BY position", (entry_id,)
    )
    for row in rows:
        yield row["text"]
