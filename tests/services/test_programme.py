"""The programme timeline and its nudges, on an injectable clock: the day after a workshop or
coaching session the app offers a reflection, until one is written, declined or a week passes."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from fakes import FakeClock
from pack_fixtures import signed_pack
from reflect.app import App
from reflect.core.entry import EntryKind
from reflect.errors import NotFound
from reflect.exchange.identity import Identity
from reflect.exchange.pack import event_id
from reflect.messages import Msg

PACK_ID = "leading-across-systems-cohort-4"
WORKSHOP_2 = event_id(PACK_ID, "workshop-2")  # 2026-12-02, suggests what-so-what-now-what
TRIO_1 = event_id(PACK_ID, "trio-1")  # 2026-11-11, coaching, suggests grow
WELCOME = event_id(PACK_ID, "welcome-session")  # 2026-10-21, no framework of its own
HUDDLE = event_id(PACK_ID, "huddle")  # 2027-02-10, kind "other"


@pytest.fixture
def installed(app: App, tmp_path: Path) -> App:
    app.packs.install(signed_pack(tmp_path, Identity.generate()))
    return app


def on(clock: FakeClock, day: str, hour: int = 9) -> None:
    clock.now = datetime.fromisoformat(f"{day}T{hour:02}:00:00").replace(tzinfo=UTC)


def waiting(app: App) -> list[str]:
    return [nudge.event.id for nudge in app.programme.nudges()]


def test_no_nudge_before_or_on_the_day_of_the_workshop(installed: App, clock: FakeClock) -> None:
    on(clock, "2026-12-01")
    assert WORKSHOP_2 not in waiting(installed)
    on(clock, "2026-12-02", hour=16)
    assert WORKSHOP_2 not in waiting(installed)


def test_the_day_after_a_workshop_a_reflection_is_offered(installed: App, clock: FakeClock) -> None:
    on(clock, "2026-12-03")

    (nudge,) = installed.programme.nudges()

    assert nudge.event.id == WORKSHOP_2
    assert nudge.programme_name == "Leading Across Systems, cohort 4"
    assert nudge.framework_id == "what-so-what-now-what"


def test_the_offer_lasts_a_week(installed: App, clock: FakeClock) -> None:
    on(clock, "2026-12-09")
    assert waiting(installed) == [WORKSHOP_2]
    on(clock, "2026-12-10")
    assert waiting(installed) == []


def test_a_coaching_session_is_offered_too_and_other_events_never(
    installed: App, clock: FakeClock
) -> None:
    on(clock, "2026-11-12")
    assert waiting(installed) == [TRIO_1]
    on(clock, "2027-02-11")
    assert waiting(installed) == []  # the huddle is "other"


def test_writing_for_the_event_ends_the_offer(installed: App, clock: FakeClock) -> None:
    on(clock, "2026-12-03")
    installed.entries.write("What I noticed.", event_id=WORKSHOP_2)

    assert waiting(installed) == []


def test_a_reflection_in_the_trash_does_not_count(installed: App, clock: FakeClock) -> None:
    on(clock, "2026-12-03")
    entry = installed.entries.write("Second thoughts.", event_id=WORKSHOP_2)
    installed.entries.trash(entry.id)

    assert waiting(installed) == [WORKSHOP_2]


def test_entries_written_for_an_event_are_listed_under_it(installed: App) -> None:
    first = installed.entries.write("## What I noticed\n\nThe room was quiet.", event_id=TRIO_1)
    second = installed.entries.write("Later thoughts.", title="Trio, a week on", event_id=TRIO_1)

    listed = installed.programme.written_for()[TRIO_1]

    assert [(e.entry_id, e.title) for e in listed] == [
        (first.id, "What I noticed"),
        (second.id, "Trio, a week on"),
    ]


def test_not_now_ends_the_offer_for_that_event_only(installed: App, clock: FakeClock) -> None:
    on(clock, "2026-11-12")
    installed.programme.not_now(TRIO_1)
    assert waiting(installed) == []
    on(clock, "2026-12-03")
    assert waiting(installed) == [WORKSHOP_2]


def test_reminders_can_be_turned_off_and_on(installed: App, clock: FakeClock) -> None:
    on(clock, "2026-12-03")
    installed.programme.set_reminders(False)
    assert (installed.programme.reminders_on(), waiting(installed)) == (False, [])
    installed.programme.set_reminders(True)
    assert waiting(installed) == [WORKSHOP_2]


def test_a_reflection_starts_with_the_events_framework_or_the_programmes(installed: App) -> None:
    coaching = installed.programme.reflection_on(TRIO_1)
    welcome = installed.programme.reflection_on(WELCOME)

    assert (coaching.kind, coaching.framework_id) == (EntryKind.COACHING, "grow")
    assert (welcome.kind, welcome.framework_id) == (EntryKind.REFLECTION, "csif")


def test_an_event_is_found_by_the_start_of_its_id(installed: App) -> None:
    assert installed.programme.resolve(WORKSHOP_2[:8]) == WORKSHOP_2
    with pytest.raises(NotFound) as caught:
        installed.programme.resolve("ffffffff")
    assert caught.value.msg is Msg.EVENT_NOT_FOUND
