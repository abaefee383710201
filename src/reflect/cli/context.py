"""What every command shares: the chosen paths and a journal opened only when needed."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import click

from reflect.app import App, journal_keys_for, open_app
from reflect.errors import BadInput, ReflectError
from reflect.messages import Msg
from reflect.paths import Paths, checked_stamps_dir, resolve_paths
from reflect.secrets.age_passphrase import AGE_SCRYPT
from reflect.secrets.os_keyring import system_keyring
from reflect.services.journal_keys import JournalKeys
from reflect.storage.cipher import is_encrypted

ENV_JOURNAL_PASSPHRASE = "REFLECT_JOURNAL_PASSPHRASE"
JOURNAL_PROMPT = "Passphrase for your encrypted journal"


@dataclass
class CliState:
    data_dir: Path | None
    debug: bool
    warnings: list[str] = field(default_factory=list)  # said only if the command succeeds
    _app: App | None = field(default=None, init=False)

    @property
    def paths(self) -> Paths:
        return resolve_paths(self.data_dir)

    def app(self, quick_check: bool = True) -> App:
        """The journal, opened on first use and closed when the command ends.

        Before any command uses it, a quick check reads every page and refuses a damaged
        journal with DB_CORRUPT naming the newest sound backup, unless the file has not changed
        since it last passed (``reflect check`` passes ``quick_check=False``: it runs the full
        check itself).
        """
        if self._app is None:
            app = open_app(self.paths, unlock=journal_passphrase)
            click.get_current_context().call_on_close(app.close)
            if quick_check:
                app.backups.check_quickly(checked_stamps_dir())
            self._app = app
            take_daily_backup(app, self.warnings)
        return self._app

    def journal_keys(self) -> JournalKeys:
        """The encrypted journal's key, without opening the journal."""
        return journal_keys_for(self.paths, system_keyring, AGE_SCRYPT)

    def journal_key(self, *files: Path) -> bytes | None:
        """The encrypted journal's key when any of ``files`` is encrypted (a backup to
        restore, a damaged journal), found without opening the journal; else None."""
        if not any(is_encrypted(path) for path in files):
            return None
        return self.journal_keys().unlock(journal_passphrase)


def journal_passphrase() -> str:
    """An encrypted journal's passphrase: from $REFLECT_JOURNAL_PASSPHRASE (scripts), else asked
    for on a terminal; never from a command-line argument, which others on the machine see."""
    given = os.environ.get(ENV_JOURNAL_PASSPHRASE)
    if given:
        return given
    if not sys.stdin.isatty():
        raise BadInput(Msg.PASSPHRASE_NEEDS_TERMINAL)
    return str(click.prompt(JOURNAL_PROMPT, hide_input=True, err=True))


def take_daily_backup(app: App, warnings: list[str]) -> None:
    """The first command of the day copies the journal before it does anything.

    Synchronously: a command is short-lived, and the copy (about a second and a half for a
    100,000-entry journal, once a day) must be complete before the process exits. If it
    fails, the command still runs; if it succeeds, one line on stderr then says why the copy
    was not made (if it fails, its own error is the one message: the cause is often the same,
    such as a full disk).
    """
    try:
        app.backups.back_up_if_due()
    except ReflectError as exc:
        warnings.append(ReflectError(Msg.DAILY_BACKUP_FAILED, reason=exc.text).text)


pass_state = click.make_pass_decorator(CliState)
