"""``reflect frameworks ...``, ``reflect write --framework`` and ``reflect assess`` end to end."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from cli_harness import Reflect, assert_one_error

from reflect.cli.framework_commands import UNVERIFIED_NOTE
from reflect.messages import Msg
from reflect.resources import resource_path

pytest_plugins = ("cli_fixtures",)

GIBBS = resource_path("frameworks", "gibbs.toml")
CSIF_DOMAINS = "vision, operating-model, capability, redesign, cqi, innovation"

GUIDED = """\
# After workshop 3
Written on the train home.

## Description
The discharge huddle ran long again.

## Feelings
Frustrated, then oddly hopeful.

## Notes to self
Ring the ward manager.

### action plan
Ask Age Well to join the huddle on Tuesdays.
"""


def entry_in_export(reflect: Reflect, entry_id: str) -> dict[str, Any]:
    (entry,) = [e for e in reflect.snapshot()["entries"] if e["id"] == entry_id]
    return entry


# frameworks list / show / check ----------------------------------------------------------------


def test_list_json_describes_each_framework(reflect: Reflect) -> None:
    listed = reflect.json("frameworks", "list")

    by_id = {item["id"]: item for item in listed}
    assert {"csif", "gibbs", "grow", "pdsa", "five-principles"} <= by_id.keys()
    assert set(by_id["csif"]) == {
        "id", "name", "version", "kind", "origin", "verified", "prompts", "has_domains"
    }  # fmt: skip
    assert by_id["csif"]["has_domains"] is True and by_id["csif"]["verified"] is False
    assert by_id["gibbs"] == {
        "id": "gibbs",
        "name": "Gibbs' reflective cycle",
        "version": "1.0",
        "kind": "reflection",
        "origin": "shipped",
        "verified": True,
        "prompts": 6,
        "has_domains": False,
    }
    assert by_id["grow"]["kind"] == "coaching"
    assert [i["name"].casefold() for i in listed] == sorted(i["name"].casefold() for i in listed)


def test_list_names_a_broken_user_file_on_stderr(reflect: Reflect) -> None:
    broken = reflect.data_dir / "frameworks" / "mine.toml"
    broken.parent.mkdir(parents=True)
    broken.write_text("this is not toml", encoding="utf-8")

    result = reflect.ok("frameworks", "list")

    assert "gibbs" in result.out
    assert result.err.startswith(f"Skipped: {broken} is not a valid framework file: line 1")


def test_show_marks_unverified_wording(reflect: Reflect) -> None:
    shown = reflect.ok("frameworks", "show", "csif").out

    assert UNVERIFIED_NOTE in shown
    assert "Not checked: The three domain names" in shown
    assert "https://q.health.org.uk/resources/improving-across-health-and-care-systems" in shown
    assert "Collective vision and leadership" in shown and "[operating-model]" in shown
    assert "Domains to rate, from 1 to 5" in shown and "Embedded and lasting" in shown


def test_show_a_verified_framework_with_its_prompts_and_help(reflect: Reflect) -> None:
    shown = reflect.ok("frameworks", "show", "gibbs").out

    assert UNVERIFIED_NOTE not in shown
    assert "Source: Learning by Doing" in shown and "1988" in shown
    assert "Action plan  [action-plan]" in shown
    assert "what will you do?" in " ".join(shown.split())


def test_show_an_unknown_framework(reflect: Reflect) -> None:
    assert_one_error(reflect("frameworks", "show", "nope"), Msg.FRAMEWORK_NOT_FOUND, id="nope")


def test_check_a_good_file(reflect: Reflect, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(GIBBS.read_text("utf-8").replace('id = "gibbs"', 'id = "mine"'), "utf-8")

    result = reflect.ok("frameworks", "check", str(mine))

    assert result.out == "ok: Gibbs' reflective cycle (6 prompts)\n"


def test_check_refuses_a_source_without_a_year(reflect: Reflect, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    text = GIBBS.read_text("utf-8").replace('id = "gibbs"', 'id = "mine"')
    mine.write_text(text.replace("year = 1988\n", ""), "utf-8")

    result = reflect("frameworks", "check", str(mine))

    assert_one_error(result)
    assert result.err == (
        f"Error: {mine} is not a valid framework file: source.year is missing: say the year "
        "the source was published, such as year = 2024.\n"
    )


def test_check_accepts_an_old_file_without_a_year_and_says_what_to_add(
    reflect: Reflect, tmp_path: Path
) -> None:
    lines = GIBBS.read_text("utf-8").replace('id = "gibbs"', 'id = "mine"')
    lines = lines.replace("format_version = 2", "format_version = 1")
    kept = [line for line in lines.split("\n") if not line.startswith(("year", "checked"))]
    mine = tmp_path / "mine.toml"
    mine.write_text("\n".join(kept), "utf-8")

    result = reflect.ok("frameworks", "check", str(mine))

    assert result.out == (
        "ok: Gibbs' reflective cycle (6 prompts)\n"
        "note: format_version 1 without source.year; add the year the source was published "
        "and make it format_version = 2.\n"
    )


def test_check_a_bad_file_names_the_file_and_field(reflect: Reflect, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(GIBBS.read_text("utf-8").replace('label = "Feelings"', "label = 3"), "utf-8")

    result = reflect("frameworks", "check", str(bad))

    assert_one_error(result)
    assert result.err == (
        f"Error: {bad} is not a valid framework file: "
        "sections[0].prompts[1].label must be text in quotes.\n"
    )


def test_import_copy_and_delete(reflect: Reflect, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(GIBBS.read_text("utf-8").replace('id = "gibbs"', 'id = "mine"'), "utf-8")

    assert reflect.ok("frameworks", "import", str(mine)).out.startswith("Imported ")
    assert reflect.ok("frameworks", "copy", "mine", "--name", "Mine again").out == "mine-copy\n"
    origins = {i["id"]: i["origin"] for i in reflect.json("frameworks", "list")}
    assert (origins["mine"], origins["mine-copy"]) == ("user", "user")
    reflect.ok("frameworks", "delete", "mine-copy")
    assert "mine-copy" not in {i["id"] for i in reflect.json("frameworks", "list")}
    assert_one_error(
        reflect("frameworks", "delete", "gibbs"),
        Msg.FRAMEWORK_READ_ONLY,
        name="Gibbs' reflective cycle",
    )


# write --framework ---------------------------------------------------------------------------


def test_write_with_a_framework_stores_a_response_per_prompt(reflect: Reflect) -> None:
    new_id = reflect.ok("write", "--framework", "gibbs", stdin=GUIDED).out.strip()

    (listed,) = reflect.entries()
    assert (listed["id"], listed["framework_id"], listed["title"]) == (
        new_id,
        "gibbs",
        "After workshop 3",
    )
    assert listed["body"] == (
        "Written on the train home.\n\n## Notes to self\nRing the ward manager."
    )
    assert entry_in_export(reflect, new_id)["responses"] == [
        {"prompt_id": "description", "text": "The discharge huddle ran long again."},
        {"prompt_id": "feelings", "text": "Frustrated, then oddly hopeful."},
        {"prompt_id": "action-plan", "text": "Ask Age Well to join the huddle on Tuesdays."},
    ]


def test_responses_are_searchable(reflect: Reflect) -> None:
    new_id = reflect.ok("write", "--framework", "gibbs", stdin=GUIDED).out.strip()
    reflect.write("An unguided entry about hope.")

    hits = reflect.json("search", "hopeful", "--framework", "gibbs")

    assert [h["id"] for h in hits] == [new_id]
    assert [h["id"] for h in reflect.json("search", "tuesdays")] == [new_id]


def test_write_takes_the_frameworks_kind_unless_told(reflect: Reflect) -> None:
    reflect.write("## Goal\nLess waiting.\n## Will\nCall Dev.", "--framework", "grow")
    reflect.write("## Goal\nMore joined up.", "--framework", "grow", "--kind", "note")

    assert [e["kind"] for e in reflect.entries()] == ["note", "coaching"]


def test_write_with_an_unknown_framework_writes_nothing(reflect: Reflect) -> None:
    result = reflect("write", "--framework", "nope", "Some text")

    assert_one_error(result, Msg.FRAMEWORK_NOT_FOUND, id="nope")
    assert reflect.entries() == []


# assess --------------------------------------------------------------------------------------


def test_assess_records_scores_with_evidence_and_inquiry(reflect: Reflect) -> None:
    inquiry_id = reflect.add_inquiry("How might we own discharge delays together?")

    result = reflect.ok(
        "assess",
        "csif",
        "vision=3",
        "cqi=2",
        "--evidence",
        "vision=The huddle has a shared purpose",
        "--inquiry",
        inquiry_id[:6],
        "--note",
        "After workshop 3",
    )

    assert str(uuid.UUID(result.out.strip())) == result.out.strip()
    (assessment,) = reflect.snapshot()["assessments"]
    assert assessment["id"] == result.out.strip()
    assert (assessment["framework_id"], assessment["inquiry_id"]) == ("csif", inquiry_id)
    assert assessment["note"] == "After workshop 3"
    assert assessment["scores"] == [
        {"domain_id": "vision", "score": 3, "evidence": "The huddle has a shared purpose"},
        {"domain_id": "cqi", "score": 2, "evidence": ""},
    ]


@pytest.mark.parametrize(
    ("args", "msg", "params"),
    [
        (["vision=6"], Msg.BAD_SCORE, {"value": 6, "low": 1, "high": 5}),
        (["vision=0"], Msg.BAD_SCORE, {"value": 0, "low": 1, "high": 5}),
        (
            ["vison=3"],
            Msg.UNKNOWN_DOMAIN,
            {
                "name": "Cross-System Improvement Framework",
                "value": "vison",
                "choices": CSIF_DOMAINS,
            },
        ),
        (["vision=high"], Msg.BAD_RATING, {"value": "vision=high"}),
        (["vision=3", "vision=4"], Msg.DOMAIN_RATED_TWICE, {"value": "vision"}),
        (["vision=3", "--evidence", "cqi=Busy"], Msg.EVIDENCE_WITHOUT_SCORE, {"value": "cqi"}),
        (["vision=3", "--evidence", "no equals"], Msg.BAD_EVIDENCE, {"value": "no equals"}),
    ],
)
def test_assess_refuses_bad_ratings_with_one_line(
    reflect: Reflect, args: list[str], msg: Msg, params: dict[str, Any]
) -> None:
    assert_one_error(reflect("assess", "csif", *args), msg, **params)
    assert reflect.snapshot()["assessments"] == []


def test_assess_a_framework_without_domains(reflect: Reflect) -> None:
    result = reflect("assess", "gibbs", "feelings=3")
    assert_one_error(result, Msg.FRAMEWORK_HAS_NO_DOMAINS, name="Gibbs' reflective cycle")
