"""The one reflection the window offers, and whether anything was written today (the daily
reminder's question), on an injectable clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from fakes import FakeClock
from pack_fixtures import signed_pack
from reflect.app import App
from reflect.exchange.identity import Identity
from reflect.exchange.pack import event_id

PACK_ID = "leading-across-systems-cohort-4"
WORKSHOP_2 = event_id(PACK_ID, "workshop-2")  # 2026-12-02
TRIO_1 = event_id(PACK_ID, "trio-1")  # moved to 2026-11-26


@pytest.fixture
def both_waiting(app: App, clock: FakeClock, tmp_path: Path) -> App:
    week_before = ("date = 2026-11-11", "date = 2026-11-26")
    app.packs.install(signed_pack(tmp_path, Identity.generate(), week_before))
    clock.now = datetime(2026, 12, 3, 9, tzinfo=UTC)
    return app


def offered(app: App) -> str | None:
    nudge = app.programme.offer()
    return nudge.event.id if nudge else None


def test_the_newest_recent_event_is_the_one_offered(both_waiting: App) -> None:
    assert [n.event.id for n in both_waiting.programme.nudges()] == [WORKSHOP_2, TRIO_1]
    assert offered(both_waiting) == WORKSHOP_2


@pytest.mark.parametrize("how", ["written", "not now"])
def test_once_the_newest_is_handled_nothing_older_is_offered(both_waiting: App, how: str) -> None:
    if how == "written":
        both_waiting.entries.write("Seeing the system.", event_id=WORKSHOP_2)
    else:
        both_waiting.programme.not_now(WORKSHOP_2)

    assert offered(both_waiting) is None
    assert [n.event.id for n in both_waiting.programme.nudges()] == [TRIO_1]  # still waiting


def test_no_offer_with_reminders_off(both_waiting: App) -> None:
    both_waiting.programme.set_reminders(False)
    assert offered(both_waiting) is None


def test_written_today_counts_only_todays_live_entries(app: App, clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 3, 12).astimezone()
    clock.advance(days=-1)
    app.entries.write("Yesterday's entry.")
    clock.advance(days=1)
    assert not app.entries.written_today()

    today = app.entries.write("Today's entry.")
    assert app.entries.written_today()
    app.entries.trash(today.id)
    assert not app.entries.written_today()
    clock.now += timedelta(hours=11, minutes=59)  # still today, just before midnight
    assert not app.entries.written_today()
