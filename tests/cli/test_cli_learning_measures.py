"""``reflect write --kind learning --measure ID``: a learning log entry names the measure it
learned from, beside its PDSA cycle; the link survives export and import, backup and restore,
and goes when the measure does."""

from __future__ import annotations

import json
from pathlib import Path

from cli_harness import Reflect, assert_one_error

from reflect.messages import Msg

pytest_plugins = ("cli_fixtures",)

LEARNING = "## What did we learn?\nThe huddle list works once it is on paper.\n"


def a_measure(reflect: Reflect) -> tuple[str, str]:
    inquiry = reflect.add_inquiry("Does a morning huddle cut delayed discharges?")
    measure = reflect.ok(
        "measure", "add", inquiry, "Delayed discharges", "--unit", "patients", "--better", "lower"
    ).out.strip()
    return inquiry, measure


def test_a_learning_entry_names_its_measure_and_cycle_and_keeps_them_through_export(
    reflect: Reflect, tmp_path: Path
) -> None:
    inquiry, measure = a_measure(reflect)
    cycle = reflect.write("## Plan\nA joint huddle.", "--framework", "pdsa")
    learned = reflect.write(
        LEARNING, "--kind", "learning", "--inquiry", inquiry, "--pdsa", cycle[:8],
        "--measure", measure[:8],
    )  # fmt: skip

    snapshot = reflect.snapshot()
    assert snapshot["learning_links"] == [{"entry_id": learned, "pdsa_entry_id": cycle}]
    assert snapshot["learning_measures"] == [{"entry_id": learned, "measure_id": measure}]
    out = tmp_path / "journal.json"
    reflect.ok("export", "json", "--out", str(out))
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == 2  # no new version
    fresh = tmp_path / "fresh"
    reflect.ok("import", "json", str(out), data_dir=fresh)
    assert reflect.snapshot(data_dir=fresh) == snapshot
    reflect.ok("import", "json", str(out), data_dir=fresh)  # again: nothing doubles
    assert reflect.snapshot(data_dir=fresh) == snapshot


def test_an_export_without_measure_links_still_imports(reflect: Reflect, tmp_path: Path) -> None:
    _, measure = a_measure(reflect)
    learned = reflect.write(LEARNING, "--kind", "learning", "--measure", measure)
    out = tmp_path / "journal.json"
    reflect.ok("export", "json", "--out", str(out))
    document = json.loads(out.read_text(encoding="utf-8"))
    del document["learning_measures"]  # as written before measure links existed
    out.write_text(json.dumps(document), encoding="utf-8")

    fresh = tmp_path / "fresh"
    reflect.ok("import", "json", str(out), data_dir=fresh)

    imported = reflect.snapshot(data_dir=fresh)
    assert imported["learning_measures"] == []
    assert [e["id"] for e in imported["entries"]] == [learned]
    assert [m["id"] for m in imported["measures"]] == [measure]


def test_the_link_survives_backup_and_restore_and_goes_with_its_measure(
    reflect: Reflect,
) -> None:
    _, measure = a_measure(reflect)
    learned = reflect.write(LEARNING, "--kind", "learning", "--measure", measure)
    backup = reflect.ok("backup").out.strip()
    reflect.ok("measure", "delete", measure, "--yes")
    assert reflect.snapshot()["learning_measures"] == []
    assert [e["id"] for e in reflect.snapshot()["entries"]] == [learned]

    reflect.ok("restore", backup)

    assert reflect.snapshot()["learning_measures"] == [{"entry_id": learned, "measure_id": measure}]


def test_a_measure_link_that_cannot_be_made_writes_nothing(reflect: Reflect) -> None:
    _, measure = a_measure(reflect)

    assert_one_error(
        reflect("write", "Not learning.", "--measure", measure),
        Msg.NOT_A_LEARNING_ENTRY_FOR_MEASURE,
        id="the new entry",
    )
    assert_one_error(
        reflect("write", LEARNING, "--kind", "learning", "--measure", "feedbeef"),
        Msg.MEASURE_NOT_FOUND,
        id="feedbeef",
    )
    assert reflect.snapshot()["entries"] == []
