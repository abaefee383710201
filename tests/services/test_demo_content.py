"""The demo journal's content: reproducible, consistent, dated relative to now, and safe to show.

The programme, the links to its events and filling a journal are in ``test_demo``."""

from __future__ import annotations

import itertools
import re
import statistics
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from reflect.app import App
from reflect.core.action import Action, ActionKind, ActionStatus
from reflect.core.assessment import Assessment
from reflect.core.clock import from_text, parse_day
from reflect.core.coaching import FRAMEWORK_ID as TRIO
from reflect.core.coaching import CoachingSession, Prompt, Role, from_entry, to_responses
from reflect.core.contents import JournalContents
from reflect.core.entry import TITLE_LIMIT, Entry, EntryKind, normalize_tags
from reflect.core.framework import Framework
from reflect.core.inquiry import InquiryStatus
from reflect.resources import resource_path
from reflect.services.demo import load_demo
from reflect.services.frameworks import FrameworkCatalog, checked_scores

NOW = datetime(2025, 6, 18, 14, 30, tzinfo=UTC)
SHIPPED = FrameworkCatalog(resource_path("frameworks"), Path("/nonexistent/user-frameworks"))


def build_demo_journal(now: datetime) -> JournalContents:
    """The demo as loaded on ``now``'s day, its clock times in ``now``'s time zone."""
    return load_demo(now.date(), SHIPPED.find, zone=now.tzinfo).journal


PROMPTS = {
    "gibbs": ("description", "feelings", "evaluation", "analysis", "conclusion", "action-plan"),
    "what-so-what-now-what": ("what", "so-what", "now-what"),
    "csif": ("vision", "operating-model", "capability", "redesign", "cqi", "innovation"),
    "grow": ("goal", "reality", "options", "will"),
    "pdsa": ("plan", "do", "study", "act"),
    "learning-log": ("learned", "unexpected", "made-worse", "next"),
    TRIO: tuple(p.value for p in Prompt),  # fields left empty are left out
}


@pytest.fixture(scope="module")
def journal() -> JournalContents:
    return build_demo_journal(NOW)


def all_ids(journal: JournalContents) -> list[str]:
    return [
        *(i.id for i in journal.inquiries),
        *(e.id for e in journal.entries),
        *(a.id for a in journal.actions),
        *(a.id for a in journal.assessments),
    ]


def all_timestamps(journal: JournalContents) -> Iterator[str]:
    for inquiry in journal.inquiries:
        yield inquiry.created
        yield inquiry.updated
        yield from (w.created for w in inquiry.wordings)
    for entry in journal.entries:
        yield entry.created
        yield entry.updated
    for action in journal.actions:
        yield action.created
        yield action.updated
    yield from (a.created for a in journal.assessments)


def all_text(journal: JournalContents) -> Iterator[str]:
    for inquiry in journal.inquiries:
        yield from (w.question for w in inquiry.wordings)
        yield inquiry.why
        yield inquiry.status_note
    for entry in journal.entries:
        yield entry.title
        yield entry.searchable_body()
    yield from (a.text for a in journal.actions)
    for assessment in journal.assessments:
        yield assessment.note
        yield from (s.evidence for s in assessment.scores)


def days_before_now(text: str, now: datetime = NOW) -> float:
    return (now - from_text(text)) / timedelta(days=1)


def trio_entries(journal: JournalContents) -> list[Entry]:
    return [e for e in journal.entries if e.kind is EntryKind.COACHING and e.framework_id == TRIO]


def trio_sessions(journal: JournalContents) -> list[CoachingSession]:
    return [from_entry(e) for e in trio_entries(journal)]


def actions_of(journal: JournalContents, entry: Entry) -> list[Action]:
    return [a for a in journal.actions if a.entry_id == entry.id]


# --- reproducibility -----------------------------------------------------------------------


def test_two_builds_with_the_same_now_are_equal() -> None:
    assert build_demo_journal(NOW) == build_demo_journal(NOW)


