"""Ids that start with what a person typed, for any table keyed by a text ``id``."""

from __future__ import annotations

from reflect.storage.database import Store

_TABLES = frozenset({"entries", "inquiries", "actions", "measures", "connections"})


def ids_starting(store: Store, table: str, prefix: str) -> list[str]:
    """At most two matches: enough to tell "exactly one" from "ambiguous"."""
    if table not in _TABLES:
        raise ValueError(table)
    rows = store.query(
        f"SELECT id FROM {table} WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
        (prefix, prefix + "\uffff"),
    )
    return [row["id"] for row in rows]
