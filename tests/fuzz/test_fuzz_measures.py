"""Fuzzing a measure's inputs: a CSV file of values, and measures inside Reflect JSON.

Any input is read cleanly or refused with a ReflectError carrying a message; a refused CSV
import leaves the measure's points exactly as they were.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz_support import damaged, fuzz_settings, json_bytes, mutated
from reflect.app import App
from reflect.errors import ReflectError
from reflect.formats.journal_json import read_journal_json

# One journal and folder serve every example: each checks its own before and after.
FUZZ = settings(
    fuzz_settings(quick=60),
    suppress_health_check=[
        *fuzz_settings(quick=60).suppress_health_check,
        HealthCheck.function_scoped_fixture,
    ],
)
GOOD_CSV = b"date,value\n2026-01-05,12\n2026-01-12,3.5,snow\n\n2026-01-19,-1\n"
T1 = "2026-01-05T09:00:00.000000+00:00"
MEASURES_JSON: dict[str, Any] = {
    "format": "reflect-journal",
    "version": 2,
    "measures": [
        {
            "id": "cccccccc-0000-4000-8000-000000000001",
            "name": "Waits",
            "unit": "days",
            "better": "lower",
            "definition": "",
            "baseline": 4.5,
            "goal": None,
            "created": T1,
            "updated": T1,
            "inquiry_id": None,
            "points": [
                {"date": "2026-01-05", "value": 3, "note": ""},
                {"date": "2026-01-12", "value": 2.5, "note": "snow"},
            ],
        }
    ],
}


@pytest.fixture
def measure(app: App) -> str:
    inquiry = app.inquiries.add("Do huddles shorten waits?")
    measure_id = app.measures.add(inquiry.id, "Waits", "days", "lower").id
    app.measures.record(measure_id, "7", "2026-01-05")
    return measure_id


@FUZZ
@given(data=st.binary() | damaged(GOOD_CSV) | damaged(GOOD_CSV * 20, most=6))
def test_measure_csv(app: App, measure: str, tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "values.csv"
    path.write_bytes(data)
    before = app.measures.points(measure)
    try:
        app.measures.import_csv(measure, path)
    except ReflectError as exc:
        assert exc.text
        assert app.measures.points(measure) == before
    else:
        assert app.measures.view(measure).run_chart is not None


@FUZZ
@given(data=json_bytes(mutated(MEASURES_JSON)) | damaged(json.dumps(MEASURES_JSON).encode()))
def test_measures_in_reflect_json(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "journal.json"
    path.write_bytes(data)
    try:
        contents = read_journal_json(path)
    except ReflectError as exc:
        assert exc.text
    else:
        assert {p.measure_id for p in contents.points} <= {m.id for m in contents.measures}