def test_ids_do_not_depend_on_now(journal: JournalContents) -> None:
    later = build_demo_journal(NOW + timedelta(days=40))
    assert all_ids(later) == all_ids(journal)


def test_timestamps_move_with_now(journal: JournalContents) -> None:
    later = build_demo_journal(NOW + timedelta(days=30))
    shifts = {
        from_text(b.created) - from_text(a.created)
        for a, b in zip(journal.entries, later.entries, strict=True)
    }
    assert shifts == {timedelta(days=30)}


def test_clock_times_are_kept_as_local_time_in_any_zone(journal: JournalContents) -> None:
    east = timezone(timedelta(hours=10))
    later = build_demo_journal(datetime(2026, 1, 5, 8, 0, tzinfo=east))
    for before, after in zip(journal.entries, later.entries, strict=True):
        assert from_text(after.created).astimezone(east).time() == from_text(before.created).time()


# --- ids and references --------------------------------------------------------------------


def test_ids_are_unique_uuids(journal: JournalContents) -> None:
    ids = all_ids(journal)
    assert len(ids) == len(set(ids))
    assert all(str(uuid.UUID(i)) == i for i in ids)


def test_every_reference_points_into_the_journal(journal: JournalContents) -> None:
    inquiry_ids = {i.id for i in journal.inquiries}
    entries = {e.id: e for e in journal.entries}
    assert {e.inquiry_id for e in journal.entries} - {None} <= inquiry_ids
    assert {a.inquiry_id for a in journal.actions} - {None} <= inquiry_ids
    assert {a.inquiry_id for a in journal.assessments} <= inquiry_ids
    for action in journal.actions:
        assert action.entry_id in entries
        assert action.inquiry_id == entries[action.entry_id].inquiry_id


def test_no_linked_entry_predates_its_inquiry(journal: JournalContents) -> None:
    created = {i.id: from_text(i.created) for i in journal.inquiries}
    for entry in journal.entries:
        if entry.inquiry_id is not None:
            assert from_text(entry.created) >= created[entry.inquiry_id], entry.display_title


def test_no_action_or_assessment_predates_its_inquiry(journal: JournalContents) -> None:
    created = {i.id: from_text(i.created) for i in journal.inquiries}
    for action in journal.actions:
        if action.inquiry_id is not None:
            assert from_text(action.created) >= created[action.inquiry_id], action.text
    for assessment in journal.assessments:
        assert assessment.inquiry_id is not None
        assert from_text(assessment.created) >= created[assessment.inquiry_id], assessment.note


def test_the_main_inquiry_opens_the_year(journal: JournalContents) -> None:
    main = max(journal.inquiries, key=lambda i: len(i.wordings))
    oldest_entry = max(days_before_now(e.created) for e in journal.entries)
    assert 330 <= days_before_now(main.created) <= oldest_entry <= days_before_now(main.created) + 7


def test_most_entries_are_linked_but_not_all(journal: JournalContents) -> None:
    linked = [e for e in journal.entries if e.inquiry_id is not None]
    assert len(linked) >= 2 * len(journal.entries) // 3
    assert len(linked) < len(journal.entries)


# --- time ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "now",
    [
        NOW,
        datetime(2026, 1, 1, 0, 5, tzinfo=timezone(timedelta(hours=1))),
        datetime(2025, 3, 30, 23, 55, tzinfo=timezone(timedelta(hours=-8))),
    ],
)
def test_timestamps_are_utc_and_before_now(now: datetime) -> None:
    for text in all_timestamps(build_demo_journal(now)):
        moment = from_text(text)
        assert moment.utcoffset() == timedelta(0), text
        assert moment < now, text


def test_entries_cover_a_year_and_stop_a_few_days_ago(journal: JournalContents) -> None:
    ages = [days_before_now(e.created) for e in journal.entries]
    assert 120 <= len(ages) <= 180
    assert 330 <= max(ages) < 364  # inside the 52 weeks the activity heat map shows
    assert 1 <= min(ages) <= 7


