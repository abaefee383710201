"""A journal another program has locked: one clear line, exit code 1, and nothing lost.

The other program is a real child process holding SQLite's lock (``other_program``). The wait
before giving up is cut from seconds to a few milliseconds; tests/services/test_locked_journal.py
checks the real wait.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import keyring.core
import pytest
from cli_harness import SAMPLES, Reflect, assert_one_error

from bundle_people import person
from fakes import MemoryKeyring
from other_program import LockKind, locked_by_another_program
from reflect.exchange import bundle
from reflect.exchange.bundle_schema import BundleKind
from reflect.messages import Msg
from reflect.storage import database

pytest_plugins = ("cli_fixtures",)


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyring.core, "_keyring_backend", MemoryKeyring())


@pytest.fixture
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 20)


@dataclass
class Journal:
    reflect: Reflect
    bundle_file: Path

    @property
    def db_path(self) -> Path:
        return self.reflect.data_dir / database.DB_FILENAME


@pytest.fixture
def journal(reflect: Reflect, tmp_path: Path, short_wait: None) -> Journal:
    """Ben's journal with an entry and his keys, and a bundle from someone to receive."""
    reflect.write("Written before the other program came along.")
    card = reflect.json("key", "show", "--name", "Ben")["card"]
    recipient = next(line for line in card.splitlines() if line.startswith("age: "))[5:]
    asha = person("Asha")
    content = bundle.BundleContent(
        BundleKind.SUMMARY, [{"type": "note", "text": "Push me."}], "2026-03-01T09:00:00+00:00"
    )
    sealed = bundle.seal(content, asha.signing_key, asha.card, [recipient])
    return Journal(reflect, bundle.write_bundle(tmp_path / "from-asha", sealed))


def commands(journal: Journal) -> dict[str, tuple[str, ...]]:
    return {
        "write": ("write", "Written while it was locked."),
        "import": ("import", "jrnl", str(SAMPLES / "jrnl" / "journal.txt")),
        "receive": ("receive", str(journal.bundle_file), "--accept-unverified"),
        "inquiry": ("inquiry", "add", "Asked while it was locked?"),
    }


@pytest.mark.parametrize("command", ["write", "import", "receive", "inquiry"])
@pytest.mark.parametrize("kind", ["write", "exclusive"])
def test_changing_a_locked_journal_says_so_and_loses_nothing(
    journal: Journal, command: str, kind: LockKind
) -> None:
    before = journal.reflect.snapshot()

    with locked_by_another_program(journal.db_path, kind):
        result = journal.reflect(*commands(journal)[command])

    assert_one_error(result, Msg.DB_LOCKED)
    assert journal.reflect.snapshot() == before
    assert journal.reflect.ok(*commands(journal)[command]).code == 0  # and later it works
    assert journal.reflect.ok("check").out == "ok\n"


def test_reading_works_while_another_program_writes(journal: Journal) -> None:
    before = journal.reflect.entries()

    with locked_by_another_program(journal.db_path, "write"):
        listed = journal.reflect.entries()
        inbox = journal.reflect("inbox")

    assert listed == before
    assert inbox.code == 0


def test_reading_says_so_when_another_program_holds_the_journal_alone(journal: Journal) -> None:
    with locked_by_another_program(journal.db_path, "exclusive"):
        result = journal.reflect("list")

    assert_one_error(result, Msg.DB_LOCKED)
    assert result.out == ""
