"""m008_connections: a journal made before connections opens, keeps its data and gains them."""

from __future__ import annotations

from pathlib import Path

from reflect.core.connection import Connection, Sector
from reflect.storage import schema
from reflect.storage.connections import ConnectionRepository
from reflect.storage.database import open_store

CREATED = "2026-01-05T09:00:00.000000+00:00"


def test_a_journal_from_before_connections_opens_and_can_hold_them(tmp_path: Path) -> None:
    path, backups = tmp_path / "j.db", tmp_path / "backups"
    before = schema.STEPS[: schema.STEPS.index(schema.m008_connections)]
    store = open_store(path, backups, steps=before)
    store.db.conn.execute(
        "INSERT INTO inquiries (id, status, created, updated) VALUES ('i1', 'active', 'x', 'x')"
    )
    store.db.conn.commit()
    assert not {"connections", "learning_links"} & set(store.db.table_names())
    store.close()

    store = open_store(path, backups)
    repo = ConnectionRepository(store)
    met = Connection("c1", "Dr Lee", Sector.PRIMARY_CARE, "2026-01-04", CREATED, CREATED,
                     "PCN board", "", "i1")  # fmt: skip
    repo.save(met)
    assert repo.all() == [met]
    assert store.db.conn.execute("SELECT id FROM inquiries").fetchall() == [("i1",)]
    store.db.conn.execute("DELETE FROM inquiries")  # an inquiry's connections lose the link
    assert repo.all()[0].inquiry_id is None
    store.close()
