"""Measure use cases: define what an inquiry counts, record values, read the chart's signals.

One point a day: recording a value on a day that has one replaces it (the newer reading is the
one meant). A CSV import is read whole before anything is stored, and stored in one
transaction, so a bad row changes nothing; a day written twice in the same file is refused.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from reflect.core.clock import Clock, to_text
from reflect.core.ids import new_id
from reflect.core.measure import Better, Measure, Point, read_day, read_value
from reflect.core.run_chart import RunChart, analyse_run_chart
from reflect.core.spc import XmR, analyse_xmr
from reflect.errors import BadInput, NotFound
from reflect.formats.measure_csv import MAX_NOTE, read_points
from reflect.messages import Msg
from reflect.services import typed_input
from reflect.services.changes import ChangeFeed, Topic
from reflect.services.inquiries import InquiryService
from reflect.services.typed_input import parse_choice
from reflect.storage.measures import MeasureRepository


@dataclass(frozen=True)
class MeasureView:
    """A measure with its points, in date order, and what the rules find in them."""

    measure: Measure
    points: tuple[Point, ...]
    run_chart: RunChart
    xmr: XmR | None  # None below the XmR chart's minimum number of points


def measure_view(measure: Measure, points: Iterable[Point]) -> MeasureView:
    """``measure`` over ``points`` (all of its own, or those of a period), with what the
    run-chart and XmR rules find in them."""
    held = tuple(points)
    values = [p.value for p in held]
    return MeasureView(
        measure,
        held,
        analyse_run_chart(values, measure.better),
        analyse_xmr(values, measure.better, measure.goal),
    )


class MeasureService:
    def __init__(
        self,
        repo: MeasureRepository,
        inquiries: InquiryService,
        changes: ChangeFeed,
        clock: Clock,
    ) -> None:
        self._repo = repo
        self._inquiries = inquiries
        self._changes = changes
        self._clock = clock

    def add(
        self,
        inquiry_id: str,
        name: str,
        unit: str,
        better: Better | str,
        *,
        definition: str = "",
        baseline: float | str | None = None,
        goal: float | str | None = None,
    ) -> Measure:
        described = _described(name, unit, better, definition, baseline, goal)
        now = to_text(self._clock())
        measure = Measure(
            id=new_id(),
            created=now,
            updated=now,
            inquiry_id=self._inquiries.resolve(inquiry_id),
            **described,
        )
        self._repo.save(measure)
        self._changes.publish(Topic.MEASURES, measure.id)
        return measure

    def get(self, typed_id: str) -> Measure:
        found = self._repo.get(
            typed_input.resolve(typed_id, self._repo.ids_starting, Msg.MEASURE_NOT_FOUND)
        )
        if found is None:
            raise NotFound(Msg.MEASURE_NOT_FOUND, id=typed_id)
        return found

    def find(self, inquiry_id: str | None = None) -> list[Measure]:
        return self._repo.find(self._inquiries.resolve(inquiry_id) if inquiry_id else None)

    def points(self, measure_id: str) -> list[Point]:
        return self._repo.points(measure_id)

    def view(self, typed_id: str) -> MeasureView:
        measure = self.get(typed_id)
        return measure_view(measure, self._repo.points(measure.id))

    def record(
        self, typed_id: str, value: float | str, day: str | None = None, note: str = ""
    ) -> Point:
        """Record ``value`` on ``day`` (today when None), replacing any value on that day."""
        measure = self.get(typed_id)
        point = Point(measure.id, self._day(day), _value(value), _note(note))
        self._store(measure, [point])
        return point

    def put_points(self, typed_id: str, points: Iterable[tuple[str, float | str, str]]) -> int:
        """Store (day, value, note) rows in one go (pasted from a table); all or nothing. A day
        given twice is refused, as in a CSV file: which of the two was meant?"""
        measure = self.get(typed_id)
        checked: dict[str, Point] = {}
        for day, value, note in points:
            point = Point(measure.id, self._day(day), _value(value), _note(note))
            if point.day in checked:
                raise BadInput(Msg.MEASURE_DATE_TWICE, day=point.day)
            checked[point.day] = point
        return self._store(measure, list(checked.values()))

    def import_csv(self, typed_id: str, path: Path) -> int:
        """Add or replace points from a ``date,value`` CSV file; all or nothing."""
        measure = self.get(typed_id)
        points = list(read_points(path, measure.id))  # bounded by MAX_ROWS and MAX_BYTES
        if not points:
            raise BadInput(Msg.MEASURE_CSV_EMPTY, path=path)
        return self._store(measure, points)

    def _store(self, measure: Measure, points: list[Point]) -> int:
        count = self._repo.put_points(measure.id, points, to_text(self._clock()))
        self._changes.publish(Topic.MEASURES, measure.id)
        return count

    def _day(self, day: str | None) -> str:
        if day is None or not day.strip():
            return self._clock().astimezone().date().isoformat()
        found = read_day(day)
        if found is None:
            raise BadInput(Msg.BAD_DATE, value=day)
        return found

    def set_goal(self, typed_id: str, goal: float | str | None) -> Measure:
        measure = replace(
            self.get(typed_id), goal=_optional_value(goal), updated=to_text(self._clock())
        )
        self._repo.save(measure)
        self._changes.publish(Topic.MEASURES, measure.id)
        return measure

    def edit(
        self,
        typed_id: str,
        *,
        name: str,
        unit: str,
        better: Better | str,
        definition: str = "",
        baseline: float | str | None = None,
        goal: float | str | None = None,
    ) -> Measure:
        """Change what a measure is called and means; its points stay as they are."""
        found = self.get(typed_id)
        described = _described(name, unit, better, definition, baseline, goal)
        measure = replace(found, updated=to_text(self._clock()), **described)
        self._repo.save(measure)
        self._changes.publish(Topic.MEASURES, measure.id)
        return measure

    def delete(self, typed_id: str) -> int:
        """Delete a measure for good with its points; return how many points went with it."""
        measure = self.get(typed_id)
        count = len(self._repo.points(measure.id))
        self._repo.delete(measure.id)
        self._changes.publish(Topic.MEASURES, measure.id)
        return count

    def remove_point(self, typed_id: str, day: str) -> None:
        """Delete the value recorded on ``day`` (YYYY-MM-DD)."""
        measure = self.get(typed_id)
        found = read_day(day)
        if found is None:
            raise BadInput(Msg.BAD_DATE, value=day)
        if not self._repo.remove_point(measure.id, found, to_text(self._clock())):
            raise NotFound(Msg.MEASURE_NO_POINT, name=measure.name, day=found)
        self._changes.publish(Topic.MEASURES, measure.id)


def _value(value: float | str) -> float:
    found = read_value(str(value))
    if found is None:
        raise BadInput(Msg.BAD_VALUE, value=value)
    return found


def _described(
    name: str,
    unit: str,
    better: Better | str,
    definition: str,
    baseline: float | str | None,
    goal: float | str | None,
) -> dict[str, Any]:
    """What a person says a measure is, checked and tidied, as a new one's or an edit's."""
    name = " ".join(name.split())
    if not name:
        raise BadInput(Msg.EMPTY_MEASURE_NAME)
    return {
        "name": name,
        "unit": " ".join(unit.split()),
        "better": parse_choice(Better, better, Msg.BAD_BETTER),
        "definition": definition.strip(),
        "baseline": _optional_value(baseline),
        "goal": _optional_value(goal),
    }


def _optional_value(value: float | str | None) -> float | None:
    return None if value is None or str(value).strip() == "" else _value(value)


def _note(note: str) -> str:
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise BadInput(Msg.NOTE_TOO_LONG, limit=MAX_NOTE)
    return note
