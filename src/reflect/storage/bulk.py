"""Storing many items in one transaction: imports either land whole or not at all."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from reflect.core.contents import ImportReport, JournalContents
from reflect.core.entry import Entry
from reflect.core.inquiry import Inquiry
from reflect.storage.actions import ActionRepository
from reflect.storage.assessments import AssessmentRepository
from reflect.storage.connections import ConnectionRepository
from reflect.storage.database import Store
from reflect.storage.entries import EntryRepository
from reflect.storage.inquiries import InquiryRepository
from reflect.storage.learning_links import LearningLinkRepository
from reflect.storage.measures import MeasureRepository

if TYPE_CHECKING:
    from sqlite_utils import Database


def import_contents(store: Store, contents: JournalContents) -> ImportReport:
    """Add every item whose id is new; all in one transaction."""
    report = ImportReport()
    with store.writing() as db:
        report.added["inquiries"] = InquiryRepository(store).add_many(contents.inquiries)
        report.added["entries"] = _add_entries(store, db, contents.entries)
        _add_revisions(store, contents)
        actions = [
            replace(
                a,
                entry_id=_known(db, "entries", a.entry_id),
                inquiry_id=_known(db, "inquiries", a.inquiry_id),
            )
            for a in contents.actions
        ]
        report.added["actions"] = ActionRepository(store).add_many(actions)
        assessments = [
            replace(a, inquiry_id=_known(db, "inquiries", a.inquiry_id))
            for a in contents.assessments
        ]
        report.added["assessments"] = AssessmentRepository(store).add_many(assessments)
        measures = [
            replace(m, inquiry_id=_known(db, "inquiries", m.inquiry_id)) for m in contents.measures
        ]
        report.added["measures"] = MeasureRepository(store).add_many(measures, contents.points)
        connections = [
            replace(c, inquiry_id=_known(db, "inquiries", c.inquiry_id))
            for c in contents.connections
        ]
        if connections:
            report.added["connections"] = ConnectionRepository(store).add_many(connections)
        # Not counted as items: a link belongs to its entry, which is counted already.
        LearningLinkRepository(store).add_many(contents.learning_links)
        LearningLinkRepository(store).add_many_measures(contents.learning_measures)
    report.seen = sum(
        len(items)
        for items in (
            contents.inquiries,
            contents.entries,
            contents.actions,
            contents.assessments,
            contents.measures,
            contents.connections,
        )
    )
    return report


def import_entries(
    store: Store, entries: Iterable[Entry], inquiries: Mapping[str, Inquiry] | None = None
) -> ImportReport:
    """Add a stream of entries (read lazily from a file) in one transaction.

    An entry naming an inquiry the journal lacks adds it from ``inquiries`` when it is there
    (filled by the reader as it goes), else loses the link.
    """
    report = ImportReport()
    counted = _Counter(entries)
    with store.writing() as db:
        if inquiries is not None:
            counted_inquiries = _InquiryAdder(store, db, inquiries)
            report.added["entries"] = _add_entries(store, db, map(counted_inquiries, counted))
            if counted_inquiries.added:
                report.added["inquiries"] = counted_inquiries.added
        else:
            report.added["entries"] = _add_entries(store, db, counted)
    report.seen = counted.count
    return report


def _add_entries(store: Store, db: Database, entries: Iterable[Entry]) -> int:
    # An entry may name an inquiry this journal does not have (a file from elsewhere):
    # keep the entry, drop the dangling link.
    linked = (replace(e, inquiry_id=_known(db, "inquiries", e.inquiry_id)) for e in entries)
    return EntryRepository(store).add_many(linked)


class _InquiryAdder:
    """Adds, before each entry passes, the inquiry it names if the journal lacks it."""

    def __init__(self, store: Store, db: Database, inquiries: Mapping[str, Inquiry]) -> None:
        self._repo = InquiryRepository(store)
        self._db = db
        self._inquiries = inquiries
        self.added = 0

    def __call__(self, entry: Entry) -> Entry:
        wanted = entry.inquiry_id or ""
        if wanted in self._inquiries and not _known(self._db, "inquiries", wanted):
            self.added += self._repo.add_many([self._inquiries[wanted]])
        return entry


def _add_revisions(store: Store, contents: JournalContents) -> None:
    repo = EntryRepository(store)
    ids = {e.id for e in contents.entries}
    for revision in contents.revisions:
        if revision.entry_id in ids:
            repo.add_revision(revision)


def _known(db: Database, table: str, item_id: str | None) -> str | None:
    if item_id is None:
        return None
    found = db.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (item_id,)).fetchone()
    return item_id if found else None


class _Counter:
    """Counts items as a lazy stream passes through."""

    def __init__(self, items: Iterable[Entry]) -> None:
        self._items = items
        self.count = 0

    def __iter__(self) -> Iterator[Entry]:
        for item in self._items:
            self.count += 1
            yield item
