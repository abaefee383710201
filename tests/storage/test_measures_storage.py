"""The measures tables: the migration from the previous schema, and what deleting does."""

from __future__ import annotations

from pathlib import Path

from reflect.core.measure import Better, Measure, Point
from reflect.storage import backup_files, schema
from reflect.storage.database import open_store
from reflect.storage.measures import MeasureRepository

BEFORE = schema.STEPS[: schema.STEPS.index(schema.m007_measures)]
NOW = "2026-03-01T09:00:00+00:00"


def test_a_journal_from_the_previous_version_gains_measures_and_keeps_its_data(
    tmp_path: Path,
) -> None:
    path, backups = tmp_path / "j.db", tmp_path / "backups"
    old = open_store(path, backups, steps=BEFORE)
    old.db.conn.execute(
        "INSERT INTO inquiries (id, status, created, updated) VALUES ('i1', 'active', ?, ?)",
        (NOW, NOW),
    )
    old.db.conn.commit()
    old.close()

    store = open_store(path, backups)
    repo = MeasureRepository(store)
    measure = Measure("m1", "Waits", "days", Better.LOWER, NOW, NOW, inquiry_id="i1")
    repo.save(measure)
    repo.put_points("m1", [Point("m1", "2026-01-01", 4.5, "first")], NOW)

    assert store.query("SELECT id FROM inquiries") == [{"id": "i1"}]
    assert repo.find("i1") == [measure]
    assert repo.points("m1") == [Point("m1", "2026-01-01", 4.5, "first")]
    [backup] = backup_files.list_backups(backups)  # taken before the migration ran
    assert backup.is_file()
    store.close()


def test_deleting_an_inquiry_keeps_its_measures_and_deleting_a_measure_drops_its_points(
    tmp_path: Path,
) -> None:
    store = open_store(tmp_path / "j.db", tmp_path / "backups")
    store.db.conn.execute(
        "INSERT INTO inquiries (id, status, created, updated) VALUES ('i1', 'active', ?, ?)",
        (NOW, NOW),
    )
    store.db.conn.commit()
    repo = MeasureRepository(store)
    repo.save(Measure("m1", "Waits", "days", Better.LOWER, NOW, NOW, inquiry_id="i1"))
    repo.put_points("m1", [Point("m1", "2026-01-01", 1.0)], NOW)

    with store.writing() as db:
        db.conn.execute("DELETE FROM inquiries WHERE id = 'i1'")
    kept = repo.get("m1")
    assert kept is not None and kept.inquiry_id is None
    assert len(repo.points("m1")) == 1

    with store.writing() as db:
        db.conn.execute("DELETE FROM measures WHERE id = 'm1'")
    assert repo.all_points() == []
    store.close()


def test_one_point_a_day_the_newer_replaces_the_older(tmp_path: Path) -> None:
    store = open_store(tmp_path / "j.db", tmp_path / "backups")
    repo = MeasureRepository(store)
    repo.save(Measure("m1", "Waits", "days", Better.LOWER, NOW, NOW))
    repo.put_points("m1", [Point("m1", "2026-01-01", 1.0, "a")], NOW)
    repo.put_points("m1", [Point("m1", "2026-01-01", 2.0, "b")], NOW)

    assert repo.points("m1") == [Point("m1", "2026-01-01", 2.0, "b")]
    store.close()


def test_saving_a_measure_again_keeps_its_points(tmp_path: Path) -> None:
    store = open_store(tmp_path / "j.db", tmp_path / "backups")
    repo = MeasureRepository(store)
    measure = Measure("m1", "Waits", "days", Better.LOWER, NOW, NOW)
    repo.save(measure)
    repo.put_points("m1", [Point("m1", "2026-01-01", 1.0)], NOW)

    repo.save(Measure("m1", "Waits for beds", "days", Better.LOWER, NOW, NOW, goal=2.0))

    assert repo.points("m1") == [Point("m1", "2026-01-01", 1.0)]
    found = repo.get("m1")
    assert found is not None and (found.name, found.goal) == ("Waits for beds", 2.0)
    store.close()
