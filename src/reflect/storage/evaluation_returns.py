"""The evaluation returns repository: which returns and withdrawals this participant wrote, and
which time points they said "not now" to. Only that they were written, when, and the return's
id; never what a return held (that left in the file the participant saved)."""

from __future__ import annotations

from dataclasses import dataclass

from reflect.core.evaluation import ReturnKind
from reflect.storage.database import Store


@dataclass(frozen=True)
class Written:
    """One return or withdrawal this journal wrote."""

    id: str
    programme_id: str
    kind: ReturnKind
    time_point: str  # a TimePoint.key; empty for a withdrawal
    written: str  # UTC text


class EvaluationReturnRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, written: Written) -> None:
        with self.store.writing() as db:
            db.conn.execute(
                "INSERT INTO evaluation_returns (id, programme_id, kind, time_point, written) "
                "VALUES (?, ?, ?, ?, ?)",
                (
                    written.id,
                    written.programme_id,
                    written.kind.value,
                    written.time_point,
                    written.written,
                ),
            )

    def written(self, programme_id: str) -> list[Written]:
        """Everything written for ``programme_id``, oldest first."""
        rows = self.store.query(
            "SELECT id, programme_id, kind, time_point, written FROM evaluation_returns "
            "WHERE programme_id = ? ORDER BY written, id",
            (programme_id,),
        )
        return [
            Written(
                r["id"], r["programme_id"], ReturnKind(r["kind"]), r["time_point"], r["written"]
            )
            for r in rows
        ]

    def not_now(self, programme_id: str, time_point: str, when: str) -> None:
        with self.store.writing() as db:
            db.conn.execute(
                "INSERT OR REPLACE INTO evaluation_not_now (programme_id, time_point, dismissed) "
                "VALUES (?, ?, ?)",
                (programme_id, time_point, when),
            )

    def dismissed(self, programme_id: str) -> set[str]:
        rows = self.store.query(
            "SELECT time_point FROM evaluation_not_now WHERE programme_id = ?", (programme_id,)
        )
        return {row["time_point"] for row in rows}
