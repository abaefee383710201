"""Import from other journals and export to files: whole, or not at all.

A Markdown folder may instead be imported skipping the notes that cannot be read
(``skip_invalid``): the rest land in one transaction and the report lists each note left out.
Other formats are imported whole only (see ``SKIPPABLE_FORMATS`` and docs/formats.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reflect import files
from reflect.core.clock import Clock, to_text
from reflect.core.contents import ImportReport, JournalContents
from reflect.errors import BadInput
from reflect.formats import journal_json, registry
from reflect.formats.progress import Progress, no_progress
from reflect.messages import Msg
from reflect.services.changes import ChangeFeed, Topic
from reflect.storage import bulk
from reflect.storage.actions import ActionRepository
from reflect.storage.assessments import AssessmentRepository
from reflect.storage.connections import ConnectionRepository
from reflect.storage.database import Store
from reflect.storage.entries import EntryRepository
from reflect.storage.inquiries import InquiryRepository
from reflect.storage.learning_links import LearningLinkRepository
from reflect.storage.measures import MeasureRepository

# Formats whose items are separate files, so one can be left out without guessing where the
# next begins: a jrnl, Day One or Reflect JSON file is imported whole (docs/formats.md).
SKIPPABLE_FORMATS = ("markdown",)
if TYPE_CHECKING:
    from reflect.formats.jrnl_import import JrnlOptions


class TransferService:
    def __init__(self, store: Store, changes: ChangeFeed, clock: Clock) -> None:
        self._store = store
        self._changes = changes
        self._clock = clock

    def import_path(
        self,
        format_name: str,
        path: Path,
        progress: Progress = no_progress,
        skip_invalid: bool = False,
        *,
        jrnl: JrnlOptions | None = None,
    ) -> ImportReport:
        """Read ``path`` in the named format and add what is new, in one transaction.

        ``jrnl`` says how to read a jrnl journal (time format, config file, password).
        A malformed file, a cancel from ``progress`` or a storage failure leaves the journal
        exactly as it was. With ``skip_invalid`` (Markdown folders only) a note that cannot be
        read is left out and listed in the report's ``skipped`` instead.
        """
        registry.check_format(format_name, registry.IMPORT_FORMATS)
        if skip_invalid:
            _check_skippable(format_name)
        if format_name == "markdown":
            from reflect.formats.markdown_import import Inquiries, read_markdown

            report = ImportReport()
            questions: Inquiries = {}  # filled as the notes are read, each before its entry
            skip = report.skipped.append if skip_invalid else None
            entries = read_markdown(path, progress, skip, questions)
            stored = bulk.import_entries(self._store, entries, questions)
            report.added, report.seen = stored.added, stored.seen
        elif format_name == "json":
            report = bulk.import_contents(
                self._store, journal_json.read_journal_json(path, progress)
            )
        elif format_name == "jrnl" and jrnl is not None:
            from reflect.formats.jrnl_import import read_jrnl

            report = bulk.import_entries(self._store, read_jrnl(path, progress, jrnl))
        else:
            entries = registry.entry_reader(format_name)(path, progress)
            report = bulk.import_entries(self._store, entries)
        if report.total_added:
            self._changes.publish(Topic.JOURNAL)
        return report

    def readable(
        self, format_name: str, path: Path, progress: Progress = no_progress
    ) -> ImportReport:
        """What an import with ``skip_invalid`` would read, storing nothing: ``seen`` counts
        the items that can be read and ``skipped`` lists the others."""
        registry.check_format(format_name, registry.IMPORT_FORMATS)
        _check_skippable(format_name)
        from reflect.formats.markdown_import import read_markdown

        report = ImportReport()
        report.seen = sum(1 for _ in read_markdown(path, progress, skip=report.skipped.append))
        return report

    def needs_password(self, format_name: str, path: Path) -> bool:
        """Whether importing ``path`` needs a password (an encrypted jrnl journal); cheap."""
        if format_name != "jrnl":
            return False
        from reflect.formats.jrnl_import import is_encrypted

        return is_encrypted(path)

    def import_contents(self, contents: JournalContents) -> ImportReport:
        report = bulk.import_contents(self._store, contents)
        if report.total_added:
            self._changes.publish(Topic.JOURNAL)
        return report

    def contents(self) -> JournalContents:
        """Everything in the journal, trash and revisions included."""
        entries = EntryRepository(self._store)
        measures = MeasureRepository(self._store)
        return JournalContents(
            inquiries=tuple(InquiryRepository(self._store).find()),
            entries=tuple(entries.all_including_trash()),
            revisions=tuple(entries.all_revisions()),
            actions=tuple(ActionRepository(self._store).find()),
            assessments=tuple(AssessmentRepository(self._store).history()),
            measures=tuple(measures.find()),
            points=tuple(measures.all_points()),
            connections=tuple(ConnectionRepository(self._store).all()),
            learning_links=tuple(LearningLinkRepository(self._store).all()),
            learning_measures=tuple(LearningLinkRepository(self._store).all_measures()),
        )

    def export(self, format_name: str, out: Path, progress: Progress = no_progress) -> int:
        """Write the journal to ``out``; return how many entries were written."""
        registry.check_format(format_name, registry.EXPORT_FORMATS)
        contents = self.contents()
        progress(0, 1)
        if format_name == "json":
            files.write_text(out, journal_json.dumps(contents, to_text(self._clock())))
            written = len(contents.entries)
        else:
            from reflect.formats.markdown_export import write_markdown_folder

            written = write_markdown_folder(contents, out, progress)
        progress(1, 1)
        return written


def _check_skippable(format_name: str) -> None:
    if format_name not in SKIPPABLE_FORMATS:
        raise BadInput(Msg.SKIP_INVALID_UNSUPPORTED, format=format_name)
