"""The user's own keys and contact card: made on first use, kept where it is safe, backed up.

The key store is chosen on first use (:func:`reflect.secrets.choose.open_key_store`) with the
journal's own random id as its namespace, so two data folders are two identities. Front ends
hand in how to ask for a passphrase and how to tell the user something; the reason keys live in
a passphrase file rather than the keyring is told once, just before the passphrase is first
asked for, and remembered in the journal so it is not told again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reflect.core.ids import new_id
from reflect.errors import BadInput, ReflectError, StorageError
from reflect.exchange import identity as keys
from reflect.exchange.bundle import SenderCard
from reflect.exchange.card import Card, clean_name, fingerprint, make_card
from reflect.files import write_bytes
from reflect.messages import Msg
from reflect.secrets.age_passphrase import AGE_SCRYPT, PassphraseCipher
from reflect.secrets.choose import file_store, open_key_store
from reflect.secrets.os_keyring import KeyringFactory, system_keyring
from reflect.secrets.passphrase_file import PassphraseFileStore, PassphraseProvider
from reflect.secrets.store import KeyStore, StoreKind
from reflect.storage.meta import MetaRepository

JOURNAL_ID = "journal_id"
DISPLAY_NAME = "display_name"
NOTICE_SHOWN = "key_store_notice_shown"
FALLBACK_REASON = "key_store_reason"
# Keys in these states are lost anyway, so a backup may replace them without asking.
LOST_KEYS = (Msg.KEY_FILE_DAMAGED, Msg.KEY_FILE_TOO_COSTLY, Msg.KEY_STORED_DAMAGED)

Notify = Callable[[Msg], None]


def no_passphrase(*, new: bool) -> str:
    """The provider until a front end hands in its own: there is no one to ask."""
    raise BadInput(Msg.PASSPHRASE_NEEDS_TERMINAL)


def ignore_notice(msg: Msg) -> None:
    """The notifier until a front end hands in its own."""


@dataclass(frozen=True)
class KeyLocation:
    """Which store holds the keys, in words for the user, and why it is not the keyring."""

    kind: StoreKind
    description: str
    reason: Msg | None = None  # why a passphrase file, when Reflect fell back to one


@dataclass(frozen=True)
class MyCard:
    name: str
    text: str  # the card to paste or save as a .reflectcard file
    fingerprint: str
    location: KeyLocation


class KeyService:
    def __init__(
        self,
        meta: MetaRepository,
        data_dir: Path,
        keyring_factory: KeyringFactory = system_keyring,
        cipher: PassphraseCipher = AGE_SCRYPT,
        journal_key: Callable[[], bytes | None] = lambda: None,
    ) -> None:
        self._meta = meta
        # The encrypted journal's key, which a key backup carries too (docs/encryption.md).
        self._journal_key = journal_key
        self._data_dir = data_dir
        self._keyring_factory = keyring_factory
        self._cipher = cipher
        self._ask: PassphraseProvider = no_passphrase
        self._notify: Notify = ignore_notice
        self._store: KeyStore | None = None
        self._reason: Msg | None = None
        self._identity: keys.Identity | None = None

    def set_prompts(self, passphrase: PassphraseProvider, notify: Notify) -> None:
        """How to ask for the keys-file passphrase, and how to tell the user why it is asked."""
        self._ask, self._notify = passphrase, notify

    def store(self) -> KeyStore:
        """This journal's key store (the encrypted journal's key lives there too)."""
        return self._opened()

    def where(self) -> KeyLocation:
        store = self._opened()
        return KeyLocation(store.kind, store.describe(), self._fallback_reason(store))

    def identity(self) -> keys.Identity:
        """This journal's keys, made and saved the first time they are needed."""
        if self._identity is None:
            self._identity = keys.load_or_create(self._opened())
        return self._identity

    def has_name(self) -> bool:
        return bool(self._meta.get(DISPLAY_NAME))

    def set_name(self, name: str) -> str:
        cleaned = clean_name(name)
        self._meta.set(DISPLAY_NAME, cleaned)
        return cleaned

    def name(self) -> str:
        name = self._meta.get(DISPLAY_NAME)
        if not name:
            raise BadInput(Msg.NAME_NEEDED)
        return name

    def card(self, name: str | None = None) -> MyCard:
        """The user's contact card; ``name`` sets (or changes) the name on it."""
        shown = self.set_name(name) if name else self.name()
        mine = self.identity()
        return MyCard(shown, make_card(shown, mine), fingerprint_of(mine), self.where())

    def sender(self) -> SenderCard:
        name = self.name()  # asked for first, so a missing name makes no keys
        mine = self.identity()
        return SenderCard(name, mine.recipient, mine.signing_public)

    def backup(self, out: Path, passphrase: str) -> Path:
        """Both private keys in a passphrase-protected file at ``out``, written atomically, with
        the encrypted journal's key when it is encrypted."""
        journal_key = self._journal_key()
        document = keys.export_backup(
            self.identity(),
            passphrase,
            cipher=self._cipher,
            journal_key=None if journal_key is None else journal_key.hex(),
        )
        write_bytes(out, document)
        return out

    def restore(self, path: Path, passphrase: str, *, replace: bool = False) -> keys.Identity:
        """Make the keys in a backup this journal's keys. Damaged keys are replaced; keys that
        differ, or cannot be opened (a forgotten passphrase), only when ``replace`` is true."""
        restored = keys.import_backup(read_file(path), passphrase, cipher=self._cipher)
        store = self._store_for_restore()
        current = current_identity(store, replace)
        if current is not None and current != restored and not replace:
            raise BadInput(
                Msg.KEY_RESTORE_WOULD_REPLACE,
                current=fingerprint_of(current),
                restored=fingerprint_of(restored),
            )
        if isinstance(store, PassphraseFileStore) and current is None and store.path.exists():
            store.start_over()  # an unreadable file is written afresh, under a new passphrase
        keys.save(store, restored)
        self._identity = restored
        return restored

    def _store_for_restore(self) -> KeyStore:
        try:
            return self._opened()
        except StorageError as exc:
            if exc.msg is not Msg.KEYRING_KEYS_UNREACHABLE:
                raise
            # The keyring that held the keys is gone: the backup goes into a passphrase file.
            self._store = file_store(self._data_dir, self._asked, self._cipher)
            self._reason = Msg.KEYRING_NOT_WORKING
            return self._store

    def _opened(self) -> KeyStore:
        if self._store is None:
            namespace = self._meta.get_or_set(JOURNAL_ID, new_id())
            self._store, self._reason = open_key_store(
                namespace, self._data_dir, self._asked, self._keyring_factory, self._cipher
            )
            if self._reason is not None:
                self._meta.set(FALLBACK_REASON, self._reason.name)
        return self._store

    def _asked(self, *, new: bool) -> str:
        """The front end's passphrase, after telling the user (once) why one is needed. The
        notice counts as shown once a passphrase came back, so a front end may hold it back
        when it cannot ask at all."""
        notice = self._reason if new and self._meta.get(NOTICE_SHOWN) is None else None
        if notice is not None:
            self._notify(notice)
        passphrase = self._ask(new=new)
        if notice is not None:
            self._meta.set(NOTICE_SHOWN, notice.name)
        return passphrase

    def _fallback_reason(self, store: KeyStore) -> Msg | None:
        if store.kind != "passphrase-file":
            return None
        saved = self._meta.get(FALLBACK_REASON) or ""
        return self._reason or (Msg[saved] if saved in Msg.__members__ else None)


def current_identity(store: KeyStore, replace: bool) -> keys.Identity | None:
    """The keys saved in ``store``; None when there are none, or when they are damaged (or
    cannot be opened at all and the user chose to replace them)."""
    try:
        text = store.get(keys.IDENTITY_SECRET)
        return None if text is None else keys.load_or_create(store)
    except ReflectError as exc:
        if replace or exc.msg in LOST_KEYS:
            return None
        raise


def fingerprint_of(identity: keys.Identity) -> str:
    return fingerprint(Card("", identity.recipient, identity.signing_public))


def read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise BadInput(Msg.FILE_NOT_FOUND, path=path) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise BadInput(Msg.FILE_NOT_READABLE, path=path, reason=reason) from None
