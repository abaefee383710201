"""The measures repository: measures and their dated points."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reflect.core.measure import Better, Measure, Point
from reflect.storage.database import Store
from reflect.storage.id_prefix import ids_starting

_COLUMNS = "id, inquiry_id, name, unit, better, definition, baseline, goal, created, updated"
_PLACES = ", ".join("?" * 10)
_UPDATES = ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS.split(", ")[1:])
_POINT_COLUMNS = "measure_id, day, value, note"


class MeasureRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, measure_id: str) -> Measure | None:
        rows = self.store.query(f"SELECT {_COLUMNS} FROM measures WHERE id = ?", (measure_id,))
        return _from_row(rows[0]) if rows else None

    def find(self, inquiry_id: str | None = None) -> list[Measure]:
        """Measures by name (all, or one inquiry's)."""
        where, params = ("WHERE inquiry_id = ?", (inquiry_id,)) if inquiry_id else ("", ())
        rows = self.store.query(
            f"SELECT {_COLUMNS} FROM measures {where} ORDER BY name COLLATE NOCASE, created",
            params,
        )
        return [_from_row(row) for row in rows]

    def ids_starting(self, prefix: str) -> list[str]:
        return ids_starting(self.store, "measures", prefix)

    def save(self, measure: Measure) -> None:
        """Insert the measure, or update the one with its id. An update, not a replace: a
        REPLACE deletes the row first, and the delete would take the measure's points."""
        with self.store.writing() as db:
            db.conn.execute(
                f"INSERT INTO measures ({_COLUMNS}) VALUES ({_PLACES}) "
                f"ON CONFLICT (id) DO UPDATE SET {_UPDATES}",
                _values(measure),
            )

    def delete(self, measure_id: str) -> None:
        """Delete a measure; its points go with it (the key cascades), and so do learning log
        links to it."""
        with self.store.writing() as db:
            db.conn.execute("DELETE FROM measures WHERE id = ?", (measure_id,))

    def remove_point(self, measure_id: str, day: str, updated: str) -> bool:
        """Delete the point on ``day``; False when there was none."""
        with self.store.writing() as db:
            gone = db.conn.execute(
                "DELETE FROM measure_points WHERE measure_id = ? AND day = ?", (measure_id, day)
            ).rowcount
            if gone:
                db.conn.execute(
                    "UPDATE measures SET updated = ? WHERE id = ?", (updated, measure_id)
                )
        return bool(gone)

    def points(self, measure_id: str) -> list[Point]:
        """A measure's points in date order."""
        rows = self.store.query(
            f"SELECT {_POINT_COLUMNS} FROM measure_points WHERE measure_id = ? ORDER BY day",
            (measure_id,),
        )
        return [Point(r["measure_id"], r["day"], r["value"], r["note"]) for r in rows]

    def all_points(self) -> list[Point]:
        rows = self.store.query(
            f"SELECT {_POINT_COLUMNS} FROM measure_points ORDER BY measure_id, day"
        )
        return [Point(r["measure_id"], r["day"], r["value"], r["note"]) for r in rows]

    def put_points(self, measure_id: str, points: Iterable[Point], updated: str) -> int:
        """Store points in one transaction, each replacing any point on its day."""
        with self.store.writing() as db:
            count = 0
            for point in points:
                db.conn.execute(
                    f"INSERT OR REPLACE INTO measure_points ({_POINT_COLUMNS}) VALUES (?, ?, ?, ?)",
                    (measure_id, point.day, point.value, point.note),
                )
                count += 1
            db.conn.execute("UPDATE measures SET updated = ? WHERE id = ?", (updated, measure_id))
        return count

    def add_many(self, measures: Iterable[Measure], points: Iterable[Point]) -> int:
        """Insert measures whose ids are new, and the points of those measures only, inside
        the caller's transaction; return how many measures were added."""
        conn = self.store.db.conn
        added: set[str] = set()
        for measure in measures:
            cursor = conn.execute(
                f"INSERT OR IGNORE INTO measures ({_COLUMNS}) VALUES ({_PLACES})",
                _values(measure),
            )
            if cursor.rowcount:
                added.add(measure.id)
        for point in points:
            if point.measure_id in added:
                conn.execute(
                    f"INSERT OR REPLACE INTO measure_points ({_POINT_COLUMNS}) VALUES (?, ?, ?, ?)",
                    (point.measure_id, point.day, point.value, point.note),
                )
        return len(added)


def _values(measure: Measure) -> tuple[Any, ...]:
    return (
        measure.id,
        measure.inquiry_id,
        measure.name,
        measure.unit,
        str(measure.better),
        measure.definition,
        measure.baseline,
        measure.goal,
        measure.created,
        measure.updated,
    )


def _from_row(row: dict[str, Any]) -> Measure:
    return Measure(
        id=row["id"],
        inquiry_id=row["inquiry_id"],
        name=row["name"],
        unit=row["unit"],
        better=Better(row["better"]),
        definition=row["definition"],
        baseline=row["baseline"],
        goal=row["goal"],
        created=row["created"],
        updated=row["updated"],
    )
