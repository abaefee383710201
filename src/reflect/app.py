"""The composition root: resolve paths, open the journal, and wire every service once.

Both the command line and the desktop window start here; nothing else builds services.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reflect.atomic_file import translated_os_errors
from reflect.core.clock import Clock, utc_now
from reflect.paths import Paths
from reflect.resources import resource_path
from reflect.services.actions import ActionService
from reflect.services.assessments import AssessmentService
from reflect.services.backups import BackupService
from reflect.services.changes import ChangeFeed
from reflect.services.coaching import CoachingService
from reflect.services.drafts import DraftService
from reflect.services.entries import EntryService
from reflect.services.frameworks import FrameworkCatalog
from reflect.services.inquiries import InquiryService
from reflect.services.insights import InsightsService
from reflect.services.search import SearchService
from reflect.services.transfer import TransferService
from reflect.storage.actions import ActionRepository
from reflect.storage.assessments import AssessmentRepository
from reflect.storage.database import Store, open_store
from reflect.storage.drafts import DraftRepository
from reflect.storage.entries import EntryRepository
from reflect.storage.inquiries import InquiryRepository
from reflect.storage.insights import InsightsRepository
from reflect.storage.search import SearchRepository


@dataclass
class App:
    """Everything a front end needs, built once per journal."""

    paths: Paths
    store: Store
    changes: ChangeFeed
    clock: Clock
    inquiries: InquiryService
    entries: EntryService
    drafts: DraftService
    actions: ActionService
    coaching: CoachingService
    assessments: AssessmentService
    insights: InsightsService
    search: SearchService
    transfer: TransferService
    backups: BackupService
    frameworks: FrameworkCatalog

    def close(self) -> None:
        self.store.close()


def open_app(paths: Paths, clock: Clock = utc_now) -> App:
    """Open the journal in ``paths.data_dir`` (creating it on first use)."""
    prepare_data_dir(paths.data_dir)
    store = open_store(paths.db_path, paths.backups_dir)
    changes = ChangeFeed()
    entries = EntryService(EntryRepository(store), changes, clock)
    actions = ActionService(ActionRepository(store), changes, clock)
    assessments = AssessmentService(AssessmentRepository(store), changes, clock)
    return App(
        paths=paths,
        store=store,
        changes=changes,
        clock=clock,
        inquiries=InquiryService(InquiryRepository(store), changes, clock),
        entries=entries,
        drafts=DraftService(DraftRepository(store), entries, clock),
        actions=actions,
        coaching=CoachingService(entries, actions, clock),
        assessments=assessments,
        insights=InsightsService(InsightsRepository(store), assessments, clock),
        search=SearchService(SearchRepository(store)),
        transfer=TransferService(store, changes, clock),
        backups=BackupService(store, paths, changes),
        frameworks=framework_catalog(paths),
    )


def framework_catalog(paths: Paths) -> FrameworkCatalog:
    """Shipped frameworks plus the user's own; needs no journal, so commands that only read
    frameworks do not open one. Files are read on first use."""
    return FrameworkCatalog(resource_path("frameworks"), paths.frameworks_dir)


def prepare_data_dir(data_dir: Path) -> None:
    with translated_os_errors(data_dir):
        data_dir.mkdir(parents=True, exist_ok=True)
