"""People with journals of their own, for exchange tests: a trio that can swap cards quickly.

Each person opens a real journal in their own data folder; keys go to a shared in-memory keyring
(each journal under its own namespace, as on one machine) and passphrase files use QuickCipher.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fakes import FakeClock, FixedPassphrase, MemoryKeyring, QuickCipher
from reflect.app import App, open_app
from reflect.messages import Msg
from reflect.paths import resolve_paths
from reflect.secrets.age_passphrase import RAW_AGE_SCRYPT, RawPassphraseCipher


@dataclass
class Person:
    name: str
    app: App
    told: list[Msg]
    passphrase: FixedPassphrase

    @property
    def data_dir(self) -> Path:
        return self.app.paths.data_dir

    @property
    def card(self) -> str:
        return self.app.keys.card().text

    @property
    def recipient(self) -> str:
        return self.app.keys.identity().recipient

    def counts(self) -> dict[str, int]:
        """Rows in every exchange table, to show that a refusal stored nothing."""
        tables = ("received", "comments", "private_notes", "peers")
        return {t: self.app.store.scalar(f"SELECT count(*) FROM {t}") for t in tables}


def open_person(
    name: str,
    root: Path,
    keyring_factory: Callable[[], Any],
    clock: FakeClock | None = None,
    folder: str | None = None,
    bundle_cipher: RawPassphraseCipher = RAW_AGE_SCRYPT,
) -> Person:
    """``name``'s journal in ``root / folder`` (by default their first name, in lower case),
    with their name set and prompts that answer. Passphrase bundles use real age scrypt unless
    a test that needs no age file format passes ``QuickRawCipher()``."""
    app = open_app(
        resolve_paths(root / (folder or name.split()[0].lower())),
        clock or FakeClock(),
        keyring_factory=keyring_factory,
        cipher=QuickCipher(),
        bundle_cipher=bundle_cipher,
    )
    told: list[Msg] = []
    passphrase = FixedPassphrase()
    app.keys.set_prompts(passphrase, told.append)
    app.keys.set_name(name)
    return Person(name, app, told, passphrase)


def shared_keyring() -> Callable[[], MemoryKeyring]:
    keyring = MemoryKeyring()
    return lambda: keyring


def introduce(*people: Person, verify: bool = True) -> None:
    """Each adds every other's card (and, like careful people, verifies the fingerprint)."""
    for person in people:
        for other in people:
            if other is not person:
                person.app.peers.add("", other.card)
                if verify:
                    person.app.peers.verify(other.name)
