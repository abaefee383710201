"""Measures in Reflect JSON: written in version 2, read back exactly; bad ones refused."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reflect.core.contents import JournalContents
from reflect.core.measure import Better, Measure, Point
from reflect.errors import BadInput
from reflect.formats.journal_json import FORMAT, VERSION, dumps, read_journal_json
from reflect.messages import Msg

NOW = "2026-03-01T09:00:00+00:00"
MEASURE = Measure(
    "m1", "Waits", "days", Better.LOWER, NOW, NOW, None, "From A to B", baseline=6.5, goal=3
)
POINTS = (Point("m1", "2026-01-01", 4.0, "snow"), Point("m1", "2026-01-08", -0.25))


def write(tmp_path: Path, document: Any) -> Path:
    path = tmp_path / "j.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_measures_and_points_read_back_the_same(tmp_path: Path) -> None:
    contents = JournalContents(measures=(MEASURE,), points=POINTS)
    path = tmp_path / "j.json"
    path.write_text(dumps(contents, NOW), encoding="utf-8")

    assert VERSION == 2
    assert read_journal_json(path) == contents
    written = json.loads(path.read_text(encoding="utf-8"))["measures"][0]
    assert written["points"][0] == {"date": "2026-01-01", "value": 4.0, "note": "snow"}


def measure_doc(**changes: Any) -> dict[str, Any]:
    measure = {"id": "m1", "name": "Waits", "better": "lower", "created": NOW, "points": []}
    return {"format": FORMAT, "version": 2, "measures": [{**measure, **changes}]}


@pytest.mark.parametrize(
    "changes",
    [
        {"better": "sideways"},
        {"goal": "3"},
        {"goal": 1e300},
        {"points": [{"date": "2026-02-30", "value": 1}]},
        {"points": [{"date": "2026-01-01", "value": True}]},
        {"points": [{"date": "2026-01-01"}]},
        {"points": [{"date": "2026-01-01", "value": 1}, {"date": "2026-01-01", "value": 2}]},
    ],
)
def test_a_bad_measure_is_refused(tmp_path: Path, changes: dict[str, Any]) -> None:
    with pytest.raises(BadInput) as caught:
        read_journal_json(write(tmp_path, measure_doc(**changes)))
    assert caught.value.msg is Msg.FILE_MALFORMED


def test_a_version_1_file_has_no_measures(tmp_path: Path) -> None:
    document = {"format": FORMAT, "version": 1, "inquiries": [], "entries": []}
    assert read_journal_json(write(tmp_path, document)) == JournalContents()
