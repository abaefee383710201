"""Backup copies of the journal as values, and the rules for when to take and how long to keep.

The rules (also in docs/reliability.md):

- A *daily* copy is taken when the journal is opened, unless one was already taken that day
  (days are UTC calendar days, so the rule does not shift with the computer's time zone).
- Daily copies: the newest 7 are kept, plus the newest copy of each of the 12 most recent
  months that have one, so a year of history costs at most 19 files.
- Copies taken before an update (``pre-migration``), a restore (``pre-restore``) or turning
  encryption on or off (``pre-conversion``) are kept for 90 days; the newest of each kind is
  kept however old it is.
- Copies the user asked for (``manual``) and files Reflect did not name are never deleted.
- The newest copy of all is never deleted, so pruning can never remove the only one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path

DAILY_KEPT = 7
MONTHLY_KEPT = 12
EVENT_COPIES_KEPT_FOR = timedelta(days=90)


class BackupReason(StrEnum):
    DAILY = "daily"
    MANUAL = "manual"
    PRE_MIGRATION = "pre-migration"
    PRE_RESTORE = "pre-restore"
    PRE_CONVERSION = "pre-conversion"  # before the journal is encrypted or decrypted
    OTHER = "other"  # a file in the backups folder whose name Reflect did not write


EVENT_REASONS = (BackupReason.PRE_MIGRATION, BackupReason.PRE_RESTORE, BackupReason.PRE_CONVERSION)


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime  # UTC
    reason: BackupReason
    size: int  # bytes


def daily_due(backups: Sequence[Backup], now: datetime) -> bool:
    """True unless a daily copy was already taken on ``now``'s (UTC) day."""
    today = now.date()
    return not any(b.reason is BackupReason.DAILY and b.taken.date() == today for b in backups)


def to_prune(backups: Sequence[Backup], now: datetime) -> list[Backup]:
    """The copies the retention rules no longer keep, oldest first."""
    keep = _kept(backups, now)
    return sorted((b for b in backups if b.path not in keep), key=lambda b: b.taken)


def _kept(backups: Sequence[Backup], now: datetime) -> set[Path]:
    newest_first = sorted(backups, key=lambda b: b.taken, reverse=True)
    keep = {b.path for b in newest_first[:1]}
    keep |= {b.path for b in newest_first if b.reason in (BackupReason.MANUAL, BackupReason.OTHER)}
    dailies = [b for b in newest_first if b.reason is BackupReason.DAILY]
    keep |= {b.path for b in dailies[:DAILY_KEPT]}
    keep |= _newest_per_month(dailies)
    for reason in EVENT_REASONS:
        events = [b for b in newest_first if b.reason is reason]
        keep |= {b.path for b in events[:1]}
        keep |= {b.path for b in events if now - b.taken <= EVENT_COPIES_KEPT_FOR}
    return keep


def _newest_per_month(dailies_newest_first: Sequence[Backup]) -> set[Path]:
    months: dict[tuple[int, int], Path] = {}
    for backup in dailies_newest_first:
        month = (backup.taken.year, backup.taken.month)
        if month not in months:
            if len(months) == MONTHLY_KEPT:
                break
            months[month] = backup.path
    return set(months.values())
