"""The composition root: resolve paths, open the journal, and wire every service once.

Both the command line and the desktop window start here; nothing else builds services. Each
service is built, and its modules imported, the first time it is used, so a short command such
as ``reflect search`` loads the search and nothing of sharing, keys or packs.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from reflect.core.clock import Clock, utc_now
from reflect.files import translated_os_errors
from reflect.paths import Paths
from reflect.resources import resource_path
from reflect.secrets.age_passphrase import (
    AGE_SCRYPT,
    RAW_AGE_SCRYPT,
    PassphraseCipher,
    RawPassphraseCipher,
)
from reflect.secrets.os_keyring import KeyringFactory, system_keyring
from reflect.services.changes import ChangeFeed
from reflect.storage.database import Store, open_store

if TYPE_CHECKING:
    from reflect.core.evaluation import EvaluationPlan, ReturnContent, ReturnKind
    from reflect.core.programme import Programme
    from reflect.exchange.identity import Identity
    from reflect.services.actions import ActionService
    from reflect.services.assessments import AssessmentService
    from reflect.services.backups import BackupService
    from reflect.services.coaching import CoachingService
    from reflect.services.connections import ConnectionService
    from reflect.services.drafts import DraftService
    from reflect.services.entries import EntryService
    from reflect.services.evaluation_returns import EvaluationReturnService
    from reflect.services.frameworks import FrameworkCatalog
    from reflect.services.inquiries import InquiryService
    from reflect.services.insights import InsightsService
    from reflect.services.keys import KeyService
    from reflect.services.learning import LearningService
    from reflect.services.measures import MeasureService
    from reflect.services.packs import PackService
    from reflect.services.peers import PeerService
    from reflect.services.printing import PrintingService
    from reflect.services.programme import ProgrammeService
    from reflect.services.receiving import ReceivingService
    from reflect.services.report import ReportService
    from reflect.services.search import SearchService
    from reflect.services.sharing import SharingService
    from reflect.services.spelling import Speller
    from reflect.services.transfer import TransferService
    from reflect.storage.programmes import ProgrammeRepository


class App:
    """Everything a front end needs, built once per journal (each service on first use)."""

    def __init__(
        self,
        paths: Paths,
        store: Store,
        clock: Clock,
        keyring_factory: KeyringFactory,
        cipher: PassphraseCipher,
        bundle_cipher: RawPassphraseCipher = RAW_AGE_SCRYPT,
    ) -> None:
        self.paths = paths
        self.store = store
        self.changes = ChangeFeed()
        self.clock = clock
        self._keyring_factory = keyring_factory
        self._cipher = cipher
        self._bundle_cipher = bundle_cipher

    def close(self) -> None:
        self.store.close()

    @cached_property
    def inquiries(self) -> InquiryService:
        from reflect.services.inquiries import InquiryService
        from reflect.storage.inquiries import InquiryRepository

        return InquiryService(InquiryRepository(self.store), self.changes, self.clock)

    @cached_property
    def entries(self) -> EntryService:
        from reflect.services.entries import EntryService
        from reflect.storage.entries import EntryRepository

        return EntryService(EntryRepository(self.store), self.changes, self.clock)

    @cached_property
    def drafts(self) -> DraftService:
        from reflect.services.drafts import DraftService
        from reflect.storage.drafts import DraftRepository

        return DraftService(DraftRepository(self.store), self.entries, self.clock)

    @cached_property
    def actions(self) -> ActionService:
        from reflect.services.actions import ActionService
        from reflect.storage.actions import ActionRepository

        return ActionService(ActionRepository(self.store), self.changes, self.clock)

    @cached_property
    def measures(self) -> MeasureService:
        from reflect.services.measures import MeasureService
        from reflect.storage.measures import MeasureRepository

        return MeasureService(
            MeasureRepository(self.store), self.inquiries, self.changes, self.clock
        )

    @cached_property
    def learning(self) -> LearningService:
        from reflect.services.learning import LearningService
        from reflect.storage.learning_links import LearningLinkRepository

        return LearningService(LearningLinkRepository(self.store), self.entries, self.changes)

    @cached_property
    def connections(self) -> ConnectionService:
        from reflect.services.connections import ConnectionService
        from reflect.storage.connections import ConnectionRepository

        return ConnectionService(ConnectionRepository(self.store), self.changes, self.clock)

    @cached_property
    def coaching(self) -> CoachingService:
        from reflect.services.coaching import CoachingService

        return CoachingService(self.entries, self.actions, self.clock)

    @cached_property
    def assessments(self) -> AssessmentService:
        from reflect.services.assessments import AssessmentService
        from reflect.storage.assessments import AssessmentRepository

        return AssessmentService(AssessmentRepository(self.store), self.changes, self.clock)

    @cached_property
    def insights(self) -> InsightsService:
        from reflect.services.insights import InsightsService
        from reflect.storage.insights import InsightsRepository

        return InsightsService(InsightsRepository(self.store), self.assessments, self.clock)

    @cached_property
    def spelling(self) -> Speller:
        """The speller; its dictionary loads on first use (``load_in_background``)."""
        from reflect.services.spelling import USER_WORDS_FILE, Speller

        return Speller(self.paths.config_dir / USER_WORDS_FILE)

    @cached_property
    def search(self) -> SearchService:
        from reflect.services.search import SearchService
        from reflect.storage.search import SearchRepository

        return SearchService(SearchRepository(self.store))

    @cached_property
    def transfer(self) -> TransferService:
        from reflect.services.transfer import TransferService

        return TransferService(self.store, self.changes, self.clock)

    @cached_property
    def printing(self) -> PrintingService:
        from reflect.services.printing import PrintingService

        return PrintingService(self.entries, self.inquiries, self.actions, self.frameworks)

    @cached_property
    def report(self) -> ReportService:
        from reflect.services.report import ReportService

        return ReportService(
            self.inquiries,
            self.entries,
            self.actions,
            self.measures,
            self.assessments,
            self.frameworks,
        )

    @cached_property
    def backups(self) -> BackupService:
        from reflect.services.backups import BackupService

        return BackupService(self.store, self.paths, self.changes, self.clock)

    @cached_property
    def frameworks(self) -> FrameworkCatalog:
        return framework_catalog(self.paths)

    @cached_property
    def keys(self) -> KeyService:
        from reflect.services.keys import KeyService
        from reflect.storage.meta import MetaRepository

        return KeyService(
            MetaRepository(self.store), self.paths.data_dir, self._keyring_factory, self._cipher
        )

    @cached_property
    def peers(self) -> PeerService:
        from reflect.services.peers import PeerService
        from reflect.storage.peers import PeerRepository

        return PeerService(PeerRepository(self.store), self.changes, self.clock)

    @cached_property
    def sharing(self) -> SharingService:
        from reflect.services.sharing import SharingService, Sources

        sources = Sources(
            self.inquiries,
            self.entries,
            self.actions,
            self.assessments,
            self.frameworks,
            self.connections,
        )
        return SharingService(sources, self.keys, self.peers, self.clock, self._bundle_cipher)

    @cached_property
    def receiving(self) -> ReceivingService:
        from reflect.services.receiving import ReceivingService
        from reflect.storage.entries import EntryRepository
        from reflect.storage.received import ReceivedRepository

        repo = ReceivedRepository(self.store)
        entries = EntryRepository(self.store)  # to name the entries feedback is about
        return ReceivingService(
            repo, self.keys, self.peers, entries, self.changes, self.clock, self._bundle_cipher
        )

    @cached_property
    def packs(self) -> PackService:
        from reflect.services.packs import PackService

        return PackService(
            self._programmes,
            self.keys,
            self.frameworks,
            self.paths.pack_frameworks_dir,
            self.changes,
            self.clock,
        )

    @cached_property
    def programme(self) -> ProgrammeService:
        from reflect.services.programme import ProgrammeService
        from reflect.storage.meta import MetaRepository

        return ProgrammeService(
            self._programmes, MetaRepository(self.store), self.changes, self.clock
        )

    @cached_property
    def evaluation_returns(self) -> EvaluationReturnService:
        from reflect.services.evaluation_returns import EvaluationReturnService, Sources
        from reflect.storage.evaluation_returns import EvaluationReturnRepository

        sources = Sources(
            self.programme,
            self.entries,
            self.actions,
            self.measures,
            self.assessments,
            self.frameworks,
            self.keys,
        )
        return EvaluationReturnService(
            EvaluationReturnRepository(self.store),
            sources,
            evaluation_plan,
            seal_return,
            self.changes,
            self.clock,
        )

    @cached_property
    def _programmes(self) -> ProgrammeRepository:
        from reflect.exchange.pack import evaluation_in
        from reflect.storage.programmes import ProgrammeRepository

        return ProgrammeRepository(self.store, evaluation_in)


def open_app(
    paths: Paths,
    clock: Clock = utc_now,
    *,
    keyring_factory: KeyringFactory = system_keyring,
    cipher: PassphraseCipher = AGE_SCRYPT,
    bundle_cipher: RawPassphraseCipher = RAW_AGE_SCRYPT,
) -> App:
    """Open the journal in ``paths.data_dir`` (creating it on first use).

    ``keyring_factory`` and ``cipher`` reach the key store, which is opened only when keys are
    first needed, and ``bundle_cipher`` passphrase bundles (tests pass fakes). Front ends hand
    the key service their passphrase prompt.
    """
    prepare_data_dir(paths.data_dir)
    store = open_store(paths.db_path, paths.backups_dir)
    return App(paths, store, clock, keyring_factory, cipher, bundle_cipher)


def framework_catalog(paths: Paths) -> FrameworkCatalog:
    """Shipped, pack and the user's own frameworks; needs no journal, so commands that only
    read frameworks do not open one. Files are read on first use."""
    from reflect.services.frameworks import FrameworkCatalog

    return FrameworkCatalog(
        resource_path("frameworks"), paths.frameworks_dir, paths.pack_frameworks_dir
    )


def evaluation_plan(programme: Programme) -> EvaluationPlan | None:
    """The programme's evaluation plan, from its pack (a seam tests may replace)."""
    return programme.evaluation


def seal_return(
    content: ReturnContent | None,
    kind: ReturnKind,
    programme_id: str,
    identity: Identity,
    evaluator_card: str,
    created: str,
    *,
    return_id: str | None = None,
) -> bytes:
    """A return or withdrawal as the evaluator's file (a seam tests may replace)."""
    from reflect.exchange.evaluation_file import return_bytes

    return return_bytes(
        content, kind, programme_id, identity, evaluator_card, created, return_id=return_id
    )


def prepare_data_dir(data_dir: Path) -> None:
    with translated_os_errors(data_dir):
        data_dir.mkdir(parents=True, exist_ok=True)
