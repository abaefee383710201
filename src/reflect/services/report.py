"""A report-back on one inquiry over a period, gathered as a plain document model.

Shared by ``reflect report`` and the inquiry page's Report… dialog. Everything is resolved
here before any file is touched: an unknown inquiry or quoted entry, or a quoted passage that
is not in its entry, raises a ``ReflectError`` and nothing is written. The writers
(``services/report_writers.py`` for Markdown and HTML, ``ui/printing/report_pdf.py`` for PDF)
only lay out what this module gathered.

A measure's chart is a slot: ``MeasureReport.chart`` holds PNG bytes when the caller passes a
``chart_renderer`` (``ui/printing/report_chart.py`` draws the inquiry page's chart), and the
writers print a table of the last points in its place when it is None (and in Markdown).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, timedelta

from reflect.core.action import Action, ActionKind, ActionStatus
from reflect.core.assessment import Assessment
from reflect.core.clock import local_date, local_day_start
from reflect.core.entry import Entry, without_marks
from reflect.core.entry_filter import EntryFilter
from reflect.core.inquiry import Inquiry, InquiryStatus
from reflect.core.measure import Point
from reflect.errors import BadInput, NotFound
from reflect.messages import Msg
from reflect.services.actions import ActionService
from reflect.services.assessments import AssessmentService
from reflect.services.entries import EntryService
from reflect.services.frameworks import FrameworkCatalog
from reflect.services.inquiries import InquiryService
from reflect.services.measure_words import run_chart_note, signal_sentence, xmr_sentences
from reflect.services.measures import MeasureService, MeasureView, measure_view

TABLE_POINTS = 12  # the last points printed where a chart would go: enough to see a run
MAX_QUOTE = 2000  # characters of one quote: a report quotes passages, not whole entries
_PAGE = 500  # entries read from the journal at a time

ChartRenderer = Callable[[MeasureView], bytes | None]  # a measure's chart as PNG bytes


@dataclass(frozen=True)
class QuoteRequest:
    """A passage the user picked: ``entry_id``'s first paragraph, or exactly ``passage``."""

    entry_id: str
    passage: str | None = None


@dataclass(frozen=True)
class ReportRequest:
    inquiry_id: str
    since: date | None = None
    until: date | None = None  # both local days, inclusive
    quotes: tuple[QuoteRequest, ...] = ()


@dataclass(frozen=True)
class WordingLine:
    day: date | None
    question: str


@dataclass(frozen=True)
class MeasureReport:
    """One measure over the period: its points, what the rules say, and a chart slot."""

    name: str
    unit: str
    better: str
    definition: str
    goal: float | None
    points: tuple[Point, ...]  # in the period, in date order
    median: float | None
    mean: float | None
    sentences: tuple[str, ...]  # the measures service's own words for the signals
    chart: bytes | None = None  # PNG from the chart renderer; None prints the table instead

    @property
    def latest(self) -> Point | None:
        return self.points[-1] if self.points else None

    @property
    def table(self) -> tuple[Point, ...]:
        """The last points, shown where the chart would be."""
        return self.points[-TABLE_POINTS:]


@dataclass(frozen=True)
class ActionLine:
    text: str
    status: str
    day: date  # when it last changed
    reason: str = ""  # for a stopped action: the words of the entry it came from


@dataclass(frozen=True)
class DomainChange:
    label: str
    first: int | None
    last: int | None

    @property
    def change(self) -> int | None:
        return None if self.first is None or self.last is None else self.last - self.first


@dataclass(frozen=True)
class AssessmentChange:
    """The first and last self-assessment on one framework in the period, domain by domain."""

    framework: str
    first_day: date
    last_day: date
    count: int
    domains: tuple[DomainChange, ...]
    linked: bool = True  # False: none was linked to the inquiry, so these are all of them


@dataclass(frozen=True)
class Quote:
    entry_title: str  # "" when the quote itself starts with the words that name the entry
    day: date
    text: str


@dataclass(frozen=True)
class Report:
    question: str
    status: str
    status_note: str
    why: str
    since: date | None
    until: date | None
    wordings: tuple[WordingLine, ...]
    measures: tuple[MeasureReport, ...] = ()
    stopped: tuple[ActionLine, ...] = ()
    done: tuple[ActionLine, ...] = ()
    assessments: tuple[AssessmentChange, ...] = ()
    quotes: tuple[Quote, ...] = field(default=())

    @property
    def stopped_inquiry(self) -> bool:
        return self.status == InquiryStatus.STOPPED.value