def entries_per_day(journal: JournalContents) -> Counter[date]:
    return Counter(from_text(e.created).astimezone(NOW.tzinfo).date() for e in journal.entries)


def test_every_month_of_the_year_has_writing(journal: JournalContents) -> None:
    per_day = entries_per_day(journal)
    for month in range(12):
        days = [NOW.date() - timedelta(days=month * 30 + n) for n in range(1, 31)]
        assert sum(per_day[d] for d in days) >= 4, month


def test_activity_is_uneven_busy_days_and_quiet_weeks(journal: JournalContents) -> None:
    per_day = entries_per_day(journal)
    assert sum(n >= 2 for n in per_day.values()) >= 10
    assert sum(n >= 3 for n in per_day.values()) >= 2
    assert max(per_day.values()) <= 3
    days = sorted(per_day)
    quiet = [later - earlier for earlier, later in itertools.pairwise(days)]
    assert sum(gap >= timedelta(days=8) for gap in quiet) >= 2  # time away
    assert len(days) >= 100


def test_the_weeks_after_workshops_are_busier(journal: JournalContents) -> None:
    per_day = entries_per_day(journal)
    today = NOW.date()
    weeks = [sum(per_day[today - timedelta(days=7 * w + n)] for n in range(7)) for w in range(52)]
    usual = statistics.median(weeks)
    workshops = [
        e for e in journal.entries if e.kind is EntryKind.REFLECTION and "workshop" in e.tags
    ]
    assert len(workshops) == 3  # the fourth was yesterday and waits for its reflection
    for workshop in workshops:
        day = from_text(workshop.created).astimezone(NOW.tzinfo).date()
        week = sum(per_day[day + timedelta(days=n)] for n in range(7))
        assert week >= usual + 3, workshop.display_title


def test_no_two_entries_say_the_same_thing(journal: JournalContents) -> None:
    bodies = [" ".join(e.searchable_body().split()) for e in journal.entries]
    assert len(bodies) == len(set(bodies))


def test_entries_are_in_date_order(journal: JournalContents) -> None:
    created = [from_text(e.created) for e in journal.entries]
    assert created == sorted(created)
    assert len(set(created)) == len(created)


def test_updated_never_precedes_created(journal: JournalContents) -> None:
    pairs = [(i.created, i.updated) for i in journal.inquiries]
    pairs += [(e.created, e.updated) for e in journal.entries]
    pairs += [(a.created, a.updated) for a in journal.actions]
    for created, updated in pairs:
        assert from_text(updated) >= from_text(created)


# --- inquiries -----------------------------------------------------------------------------


def test_wordings_are_in_chronological_order(journal: JournalContents) -> None:
    for inquiry in journal.inquiries:
        dates = [from_text(w.created) for w in inquiry.wordings]
        assert dates == sorted(dates) and len(set(dates)) == len(dates)
        assert inquiry.created == inquiry.wordings[0].created


def test_main_inquiry_was_reworded_over_the_months(journal: JournalContents) -> None:
    reworded = [i for i in journal.inquiries if len(i.wordings) >= 3]
    assert reworded
    main = reworded[0]
    assert main.status is InquiryStatus.ACTIVE and main.why
    ages = [days_before_now(w.created) for w in main.wordings]
    assert ages[0] - ages[-1] >= 120


def test_there_is_a_stopped_inquiry_with_a_note(journal: JournalContents) -> None:
    stopped = [i for i in journal.inquiries if i.status is InquiryStatus.STOPPED]
    assert stopped and all(i.status_note.strip() for i in stopped)
    assert sum(i.status is InquiryStatus.ACTIVE for i in journal.inquiries) >= 2


# --- entries -------------------------------------------------------------------------------


def test_every_entry_kind_appears(journal: JournalContents) -> None:
    counts = {kind: 0 for kind in EntryKind}
    for entry in journal.entries:
        counts[entry.kind] += 1
    assert min(counts.values()) >= 1
    assert counts[EntryKind.REFLECTION] >= 6
    assert counts[EntryKind.COACHING] >= 6


