"""Part of a word finds at least what the whole word finds (issue #16, item 2), over the words
of the demo journal: for each word, every prefix of three letters or more."""

from __future__ import annotations

import random
import re
from functools import cache

from reflect.app import App
from reflect.core.search import SearchRequest
from reflect.formats.journal_json import read_journal_json
from reflect.services.demo import demo_folder

ALL = 100_000
WORDS = 250  # a fixed sample keeps the test quick; the seed makes a failure repeatable


def test_every_prefix_finds_what_the_whole_word_finds(app: App) -> None:
    journal = read_journal_json(demo_folder() / "journal.json")
    app.transfer.import_contents(journal)
    text = " ".join(
        " ".join([e.title, e.body, *e.tags, *(r.text for r in e.responses)])
        for e in journal.entries
    )
    vocabulary = sorted({w.lower() for w in re.findall(r"[^\W\d_]{4,}", text)})
    sample = random.Random(16).sample(vocabulary, min(WORDS, len(vocabulary)))

    @cache
    def found(query: str) -> frozenset[str]:
        return frozenset(hit.id for hit in app.search.search(SearchRequest(query, limit=ALL)))

    broken = []
    for word in sample:
        whole = found(word)
        assert whole, f"{word!r} is in the journal but finds nothing"
        for end in range(3, len(word)):
            if not whole <= found(word[:end]):
                broken.append(f"{word[:end]!r} misses {len(whole - found(word[:end]))} of {word!r}")
    assert broken == []


def test_the_words_of_the_issue_are_found_part_typed(app: App) -> None:
    entry = app.entries.write("Improvement needs participation.")
    for part in ("impro", "improvem", "improveme", "improvemen", "participa", "particip"):
        assert [h.id for h in app.search.search(SearchRequest(part))] == [entry.id], part


def test_a_word_that_begins_another_word_of_the_query_changes_nothing(app: App) -> None:
    both = app.entries.write("Improvement of the team.")
    app.entries.write("Impossible.")
    for query in ("imp improvement", "improvement imp", "team Team", "improvement"):
        assert [h.id for h in app.search.search(SearchRequest(query))] == [both.id], query
    statements: list[str] = []
    app.store.conn.set_trace_callback(statements.append)
    app.search.search(SearchRequest("imp improvement"))
    app.store.conn.set_trace_callback(None)
    assert not any("'imp'" in s or '"imp"' in s for s in statements)  # not searched at all


def known_words(app: App) -> set[str]:
    return {word for (word,) in app.store.conn.execute("SELECT word FROM search_terms")}


def test_a_name_deleted_for_good_leaves_no_word_behind(app: App) -> None:
    kept = app.entries.write("Met the discharge team about the huddle.")
    gone = app.entries.write("Zebedee Quennell said the huddle ran over.")
    assert {"zebedee", "quennell"} <= known_words(app)

    app.entries.trash(gone.id)
    app.entries.empty_trash()

    words = known_words(app)
    assert not {"zebedee", "quennell"} & words
    assert {"huddle", "discharge"} <= words  # still held by the entry that stays
    assert app.entries.get(kept.id).body.startswith("Met")