class ReportService:
    def __init__(
        self,
        inquiries: InquiryService,
        entries: EntryService,
        actions: ActionService,
        measures: MeasureService,
        assessments: AssessmentService,
        frameworks: FrameworkCatalog,
    ) -> None:
        self._inquiries = inquiries
        self._entries = entries
        self._actions = actions
        self._measures = measures
        self._assessments = assessments
        self._frameworks = frameworks

    def report(self, request: ReportRequest, chart_renderer: ChartRenderer | None = None) -> Report:
        """The report for ``request``; NotFound for an unknown inquiry or quoted entry,
        BadInput for a passage not in its entry or a period that ends before it starts."""
        if request.since and request.until and request.until < request.since:
            raise BadInput(Msg.REPORT_BAD_PERIOD)
        inquiry = self._inquiries.get(request.inquiry_id)
        quotes = tuple(self._quote(q) for q in request.quotes)  # refused before any work
        in_period = _Period(request.since, request.until)
        entries = {e.id: e for e in self._linked_entries(inquiry.id)}
        actions = [
            a
            for a in self._actions.find()
            if (a.inquiry_id == inquiry.id or a.entry_id in entries) and in_period.holds(a)
        ]
        for action in actions:  # a stop decided in an entry not itself linked to the inquiry
            if action.entry_id and action.entry_id not in entries and _is_stopped(action):
                with suppress(NotFound):  # an entry gone: the stop stands, without its why
                    entries[action.entry_id] = self._entries.get(action.entry_id)
        return Report(
            question=inquiry.question,
            status=inquiry.status.value,
            status_note=inquiry.status_note,
            why=inquiry.why,
            since=request.since,
            until=request.until,
            wordings=_wordings(inquiry, request.until),
            measures=tuple(self._measure_reports(inquiry, in_period, chart_renderer)),
            stopped=tuple(_line(a, entries) for a in actions if _is_stopped(a)),
            done=tuple(_line(a, entries) for a in actions if _is_done(a)),
            assessments=tuple(self._assessment_changes(inquiry, in_period)),
            quotes=quotes,
        )

    def entries(self, inquiry_id: str) -> list[Entry]:
        """The inquiry's entries, in the order written: what the dialog offers to quote."""
        return sorted(self._linked_entries(self._inquiries.resolve(inquiry_id)), key=_created)

    def _linked_entries(self, inquiry_id: str) -> Iterable[Entry]:
        filt = EntryFilter(inquiry_id=inquiry_id)
        offset = 0
        while True:
            page = self._entries.page(filt, _PAGE, offset)
            yield from page
            if len(page) < _PAGE:
                return
            offset += _PAGE

    def _quote(self, request: QuoteRequest) -> Quote:
        entry = self._entries.get(request.entry_id)  # NotFound for an unknown id
        if request.passage is None:
            text = first_paragraph(entry)
        else:
            text = " ".join(request.passage.split())
            if not text or text not in " ".join(entry_text(entry).split()):
                raise BadInput(Msg.REPORT_QUOTE_NOT_IN_ENTRY, id=request.entry_id)
        if len(text) > MAX_QUOTE:
            text = text[: MAX_QUOTE - 1].rstrip() + "…"
        title = entry.display_title
        if not entry.title and text.startswith(title.rstrip("…")):
            title = ""  # named by its first line, which the quote already shows
        return Quote(title, local_date(entry.created), text)

    def measure_views(self, request: ReportRequest) -> list[MeasureView]:
        """The inquiry's measures as the report sees them: their points in its period, and
        what the rules find in those (a window draws their charts before the report runs)."""
        inquiry = self._inquiries.get(request.inquiry_id)
        return list(self._views(inquiry, _Period(request.since, request.until)))

    def _views(self, inquiry: Inquiry, period: _Period) -> Iterable[MeasureView]:
        for measure in self._measures.find(inquiry.id):
            points = self._measures.points(measure.id)
            yield measure_view(measure, (p for p in points if period.holds_day(p.day)))

    def _measure_reports(
        self, inquiry: Inquiry, period: _Period, chart_renderer: ChartRenderer | None
    ) -> Iterable[MeasureReport]:
        for view in self._views(inquiry, period):
            measure, points = view.measure, view.points
            values = [p.value for p in points]
            chart = chart_renderer(view) if chart_renderer and points else None
            yield MeasureReport(
                name=measure.name,
                unit=measure.unit,
                better=measure.better.value,
                definition=measure.definition,
                goal=measure.goal,
                points=points,
                median=view.run_chart.median,
                mean=sum(values) / len(values) if values else None,
                sentences=tuple(measure_sentences(view)),
                chart=chart,
            )

    def _assessment_changes(self, inquiry: Inquiry, period: _Period) -> Iterable[AssessmentChange]:
        held = [a for a in self._assessments.history() if period.holds_moment(a.created)]
        # The inquiry's own assessments when it has some; otherwise the person's, as a whole.
        linked = [a for a in held if a.inquiry_id == inquiry.id]
        by_framework: dict[str, list[Assessment]] = {}
        for assessment in sorted(linked or held, key=lambda a: a.created):
            by_framework.setdefault(assessment.framework_id, []).append(assessment)
        for framework_id, series in by_framework.items():
            yield self._change(framework_id, series, linked=bool(linked))

    def _change(
        self, framework_id: str, series: Sequence[Assessment], *, linked: bool
    ) -> AssessmentChange:
        framework = self._frameworks.find(framework_id)
        first, last = series[0], series[-1]
        firsts = {s.domain_id: s.score for s in first.scores}
        lasts = {s.domain_id: s.score for s in last.scores}
        labels = {d.id: d.label for d in framework.domains} if framework else {}
        order = list(labels) + [d for d in (*firsts, *lasts) if d not in labels]
        domains = tuple(
            DomainChange(labels.get(d, d), firsts.get(d), lasts.get(d))
            for d in dict.fromkeys(order)
            if d in firsts or d in lasts
        )
        return AssessmentChange(
            framework.name if framework else framework_id,
            local_date(first.created),
            local_date(last.created),
            len(series),
            domains,
            linked,
        )