def test_framework_responses_answer_each_prompt_in_order(journal: JournalContents) -> None:
    used: set[str] = set()
    for entry in journal.entries:
        prompt_ids = tuple(r.prompt_id for r in entry.responses)
        if entry.framework_id is None:
            assert prompt_ids == ()
        else:
            used.add(entry.framework_id)
            expected = PROMPTS[entry.framework_id]
            if entry.framework_id == TRIO:
                expected = tuple(p for p in expected if p in prompt_ids)
            assert prompt_ids == expected, entry.display_title
            assert all(r.text.strip() and r.text == r.text.strip() for r in entry.responses)
    assert used == set(PROMPTS)


# --- coaching: trio sessions kept as the Coaching page keeps them ---------------------------


def test_every_trio_coaching_entry_is_a_trio_session(journal: JournalContents) -> None:
    coaching = [e for e in journal.entries if e.kind is EntryKind.COACHING]
    trio = trio_entries(journal)
    assert len(trio) == 7
    assert [e for e in coaching if "trio" in e.tags] == trio
    others = [e for e in coaching if e not in trio]
    assert 1 <= len(others) <= 2
    assert all(e.framework_id == "grow" and "trio" not in e.tags for e in others)


def test_trio_sessions_say_which_role_i_took_in_each_round(journal: JournalContents) -> None:
    for entry in trio_entries(journal):
        session = from_entry(entry)
        assert sorted(session.roles) == sorted(Role), entry.title
        roles = {r.prompt_id: r.text for r in entry.responses}[Prompt.ROLES]
        for round_number, role in enumerate(session.roles, start=1):
            assert f"Round {round_number}: {role}" in roles


def test_trio_sessions_read_back_whole(journal: JournalContents) -> None:
    for entry in trio_entries(journal):
        session = from_entry(entry)
        assert session.members == ("Dev", "Siân")
        assert session.issue.strip() or session.insight.strip()
        assert session.issue and session.insight and session.helpful_questions
        assert session.action_text and session.action_due
        assert entry.inquiry_id is not None and session.inquiry_id == entry.inquiry_id
        assert to_responses(session) == (entry.title, entry.responses)
        assert entry.title.startswith("Trio session with Dev and Siân, ")
        assert "\n\n" not in entry.body  # at most a line that fits no field
        assert entry.tags == normalize_tags(entry.tags) and "coaching" in entry.tags


@pytest.mark.parametrize(
    "now", [NOW, datetime(2026, 1, 1, 0, 5, tzinfo=timezone(timedelta(hours=-8)))]
)
def test_session_dates_are_the_local_day_each_was_written(now: datetime) -> None:
    for entry in trio_entries(build_demo_journal(now)):
        local_day = from_text(entry.created).astimezone(now.tzinfo).date()
        assert from_entry(entry).date == local_day.isoformat()


def test_sessions_come_in_date_order_every_four_to_six_weeks(journal: JournalContents) -> None:
    dates = [parse_day(s.date) for s in trio_sessions(journal)]
    gaps = [later - earlier for earlier, later in itertools.pairwise(dates)]
    assert all(timedelta(weeks=4) <= g <= timedelta(weeks=6) for g in gaps), gaps
    assert (NOW.date() - dates[-1]).days <= 21


def test_every_session_after_the_first_follows_up_the_last_action(
    journal: JournalContents,
) -> None:
    first, *rest = trio_sessions(journal)
    assert not first.followup
    assert all(s.followup.strip() for s in rest)
    assert any(s.feedback_as_coach.strip() for s in rest)


def test_each_session_commitment_is_one_linked_action_to_start(journal: JournalContents) -> None:
    for entry in trio_entries(journal):
        session = from_entry(entry)
        (action,) = actions_of(journal, entry)
        assert action.kind is ActionKind.START
        assert action.text == session.action_text
        assert action.due == session.action_due
        assert action.inquiry_id == entry.inquiry_id
        assert action.created == entry.created
        assert parse_day(session.action_due or "") > parse_day(session.date)


