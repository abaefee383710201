"""The demo as a user gets it: data files, loaded on request, dated to today, with its programme
installed and its entries linked to the events they were written for."""

from __future__ import annotations

import re
import tomllib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

import reflect
from fakes import FakeClock
from reflect.app import App, open_app
from reflect.core.clock import from_text, parse_day
from reflect.core.coaching import FRAMEWORK_ID as TRIO
from reflect.core.coaching import from_entry
from reflect.core.entry import Entry
from reflect.core.programme import EventKind, Programme
from reflect.errors import BadInput
from reflect.exchange.pack import event_id as pack_event_id
from reflect.formats.journal_json import read_journal_json
from reflect.messages import Msg
from reflect.paths import resolve_paths
from reflect.resources import resource_path
from reflect.services.demo import (
    MANIFEST,
    PACK_FILE,
    demo_folder,
    demo_pack_folder,
    fill_demo,
    load_demo,
)
from reflect.services.frameworks import FrameworkCatalog

SOURCE = Path(reflect.__file__).parent


def fill(app: App) -> None:
    fill_demo(app.paths, app.clock, app.entries, app.inquiries, app.transfer, app.packs)


@pytest.fixture
def demo(app: App) -> App:
    fill(app)
    return app


def the_programme(app: App) -> Programme:
    (programme,) = app.programme.all()
    return programme


def linked_entries(app: App) -> dict[str, list[Entry]]:
    found: dict[str, list[Entry]] = {}
    for entry in app.entries.page(limit=10_000):
        if entry.event_id is not None:
            found.setdefault(entry.event_id, []).append(entry)
    return found


def local_day(moment: str) -> date:
    return from_text(moment).astimezone().date()


def today(app: App) -> date:
    return app.clock().astimezone().date()


# --- the data ------------------------------------------------------------------------------


def test_the_demo_is_data_not_code() -> None:
    services = SOURCE / "services"
    for gone in ("demo_content.py", "demo_more.py", "demo_programme.py"):
        assert not (services / gone).exists()
    folder = demo_folder()
    for name in (MANIFEST, "journal.json", "programme.toml", "README.md"):
        assert (folder / name).is_file(), name


def test_no_python_file_holds_demo_text() -> None:
    journal = read_journal_json(demo_folder() / "journal.json")
    phrases = {e.title for e in journal.entries if len(e.title) >= 20}
    phrases |= {w.question for i in journal.inquiries for w in i.wordings}
    phrases |= {a.text for a in journal.actions if len(a.text) >= 20}
    phrases |= {e.body.split("\n")[0][:60] for e in journal.entries if len(e.body) >= 60}
    assert len(phrases) >= 150
    for path in SOURCE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found = [p for p in phrases if p in text]
        assert not found, f"{path}: {found[:3]}"


def test_the_manifest_names_a_date_and_the_files() -> None:
    with (demo_folder() / MANIFEST).open("rb") as file:
        manifest = tomllib.load(file)
    assert isinstance(manifest["as_of"], date)
    assert manifest["journal"] == "journal.json" and manifest["programme"] == "programme.toml"
    assert manifest["links"]


def test_loading_reads_nothing_until_asked() -> None:
    source = (SOURCE / "services" / "demo.py").read_text(encoding="utf-8")
    top_level = [line for line in source.splitlines() if re.match(r"[A-Za-z_]\w* = ", line)]
    assert all("resource" not in line and "load" not in line for line in top_level)


# --- filling a journal ---------------------------------------------------------------------


def test_the_demo_comes_with_its_programme(demo: App) -> None:
    programme = the_programme(demo)
    assert programme.name == "Leading Across Systems (demo cohort)"
    assert "nine months" in programme.welcome
    assert len(programme.events) >= 15
    assert linked_entries(demo)


def test_the_pack_file_stays_inside_the_demo_folder(demo: App) -> None:
    assert (demo_pack_folder(demo.paths) / PACK_FILE).is_file()
    assert demo_pack_folder(demo.paths).is_relative_to(demo.paths.data_dir)


def test_every_linked_entry_names_its_event(demo: App) -> None:
    events = {e.id: e for e in the_programme(demo).events}
    workshops = [e for e in events.values() if e.kind is EventKind.WORKSHOP]
    sessions = [e for e in events.values() if e.kind is EventKind.COACHING]
    for event_id, entries in linked_entries(demo).items():
        event = events[event_id]
        if event.kind is EventKind.COACHING:
            number = sessions.index(event) + 1
            assert event.title == f"Trio coaching session {number}"
            (entry,) = entries
            assert entry.framework_id == TRIO
            assert from_entry(entry).date == event.day.isoformat()
        else:
            assert all(event.title.casefold() in e.title.casefold() for e in entries), event
            if event.kind is EventKind.WORKSHOP:
                number = workshops.index(event) + 1
                assert event.title.startswith(f"Workshop {number}: ")


def test_entries_were_written_on_or_after_their_event(demo: App) -> None:
    events = {e.id: e for e in the_programme(demo).events}
    for event_id, entries in linked_entries(demo).items():
        for entry in entries:
            assert 0 <= (local_day(entry.created) - events[event_id].day).days <= 3


