"""The demo journal, loaded from data: ``reflect demo`` and "Look around a demo journal".

The demo is data in ``resources/demo/`` (its README.md describes the layout): a
``reflect-journal`` export (docs/formats.md), a pack spec for its programme
(docs/facilitators.md), and ``demo.toml``, which names the day both are dated as of and which
entries were written for which event. Nothing is read until a demo is asked for.

Loading moves every date and time by the whole days from ``as_of`` to today and keeps each
clock time as local time, so an entry written at 16:20 on the data's day of a workshop is
written at 16:20 local time on that workshop's day now, and the demo always looks current. Ids
are kept as they are in the files, so every demo has the same ids.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path

from reflect import files
from reflect.core.action import Action
from reflect.core.assessment import Assessment
from reflect.core.clock import Clock, from_text, parse_day, to_text
from reflect.core.coaching import FRAMEWORK_ID as TRIO
from reflect.core.coaching import from_entry, to_responses
from reflect.core.contents import ImportReport, JournalContents
from reflect.core.entry import Entry, Revision
from reflect.core.inquiry import Inquiry, Wording
from reflect.errors import BadInput
from reflect.exchange.identity import Identity
from reflect.exchange.pack import event_id, pack_bytes
from reflect.formats.journal_json import read_journal_json
from reflect.formats.pack_spec import KnownFramework, PackSpec, read_spec
from reflect.messages import Msg
from reflect.paths import Paths
from reflect.resources import resource_path
from reflect.services.entries import EntryService
from reflect.services.inquiries import InquiryService
from reflect.services.packs import PackService
from reflect.services.transfer import TransferService

MANIFEST = "demo.toml"
PACK_FILE = "demo.reflectpack"


@dataclass(frozen=True)
class Demo:
    """The demo as loaded: its journal, with entries linked to events, and its programme."""

    journal: JournalContents
    programme: PackSpec


def demo_folder() -> Path:
    return resource_path("demo")


def demo_pack_folder(paths: Paths) -> Path:
    """Where the demo's signed pack is written: inside the demo journal's own data folder."""
    return paths.data_dir / "demo"


def fill_demo(
    paths: Paths,
    clock: Clock,
    entries: EntryService,
    inquiries: InquiryService,
    transfer: TransferService,
    packs: PackService,
) -> ImportReport:
    """Add the demo journal and install its programme, dated up to now; refuse a journal that
    already holds writing."""
    if entries.count() or inquiries.all():
        raise BadInput(Msg.JOURNAL_NOT_EMPTY, path=paths.data_dir)
    now = clock().astimezone()
    demo = load_demo(now.date(), packs.shipped)
    install_programme(packs, demo.programme, demo_pack_folder(paths), now)
    return transfer.import_contents(demo.journal)


def install_programme(packs: PackService, spec: PackSpec, folder: Path, now: datetime) -> None:
    """Sign the programme with keys made for the demo, as a facilitator would, and install it."""
    path = folder / PACK_FILE
    files.write_bytes(path, pack_bytes(spec, Identity.generate(), to_text(now)))
    packs.install(path)


def load_demo(
    today: date, known: KnownFramework, zone: tzinfo | None = None, folder: Path | None = None
) -> Demo:
    """The demo dated so that its ``as_of`` day falls on ``today``. Clock times are placed in
    ``zone``, or in the computer's own time zone when it is None."""
    folder = folder or demo_folder()
    with (folder / MANIFEST).open("rb") as file:
        manifest = tomllib.load(file)
    as_of = manifest["as_of"]
    if not isinstance(as_of, date) or isinstance(as_of, datetime):
        raise ValueError(f"{MANIFEST}: as_of must be a date")
    shift = _Shift((today - as_of).days, zone)
    spec = read_spec(folder / manifest["programme"], known)
    journal = read_journal_json(folder / manifest["journal"])
    links = _links(manifest.get("links", {}), spec, journal)
    programme = replace(spec, events=tuple(replace(e, day=shift.day(e.day)) for e in spec.events))
    return Demo(shift.journal(journal, links), programme)


def _links(table: dict[str, list[str]], spec: PackSpec, journal: JournalContents) -> dict[str, str]:
    """Each linked entry's event id, from the manifest's ``event key = [entry ids]`` table."""
    keys = {event.key for event in spec.events}
    entry_ids = {entry.id for entry in journal.entries}
    found: dict[str, str] = {}
    for key, ids in table.items():
        if key not in keys:
            raise ValueError(f"{MANIFEST}: links names no event {key!r}")
        for entry_id in ids:
            if entry_id not in entry_ids or entry_id in found:
                raise ValueError(f"{MANIFEST}: links.{key} names {entry_id!r} wrongly")
            found[entry_id] = event_id(spec.id, key)
    return found


@dataclass(frozen=True)
class _Shift:
    """Moves dates by ``days``, keeping each timestamp's clock time as local time."""

    days: int
    zone: tzinfo | None

    def day(self, day: date) -> date:
        return day + timedelta(days=self.days)

    def day_text(self, text: str) -> str:
        return self.day(parse_day(text)).isoformat()

    def moment(self, text: str) -> str:
        clock_time = from_text(text).replace(tzinfo=None) + timedelta(days=self.days)
        if self.zone is None:
            return to_text(clock_time.astimezone())  # naive: the computer's local time
        return to_text(clock_time.replace(tzinfo=self.zone))

    def journal(self, journal: JournalContents, links: dict[str, str]) -> JournalContents:
        return JournalContents(
            inquiries=tuple(self.inquiry(i) for i in journal.inquiries),
            entries=tuple(self.entry(e, links.get(e.id, e.event_id)) for e in journal.entries),
            revisions=tuple(self.revision(r) for r in journal.revisions),
            actions=tuple(self.action(a) for a in journal.actions),
            assessments=tuple(self.assessment(a) for a in journal.assessments),
        )

    def inquiry(self, inquiry: Inquiry) -> Inquiry:
        wordings = tuple(Wording(w.question, self.moment(w.created)) for w in inquiry.wordings)
        return replace(
            inquiry,
            wordings=wordings,
            created=self.moment(inquiry.created),
            updated=self.moment(inquiry.updated),
        )

    def entry(self, entry: Entry, event: str | None) -> Entry:
        moved = replace(
            entry,
            created=self.moment(entry.created),
            updated=self.moment(entry.updated),
            deleted=None if entry.deleted is None else self.moment(entry.deleted),
            event_id=event,
        )
        if entry.framework_id != TRIO:
            return moved
        # A trio session's date and its action's due day are written in its title and fields.
        session = from_entry(entry)
        due = session.action_due
        session = replace(
            session,
            date=self.day_text(session.date),
            action_due=None if due is None else self.day_text(due),
        )
        title, responses = to_responses(session)
        return replace(moved, title=title, responses=responses)

    def revision(self, revision: Revision) -> Revision:
        return replace(revision, saved=self.moment(revision.saved))

    def action(self, action: Action) -> Action:
        return replace(
            action,
            created=self.moment(action.created),
            updated=self.moment(action.updated),
            due=None if action.due is None else self.day_text(action.due),
        )

    def assessment(self, assessment: Assessment) -> Assessment:
        return replace(assessment, created=self.moment(assessment.created))
