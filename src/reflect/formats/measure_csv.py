"""Reading a measure's points from a CSV file of ``date,value`` rows (docs/measures.md).

Streamed and bounded: a file over MAX_BYTES or MAX_ROWS is refused before it is stored. An
optional first row ``date,value`` is a header; an optional third column is the point's note.
Any row that cannot be read stops the import with the file and line named.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from reflect.core.measure import Point, read_day, read_value
from reflect.errors import BadInput
from reflect.files import require_exists
from reflect.messages import Msg

if TYPE_CHECKING:
    from _csv import Reader as _Reader

MAX_BYTES = 5_000_000
MAX_ROWS = 50_000  # more than a century of daily values
MAX_NOTE = 1_000


def read_points(path: Path, measure_id: str) -> Iterator[Point]:
    """Points in file order; BadInput naming the line for the first row that is wrong."""
    require_exists(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise BadInput(Msg.MEASURE_CSV_TOO_LARGE, path=path, limit_mb=MAX_BYTES // 1_000_000)
        with path.open(encoding="utf-8-sig", newline="") as stream:
            rows = csv.reader(stream)
            try:
                yield from _rows(rows, path, measure_id)
            except csv.Error as exc:  # a quote left open, a field beyond csv's size limit
                raise _bad(path, rows.line_num, str(exc)) from exc
    except UnicodeDecodeError as exc:
        raise BadInput(Msg.FILE_NOT_UTF8, path=path, offset=exc.start) from exc
    except OSError as exc:
        raise BadInput(Msg.FILE_NOT_READABLE, path=path, reason=exc.strerror or exc) from exc


def _rows(rows: _Reader, path: Path, measure_id: str) -> Iterator[Point]:
    seen: dict[str, int] = {}
    for row in rows:
        line = rows.line_num
        if line > MAX_ROWS:
            raise BadInput(Msg.MEASURE_CSV_TOO_MANY_ROWS, path=path, limit=MAX_ROWS)
        if not row or all(not cell.strip() for cell in row):
            continue
        if not seen and line == 1 and [c.strip().lower() for c in row[:2]] == ["date", "value"]:
            continue
        if len(row) < 2 or len(row) > 3:
            raise _bad(path, line, "write each row as date,value (and, if you like, a note)")
        day, value = read_day(row[0]), read_value(row[1])
        if day is None:
            raise _bad(path, line, f'"{row[0].strip()}" is not a date written YYYY-MM-DD')
        if value is None:
            raise _bad(path, line, f'"{row[1].strip()}" is not a number')
        if day in seen:
            raise _bad(path, line, f"{day} is already on line {seen[day]}")
        note = row[2].strip() if len(row) == 3 else ""
        if len(note) > MAX_NOTE:
            raise _bad(path, line, f"the note is longer than {MAX_NOTE} characters")
        seen[day] = line
        yield Point(measure_id, day, value, note)


def _bad(path: Path, line: int, reason: str) -> BadInput:
    return BadInput(Msg.MEASURE_CSV_BAD_LINE, path=path, line=line, reason=reason)
