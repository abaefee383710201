"""``reflect measure``: add, record, import, list, show; and measures through export, import,
backup and restore."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from cli_harness import SAMPLES, Reflect, assert_one_error

from reflect.messages import Msg

pytest_plugins = ("cli_fixtures",)

# Thirty weekly counts of delayed discharges: fifteen around 13, then fifteen around 7.
BEFORE = [12, 14, 11, 13, 15, 12, 14, 13, 11, 12, 14, 13, 12, 15, 11]
AFTER = [8, 7, 9, 6, 8, 7, 9, 8, 7, 6, 8, 7, 9, 8, 7]
START = date(2026, 1, 5)


def weeks(count: int) -> list[str]:
    return [(START + timedelta(weeks=n)).isoformat() for n in range(count)]


def measure_with_shift(reflect: Reflect, tmp_path: Path) -> str:
    inquiry = reflect.add_inquiry("Does a morning huddle cut delayed discharges?")
    measure = reflect.ok(
        "measure", "add", inquiry, "Delayed discharges", "--unit", "patients", "--better", "lower"
    ).out.strip()
    rows = [f"{day},{value}" for day, value in zip(weeks(30), BEFORE + AFTER, strict=True)]
    path = tmp_path / "discharges.csv"
    path.write_text("date,value\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert reflect.ok("measure", "import", measure[:8], str(path)).out == "Recorded 30 values.\n"
    return measure


def test_show_json_names_the_shift_and_its_points(reflect: Reflect, tmp_path: Path) -> None:
    measure = measure_with_shift(reflect, tmp_path)

    shown = reflect.json("measure", "show", measure[:8])

    assert shown["median"] == 10.0 and len(shown["points"]) == 30
    shifts = [s for s in shown["signals"] if s["rule"] == "shift"]
    assert [[p["date"] for p in s["points"]] for s in shifts] == [weeks(30)[:15], weeks(30)[15:]]
    assert [s["direction"] for s in shifts] == ["concern", "improvement"]
    assert shifts[1]["sentence"] == (
        f"Shift: 15 points in a row below the median, {weeks(30)[15]} to {weeks(30)[29]} "
        "(6 or more is a signal). This is an improvement."
    )
    rules = {s["rule"] for s in shown["signals"]}
    assert {"long_run", "few_crossings", "spc_run"} <= rules
    assert shown["xmr"]["variation"] == "improvement_low"


def test_show_text_reads_as_sentences(reflect: Reflect, tmp_path: Path) -> None:
    measure = measure_with_shift(reflect, tmp_path)

    out = reflect.ok("measure", "show", measure).out

    assert out.startswith(f"Delayed discharges (patients), lower is better  [{measure[:8]}]\n")
    assert "Median: 10\n" in out
    assert "Special cause improvement: the latest point is low.\n" in out


def test_too_few_points_say_so(reflect: Reflect) -> None:
    inquiry = reflect.add_inquiry("Q?")
    measure = reflect.ok(
        "measure", "add", inquiry, "Falls", "--unit", "falls", "--better", "lower"
    ).out.strip()
    for day, value in zip(weeks(3), ["2", "3.5", "1"], strict=True):
        reflect.ok("measure", "record", measure, value, "--date", day, "--note", "ward 3")

    shown = reflect.json("measure", "show", measure)

    assert shown["signals"] == [] and shown["xmr"] is None and shown["median"] == 2.0
    assert shown["run_chart"]["note"] == (
        "Too few points to judge: the run-chart rules need 10 points off the median "
        "and there are 2."
    )
    assert shown["points"][1] == {"date": weeks(3)[1], "value": 3.5, "note": "ward 3"}


def test_list_shows_short_ids_names_and_counts(reflect: Reflect, tmp_path: Path) -> None:
    measure = measure_with_shift(reflect, tmp_path)
    other = reflect.add_inquiry("Another question?")

    out = reflect.ok("measure", "list").out

    assert out == f"{measure[:8]}  lower   Delayed discharges (patients)  30 points\n"
    assert reflect.json("measure", "list", "--inquiry", other) == []
    [listed] = reflect.json("measure", "list")
    assert (listed["id"], listed["points"], listed["better"]) == (measure, 30, "lower")


def test_bad_input_gets_one_message_and_changes_nothing(reflect: Reflect, tmp_path: Path) -> None:
    inquiry = reflect.add_inquiry("Q?")
    measure = reflect.ok(
        "measure", "add", inquiry, "Falls", "--unit", "falls", "--better", "lower"
    ).out.strip()
    bad = tmp_path / "bad.csv"
    bad.write_text("2026-01-01,1\n2026-01-02,lots\n", encoding="utf-8")
    before = reflect.snapshot()

    assert_one_error(
        reflect("measure", "import", measure, str(bad)),
        Msg.MEASURE_CSV_BAD_LINE,
        path=bad,
        line=2,
        reason='"lots" is not a number',
    )
    assert_one_error(reflect("measure", "record", measure, "many"), Msg.BAD_VALUE, value="many")
    assert_one_error(reflect("measure", "show", "abcd1234"), Msg.MEASURE_NOT_FOUND, id="abcd1234")
    assert reflect.snapshot() == before


def test_measures_survive_export_and_import(reflect: Reflect, tmp_path: Path) -> None:
    measure = measure_with_shift(reflect, tmp_path)
    shown = reflect.json("measure", "show", measure)
    out = tmp_path / "journal.json"
    reflect.ok("export", "json", "--out", str(out))
    fresh = tmp_path / "fresh"

    reflect.ok("import", "json", str(out), data_dir=fresh)

    assert json.loads(out.read_text(encoding="utf-8"))["version"] == 2
    assert reflect.json("measure", "show", measure, data_dir=fresh) == shown
    # Importing the same file again adds nothing.
    reflect.ok("import", "json", str(out), data_dir=fresh)
    assert len(reflect.json("measure", "list", data_dir=fresh)) == 1


def test_measures_survive_backup_and_restore(reflect: Reflect, tmp_path: Path) -> None:
    measure = measure_with_shift(reflect, tmp_path)
    shown = reflect.json("measure", "show", measure)
    backup = reflect.ok("backup").out.strip()
    reflect.ok("measure", "record", measure, "40", "--date", "2026-12-01")

    reflect.ok("restore", backup)

    assert reflect.json("measure", "show", measure) == shown


def test_an_export_from_before_measures_still_imports(reflect: Reflect) -> None:
    old = SAMPLES / "reflect-json" / "version-1.json"

    reflect.ok("import", "json", str(old))

    [inquiry] = reflect.json("inquiry", "list")
    assert inquiry["question"] == "How do we shorten waits for beds?"
    assert [e["title"] for e in reflect.entries()] == ["First huddle"]
    assert reflect.json("measure", "list") == []
