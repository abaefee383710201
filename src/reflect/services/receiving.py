"""Receiving from a coaching trio: open a bundle, keep it in the inbox, answer with feedback.

A bundle is opened with the user's keys (or a passphrase), checked against the peers' signing
keys, and stored verbatim; receiving it again changes nothing and says so. A feedback bundle's
comments attach to the user's own entries. Private notes on a received summary stay here;
feedback goes back to its sender as a bundle of its own.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from reflect.core.clock import Clock, to_text
from reflect.core.entry import Entry
from reflect.core.ids import new_id, stable_id
from reflect.core.peer import Comment, Peer, PrivateNote, ReceivedBundle
from reflect.errors import BadInput, NotFound
from reflect.exchange import bundle as bundles
from reflect.exchange.bundle_schema import BundleKind, checked
from reflect.exchange.card import checked_signing_key
from reflect.messages import Msg
from reflect.secrets.age_passphrase import RAW_AGE_SCRYPT, RawPassphraseCipher
from reflect.services import typed_input
from reflect.services.changes import ChangeFeed, Topic
from reflect.services.inbox import Inbox, grouped, sender_verified
from reflect.services.keys import KeyService, read_file
from reflect.services.peers import PeerService
from reflect.services.sharing import sealed
from reflect.storage.received import ReceivedRepository

Item = dict[str, Any]
YOU = "\x00you"  # stands for the user among the signers, so their own bundles are recognised
# The file-size bound the bundle layer applies: reading stops one byte past it.
MOST_FILE_BYTES = bundles.MAX_BUNDLE_BYTES * bundles.MAX_FILE_FACTOR + bundles.MAX_HEADER_BYTES


@dataclass(frozen=True)
class ReceiveOutcome:
    bundle: ReceivedBundle  # as stored (the earlier copy, when it was here already)
    items: tuple[Item, ...]
    new: bool  # False: it was here already and nothing changed
    peer: Peer | None  # the peer who signed it; None when accepted unverified
    comments: int = 0  # feedback comments attached to your entries
    unmatched: int = 0  # feedback comments about entries this journal does not have

    @property
    def notice(self) -> Msg | None:
        return None if self.new else Msg.BUNDLE_ALREADY_RECEIVED

    @property
    def sender_verified(self) -> bool:
        """Signed by a peer whose fingerprint you compared (signed by a peer is not enough)."""
        return self.peer is not None and self.peer.verified


@dataclass(frozen=True)
class ReceivedView:
    """One received bundle to read: its items (optional fields filled in) and your notes."""

    bundle: ReceivedBundle
    items: tuple[Item, ...]
    notes: tuple[PrivateNote, ...]
    sender_verified: bool = False  # see reflect.services.inbox
    # Your entries that its comments are about, by id: those this journal still has (the
    # trash included), so a reader can name each by its title.
    about: Mapping[str, Entry] = field(default_factory=dict)

    @property
    def shared_entries(self) -> tuple[Item, ...]:
        return shared_entries(self.items)


class EntryLookup(Protocol):
    """Finds the user's own entries by id, trashed ones too (the entries repository)."""

    def get_many(self, ids: Sequence[str]) -> dict[str, Entry]: ...


