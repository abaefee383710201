"""Connections: the people and organisations a leader reaches across the system, and how many
of each sector were met month by month. A private record: only counts ever leave it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

NAME_LIMIT = 200
WHERE_LIMIT = 200
NOTE_LIMIT = 2000


class Sector(StrEnum):
    TRUST = "trust"
    ICB = "icb"
    LOCAL_AUTHORITY = "local-authority"
    PRIMARY_CARE = "primary-care"
    VCSE = "vcse"  # voluntary, community and social enterprise
    OTHER = "other"


@dataclass(frozen=True)
class Connection:
    id: str
    name: str  # a person, an organisation, or both: "Ana Price, Age Well"
    sector: Sector
    met: str  # the local calendar day they were met, YYYY-MM-DD
    created: str
    updated: str
    where: str = ""  # where they were met: "Workshop 3", "discharge huddle"
    note: str = ""
    inquiry_id: str | None = None


@dataclass(frozen=True)
class SectorCounts:
    """How many connections of each sector were made in one month (``YYYY-MM``)."""

    month: str
    counts: tuple[tuple[Sector, int], ...]  # every sector, in Sector's order, zeros included

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)


def counts_by_month(connections: Iterable[Connection]) -> list[SectorCounts]:
    """Counts by sector for each month that has a connection, oldest month first."""
    per_month: dict[str, Counter[Sector]] = {}
    for connection in connections:
        per_month.setdefault(connection.met[:7], Counter())[connection.sector] += 1
    return [
        SectorCounts(month, tuple((sector, per_month[month][sector]) for sector in Sector))
        for month in sorted(per_month)
    ]


def totals(rows: Iterable[SectorCounts]) -> dict[Sector, int]:
    """All months added together, every sector present."""
    total = dict.fromkeys(Sector, 0)
    for row in rows:
        for sector, n in row.counts:
            total[sector] += n
    return total