def test_trio_session_n_links_to_the_note_of_session_n(demo: App) -> None:
    sessions = [e for e in the_programme(demo).events if e.kind is EventKind.COACHING]
    notes = sorted(demo.coaching.sessions(), key=lambda s: s.session.date)
    assert len(sessions) == len(notes) == 7
    for event, note in zip(sessions, notes, strict=True):
        assert note.entry.event_id == event.id


def test_every_past_workshop_but_the_latest_has_its_reflection(demo: App) -> None:
    day = today(demo)
    written = linked_entries(demo)
    past = [e for e in the_programme(demo).events if e.day < day and e.kind.invites_reflection]
    *reflected, latest = past
    assert all(e.id in written for e in reflected)
    assert latest.id not in written


def test_the_latest_workshop_was_yesterday_and_waits_for_a_reflection(demo: App) -> None:
    day = today(demo)
    workshops = [e for e in the_programme(demo).events if e.kind is EventKind.WORKSHOP]
    latest = max((e for e in workshops if e.day < day), key=lambda e: e.day)
    assert latest.day == day - timedelta(days=1)
    (nudge,) = demo.programme.nudges()
    assert nudge.event == latest


def test_the_programme_runs_about_nine_months_and_goes_on(demo: App) -> None:
    day = today(demo)
    events = the_programme(demo).events
    workshops = [e for e in events if e.kind is EventKind.WORKSHOP]
    assert len(workshops) == 8 and len([e for e in events if e.kind is EventKind.COACHING]) == 7
    months = (workshops[-1].day - workshops[0].day).days / 30.4
    assert 8.5 <= months <= 9.5
    assert [e for e in events if e.day > day]  # future events stay in the programme
    assert workshops[-1].day > day


def test_the_journal_tells_the_same_programme(demo: App) -> None:
    texts = [e.searchable_body() for e in demo.entries.page(limit=10_000)]
    assert any("eight online workshops" in t and "nine months" in t for t in texts)
    assert not any(re.search(r"\b(six|seven) months\b", t) and "workshops" in t for t in texts)


@pytest.mark.parametrize("start", [date(2026, 3, 1), date(2027, 11, 30)])
def test_dates_are_shifted_to_the_clock(start: date, tmp_path: Path) -> None:
    clock = FakeClock(datetime.combine(start, datetime.min.time(), UTC) + timedelta(hours=11))
    app = open_app(resolve_paths(tmp_path / "journal"), clock)
    try:
        fill(app)
        day = today(app)
        entries = app.entries.page(limit=10_000)
        assert day - timedelta(days=7) <= max(local_day(e.created) for e in entries) < day
        workshops = [e for e in the_programme(app).events if e.kind is EventKind.WORKSHOP]
        assert max(e.day for e in workshops if e.day < day) == day - timedelta(days=1)
        assert all(from_text(e.created) < clock.now for e in entries)
        dues = [parse_day(a.due) for a in app.actions.find() if a.due]
        assert min(dues) < day < max(dues)
        assert min(e.day for e in the_programme(app).events) < day - timedelta(days=270)
    finally:
        app.close()


def test_the_same_ids_every_time() -> None:
    shipped = FrameworkCatalog(resource_path("frameworks"), Path("/nonexistent/frameworks"))
    first = load_demo(date(2026, 1, 1), shipped.find)
    later = load_demo(date(2030, 7, 1), shipped.find)
    assert [e.id for e in first.journal.entries] == [e.id for e in later.journal.entries]
    links = [e.event_id for e in first.journal.entries]
    assert links == [e.event_id for e in later.journal.entries]


def test_a_journal_with_writing_is_refused_and_left_alone(app: App) -> None:
    app.entries.write("Mine.")
    with pytest.raises(BadInput) as caught:
        fill(app)
    assert caught.value.msg is Msg.JOURNAL_NOT_EMPTY
    assert app.programme.all() == [] and app.entries.count() == 1
    assert not demo_pack_folder(app.paths).exists()


def test_filling_twice_is_refused(demo: App) -> None:
    with pytest.raises(BadInput):
        fill(demo)
    assert len(demo.programme.all()) == 1


def test_events_are_in_the_pack_under_their_keys(demo: App) -> None:
    programme = the_programme(demo)
    with (demo_folder() / MANIFEST).open("rb") as file:
        links = tomllib.load(file)["links"]
    for key, entry_ids in links.items():
        for entry_id in entry_ids:
            assert demo.entries.get(entry_id).event_id == pack_event_id(programme.pack_id, key)


def test_the_demo_programme_asks_for_an_evaluation_whose_end_is_open_today(demo: App) -> None:
    programme = the_programme(demo)
    plan = programme.evaluation
    assert plan is not None
    first = programme.events[0].day
    today = demo.programme.today()

    due = {point.key: point.due_on(first) for point in plan.time_points}

    assert due["end"] == today - timedelta(days=2)
    assert due["six-months-after"] is not None and due["six-months-after"] > today
    assert [rating.framework_id for rating in plan.ratings] == ["csif"]
