"""Queries that run at start-up or after every save use an index, whatever the journal's size.

SQLite picks a plan from the schema alone here (the journal has no ANALYZE statistics), so the
plan for a small journal is the plan for a large one; each test records the statements a call
runs and asks SQLite how it would run them.
"""

from __future__ import annotations

from collections.abc import Callable

from reflect.app import App


def plans_of(app: App, call: Callable[[], object]) -> list[str]:
    """SQLite's plan for every SELECT that ``call`` runs, one line per step."""
    statements: list[str] = []
    conn = app.store.conn
    conn.set_trace_callback(statements.append)
    try:
        call()
    finally:
        conn.set_trace_callback(None)
    return [
        str(step[3])
        for sql in statements
        if sql.lstrip().upper().startswith("SELECT")
        for step in conn.execute(f"EXPLAIN QUERY PLAN {sql}")
    ]


def test_entries_linked_to_events_are_found_through_their_index(app: App) -> None:
    app.entries.write("Not about an event.")
    plans = plans_of(app, app.programme.nudges)
    linked = [plan for plan in plans if "entries" in plan and "programme" not in plan]
    assert linked, plans
    assert all("entries_event" in plan for plan in linked), linked
