"""Search use case: what the user typed, plus filters, to ranked hits with snippets."""

from __future__ import annotations

from reflect.core.search import SearchHit, SearchRequest, parse_terms
from reflect.storage.search import SearchRepository
from reflect.storage.search_reader import SearchInterrupted, SearchReader


class SearchService:
    def __init__(self, repo: SearchRepository, reader: SearchReader) -> None:
        self._repo = repo
        self._reader = reader

    def search(self, request: SearchRequest) -> list[SearchHit]:
        """Best matches first; an empty or punctuation-only query finds nothing."""
        terms = parse_terms(request.text)
        return self._repo.search(terms, request.filter, max(1, request.limit))

    def background_search(self, request: SearchRequest) -> list[SearchHit] | None:
        """As :meth:`search`, on a connection of its own, for one worker thread at a time;
        None when :meth:`interrupt` stopped it."""
        terms = parse_terms(request.text)
        try:
            return self._reader.search(terms, request.filter, max(1, request.limit))
        except SearchInterrupted:
            return None

    def interrupt(self) -> None:
        """Stop the background search running now: a newer one is wanted instead."""
        self._reader.interrupt()

    def close(self) -> None:
        self._reader.close()
