"""Sharing 1,000 entries with a trio and receiving them, beside the bare crypto of the same.

Four journals on one machine, as the tests set them up: the sender's (a copy of the 1k-entry
journal) and three recipients', each with its keys in one in-memory keyring (the real key
generation and the real age X25519 encryption; no passphrase, so no scrypt). Sharing is
:meth:`SharingService.preview` of every entry plus :meth:`SharingService.share`; receiving is
one recipient's :meth:`ReceivingService.receive`. The floors are the same items through
``json``, one Ed25519 signature and one age encryption to the same four recipients, and back:
one decryption, ``json`` and one signature check.
"""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pyrage  # type: ignore[import-untyped, unused-ignore]
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from benchmarks.journals import Workspace
from benchmarks.measure import Figure, Target, median, timed
from reflect.app import App, open_app
from reflect.paths import resolve_paths
from reflect.secrets.memory_keyring import MemoryKeyring

TARGET = Target("< 1 s", 1.0, on="value")
SENDER = "Asha Patel"
RECIPIENTS = ("Ben Okafor", "Cai Jones", "Dee Smith")
EVERYTHING_SINCE = date(1900, 1, 1)


@dataclass
class _Trio:
    sender: App
    recipients: list[App]


def run(workspace: Workspace, size: int, repeats: int) -> list[Figure]:
    timings: dict[str, list[float]] = {"share": [], "receive": [], "seal": [], "open": []}
    for _ in range(repeats):
        with _trio(workspace, size) as trio:
            _one_round(trio, workspace.scratch("exchange-bundle") / "summary.reflect", timings)
    return [
        _figure("share", f"share {size:,} entries with 3 recipients", timings, "seal"),
        _figure("receive", f"receive {size:,} shared entries", timings, "open"),
    ]


def _one_round(trio: _Trio, bundle: Path, timings: dict[str, list[float]]) -> None:
    timings["share"].append(timed(lambda: _share(trio.sender, bundle)))
    timings["receive"].append(timed(lambda: trio.recipients[0].receiving.receive(bundle)))
    items = trio.sender.sharing.preview(
        RECIPIENTS, since=EVERYTHING_SINCE, include_coaching=True
    ).items
    keys = _FloorKeys.make()
    sealed: list[bytes] = []
    timings["seal"].append(timed(lambda: sealed.append(keys.seal(items))))
    timings["open"].append(timed(lambda: keys.open(sealed[0])))


def _figure(name: str, label: str, timings: dict[str, list[float]], floor: str) -> Figure:
    words = "json + sign + age encrypt" if floor == "seal" else "age decrypt + json + verify"
    return Figure(
        f"exchange.{name}",
        label,
        median(timings[name]),
        "s",
        median(timings[floor]),
        words,
        TARGET,
        samples=len(timings[name]),
    )


def _share(sender: App, out: Path) -> None:
    preview = sender.sharing.preview(RECIPIENTS, since=EVERYTHING_SINCE, include_coaching=True)
    sender.sharing.share(preview, out)


@contextmanager
def _trio(workspace: Workspace, size: int) -> Iterator[_Trio]:
    keyring = MemoryKeyring()
    sender_dir = workspace.scratch("exchange-sender")
    shutil.copy(workspace.journal(size) / "journal.db", sender_dir / "journal.db")
    with ExitStack() as stack:
        sender = stack.enter_context(_person(sender_dir, SENDER, keyring))
        recipients = [
            stack.enter_context(_person(workspace.scratch(f"exchange-{n}"), name, keyring))
            for n, name in enumerate(RECIPIENTS)
        ]
        for me in [sender, *recipients]:
            for other in [sender, *recipients]:
                if other is not me:
                    me.peers.add("", other.keys.card().text)
        yield _Trio(sender, recipients)


@contextmanager
def _person(data_dir: Path, name: str, keyring: MemoryKeyring) -> Iterator[App]:
    app = open_app(resolve_paths(data_dir), keyring_factory=lambda: keyring)
    try:
        app.keys.set_name(name)
        yield app
    finally:
        app.close()


@dataclass(frozen=True)
class _FloorKeys:
    """Raw keys for the floor: a signing key and four age identities."""

    signing: Ed25519PrivateKey
    identities: list[Any]

    @classmethod
    def make(cls) -> _FloorKeys:
        return cls(
            Ed25519PrivateKey.generate(), [pyrage.x25519.Identity.generate() for _ in "abcd"]
        )

    def seal(self, items: tuple[dict[str, Any], ...]) -> bytes:
        document = json.dumps({"items": list(items)}, ensure_ascii=False, sort_keys=True)
        signature = self.signing.sign(document.encode("utf-8")).hex()
        plaintext = json.dumps({"document": document, "signature": signature}).encode("utf-8")
        out = io.BytesIO()
        recipients = [identity.to_public() for identity in self.identities]
        pyrage.encrypt_io(io.BytesIO(plaintext), out, recipients, armored=True)
        return out.getvalue()

    def open(self, sealed: bytes) -> Any:
        out = io.BytesIO()
        pyrage.decrypt_io(io.BytesIO(sealed), out, [self.identities[0]])
        wrapper = json.loads(out.getvalue())
        self.signing.public_key().verify(
            bytes.fromhex(wrapper["signature"]), wrapper["document"].encode("utf-8")
        )
        return json.loads(wrapper["document"])
