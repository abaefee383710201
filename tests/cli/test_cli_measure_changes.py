"""``reflect measure edit``, ``delete`` and ``remove-point``: change or remove a measure and
its values from the command line, refusing what names nothing."""

from __future__ import annotations

from cli_harness import Reflect, assert_one_error

from reflect.messages import Msg

pytest_plugins = ("cli_fixtures",)


def discharges(reflect: Reflect) -> str:
    inquiry = reflect.add_inquiry("Does a morning huddle cut delayed discharges?")
    measure = reflect.ok(
        "measure", "add", inquiry, "Delayed discharges", "--unit", "patients", "--better",
        "lower", "--baseline", "14", "--goal", "8",
    ).out.strip()  # fmt: skip
    for day, value in (("2026-01-05", "13"), ("2026-01-12", "12"), ("2026-01-19", "9")):
        reflect.ok("measure", "record", measure, value, "--date", day)
    return measure


def test_add_keeps_baseline_and_goal_and_edit_changes_only_what_is_given(
    reflect: Reflect,
) -> None:
    measure = discharges(reflect)
    assert reflect.json("measure", "show", measure)["baseline"] == 14.0

    reflect.ok("measure", "edit", measure[:8], "--name", "Delayed discharges by noon",
               "--goal", "6", "--baseline", "")  # fmt: skip

    shown = reflect.json("measure", "show", measure)
    assert (shown["name"], shown["unit"], shown["better"]) == (
        "Delayed discharges by noon",
        "patients",
        "lower",
    )
    assert (shown["baseline"], shown["goal"], len(shown["points"])) == (None, 6.0, 3)


def test_edit_refuses_a_goal_that_is_not_a_number_and_changes_nothing(reflect: Reflect) -> None:
    measure = discharges(reflect)
    assert_one_error(
        reflect("measure", "edit", measure, "--name", "Other", "--goal", "eight"),
        Msg.BAD_VALUE,
        value="eight",
    )
    shown = reflect.json("measure", "show", measure)
    assert (shown["name"], shown["goal"]) == ("Delayed discharges", 8.0)


def test_remove_point_deletes_one_value_and_says_when_there_is_none(reflect: Reflect) -> None:
    measure = discharges(reflect)

    assert reflect.ok("measure", "remove-point", measure[:8], "2026-01-12").out == (
        "Removed the value on 2026-01-12.\n"
    )
    shown = reflect.json("measure", "show", measure)
    assert [p["date"] for p in shown["points"]] == ["2026-01-05", "2026-01-19"]
    assert_one_error(
        reflect("measure", "remove-point", measure, "2026-01-12"),
        Msg.MEASURE_NO_POINT,
        name="Delayed discharges",
        day="2026-01-12",
    )
    assert_one_error(
        reflect("measure", "remove-point", measure, "12/01/2026"), Msg.BAD_DATE, value="12/01/2026"
    )
    assert len(reflect.json("measure", "show", measure)["points"]) == 2


def test_delete_asks_first_says_how_many_values_go_and_yes_skips_the_question(
    reflect: Reflect,
) -> None:
    measure = discharges(reflect)

    kept = reflect("measure", "delete", measure, stdin="n\n")
    assert kept.code == 1
    assert "Delete Delayed discharges and its 3 values for good?" in kept.out
    assert len(reflect.json("measure", "list")) == 1

    asked = reflect.ok("measure", "delete", measure[:8], stdin="y\n")
    assert asked.out.endswith("Deleted Delayed discharges and 3 values.\n")
    assert reflect.json("measure", "list") == []
    assert reflect.snapshot()["measures"] == []

    other = discharges(reflect)
    assert reflect.ok("measure", "delete", other, "--yes").out == (
        "Deleted Delayed discharges and 3 values.\n"
    )
    assert_one_error(reflect("measure", "delete", other, "--yes"), Msg.MEASURE_NOT_FOUND, id=other)