def test_only_the_latest_session_action_is_still_open(journal: JournalContents) -> None:
    *earlier, latest = trio_entries(journal)
    for entry in earlier:
        assert all(a.status is not ActionStatus.OPEN for a in actions_of(journal, entry))
    (action,) = actions_of(journal, latest)
    assert action.status is ActionStatus.OPEN
    assert action.entry_id == latest.id
    days_left = due_in_days(action.due)
    assert days_left is not None and 0 <= days_left <= 14


def test_no_commitment_is_kept_twice(journal: JournalContents) -> None:
    texts = [" ".join(a.text.casefold().split()) for a in journal.actions]
    assert len(texts) == len(set(texts))


def test_coaching_page_finds_the_last_session_and_its_action(app: App) -> None:
    now = app.clock()
    app.transfer.import_contents(build_demo_journal(now))
    last = app.coaching.last_session()
    assert last is not None and last.action is not None
    assert last.entry.framework_id == TRIO
    assert last.session == from_entry(last.entry)
    assert last.action.text == last.session.action_text
    assert last.action.due == last.session.action_due
    assert last.action.status is ActionStatus.OPEN
    assert last.action.entry_id == last.entry.id
    recorded = app.coaching.sessions()
    assert len(recorded) == 7 and recorded[0].entry.id == last.entry.id
    assert [r.session.date for r in recorded] == sorted(
        (r.session.date for r in recorded), reverse=True
    )
    # exactly what the Coaching page would have recorded from the same session
    assert all(app.coaching.checked(r.session) == r.session for r in recorded)
    assert app.coaching.member_names() == ["Dev", "Siân"]


def test_untitled_entries_derive_a_whole_title(journal: JournalContents) -> None:
    untitled = [e for e in journal.entries if not e.title]
    assert len(untitled) >= 5
    for entry in untitled:
        assert entry.display_title and not entry.display_title.endswith("…")
    assert all(len(e.display_title) <= TITLE_LIMIT for e in journal.entries)


def is_block_continuation(line: str) -> bool:
    return bool(re.match(r"(?:[-*+]|\d+\.|>)\s", line))


def test_paragraphs_are_stored_unwrapped(journal: JournalContents) -> None:
    for entry in journal.entries:
        for block in entry.searchable_body().split("\n\n"):
            first, *rest = block.split("\n")
            assert first == first.strip(), first
            assert all(is_block_continuation(line) for line in rest), block


def test_tags_are_normalized_and_present(journal: JournalContents) -> None:
    for entry in journal.entries:
        assert entry.tags and entry.tags == normalize_tags(entry.tags)
    tags = {t for e in journal.entries for t in e.tags}
    assert {"discharge", "relationships", "trio", "workshop", "stopping"} <= tags


@pytest.mark.parametrize("word", ["relationships", "relational", "measurement"])
def test_search_demo_words_appear(journal: JournalContents, word: str) -> None:
    assert any(word in e.searchable_body().lower() for e in journal.entries)