class ReceivingService:
    def __init__(
        self,
        repo: ReceivedRepository,
        keys: KeyService,
        peers: PeerService,
        entries: EntryLookup,
        changes: ChangeFeed,
        clock: Clock,
        bundle_cipher: RawPassphraseCipher = RAW_AGE_SCRYPT,
    ) -> None:
        self._repo = repo
        self._keys = keys
        self._peers = peers
        self._entries = entries
        self._changes = changes
        self._clock = clock
        self._bundle_cipher = bundle_cipher

    def receive(
        self, path: Path, accept_unverified: bool = False, passphrase: str | None = None
    ) -> ReceiveOutcome:
        """Open the bundle at ``path`` and keep it; every refusal is a BadInput, storing nothing."""
        opened = self._open(read_limited(path), accept_unverified, passphrase)
        peer = self._signer(opened)
        bundle = ReceivedBundle(
            id=opened.bundle_id,
            kind=str(opened.kind),
            sender_name=peer.name if peer else opened.sender_name,
            created=opened.created,
            received=to_text(self._clock()),
            signed_by_peer=peer is not None,
            raw_json=opened.raw_json.decode("utf-8"),
            peer_id=peer.id if peer else None,
            signing_key=opened.sender.signing_key,
        )
        comments = feedback_comments(opened, bundle.sender_name)
        if not self._repo.add(bundle, comments):
            earlier = self._repo.get(bundle.id) or bundle
            return ReceiveOutcome(earlier, opened.items, new=False, peer=peer)
        attached = [c for c in comments if c in self._repo.comments_on(c.entry_id)]
        self._changes.publish(Topic.RECEIVED, bundle.id)
        if attached:
            self._changes.publish(Topic.ENTRIES, *{c.entry_id for c in attached})
        unmatched = len(comments) - len(attached)
        return ReceiveOutcome(bundle, opened.items, True, peer, len(attached), unmatched)

    def inbox(self) -> Inbox:
        """Received bundles grouped by sender, then by the day they were written."""
        return grouped(self._repo.all(), {peer.id: peer for peer in self._peers.all()})

    def get(self, typed_id: str) -> ReceivedBundle:
        bundle = self._repo.get(self.resolve(typed_id))
        if bundle is None:
            raise NotFound(Msg.RECEIVED_NOT_FOUND, id=typed_id)
        return bundle

    def resolve(self, typed_id: str) -> str:
        return one_of([b.id for b in self._repo.all()], typed_id, Msg.RECEIVED_NOT_FOUND)

    def read(self, typed_id: str) -> ReceivedView:
        bundle = self.get(typed_id)
        notes = tuple(self._repo.notes_on(bundle.id))
        items = stored_items(bundle)
        verified = sender_verified(bundle, {peer.id: peer for peer in self._peers.all()})
        about = [item["about"] for item in items if item["type"] == "comment"]
        mine = self._entries.get_many(list(dict.fromkeys(about))) if about else {}
        return ReceivedView(bundle, items, notes, verified, mine)

    def comments_on(self, entry_id: str) -> list[Comment]:
        return self._repo.comments_on(entry_id)

    def add_note(self, bundle_id: str, text: str) -> PrivateNote:
        """A private coaching note on a received bundle; it never leaves this journal."""
        bundle = self.get(bundle_id)
        if not text.strip():
            raise BadInput(Msg.NOTE_EMPTY)
        now = to_text(self._clock())
        note = PrivateNote(new_id(), bundle.id, text.strip("\n"), now, now)
        self._repo.save_note(note)
        self._changes.publish(Topic.RECEIVED, bundle.id)
        return note

    def feedback(
        self,
        bundle_id: str,
        comments: Mapping[str, str],
        note: str,
        out: Path,
        passphrase: str | None = None,
    ) -> Path:
        """Write a feedback bundle answering a received summary: ``comments`` maps its entries
        (each by its number in the summary, its id or the id's first characters; see
        :func:`entry_in`) to what to say about each."""
        bundle = self.get(bundle_id)
        if bundle.kind != BundleKind.SUMMARY:
            raise BadInput(Msg.FEEDBACK_ON_FEEDBACK)
        now = to_text(self._clock())
        shared = [item["id"] for item in shared_entries(stored_items(bundle))]
        items: list[Item] = [
            comment_item(entry_in(shared, typed), text.strip(), now)
            for typed, text in comments.items()
            if text.strip()  # blank comments are left out before their ids are looked at
        ]
        if note.strip():
            items.append({"type": "note", "text": note.strip()})
        if not items:
            raise BadInput(Msg.FEEDBACK_EMPTY)
        to = [] if passphrase is not None else [self._author(bundle)]
        content = bundles.BundleContent(BundleKind.FEEDBACK, items, now)
        sealed_bundle = sealed(self._keys, content, to, passphrase, self._bundle_cipher)
        return bundles.write_bundle(out, sealed_bundle)

    def _open(
        self, data: bytes, accept_unverified: bool, passphrase: str | None
    ) -> bundles.OpenedBundle:
        signers = self._peers.signers()
        if passphrase is not None:
            return bundles.open_with_passphrase(
                data, passphrase, signers, accept_unverified, cipher=self._bundle_cipher
            )
        me = self._keys.identity()
        signers[me.signing_public] = YOU
        opened = bundles.open_bundle(
            data, me.age_identity, signers, me.recipient, accept_unverified
        )
        if opened.signed_by_peer and opened.sender_name == YOU:
            raise BadInput(Msg.BUNDLE_FROM_YOU)
        return opened

    def _signer(self, opened: bundles.OpenedBundle) -> Peer | None:
        if not opened.signed_by_peer:
            return None
        return self._peers.by_signing_key(checked_signing_key(opened.sender.signing_key))

    def _author(self, bundle: ReceivedBundle) -> Peer:
        """The peer who sent ``bundle``, found by the key that signed it."""
        peer = self._peers.by_signing_key(bundle.signing_key) if bundle.signing_key else None
        if peer is None:
            raise BadInput(Msg.FEEDBACK_NEEDS_PEER, name=bundle.sender_name)
        return peer


