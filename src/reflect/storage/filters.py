"""SQL ``WHERE`` clauses for an :class:`~reflect.core.entry_filter.EntryFilter`."""

from __future__ import annotations

from typing import Any

from reflect.core.entry_filter import EntryFilter


def where_clause(filt: EntryFilter, alias: str = "e") -> tuple[str, list[Any]]:
    """Conditions on live (not trashed) entries, joined with AND, and their parameters."""
    parts = [f"{alias}.deleted IS NULL"]
    params: list[Any] = []
    simple = (
        ("inquiry_id", filt.inquiry_id),
        ("kind", str(filt.kind) if filt.kind else None),
        ("framework_id", filt.framework_id),
    )
    for column, value in simple:
        if value is not None:
            parts.append(f"{alias}.{column} = ?")
            params.append(value)
    if filt.since is not None:
        parts.append(f"{alias}.created >= ?")
        params.append(filt.since)
    if filt.until is not None:
        parts.append(f"{alias}.created < ?")
        params.append(filt.until)
    if filt.tag is not None:
        parts.append(
            f"EXISTS (SELECT 1 FROM entry_tags t WHERE t.entry_id = {alias}.id AND t.tag = ?)"
        )
        params.append(filt.tag.lstrip("@#"))
    return " AND ".join(parts), params