def test_text_holds_nothing_that_looks_like_a_patient_identifier(journal: JournalContents) -> None:
    nhs_number = re.compile(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b")
    birth_date = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|date of birth|\bDOB\b", re.I)
    for text in all_text(journal):
        assert not nhs_number.search(text), text
        assert not birth_date.search(text), text


# --- actions -------------------------------------------------------------------------------


def test_action_kinds_and_statuses_all_appear(journal: JournalContents) -> None:
    assert {a.kind for a in journal.actions} == set(ActionKind)
    assert {a.status for a in journal.actions} == set(ActionStatus)
    assert 20 <= len(journal.actions) <= 26


def test_actions_begin_before_the_programme(journal: JournalContents) -> None:
    oldest = max(days_before_now(a.created) for a in journal.actions)
    assert oldest >= 330
    done = [a for a in journal.actions if a.status is ActionStatus.DONE]
    assert max(days_before_now(a.updated) for a in done) >= 300


def test_stop_list_has_real_items(journal: JournalContents) -> None:
    stops = [a for a in journal.actions if a.kind is ActionKind.STOP]
    assert len(stops) >= 3
    assert any("spreadsheet" in a.text for a in stops)


def due_in_days(entry_due: str | None) -> int | None:
    return None if entry_due is None else (parse_day(entry_due) - NOW.date()).days


def test_open_actions_include_some_due_soon_and_one_overdue(journal: JournalContents) -> None:
    open_due = [due_in_days(a.due) for a in journal.actions if a.status is ActionStatus.OPEN]
    soon = [d for d in open_due if d is not None and 0 <= d <= 14]
    overdue = [d for d in open_due if d is not None and d < 0]
    assert len(soon) >= 3
    assert len(overdue) >= 1


def test_due_dates_are_plain_local_dates(journal: JournalContents) -> None:
    dues = [a.due for a in journal.actions if a.due is not None]
    assert dues
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in dues)


def test_closed_actions_were_closed_after_they_were_made(journal: JournalContents) -> None:
    for action in journal.actions:
        if action.status is not ActionStatus.OPEN:
            assert from_text(action.updated) > from_text(action.created), action.text


# --- assessments ---------------------------------------------------------------------------


@pytest.fixture
def catalog(tmp_path: Path) -> FrameworkCatalog:
    """The shipped frameworks, as the app loads them (the user's folder empty)."""
    return FrameworkCatalog(resource_path("frameworks"), tmp_path)


def assessments_on(journal: JournalContents, framework_id: str) -> list[Assessment]:
    found = [a for a in journal.assessments if a.framework_id == framework_id]
    return sorted(found, key=lambda a: from_text(a.created))


def domain_series(journal: JournalContents, framework: Framework) -> dict[str, list[int]]:
    series: dict[str, list[int]] = {d.id: [] for d in framework.domains}
    for assessment in assessments_on(journal, framework.id):
        for score in assessment.scores:
            series[score.domain_id].append(score.score)
    return series


def test_assessments_are_on_csif_and_the_five_principles(journal: JournalContents) -> None:
    frameworks = Counter(a.framework_id for a in journal.assessments)
    assert set(frameworks) == {"csif", "five-principles"}
    assert 11 <= frameworks["csif"] <= 13
    assert 3 <= frameworks["five-principles"] <= 4


def test_every_assessment_scores_every_domain_on_its_scale(
    journal: JournalContents, catalog: FrameworkCatalog
) -> None:
    for assessment in journal.assessments:
        framework = catalog.get(assessment.framework_id)
        assert framework.domains
        assert [s.domain_id for s in assessment.scores] == [d.id for d in framework.domains]
        assert checked_scores(framework, assessment.scores) == list(assessment.scores)
        assert all(framework.scale.contains(s.score) for s in assessment.scores)
        assert all(s.evidence.strip() and len(s.evidence) <= 100 for s in assessment.scores)
        assert assessment.note.strip()


def test_csif_is_rated_about_monthly_across_the_year(journal: JournalContents) -> None:
    dates = [from_text(a.created) for a in assessments_on(journal, "csif")]
    assert days_before_now(dates[0].isoformat()) >= 330
    assert days_before_now(dates[-1].isoformat()) <= 30
    gaps = [later - earlier for earlier, later in itertools.pairwise(dates)]
    assert all(timedelta(weeks=3) <= g <= timedelta(weeks=6) for g in gaps), gaps


def test_five_principles_are_rated_a_few_times_across_the_year(journal: JournalContents) -> None:
    dates = [from_text(a.created) for a in assessments_on(journal, "five-principles")]
    assert days_before_now(dates[0].isoformat()) >= 240
    assert days_before_now(dates[-1].isoformat()) <= 60
    gaps = [later - earlier for earlier, later in itertools.pairwise(dates)]
    assert all(g >= timedelta(weeks=8) for g in gaps), gaps