def measure_sentences(view: MeasureView) -> list[str]:
    """What the charts show, in the same sentences as ``reflect measure show``."""
    note = run_chart_note(view.run_chart)
    lines = [note] if note else []
    signals = view.run_chart.signals + (view.xmr.signals if view.xmr else ())
    lines += [signal_sentence(s, view.points, view.run_chart.useful) for s in signals]
    return lines + xmr_sentences(view.xmr, len(view.points))


def entry_text(entry: Entry) -> str:
    """Everything written in an entry: its body and its answers to a framework's prompts."""
    return "\n\n".join([entry.body, *(r.text for r in entry.responses)])


def first_paragraph(entry: Entry) -> str:
    """The first paragraph with words in it, joined onto one line."""
    for paragraph in entry_text(entry).split("\n\n"):
        words = " ".join(paragraph.split())
        if words and words.lstrip("#").strip() != entry.title:
            return words
    return entry.display_title


class _Period:
    """Local days from ``since`` to ``until``, inclusive; either end may be open."""

    def __init__(self, since: date | None, until: date | None) -> None:
        self.since, self.until = since, until
        self._start = local_day_start(since) if since else None
        self._end = local_day_start(until + timedelta(days=1)) if until else None

    def holds_moment(self, moment: str) -> bool:
        return (self._start is None or moment >= self._start) and (
            self._end is None or moment < self._end
        )

    def holds_day(self, day: str) -> bool:
        return (self.since is None or day >= self.since.isoformat()) and (
            self.until is None or day <= self.until.isoformat()
        )

    def holds(self, action: Action) -> bool:
        """An action counts when it was open at some time in the period."""
        return (self._end is None or action.created < self._end) and (
            self._start is None or action.updated >= self._start
        )


def _wordings(inquiry: Inquiry, until: date | None) -> tuple[WordingLine, ...]:
    """Every wording up to the end of the period: the question's history is the context."""
    lines = [
        WordingLine(local_date(w.created) if w.created else None, w.question)
        for w in inquiry.wordings
    ]
    kept = [w for w in lines if until is None or w.day is None or w.day <= until]
    return tuple(kept or lines[:1])


def _is_stopped(action: Action) -> bool:
    return action.kind == ActionKind.STOP or action.status == ActionStatus.DROPPED


def _is_done(action: Action) -> bool:
    return action.status == ActionStatus.DONE and action.kind != ActionKind.STOP


def _line(action: Action, entries: dict[str, Entry]) -> ActionLine:
    source = entries.get(action.entry_id or "")
    # Without Markdown's marks: the why is read on paper, where "**half a day**" should read
    # "half a day". A quote, by contrast, is the user's words exactly as written.
    reason = without_marks(first_paragraph(source)) if source and _is_stopped(action) else ""
    return ActionLine(action.text, action.status.value, local_date(action.updated), reason)


def _created(entry: Entry) -> str:
    return entry.created
