"""tag_counts (m013) always equals counting the live entries' tags afresh."""

from __future__ import annotations

from pathlib import Path

from reflect.app import App
from reflect.storage import schema
from reflect.storage.database import Store, open_store

RECOUNT = (
    "SELECT tag, count(*) FROM entry_tags WHERE entry_id IN "
    "(SELECT id FROM entries WHERE deleted IS NULL) GROUP BY tag ORDER BY tag"
)


def counts(store: Store) -> list[tuple[str, int]]:
    return store.conn.execute("SELECT tag, n FROM tag_counts ORDER BY tag").fetchall()


def test_counts_follow_every_kind_of_change(app: App) -> None:
    a = app.entries.write("a", tags=["huddle", "flow"])
    b = app.entries.write("b", tags=["Huddle"])
    app.entries.write("c", tags=["trio"])
    app.entries.update(a.id, tags=["flow", "trio"])
    app.entries.trash(b.id)
    assert counts(app.store) == app.store.conn.execute(RECOUNT).fetchall()
    app.entries.restore(b.id)
    app.entries.trash(a.id)
    app.entries.empty_trash()
    assert counts(app.store) == app.store.conn.execute(RECOUNT).fetchall()
    assert app.entries.tag_counts() == [("Huddle", 1), ("trio", 1)]


def test_the_migration_counts_an_existing_journal(tmp_path: Path) -> None:
    path, backups = tmp_path / "j.db", tmp_path / "backups"
    before = schema.STEPS[: schema.STEPS.index(schema.m013_journal_counts)]
    old = open_store(path, backups, steps=before)
    for seq, (deleted, tags) in enumerate([(None, ["a", "b"]), ("x", ["a"]), (None, ["a"])]):
        old.conn.execute(
            "INSERT INTO entries (id, kind, created, updated, deleted) "
            "VALUES (?, 'note', '', '', ?)",
            (f"e{seq}", deleted),
        )
        for n, tag in enumerate(tags):
            old.conn.execute("INSERT INTO entry_tags VALUES (?, ?, ?)", (f"e{seq}", tag, n))
    old.conn.commit()
    old.close()
    store = open_store(path, backups)
    assert counts(store) == [("a", 2), ("b", 1)]
    store.close()
