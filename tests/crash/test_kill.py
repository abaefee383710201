"""Crash safety: processes SIGKILLed at random moments lose nothing they acknowledged.

A bounded run belongs to every test run; ``python3 tests/crash/kill.py`` runs hundreds of
rounds (see docs/reliability.md). The harness lives in ``kill_harness.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from kill_harness import EditorRound, Ledger, run_editor_kills, run_writer_kills

pytestmark = [
    pytest.mark.crash,
    pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL and select() on pipes"),
]

SEED = 7  # fixed here so a failure can be repeated; kill.py picks a new one each run
QUICK_WRITER_ROUNDS = 20
QUICK_EDITOR_ROUNDS = 2


def test_killed_writers_leave_a_sound_journal_with_every_acknowledged_change(
    tmp_path: Path,
) -> None:
    ledger = run_writer_kills(tmp_path / "journal", QUICK_WRITER_ROUNDS, SEED, lambda line: None)

    assert ledger.acknowledged > 0  # some kills landed after changes, not all while opening


def test_a_killed_editor_keeps_all_but_the_last_seconds_of_typing(tmp_path: Path) -> None:
    rounds = run_editor_kills(tmp_path, QUICK_EDITOR_ROUNDS, SEED, lambda line: None)

    assert all(r.typed for r in rounds)


# The checks themselves -----------------------------------------------------------------------


def test_the_ledger_counts_only_what_was_acknowledged() -> None:
    ledger = Ledger()
    where = ledger.record(
        [
            {"event": "begin", "op": "write", "body": "a"},
            {"event": "done", "op": "write", "id": "e1", "body": "a"},
            {"event": "begin", "op": "edit", "id": "e1", "body": "b"},
        ]
    )

    assert where == "edit in flight"
    assert ledger.entries == {"e1": {"a", "b"}}
    assert (ledger.acknowledged, ledger.unacknowledged) == (1, {"b"})


def test_losing_an_acknowledged_entry_is_caught(tmp_path: Path) -> None:
    from kill_harness import check_writer_journal

    from reflect.app import open_app
    from reflect.paths import resolve_paths

    open_app(resolve_paths(tmp_path)).close()
    ledger = Ledger(entries={"0000-gone": {"digest"}})

    with pytest.raises(AssertionError, match="acknowledged entry 0000-gone lost"):
        check_writer_journal(tmp_path, ledger)


@pytest.mark.parametrize(
    ("kept", "problem"),
    [
        ("one two ", "lost text typed 5.00s before the kill"),
        ("one ", "lost text typed 9.00s before the kill"),
        ("one tree ", "the draft is not what was typed"),
    ],
)
def test_losing_more_than_the_last_seconds_of_typing_is_caught(kept: str, problem: str) -> None:
    from kill_harness import check_editor_round

    typed = [(1.0, "one "), (2.0, "two "), (6.0, "three ")]
    result = EditorRound(typed=typed, saved_lengths=[4], killed_at=11.0, kept=kept)

    with pytest.raises(AssertionError, match=problem):
        check_editor_round(result, loss_limit_s=3.0)


def test_an_edit_in_flight_to_an_entry_never_acknowledged_promises_nothing(
    tmp_path: Path,
) -> None:
    # One writer was killed after its write had committed but before it said "done"; the
    # next picked that entry and was killed while editing it, before the edit committed.
    from kill_harness import check_writer_journal, digest

    from reflect.app import open_app
    from reflect.paths import resolve_paths

    app = open_app(resolve_paths(tmp_path))
    entry = app.entries.write("day 0 change 0 written")
    app.close()
    ledger = Ledger()
    ledger.record([{"event": "begin", "op": "write", "body": digest(entry.body)}])
    ledger.record([{"event": "begin", "op": "edit", "id": entry.id, "body": "edit"}])

    check_writer_journal(tmp_path, ledger)


def test_an_acknowledged_edit_to_an_entry_whose_write_was_not_is_held_to(
    tmp_path: Path,
) -> None:
    from kill_harness import check_writer_journal, digest

    from reflect.app import open_app
    from reflect.paths import resolve_paths

    app = open_app(resolve_paths(tmp_path))
    entry = app.entries.write("written")
    app.close()
    ledger = Ledger()
    ledger.record([{"event": "begin", "op": "write", "body": digest("written")}], day=0)
    ledger.record(
        [
            {"event": "begin", "op": "edit", "change": 4, "id": entry.id, "body": "edited"},
            {"event": "done", "op": "edit", "change": 4, "id": entry.id, "body": "edited"},
            {"event": "begin", "op": "edit", "change": 5, "id": entry.id, "body": "again"},
        ],
        day=1,
    )

    with pytest.raises(AssertionError) as failure:
        check_writer_journal(tmp_path, ledger)

    # The message says what was found, what was expected, and where each text came from.
    assert str(failure.value).splitlines()[1] == (
        f"acknowledged entry {entry.id} lost or wrong: "
        f"found {digest('written')} (round 0 change ?: write in flight), "
        "expected again (round 1 change 5: edit in flight) "
        "or edited (round 1 change 4: edit acknowledged); "
        "its changes: round 1 change 4: edit acknowledged (edited); "
        "round 1 change 5: edit in flight (again)"
    )


QUICK_CONVERSION_ROUNDS = 12


def test_conversion_killed_at_random_moments_both_ways_loses_nothing(tmp_path: Path) -> None:
    from conversion_kills import run_conversion_kills

    where = run_conversion_kills(tmp_path / "journal", QUICK_CONVERSION_ROUNDS, SEED, print)

    assert any(w != "finished" for w in where)  # some kills landed mid-conversion
