"""``reflect inquiry add/list/reword/status``: every wording kept and dated, short ids, errors."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from cli_harness import Reflect, assert_one_error

from reflect.messages import Msg

pytest_plugins = ("cli_fixtures",)

FIRST = "How might we own discharge delays together?"
SECOND = "What would shared ownership of delays look like?"
THIRD = "What would it take for three organisations to own delays together?"


def test_round_trip_keeps_every_wording_in_order_with_status_and_note(reflect: Reflect) -> None:
    inquiry_id = reflect.add_inquiry(FIRST)
    other_id = reflect.add_inquiry("How do we stop meetings that decide nothing?")

    reworded = reflect.ok("inquiry", "reword", inquiry_id, SECOND)
    assert reworded.out == "Reworded (2 wordings kept).\n"
    reflect.ok("inquiry", "reword", inquiry_id, THIRD)
    status = reflect.ok(
        "inquiry", "status", inquiry_id, "stopped", "--note", "The dashboard was the wrong goal."
    )
    assert status.out == f"{THIRD}: stopped\n"

    listed = reflect.json("inquiry", "list")
    assert [i["id"] for i in listed] == [inquiry_id, other_id]  # oldest first
    mine = listed[0]
    assert mine["question"] == THIRD
    assert [w["question"] for w in mine["wordings"]] == [FIRST, SECOND, THIRD]
    dates = [datetime.fromisoformat(w["created"]) for w in mine["wordings"]]
    assert all(d.utcoffset() is not None for d in dates)
    assert dates == sorted(dates) and len(set(dates)) == 3
    assert mine["created"] == mine["wordings"][0]["created"]
    assert mine["status"] == "stopped"
    assert mine["status_note"] == "The dashboard was the wrong goal."
    assert listed[1]["status"] == "active"
    assert [w["question"] for w in listed[1]["wordings"]] == [
        "How do we stop meetings that decide nothing?"
    ]


def test_plain_list_shows_short_id_status_and_current_question(reflect: Reflect) -> None:
    inquiry_id = reflect.add_inquiry(FIRST)
    reflect.ok("inquiry", "reword", inquiry_id, SECOND)
    reflect.ok("inquiry", "status", inquiry_id, "paused")

    lines = reflect.ok("inquiry", "list").out.splitlines()

    assert len(lines) == 1
    assert lines[0].split() == [inquiry_id[:8], "paused", *SECOND.split()]


def test_rewording_to_the_same_question_keeps_one_wording(reflect: Reflect) -> None:
    inquiry_id = reflect.add_inquiry(FIRST)

    assert reflect.ok("inquiry", "reword", inquiry_id, f"  {FIRST} ").out == (
        "Reworded (1 wording kept).\n"
    )
    assert len(reflect.json("inquiry", "list")[0]["wordings"]) == 1


def test_an_id_prefix_of_four_or_more_characters_works(reflect: Reflect) -> None:
    inquiry_id = reflect.add_inquiry(FIRST)

    reflect.ok("inquiry", "reword", inquiry_id[:4], SECOND)
    reflect.ok("inquiry", "status", inquiry_id[:6].upper(), "concluded", "--note", "Done.")

    (inquiry,) = reflect.json("inquiry", "list")
    assert inquiry["question"] == SECOND
    assert (inquiry["status"], inquiry["status_note"]) == ("concluded", "Done.")


def test_a_prefix_shorter_than_four_characters_names_nothing(reflect: Reflect) -> None:
    inquiry_id = reflect.add_inquiry(FIRST)

    result = reflect("inquiry", "reword", inquiry_id[:3], SECOND)

    assert_one_error(result, Msg.INQUIRY_NOT_FOUND, id=inquiry_id[:3])
    assert reflect.json("inquiry", "list")[0]["question"] == FIRST


def test_an_ambiguous_prefix_asks_for_more(reflect: Reflect, tmp_path: Path) -> None:
    stamp = "2026-01-05T09:00:00.000000+00:00"
    document = {
        "format": "reflect-journal",
        "version": 1,
        "inquiries": [
            {
                "id": f"abcd{n}111-1111-4111-8111-111111111111",
                "wordings": [{"question": f"Question {n}?", "created": stamp}],
                "created": stamp,
            }
            for n in (1, 2)
        ],
    }
    source = tmp_path / "two.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    reflect.ok("import", "json", str(source))

    result = reflect("inquiry", "status", "abcd", "paused")

    assert_one_error(result, Msg.AMBIGUOUS_ID, id="abcd")
    assert [i["status"] for i in reflect.json("inquiry", "list")] == ["active", "active"]
    reflect.ok("inquiry", "status", "abcd2", "paused")
    assert [i["status"] for i in reflect.json("inquiry", "list")] == ["active", "paused"]


def test_an_unknown_id_gives_one_line_and_exit_code_1(reflect: Reflect) -> None:
    reflect.add_inquiry(FIRST)
    before = reflect.json("inquiry", "list")

    for args in (
        ("inquiry", "reword", "ffffffff", SECOND),
        ("inquiry", "status", "ffffffff", "paused"),
    ):
        result = reflect(*args)
        assert_one_error(result, Msg.INQUIRY_NOT_FOUND, id="ffffffff")
        assert result.out == ""

    assert reflect.json("inquiry", "list") == before


def test_an_invalid_status_is_rejected_and_nothing_changes(reflect: Reflect) -> None:
    inquiry_id = reflect.add_inquiry(FIRST)

    result = reflect("inquiry", "status", inquiry_id, "abandoned")

    assert result.code != 0
    assert "Traceback" not in result.err
    errors = [line for line in result.err_lines if line.startswith("Error:")]
    assert len(errors) == 1
    assert "abandoned" in errors[0]
    for choice in ("active", "paused", "concluded", "stopped"):
        assert choice in errors[0]
    assert reflect.json("inquiry", "list")[0]["status"] == "active"


def test_an_empty_question_is_rejected(reflect: Reflect) -> None:
    assert_one_error(reflect("inquiry", "add", "   "), Msg.EMPTY_QUESTION)
    inquiry_id = reflect.add_inquiry(FIRST)
    assert_one_error(reflect("inquiry", "reword", inquiry_id, ""), Msg.EMPTY_QUESTION)

    (inquiry,) = reflect.json("inquiry", "list")
    assert [w["question"] for w in inquiry["wordings"]] == [FIRST]
