"""Peers and received bundles for the screenshot journal: two colleagues send it summaries.

Keys for every journal here live in one in-memory keyring, so taking screenshots makes no keys
anywhere real and never asks for a passphrase.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from reflect.app import App, open_app
from reflect.paths import resolve_paths
from reflect.secrets.memory_keyring import MemoryKeyring

if TYPE_CHECKING:
    from reflect.secrets.os_keyring import KeyringFactory


def keyring_factory(keyring: MemoryKeyring) -> KeyringFactory:
    return cast("KeyringFactory", lambda: keyring)


def fill_trio(app: App, folder: Path, keyring: MemoryKeyring) -> None:
    """Asha (verified) and Ben (fingerprint not compared yet) each send ``app`` a summary."""
    if not app.keys.has_name():
        app.keys.set_name("Dana Reed")
    for name, verified, texts in (
        ("Asha Patel", True, ASHA),
        ("Ben Okafor", False, BEN),
    ):
        peer = open_app(resolve_paths(folder / name.split()[0].lower()),
                        keyring_factory=keyring_factory(keyring))  # fmt: skip
        try:
            peer.keys.set_name(name)
            peer.peers.add("", app.keys.card().text)
            app.peers.add("", peer.keys.card().text)
            if verified:
                app.peers.verify(name)
            send_summary(peer, app, folder, texts)
        finally:
            peer.close()
    app.peers.create_trio("Spring trio", ["Asha", "Ben"])


def send_summary(sender: App, reader: App, folder: Path, texts: tuple[str, ...]) -> None:
    question, note, *bodies = texts
    inquiry = sender.inquiries.add(question)
    entries = [sender.entries.write(body, inquiry_id=inquiry.id) for body in bodies]
    preview = sender.sharing.preview(
        to=[reader.keys.name()], inquiry_id=inquiry.id, entry_ids=[e.id for e in entries],
        note=note,
    )  # fmt: skip
    outcome = reader.receiving.receive(sender.sharing.share(preview, folder / inquiry.id))
    if sender.keys.name().startswith("Asha"):
        reader.receiving.add_note(outcome.bundle.id, "Ask what made stopping feel possible.")


ASHA = (
    "How do we make stopping work feel safe?",
    "Push me on measures this time: I keep counting activity, not outcomes.",
    "# Workshop 2\nWe mapped the handoffs on the ward. **Nobody owns the whole pathway**, "
    "and everyone assumed someone else did.",
    "# Stopped the Friday report\nNobody missed it for three weeks. I asked the team what "
    "else we could let go of.",
)
BEN = (
    "What would it take for juniors to speak up in huddles?",
    "I'd like challenge on whether I talk too much in huddles.",
    "# Huddle, Tuesday\nI counted: I spoke for 6 of the 10 minutes. <b>Ouch</b>.",
)
