"""m010_learning_measures: a journal made before learning entries could name a measure opens,
keeps its learning links, and can then hold links to measures."""

from __future__ import annotations

from pathlib import Path

from reflect.storage import schema
from reflect.storage.database import open_store
from reflect.storage.learning_links import LearningLinkRepository

T = "2026-01-05T09:00:00.000000+00:00"


def test_a_journal_from_before_measure_links_opens_and_can_hold_them(tmp_path: Path) -> None:
    path, backups = tmp_path / "j.db", tmp_path / "backups"
    before = schema.STEPS[: schema.STEPS.index(schema.m010_learning_measures)]
    store = open_store(path, backups, steps=before)
    conn = store.db.conn
    for entry_id in ("learned", "cycle"):
        conn.execute(
            "INSERT INTO entries (id, kind, created, updated) VALUES (?, 'learning', ?, ?)",
            (entry_id, T, T),
        )
    conn.execute("INSERT INTO learning_links (entry_id, cycle_id) VALUES ('learned', 'cycle')")
    conn.execute(
        "INSERT INTO measures (id, name, better, created, updated) "
        "VALUES ('m1', 'Falls', 'lower', ?, ?)",
        (T, T),
    )
    conn.commit()
    assert "learning_measures" not in store.db.table_names()
    store.close()

    store = open_store(path, backups)
    repo = LearningLinkRepository(store)
    assert repo.all() == [("learned", "cycle")]
    repo.link_measure("learned", "m1")
    assert repo.measures_of(["learned", "cycle"]) == {"learned": "m1"}
    assert repo.all_measures() == [("learned", "m1")]
    with store.writing() as db:
        db.conn.execute("DELETE FROM measures WHERE id = 'm1'")  # the link goes with it
    assert repo.all_measures() == [] and repo.all() == [("learned", "cycle")]
    store.close()
