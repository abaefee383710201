"""Learning log entries from the command line: written with their prompts, found by search."""

from __future__ import annotations

from pathlib import Path

from cli_harness import Reflect, assert_one_error

from reflect.cli.framework_commands import UNVERIFIED_NOTE
from reflect.messages import Msg
from reflect.resources import resource_path

pytest_plugins = ("cli_fixtures",)

LEARNING = """\
## What did we learn?
Ward staff trusted the huddle list once it was on paper.

## What happened that nobody expected?
Pharmacy started coming unasked.

## What did the change block or make worse?
The evening handover ran late every day.
"""


def test_a_learning_entry_takes_the_learning_log_prompts_and_is_found(reflect: Reflect) -> None:
    inquiry = reflect.add_inquiry("How do we own delays together?")
    wanted = reflect.write(LEARNING, "--kind", "learning", "--inquiry", inquiry)
    reflect.write("Pharmacy rang about the evening handover.", "--kind", "note")

    (entry,) = [e for e in reflect.snapshot()["entries"] if e["id"] == wanted]
    assert entry["kind"] == "learning"
    assert entry["framework_id"] == "learning-log"
    assert entry["inquiry_id"] == inquiry
    assert {r["prompt_id"]: r["text"] for r in entry["responses"]} == {
        "learned": "Ward staff trusted the huddle list once it was on paper.",
        "unexpected": "Pharmacy started coming unasked.",
        "made-worse": "The evening handover ran late every day.",
    }
    both = [h["id"] for h in reflect.json("search", "handover")]
    assert wanted in both and len(both) == 2
    hits = reflect.json("search", "handover", "--kind", "learning")
    assert [h["id"] for h in hits] == [wanted]
    assert hits[0]["kind"] == "learning"


def test_another_framework_can_still_be_chosen_for_a_learning_entry(reflect: Reflect) -> None:
    wanted = reflect.write(
        "# Looking back\nIt went well.",
        "--kind",
        "learning",
        "--framework",
        "what-so-what-now-what",
    )
    (entry,) = [e for e in reflect.snapshot()["entries"] if e["id"] == wanted]
    assert (entry["kind"], entry["framework_id"]) == ("learning", "what-so-what-now-what")


def test_the_shipped_learning_and_growth_frameworks_validate(reflect: Reflect) -> None:
    for name in ("learning-log", "leader-growth"):
        result = reflect.ok("frameworks", "check", str(resource_path("frameworks", f"{name}.toml")))
        assert result.out.startswith("ok: ")
    listed = {f["id"]: f for f in reflect.json("frameworks", "list")}
    assert listed["learning-log"]["kind"] == "learning"
    assert listed["learning-log"]["verified"] is False
    assert listed["leader-growth"]["verified"] is False
    shown = reflect.ok("frameworks", "show", "leader-growth").out
    for label in (
        "Confidence with improvement methods",
        "Influence without authority",
        "Connections across the system",
        "Feeling less isolated",
    ):
        assert label in shown
    assert UNVERIFIED_NOTE in shown
    assert "Not checked: The file is not taken from any published framework" in shown


def test_a_learning_entry_names_its_pdsa_cycle_and_keeps_it_through_export(
    reflect: Reflect, tmp_path: Path
) -> None:
    cycle = reflect.write("## Plan\nA joint huddle.", "--framework", "pdsa")
    learned = reflect.write(LEARNING, "--kind", "learning", "--pdsa", cycle[:8])

    snapshot = reflect.snapshot()
    assert snapshot["learning_links"] == [{"entry_id": learned, "pdsa_entry_id": cycle}]
    out = tmp_path / "journal.json"
    reflect.ok("export", "json", "--out", str(out))
    fresh = tmp_path / "fresh"
    reflect.ok("import", "json", str(out), data_dir=fresh)
    assert reflect.snapshot(data_dir=fresh) == snapshot


def test_a_pdsa_link_that_cannot_be_made_writes_nothing(reflect: Reflect) -> None:
    cycle = reflect.write("## Plan\nA joint huddle.", "--framework", "pdsa")

    assert_one_error(
        reflect("write", "Not learning.", "--pdsa", cycle),
        Msg.NOT_A_LEARNING_ENTRY,
        id="the new entry",
    )
    assert_one_error(
        reflect("write", LEARNING, "--kind", "learning", "--pdsa", "feedbeef"),
        Msg.ENTRY_NOT_FOUND,
        id="feedbeef",
    )
    assert [e["id"] for e in reflect.snapshot()["entries"]] == [cycle]
