"""m011_evaluation_returns: a journal from before it opens and records returns and withdrawals."""

from __future__ import annotations

from pathlib import Path

from reflect.core.evaluation import ReturnKind
from reflect.storage import schema
from reflect.storage.database import open_store
from reflect.storage.evaluation_returns import EvaluationReturnRepository, Written


def test_a_journal_from_before_evaluation_returns_opens_and_records_them(tmp_path: Path) -> None:
    path, backups = tmp_path / "j.db", tmp_path / "backups"
    before = schema.STEPS[: schema.STEPS.index(schema.m011_evaluation_returns)]
    store = open_store(path, backups, steps=before)
    store.db.conn.execute(
        "INSERT INTO inquiries (id, status, created, updated) VALUES ('i1', 'active', 'x', 'x')"
    )
    store.db.conn.commit()
    assert "evaluation_returns" not in store.db.table_names()
    store.close()

    store = open_store(path, backups)
    repo = EvaluationReturnRepository(store)
    sent = Written("r1", "pack-a", ReturnKind.RETURN, "start", "2027-01-05T09:00:00+00:00")
    gone = Written("w1", "pack-a", ReturnKind.WITHDRAWAL, "", "2027-02-05T09:00:00+00:00")
    other = Written("r2", "pack-b", ReturnKind.RETURN, "start", "2027-01-06T09:00:00+00:00")
    for written in (gone, sent, other):
        repo.add(written)
    assert repo.written("pack-a") == [sent, gone]
    assert repo.written("pack-c") == []
    repo.not_now("pack-a", "middle", "2027-03-01T09:00:00+00:00")
    repo.not_now("pack-a", "middle", "2027-03-02T09:00:00+00:00")  # twice is still once
    assert repo.dismissed("pack-a") == {"middle"}
    assert repo.dismissed("pack-b") == set()
    assert store.db.conn.execute("SELECT id FROM inquiries").fetchall() == [("i1",)]
    store.close()
