"""Encrypting and decrypting the open journal, and saying whether it is encrypted.

Turning encryption on: a backup is taken, the key is made (and, for a random key, saved in the
key store) and its settings written beside the journal, all before the journal is touched; then
the journal is converted into a verified copy swapped in atomically
(:mod:`reflect.storage.conversion`), and each backup is converted the same way, so no plain
copy of the journal is left behind. Turning it off converts the backups first and the journal
last, so whenever any file is encrypted the journal is too and its key is still found. An
interruption at any moment leaves a journal that opens (the old one, or the new one whole) and
backups that open with its key; running the command again finishes the job.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from dataclasses import dataclass

from reflect.core.backup import BackupReason
from reflect.core.ids import new_id
from reflect.errors import BadInput, ReflectError
from reflect.messages import Msg
from reflect.paths import Paths
from reflect.services.backups import BackupService
from reflect.services.changes import ChangeFeed, Topic
from reflect.services.journal_keys import (
    JournalKeys,
    KeyMode,
    KeySettings,
    remove_settings,
    write_settings,
)
from reflect.storage import backup_files, cipher, conversion
from reflect.storage.database import Store
from reflect.storage.meta import MetaRepository

JOURNAL_ID = "journal_id"  # the same id the key service uses as its key-store namespace

NewKey = tuple[bytes, KeySettings]  # a key to encrypt with, and its settings (not yet written)
# Called with (step done, steps in all) as the journal and then each backup is converted.
Progress = Callable[[int, int], None]


def _quiet(done: int, total: int) -> None:
    """No one is watching the progress."""


@dataclass(frozen=True)
class LockStatus:
    encrypted: bool
    mode: KeyMode | None  # how the key is kept, when encrypted
    backups_plain: int  # backups still readable without the key (left by an interruption)


def lock_status(paths: Paths, keys: JournalKeys) -> LockStatus:
    """Whether the journal is encrypted and how its key is kept, read from the files alone:
    no key is needed to ask, and the journal is not opened."""
    encrypted = paths.db_path.exists() and cipher.is_encrypted(paths.db_path)
    listed = backup_files.list_backups(paths.backups_dir) if encrypted else []
    plain = sum(1 for b in listed if not cipher.is_encrypted(b))
    return LockStatus(encrypted, keys.mode() if encrypted else None, plain)


class EncryptionService:
    def __init__(
        self,
        store: Store,
        paths: Paths,
        keys: JournalKeys,
        backups: BackupService,
        changes: ChangeFeed,
    ) -> None:
        self._store = store
        self._paths = paths
        self._keys = keys
        self._backups = backups
        self._changes = changes

    def status(self) -> LockStatus:
        return lock_status(self._paths, self._keys)

    def needs_passphrase(self) -> bool:
        """Whether unlocking (the journal, or the window's lock) takes a passphrase."""
        return self._store.encrypted and self._keys.mode() == "passphrase"

    def unlocks(self, passphrase: str | None) -> bool:
        """Whether ``passphrase`` (or, for a key kept in the key store, the key store itself)
        gives the open journal's key: the window's lock asks this. A plain journal's lock
        needs nothing. Changes nothing; a wrong passphrase is just False."""
        key = self._store.key
        if key is None:
            return True
        try:
            found = self._keys.unlock(None if passphrase is None else (lambda: passphrase))
        except ReflectError:
            return False
        return found is not None and hmac.compare_digest(found, key)

    def prepare(self, passphrase: str | None) -> NewKey:
        """Make the key to encrypt with (saving a random one in the key store, which may ask
        for a keys file's passphrase: a window calls this on its UI thread)."""
        self._refuse_read_only()
        journal_id = MetaRepository(self._store).get_or_set(JOURNAL_ID, new_id())
        return self._keys.new_key(journal_id, passphrase)

    def encrypt(
        self,
        passphrase: str | None = None,
        progress: Progress = _quiet,
        prepared: NewKey | None = None,
    ) -> None:
        """Encrypt the journal: under a key derived from ``passphrase``, asked for at every
        open, or (None) under a random key kept in the key store (or the key ``prepared``).
        On a journal already encrypted, backups an interruption left plain are encrypted; if
        there are none, it says so."""
        self._refuse_read_only()
        if self._store.encrypted:
            if not self.status().backups_plain:
                raise BadInput(Msg.JOURNAL_ALREADY_ENCRYPTED)
            self._convert_backups(None, self._store.key, progress)
            return
        key, settings = prepared or self.prepare(passphrase)
        self._backups.backup(reason=BackupReason.PRE_CONVERSION)
        write_settings(self._paths.data_dir, settings)  # before the swap: a crash after it
        self._swap(key)  # must find the way to the key
        self._convert_backups(None, key, progress)

    def decrypt(self, progress: Progress = _quiet) -> None:
        """Make the journal (and its backups) plain again."""
        self._refuse_read_only()
        key = self._store.key
        if key is None:
            raise BadInput(Msg.JOURNAL_NOT_ENCRYPTED)
        self._backups.backup(reason=BackupReason.PRE_CONVERSION)
        # Backups first, the journal last: while any file is encrypted the journal is too, so
        # its key (and the settings that find it) are still there if this is interrupted.
        self._convert_backups(key, None, progress)
        self._swap(None)
        remove_settings(self._paths.data_dir)

    def _refuse_read_only(self) -> None:
        if self._store.read_only:
            raise BadInput(Msg.JOURNAL_CONVERSION_READ_ONLY)

    def _swap(self, new_key: bytes | None) -> None:
        store = self._store
        old_key = store.key
        store.close()
        try:
            conversion.convert(store.path, old_key, new_key)
            store.key = new_key
        finally:
            store.reopen()  # the new journal, or the old one if the conversion failed
        self._changes.publish(Topic.JOURNAL)

    def _convert_backups(
        self, old_key: bytes | None, new_key: bytes | None, progress: Progress
    ) -> None:
        listed = backup_files.list_backups(self._paths.backups_dir)
        progress(1, len(listed) + 1)
        for done, path in enumerate(listed, start=2):
            conversion.convert_file(path, old_key, new_key)
            progress(done, len(listed) + 1)
