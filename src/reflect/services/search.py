"""Search use case: what the user typed, plus filters, to ranked hits with snippets."""

from __future__ import annotations

from reflect.core.search import SearchHit, SearchRequest, parse_terms
from reflect.storage.search import SearchRepository


class SearchService:
    def __init__(self, repo: SearchRepository) -> None:
        self._repo = repo

    def search(self, request: SearchRequest) -> list[SearchHit]:
        """Best matches first; an empty or punctuation-only query finds nothing."""
        terms = parse_terms(request.text)
        return self._repo.search(terms, request.filter, max(1, request.limit))
