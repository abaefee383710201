"""A measure's story: what happened around its inquiry, dated, to draw on the chart's time axis.

Improvers read a run chart beside what they did: PDSA cycles, programme events, rewordings of
the question, actions started and stopped. This gathers them for one measure, in date order,
within the span of its points (the first to the last date), so the chart and the CLI need no
SQL and no window to know them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from reflect.core.action import ActionKind
from reflect.core.clock import local_date
from reflect.core.entry_filter import EntryFilter
from reflect.services.actions import ActionService
from reflect.services.entries import EntryService
from reflect.services.inquiries import InquiryService
from reflect.services.measures import MeasureService
from reflect.services.programme import ProgrammeService

PDSA_FRAMEWORK = "pdsa"  # resources/frameworks/pdsa.toml
MAX_ENTRIES = 2_000  # bounds the work for a journal with very many PDSA entries on one inquiry


class StoryKind(StrEnum):
    PDSA = "pdsa"  # an entry written with the PDSA framework, linked to the inquiry
    EVENT = "event"  # a programme event
    REWORDING = "rewording"  # the inquiry's question was reworded
    ACTION_STARTED = "action_started"  # an action to start something, linked to the inquiry
    ACTION_STOPPED = "action_stopped"  # an action to stop something, linked to the inquiry


@dataclass(frozen=True)
class StoryMarker:
    day: date
    kind: StoryKind
    text: str  # the entry's title, the event's title, the new wording, the action's text


def measure_story(
    measure_id: str,
    *,
    measures: MeasureService,
    inquiries: InquiryService,
    actions: ActionService,
    entries: EntryService,
    programme: ProgrammeService,
) -> list[StoryMarker]:
    """The dated markers of ``measure_id``'s story within the span of its points, oldest first
    (ties in the order of StoryKind, then text). Empty without points."""
    measure = measures.get(measure_id)
    days = [date.fromisoformat(p.day) for p in measures.points(measure.id)]
    if not days:
        return []
    first, last = min(days), max(days)
    found: list[StoryMarker] = []
    for plan in programme.all():
        found += [StoryMarker(e.day, StoryKind.EVENT, e.title) for e in plan.events]
    if measure.inquiry_id is not None:
        inquiry = inquiries.get(measure.inquiry_id)
        found += [  # the first wording is the question itself, not a rewording
            StoryMarker(local_date(w.created), StoryKind.REWORDING, w.question)
            for w in inquiry.wordings[1:]
        ]
        for action in actions.find(inquiry_id=inquiry.id):
            kind = {
                ActionKind.START: StoryKind.ACTION_STARTED,
                ActionKind.STOP: StoryKind.ACTION_STOPPED,
            }.get(action.kind)
            if kind is not None:
                found.append(StoryMarker(local_date(action.created), kind, action.text))
        pdsa = EntryFilter(inquiry_id=inquiry.id, framework_id=PDSA_FRAMEWORK)
        found += [
            StoryMarker(local_date(e.created), StoryKind.PDSA, e.display_title)
            for e in entries.page(pdsa, limit=MAX_ENTRIES)
        ]
    order = list(StoryKind)
    return sorted(
        (m for m in found if first <= m.day <= last),
        key=lambda m: (m.day, order.index(m.kind), m.text),
    )
