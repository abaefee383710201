"""When a daily backup is due, and which copies the retention rules keep."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from reflect.core.backup import Backup, BackupReason, daily_due, to_prune

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def copy(reason: BackupReason, days_ago: float, now: datetime = NOW) -> Backup:
    taken = now - timedelta(days=days_ago)
    return Backup(Path(f"{taken:%Y%m%dT%H%M%S}-{reason}"), taken, reason, 1000)


def dailies(days: int, now: datetime = NOW) -> list[Backup]:
    """One daily copy a day for ``days`` days, the newest taken today."""
    return [copy(BackupReason.DAILY, n, now) for n in range(days)]


def test_a_daily_copy_is_due_until_one_is_taken_that_day() -> None:
    assert daily_due([], NOW)
    assert daily_due([copy(BackupReason.DAILY, 1)], NOW)
    assert not daily_due([copy(BackupReason.DAILY, 0.3)], NOW)
    # Other copies taken today do not stand in for the daily one.
    assert daily_due([copy(BackupReason.MANUAL, 0), copy(BackupReason.PRE_MIGRATION, 0)], NOW)


def test_days_are_utc_days() -> None:
    late = datetime(2026, 11, 24, 23, 59, tzinfo=UTC)
    assert daily_due([copy(BackupReason.DAILY, 0, late)], datetime(2026, 11, 25, 0, 1, tzinfo=UTC))


def test_a_week_of_dailies_is_kept_whole() -> None:
    assert to_prune(dailies(7), NOW) == []


def test_older_dailies_go_but_the_newest_of_each_month_stays() -> None:
    backups = dailies(60)  # 27 Sep to 25 Nov
    pruned = to_prune(backups, NOW)
    kept = [b for b in backups if b not in pruned]
    assert kept[:7] == backups[:7]
    assert [b.taken.date().isoformat() for b in kept[7:]] == ["2026-10-31", "2026-09-30"]
    assert pruned == sorted(pruned, key=lambda b: b.taken)  # oldest first


def test_a_year_of_months_is_kept_and_no_more() -> None:
    backups = dailies(500)
    pruned = to_prune(backups, NOW)
    kept = [b for b in backups if b not in pruned]
    months = {(b.taken.year, b.taken.month) for b in kept[7:]}
    assert len(kept) == 7 + 11  # this month's newest copy is among the seven
    assert min(months) == (2025, 12) and len(months | {(2026, 11)}) == 12


def test_copies_before_updates_and_restores_stay_ninety_days() -> None:
    recent = copy(BackupReason.PRE_RESTORE, 89)
    old_restore = copy(BackupReason.PRE_RESTORE, 91)
    old_migrations = [copy(BackupReason.PRE_MIGRATION, days) for days in (200, 400)]
    backups = [recent, old_restore, *old_migrations, copy(BackupReason.DAILY, 0)]

    pruned = to_prune(backups, NOW)

    # The newest copy of each kind stays however old; older ones go after 90 days.
    assert pruned == [old_migrations[1], old_restore]


def test_manual_copies_and_unknown_files_are_never_pruned() -> None:
    keep = [copy(BackupReason.MANUAL, 900), copy(BackupReason.OTHER, 700)]
    assert to_prune([*keep, *dailies(30)], NOW) == to_prune(dailies(30), NOW)
