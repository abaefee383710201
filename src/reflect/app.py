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
from reflect.secrets.age_passphrase import AGE_SCRYPT, PassphraseCipher
from reflect.secrets.os_keyring import KeyringFactory, system_keyring
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
from reflect.services.keys import KeyService
from reflect.services.packs import PackService
from reflect.services.peers import PeerService
from reflect.services.programme import ProgrammeService
from reflect.services.receiving import ReceivingService
from reflect.services.search import SearchService
from reflect.services.sharing import SharingService, Sources
from reflect.services.transfer import TransferService
from reflect.storage.actions import ActionRepository
from reflect.storage.assessments import AssessmentRepository
from reflect.storage.database import Store, open_store
from reflect.storage.drafts import DraftRepository
from reflect.storage.entries import EntryRepository
from reflect.storage.inquiries import InquiryRepository
from reflect.storage.insights import InsightsRepository
from reflect.storage.meta import MetaRepository
from reflect.storage.peers import PeerRepository
from reflect.storage.programmes import ProgrammeRepository
from reflect.storage.received import ReceivedRepository
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
    keys: KeyService
    peers: PeerService
    sharing: SharingService
    receiving: ReceivingService
    packs: PackService
    programme: ProgrammeService

    def close(self) -> None:
        self.store.close()


def open_app(
    paths: Paths,
    clock: Clock = utc_now,
    *,
    keyring_factory: KeyringFactory = system_keyring,
    cipher: PassphraseCipher = AGE_SCRYPT,
) -> App:
    """Open the journal in ``paths.data_dir`` (creating it on first use).

    ``keyring_factory`` and ``cipher`` reach the key store, which is opened only when keys are
    first needed (tests pass fakes). Front ends hand the key service their passphrase prompt.
    """
    prepare_data_dir(paths.data_dir)
    store = open_store(paths.db_path, paths.backups_dir)
    changes = ChangeFeed()
    inquiries = InquiryService(InquiryRepository(store), changes, clock)
    entries = EntryService(EntryRepository(store), changes, clock)
    actions = ActionService(ActionRepository(store), changes, clock)
    assessments = AssessmentService(AssessmentRepository(store), changes, clock)
    frameworks = framework_catalog(paths)
    keys = KeyService(MetaRepository(store), paths.data_dir, keyring_factory, cipher)
    peers = PeerService(PeerRepository(store), changes, clock)
    sources = Sources(inquiries, entries, actions, assessments, frameworks)
    programmes = ProgrammeRepository(store)
    return App(
        paths=paths,
        store=store,
        changes=changes,
        clock=clock,
        inquiries=inquiries,
        entries=entries,
        drafts=DraftService(DraftRepository(store), entries, clock),
        actions=actions,
        coaching=CoachingService(entries, actions, clock),
        assessments=assessments,
        insights=InsightsService(InsightsRepository(store), assessments, clock),
        search=SearchService(SearchRepository(store)),
        transfer=TransferService(store, changes, clock),
        backups=BackupService(store, paths, changes, clock),
        frameworks=frameworks,
        keys=keys,
        peers=peers,
        sharing=SharingService(sources, keys, peers, clock),
        receiving=ReceivingService(ReceivedRepository(store), keys, peers, changes, clock),
        packs=PackService(programmes, keys, frameworks, paths.pack_frameworks_dir, changes, clock),
        programme=ProgrammeService(programmes, MetaRepository(store), changes, clock),
    )


def framework_catalog(paths: Paths) -> FrameworkCatalog:
    """Shipped, pack and the user's own frameworks; needs no journal, so commands that only
    read frameworks do not open one. Files are read on first use."""
    return FrameworkCatalog(
        resource_path("frameworks"), paths.frameworks_dir, paths.pack_frameworks_dir
    )


def prepare_data_dir(data_dir: Path) -> None:
    with translated_os_errors(data_dir):
        data_dir.mkdir(parents=True, exist_ok=True)