def read_limited(path: Path) -> bytes:
    """The file's bytes, reading no further than one byte past what any bundle can be."""
    if not path.is_file():
        return read_file(path)  # says why: missing, a folder, unreadable
    try:
        with path.open("rb") as handle:
            return handle.read(MOST_FILE_BYTES + 1)
    except OSError:
        return read_file(path)


def feedback_comments(opened: bundles.OpenedBundle, author: str) -> list[Comment]:
    if opened.kind is not BundleKind.FEEDBACK:
        return []
    return [
        Comment(
            id=stable_id(opened.bundle_id, str(n)),
            entry_id=item["about"],
            bundle_id=opened.bundle_id,
            author=author,
            text=item["body"],
            created=item["created"] or opened.created,
        )
        for n, item in enumerate(opened.items)
        if item["type"] == "comment"
    ]


def comment_item(about: str, body: str, created: str) -> Item:
    return {"type": "comment", "id": new_id(), "about": about, "body": body, "created": created}


def shared_entries(items: tuple[Item, ...]) -> tuple[Item, ...]:
    """The entry items, in order: the entry numbered n (from 1) is ``shared_entries[n-1]``, and
    feedback may name it by that number."""
    return tuple(item for item in items if item["type"] == "entry")


def stored_items(bundle: ReceivedBundle) -> tuple[Item, ...]:
    """The items of a stored bundle, read as they were checked when it arrived."""
    return checked(json.loads(bundle.raw_json)).items


def one_of(known: list[str], typed: str, not_found: Msg) -> str:
    """The one id in ``known`` that ``typed`` names, in full or by its first characters."""
    if typed.strip() in known:
        return typed.strip()
    lowered = {k.lower(): k for k in known}

    def starting(prefix: str) -> list[str]:
        return [k for k in lowered if k.startswith(prefix)][:2]

    return lowered[typed_input.resolve(typed, starting, not_found)]


# Longer digit strings are never an entry's number (and int() of thousands of digits is slow).
MOST_DIGITS = 6


def entry_in(shared: list[str], typed: str) -> str:
    """The shared entry that ``typed`` names: its number in the summary (1 for the first entry,
    as ``reflect inbox BUNDLE_ID`` lists them), else its id or the id's first characters. A
    number within the count is always the number, so what the inbox shows is what is meant."""
    text = typed.strip()
    number = int(text) if text.isascii() and text.isdigit() and len(text) <= MOST_DIGITS else 0
    if 1 <= number <= len(shared):
        return shared[number - 1]
    try:
        return one_of(shared, typed, Msg.FEEDBACK_UNKNOWN_ENTRY)
    except NotFound:
        raise BadInput(Msg.FEEDBACK_UNKNOWN_ENTRY, id=typed) from None