def test_csif_is_the_framework_insights_opens_on(journal: JournalContents) -> None:
    latest = {a.framework_id: from_text(a.created) for a in journal.assessments}
    assert max(latest, key=lambda f: latest[f]) == "csif"


def test_assessments_are_in_date_order(journal: JournalContents) -> None:
    created = [from_text(a.created) for a in journal.assessments]
    assert created == sorted(created)


def test_scores_move_plausibly(journal: JournalContents, catalog: FrameworkCatalog) -> None:
    for framework_id in ("csif", "five-principles"):
        series = domain_series(journal, catalog.get(framework_id)).values()
        assert sum(s[-1] > s[0] for s in series) >= 3, framework_id
        assert all(s[-1] < 5 for s in series), "nothing is embedded and lasting in a year"
    csif = domain_series(journal, catalog.get("csif")).values()
    assert all(abs(b - a) <= 1 for s in csif for a, b in itertools.pairwise(s))


def dips(series: list[int]) -> list[int]:
    """Where a score falls from the one before."""
    return [n for n in range(1, len(series)) if series[n] < series[n - 1]]


def test_one_csif_domain_dips_and_recovers(
    journal: JournalContents, catalog: FrameworkCatalog
) -> None:
    series = domain_series(journal, catalog.get("csif"))
    dipped = {domain: dips(s) for domain, s in series.items() if dips(s)}
    assert list(dipped) == ["operating-model"]
    (fall,) = dipped["operating-model"]
    scores = series["operating-model"]
    assert max(scores[fall + 1 :]) >= scores[fall - 1]  # recovered
    ages = [days_before_now(a.created) for a in assessments_on(journal, "csif")]
    assert 60 <= ages[fall] <= 90  # when the council's new system changed its figures
    assert not any(dips(s) for s in domain_series(journal, catalog.get("five-principles")).values())


def test_domains_do_not_all_move_together(
    journal: JournalContents, catalog: FrameworkCatalog
) -> None:
    series = domain_series(journal, catalog.get("csif"))
    steps = len(next(iter(series.values()))) - 1
    movers = [sum(s[n + 1] != s[n] for s in series.values()) for n in range(steps)]
    assert max(movers) < len(series)
    assert 0 in movers  # a month where nothing moved
    first_rises = {next(n for n in range(steps) if s[n + 1] > s[n]) for s in series.values()}
    assert len(first_rises) >= 4
    plateaus = [max(len(list(run)) for _, run in itertools.groupby(s)) for s in series.values()]
    assert max(plateaus) >= 6  # one domain holds still for half the year


def test_latest_assessment_differs_from_the_one_before_on_some_domains(
    journal: JournalContents,
) -> None:
    for framework_id in ("csif", "five-principles"):
        *_, previous, latest = assessments_on(journal, framework_id)
        before = {s.domain_id: s.score for s in previous.scores}
        moved = [s.domain_id for s in latest.scores if s.score != before[s.domain_id]]
        assert 1 <= len(moved) < len(latest.scores), framework_id


def test_assessments_follow_the_main_inquiry(journal: JournalContents) -> None:
    main = max(journal.inquiries, key=lambda i: len(i.wordings))
    assert {a.inquiry_id for a in journal.assessments} == {main.id}


def test_insights_show_a_year_of_the_demo(app: App) -> None:
    demo = build_demo_journal(app.clock().astimezone())
    app.transfer.import_contents(demo)
    insights = app.insights
    assert insights.frameworks_assessed() == ["csif", "five-principles"]
    assert insights.assessment_series("csif") == assessments_on(demo, "csif")
    activity = insights.activity_by_day()
    assert sum(activity.values()) == len(demo.entries)  # the whole year fits the heat map
    assert sum(n > 0 for n in activity.values()) >= 100
    months = insights.actions_by_month()
    assert sum(bool(m.started or m.stopped or m.done) for m in months) >= 10
