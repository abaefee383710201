"""The search page's own read connection: it sees every kept write, and the restored file."""

from __future__ import annotations

import pytest

from reflect.app import App
from reflect.core.search import SearchRequest


def found(app: App, text: str) -> list[str]:
    hits = app.search.background_search(SearchRequest(text))
    assert hits is not None
    return [hit.id for hit in hits]


def test_the_reader_sees_writes_made_after_it_opened(app: App) -> None:
    first = app.entries.write("Huddles at eight.")
    assert found(app, "huddle") == [first.id]
    second = app.entries.write("More huddles.")
    assert sorted(found(app, "huddle")) == sorted([first.id, second.id])
    assert found(app, "huddle") == [hit.id for hit in app.search.search(SearchRequest("huddle"))]


def test_the_reader_follows_a_restore(app: App) -> None:
    first = app.entries.write("Huddles before the backup.")
    path = app.backups.backup()
    app.entries.write("Huddles after the backup.")
    assert len(found(app, "huddle")) == 2
    app.backups.restore(path)
    assert found(app, "huddle") == [first.id]


def test_an_interrupt_between_queries_changes_nothing(app: App) -> None:
    entry = app.entries.write("Huddles.")
    app.search.interrupt()  # before the reader was ever opened
    assert found(app, "huddle") == [entry.id]
    app.search.interrupt()  # between queries: a no-op, so the next query still runs
    assert found(app, "huddle") == [entry.id]


def test_an_interrupt_stops_the_query_running_on_the_readers_connection(app: App) -> None:
    from reflect.core.entry_filter import EntryFilter
    from reflect.core.search import parse_terms
    from reflect.storage.search_reader import SearchInterrupted, SearchReader

    for n in range(50):
        app.entries.write(f"Huddles number {n}.")
    reader = SearchReader(app.store)
    conn = reader._current().conn  # the worker's own connection, as a query would open it
    # Interrupt from inside the running query, as the UI thread would mid-query.
    conn.set_progress_handler(lambda: reader.interrupt() or 0, 100)
    with pytest.raises(SearchInterrupted):
        reader.search(parse_terms("huddle"), EntryFilter(), 50)
    conn.set_progress_handler(None, 0)
    assert len(reader.search(parse_terms("huddle"), EntryFilter(), 50)) == 50
    reader.close()
