"""Import from other journals and export to files: whole, or not at all."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reflect import files
from reflect.core.clock import Clock, to_text
from reflect.core.contents import ImportReport, JournalContents
from reflect.formats import journal_json, registry
from reflect.formats.progress import Progress, no_progress
from reflect.services.changes import ChangeFeed, Topic
from reflect.storage import bulk
from reflect.storage.actions import ActionRepository
from reflect.storage.assessments import AssessmentRepository
from reflect.storage.database import Store
from reflect.storage.entries import EntryRepository
from reflect.storage.inquiries import InquiryRepository

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
        *,
        jrnl: JrnlOptions | None = None,
    ) -> ImportReport:
        """Read ``path`` in the named format and add what is new, in one transaction.

        ``jrnl`` says how to read a jrnl journal (time format, config file, password).
        A malformed file, a cancel from ``progress`` or a storage failure leaves the journal
        exactly as it was.
        """
        registry.check_format(format_name, registry.IMPORT_FORMATS)
        if format_name == "json":
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
        return JournalContents(
            inquiries=tuple(InquiryRepository(self._store).find()),
            entries=tuple(entries.all_including_trash()),
            revisions=tuple(entries.all_revisions()),
            actions=tuple(ActionRepository(self._store).find()),
            assessments=tuple(AssessmentRepository(self._store).history()),
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
