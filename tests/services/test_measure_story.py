"""A measure's story: rewordings, actions, programme events and PDSA entries, dated, in order,
within the span of the measure's points."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from fakes import FakeClock
from pack_fixtures import signed_pack
from reflect.app import App
from reflect.exchange.identity import Identity
from reflect.services.measure_story import StoryKind, StoryMarker, measure_story


def on(clock: FakeClock, day: str) -> None:
    clock.now = datetime.fromisoformat(f"{day}T12:00:00").replace(tzinfo=UTC)


def story(app: App, measure_id: str) -> list[StoryMarker]:
    return measure_story(
        measure_id,
        measures=app.measures,
        inquiries=app.inquiries,
        actions=app.actions,
        entries=app.entries,
        programme=app.programme,
    )


def test_the_story_is_in_date_order_and_within_the_points_span(
    app: App, clock: FakeClock, tmp_path: Path
) -> None:
    app.packs.install(signed_pack(tmp_path, Identity.generate()))  # events 21 Oct … 10 Feb
    on(clock, "2026-10-01")
    inquiry = app.inquiries.add("Do huddles shorten waits?")
    measure = app.measures.add(inquiry.id, "Waits", "days", "lower")
    app.actions.add("Too early to count", "start", inquiry_id=inquiry.id)  # before the span
    start = date(2026, 10, 28)
    for week in range(13):  # 28 Oct 2026 to 20 Jan 2027
        day = start + timedelta(weeks=week)
        app.measures.record(measure.id, 10 + week % 3, day.isoformat())
    on(clock, "2026-12-20")
    app.actions.add("Stop the second handover", "stop", inquiry_id=inquiry.id)
    on(clock, "2026-11-20")
    app.inquiries.reword(inquiry.id, "Do joint huddles shorten waits?")
    app.actions.add("Start a joint huddle", "start", inquiry_id=inquiry.id)
    app.actions.add("Somebody else's", "start")  # no inquiry: not in this story
    on(clock, "2026-11-05")
    app.entries.write("Plan a huddle", title="PDSA 1", inquiry_id=inquiry.id, framework_id="pdsa")
    app.entries.write("Not a PDSA", title="Gibbs", inquiry_id=inquiry.id, framework_id="gibbs")
    on(clock, "2027-03-01")
    app.inquiries.reword(inquiry.id, "Reworded after the last point")

    found = story(app, measure.id)

    days = [m.day for m in found]
    assert days == sorted(days) and days[0] >= start and days[-1] <= date(2027, 1, 20)
    assert [(m.day.isoformat(), m.kind, m.text) for m in found if m.kind != StoryKind.EVENT] == [
        ("2026-11-05", StoryKind.PDSA, "PDSA 1"),
        ("2026-11-20", StoryKind.REWORDING, "Do joint huddles shorten waits?"),
        ("2026-11-20", StoryKind.ACTION_STARTED, "Start a joint huddle"),
        ("2026-12-20", StoryKind.ACTION_STOPPED, "Stop the second handover"),
    ]
    events = [(e.day, e.title) for p in app.programme.all() for e in p.events]
    in_span = sorted((d, t) for d, t in events if start <= d <= date(2027, 1, 20))
    assert date(2026, 10, 21) not in [d for d, _ in in_span]  # the welcome is before the span
    assert [(m.day, m.text) for m in found if m.kind == StoryKind.EVENT] == in_span
    assert len(in_span) >= 2
    assert all(m.text for m in found)


def test_a_measure_without_points_has_no_story(app: App) -> None:
    inquiry = app.inquiries.add("Do huddles shorten waits?")
    measure = app.measures.add(inquiry.id, "Waits", "days", "lower")
    app.actions.add("Start a joint huddle", "start", inquiry_id=inquiry.id)

    assert story(app, measure.id) == []
