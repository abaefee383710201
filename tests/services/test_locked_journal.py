"""A journal another program has locked: writes wait for it a while, then say so, change nothing.

The other program is a real child process holding SQLite's lock (see ``other_program``), since
locks inside one process do not behave like a second Reflect or a database browser.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pyrage
import pytest

from bundle_people import person
from fakes import FakeClock, QuickCipher
from journal_snapshot import journal_state
from other_program import locked_by_another_program
from people import open_person, shared_keyring
from reflect.app import App, open_app
from reflect.errors import StorageError
from reflect.exchange import bundle
from reflect.exchange.bundle_schema import BundleKind
from reflect.exchange.card import PublicKeys, make_card
from reflect.messages import Msg
from reflect.paths import Paths
from reflect.storage import database

SAMPLES = Path(__file__).resolve().parent.parent / "formats" / "samples"
SHORT_WAIT_MS = 50  # the real wait is seconds; these tests only need it to run out


@dataclass
class Journal:
    """Ben's journal, closed, with Asha as a peer and a bundle from her waiting to be received."""

    paths: Paths
    keyring: Callable[[], Any]
    bundle_file: Path

    def open(self) -> App:
        return open_app(self.paths, FakeClock(), keyring_factory=self.keyring, cipher=QuickCipher())


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    keyring = shared_keyring()
    ben = open_person("Ben Okafor", tmp_path, keyring)
    asha = person("Asha")
    ben.app.peers.add("", make_card("Asha", PublicKeys(asha.card.recipient, asha.card.signing_key)))
    ben.app.entries.write("Written before anyone locked the journal.")
    content = bundle.BundleContent(
        BundleKind.SUMMARY, [{"type": "note", "text": "Push me."}], "2026-03-01T09:00:00+00:00"
    )
    sealed = bundle.seal(content, asha.signing_key, asha.card, [ben.recipient])
    bundle_file = bundle.write_bundle(tmp_path / "from-asha", sealed)
    ben.app.close()
    return Journal(ben.app.paths, keyring, bundle_file)


@pytest.fixture
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", SHORT_WAIT_MS)


@pytest.mark.parametrize("write", ["write", "import", "receive", "draft", "peer"])
def test_a_write_to_a_locked_journal_says_so_and_changes_nothing(
    journal: Journal, short_wait: None, write: str
) -> None:
    before = journal_state(journal.paths)
    app = journal.open()
    try:
        with (
            locked_by_another_program(journal.paths.db_path),
            pytest.raises(StorageError) as caught,
        ):
            attempt(app, journal, write)
        assert caught.value.msg is Msg.DB_LOCKED
        assert not app.store.conn.in_transaction
        assert len(app.entries.page()) == 1  # reading still works while it is locked
    finally:
        app.close()
    assert journal_state(journal.paths) == before


def attempt(app: App, journal: Journal, write: str) -> object:
    if write == "write":
        return app.entries.write("Written while it was locked.")
    if write == "import":
        return app.transfer.import_path("jrnl", SAMPLES / "jrnl" / "journal.txt")
    if write == "receive":
        return app.receiving.receive(journal.bundle_file)
    if write == "draft":
        return app.drafts.autosave(replace(app.drafts.start(), body="Typed while locked."))
    return app.peers.add("Dev", str(pyrage.x25519.Identity.generate().to_public()))


def test_after_the_other_program_finishes_the_same_write_works(
    journal: Journal, short_wait: None
) -> None:
    app = journal.open()
    try:
        with locked_by_another_program(journal.paths.db_path), pytest.raises(StorageError):
            app.transfer.import_path("jrnl", SAMPLES / "jrnl" / "journal.txt")
        report = app.transfer.import_path("jrnl", SAMPLES / "jrnl" / "journal.txt")
        outcome = app.receiving.receive(journal.bundle_file, accept_unverified=True)
    finally:
        app.close()
    assert report.added["entries"] == 8
    assert outcome.new


def test_a_write_waits_for_the_other_program_to_finish(journal: Journal) -> None:
    """With the real busy timeout, a write that meets the lock waits, and succeeds once the
    other program lets go (well within the timeout, so no timing is asserted)."""
    app = journal.open()
    writing = threading.Event()
    app.store.conn.set_trace_callback(
        lambda sql: writing.set() if sql.lstrip().upper().startswith("INSERT") else None
    )
    result: list[object] = []
    try:
        with locked_by_another_program(journal.paths.db_path) as other:
            thread = threading.Thread(
                target=lambda: result.append(app.entries.write("Waited for the lock."))
            )
            thread.start()
            # The INSERT has started while the lock is held: from here it can only wait.
            assert writing.wait(timeout=60)
            other.release()
            thread.join(timeout=60)
        assert len(result) == 1
        assert "Waited for the lock." in {e.body for e in app.entries.page()}
    finally:
        app.store.conn.set_trace_callback(None)
        app.close()


def test_the_wait_is_seconds_long(journal: Journal) -> None:
    app = journal.open()
    try:
        timeout = app.store.conn.execute("PRAGMA busy_timeout").fetchone()[0]
    finally:
        app.close()
    assert timeout == database.BUSY_TIMEOUT_MS == 5000


def test_a_journal_another_program_holds_exclusively_cannot_be_opened(
    journal: Journal, short_wait: None
) -> None:
    before = journal_state(journal.paths)
    with (
        locked_by_another_program(journal.paths.db_path, "exclusive"),
        pytest.raises(StorageError) as caught,
    ):
        journal.open()
    assert caught.value.msg is Msg.DB_LOCKED
    assert journal_state(journal.paths) == before
