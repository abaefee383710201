"""Entries written with a framework survive export and import with every answer intact."""

from __future__ import annotations

from pathlib import Path

from reflect.app import App, open_app
from reflect.core.entry import Response
from reflect.core.search import SearchRequest
from reflect.paths import resolve_paths


def test_guided_entries_round_trip_through_json(app: App, tmp_path: Path) -> None:
    written = []
    for framework in app.frameworks.all():
        responses = tuple(
            Response(p.id, f"{framework.name}: answer to {p.label}") for p in framework.prompts
        )
        written.append(app.entries.write("", framework_id=framework.id, responses=responses))
    out = tmp_path / "export.json"
    app.transfer.export("json", out)

    other = open_app(resolve_paths(tmp_path / "other"))
    try:
        other.transfer.import_path("json", out)
        for entry in written:
            copy = other.entries.get(entry.id)
            assert (copy.framework_id, copy.responses) == (entry.framework_id, entry.responses)
        # The answers are searchable in the journal they arrived in.
        gibbs = other.frameworks.get("gibbs")
        hits = other.search.search(SearchRequest(f'"{gibbs.name}: answer"'))
        assert {h.id for h in hits} == {e.id for e in written if e.framework_id == "gibbs"}
    finally:
        other.close()
