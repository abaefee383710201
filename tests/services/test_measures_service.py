"""Measures through the service: adding, recording, CSV import (bounded, all or nothing)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflect.app import App
from reflect.core.measure import Better, Point
from reflect.core.signal import Rule
from reflect.errors import BadInput, NotFound
from reflect.formats import measure_csv
from reflect.messages import Msg
from reflect.services.changes import Change, Topic


def new_measure(app: App, better: str = "lower") -> str:
    inquiry = app.inquiries.add("Do huddles shorten waits?")
    return app.measures.add(inquiry.id, "Waits", "days", better).id


def csv_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "values.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_add_names_the_inquiry_by_a_short_id_and_announces_the_change(app: App) -> None:
    inquiry = app.inquiries.add("Do huddles shorten waits?")
    heard: list[Change] = []
    app.changes.subscribe(heard.append)

    measure = app.measures.add(
        inquiry.id[:8], "  Waits  for beds ", "days", "LOWER", definition=" Days from A ", goal="3"
    )

    assert (measure.name, measure.better, measure.goal) == ("Waits for beds", Better.LOWER, 3.0)
    assert (measure.inquiry_id, measure.definition) == (inquiry.id, "Days from A")
    assert heard == [Change(Topic.MEASURES, (measure.id,))]
    assert app.measures.find(inquiry.id[:8]) == [measure]


@pytest.mark.parametrize(
    ("name", "better", "msg"),
    [("", "lower", Msg.EMPTY_MEASURE_NAME), ("Waits", "sideways", Msg.BAD_BETTER)],
)
def test_add_refuses_what_it_cannot_use(app: App, name: str, better: str, msg: Msg) -> None:
    inquiry = app.inquiries.add("Q?")
    with pytest.raises(BadInput) as caught:
        app.measures.add(inquiry.id, name, "days", better)
    assert caught.value.msg is msg
    assert app.measures.find() == []


def test_add_to_an_unknown_inquiry_is_refused(app: App) -> None:
    with pytest.raises(NotFound) as caught:
        app.measures.add("feedface", "Waits", "days", "lower")
    assert caught.value.msg is Msg.INQUIRY_NOT_FOUND


def test_record_defaults_to_today_and_replaces_the_value_on_that_day(app: App) -> None:
    measure_id = new_measure(app)
    today = app.clock().astimezone().date().isoformat()

    app.measures.record(measure_id, "4")
    app.measures.record(measure_id, "3.5", note="after the huddle")

    assert app.measures.points(measure_id) == [Point(measure_id, today, 3.5, "after the huddle")]


@pytest.mark.parametrize(
    ("value", "day", "msg"),
    [
        ("lots", None, Msg.BAD_VALUE),
        ("1e3", None, Msg.BAD_VALUE),
        ("nan", None, Msg.BAD_VALUE),
        ("2", "2026-02-30", Msg.BAD_DATE),
        ("2", "1/2/2026", Msg.BAD_DATE),
    ],
)
def test_record_refuses_bad_values_and_dates(
    app: App, value: str, day: str | None, msg: Msg
) -> None:
    measure_id = new_measure(app)
    with pytest.raises(BadInput) as caught:
        app.measures.record(measure_id, value, day)
    assert caught.value.msg is msg
    assert app.measures.points(measure_id) == []


def test_csv_import_reads_a_header_decimals_and_notes(app: App, tmp_path: Path) -> None:
    measure_id = new_measure(app)
    path = csv_file(tmp_path, "date,value\n2026-01-02,3.5,snow\n\n2026-01-01,-2\n")

    assert app.measures.import_csv(measure_id, path) == 2

    assert app.measures.points(measure_id) == [
        Point(measure_id, "2026-01-01", -2.0, ""),
        Point(measure_id, "2026-01-02", 3.5, "snow"),
    ]


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("2026-01-01,1\n2026-01-02,two\n", 2, '"two" is not a number'),
        ("2026-01-01,1\n02/01/2026,2\n", 2, '"02/01/2026" is not a date written YYYY-MM-DD'),
        ("2026-01-01,1\n2026-01-01,2\n", 2, "2026-01-01 is already on line 1"),
        ("2026-01-01\n", 1, "write each row as date,value (and, if you like, a note)"),
    ],
)
def test_a_bad_row_names_the_file_and_line_and_changes_nothing(
    app: App, tmp_path: Path, text: str, line: int, reason: str
) -> None:
    measure_id = new_measure(app)
    app.measures.record(measure_id, "9", "2026-01-01")
    path = csv_file(tmp_path, text)

    with pytest.raises(BadInput) as caught:
        app.measures.import_csv(measure_id, path)

    assert caught.value.msg is Msg.MEASURE_CSV_BAD_LINE
    assert caught.value.text == f"{path}, line {line}: {reason}. Nothing was recorded."
    assert app.measures.points(measure_id) == [Point(measure_id, "2026-01-01", 9.0, "")]


def test_csv_import_is_bounded(app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    measure_id = new_measure(app)
    monkeypatch.setattr(measure_csv, "MAX_ROWS", 3)
    rows = csv_file(tmp_path, "".join(f"2026-01-0{d},{d}\n" for d in range(1, 6)))
    with pytest.raises(BadInput) as caught:
        app.measures.import_csv(measure_id, rows)
    assert caught.value.msg is Msg.MEASURE_CSV_TOO_MANY_ROWS

    monkeypatch.setattr(measure_csv, "MAX_BYTES", 10)
    with pytest.raises(BadInput) as caught:
        app.measures.import_csv(measure_id, rows)
    assert caught.value.msg is Msg.MEASURE_CSV_TOO_LARGE
    assert app.measures.points(measure_id) == []


@pytest.mark.parametrize(
    ("data", "msg"),
    [(b"date,value\n", Msg.MEASURE_CSV_EMPTY), (b"2026-01-01,\xff\n", Msg.FILE_NOT_UTF8)],
)
def test_empty_or_undecodable_files_are_refused(
    app: App, tmp_path: Path, data: bytes, msg: Msg
) -> None:
    measure_id = new_measure(app)
    path = tmp_path / "values.csv"
    path.write_bytes(data)
    with pytest.raises(BadInput) as caught:
        app.measures.import_csv(measure_id, path)
    assert caught.value.msg is msg


def test_missing_file_is_refused(app: App, tmp_path: Path) -> None:
    with pytest.raises(BadInput) as caught:
        app.measures.import_csv(new_measure(app), tmp_path / "nope.csv")
    assert caught.value.msg is Msg.FILE_NOT_FOUND


def test_put_points_stores_pasted_rows_all_or_nothing(app: App) -> None:
    measure_id = new_measure(app)
    with pytest.raises(BadInput):
        app.measures.put_points(measure_id, [("2026-01-01", "1", ""), ("2026-01-02", "x", "")])
    assert app.measures.points(measure_id) == []

    with pytest.raises(BadInput) as caught:
        app.measures.put_points(measure_id, [("2026-01-01", "1", ""), ("2026-01-01", "2", "")])
    assert caught.value.msg is Msg.MEASURE_DATE_TWICE
    assert app.measures.points(measure_id) == []

    assert app.measures.put_points(measure_id, [("2026-01-01", "1", ""), ("2026-01-02", 2, "")])
    assert [p.value for p in app.measures.points(measure_id)] == [1.0, 2.0]


def test_view_finds_the_shift(app: App) -> None:
    measure_id = new_measure(app)
    rows = [(f"2026-01-{d:02}", 10 + d % 3, "") for d in range(1, 11)]
    rows += [(f"2026-02-{d:02}", 5 + d % 3, "") for d in range(1, 11)]
    app.measures.put_points(measure_id, rows)

    view = app.measures.view(measure_id[:8])

    shifts = [s for s in view.run_chart.signals if s.rule == Rule.SHIFT]
    assert [view.points[s.indexes[0]].day for s in shifts] == ["2026-01-01", "2026-02-01"]
    assert view.xmr is not None


def test_a_goal_set_later_gives_the_assurance(app: App) -> None:
    measure_id = new_measure(app, better="higher")
    app.measures.put_points(measure_id, [(f"2026-01-{d:02}", 10 + d % 2, "") for d in range(1, 21)])
    assert app.measures.view(measure_id).xmr.assurance is None  # type: ignore[union-attr]

    app.measures.set_goal(measure_id, "5")

    view = app.measures.view(measure_id)
    assert view.measure.goal == 5.0
    assert view.xmr is not None and view.xmr.assurance is not None
    assert view.xmr.assurance.value == "consistently_pass"
