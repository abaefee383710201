"""Sharing a summary with a coaching trio: choose, preview exactly what leaves, seal, write.

:meth:`SharingService.preview` gathers the chosen items in the bundle's item schema (see
docs/exchange.md) and flags text that looks like it identifies someone; the front end shows
both. :meth:`SharingService.share` signs and encrypts exactly those items to the chosen peers
and the sender (or with a passphrase) and writes the ``.reflect`` file atomically.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from reflect.core.action import Action
from reflect.core.assessment import Assessment
from reflect.core.clock import Clock, local_day_start, to_text
from reflect.core.connection import SectorCounts
from reflect.core.entry import Entry, EntryKind
from reflect.core.entry_filter import EntryFilter
from reflect.core.inquiry import Inquiry
from reflect.core.peer import Peer
from reflect.errors import BadInput, NotFound
from reflect.exchange.bundle import BundleContent, seal, seal_with_passphrase, write_bundle
from reflect.exchange.bundle_schema import BundleKind
from reflect.messages import Msg
from reflect.secrets.age_passphrase import RAW_AGE_SCRYPT, RawPassphraseCipher
from reflect.services.actions import ActionService
from reflect.services.assessments import AssessmentService
from reflect.services.connections import ConnectionService
from reflect.services.entries import EntryService
from reflect.services.frameworks import FrameworkCatalog
from reflect.services.inquiries import InquiryService
from reflect.services.keys import KeyService
from reflect.services.peers import PeerService
from reflect.services.privacy_scan import Finding, find_in_items

Item = dict[str, Any]


@dataclass(frozen=True)
class SharePreview:
    """Exactly what will leave, to whom, and what in it may identify someone."""

    recipients: tuple[Peer, ...]
    items: tuple[Item, ...]
    findings: tuple[Finding, ...]

    @property
    def unverified(self) -> tuple[str, ...]:
        """Recipients whose fingerprint was not compared yet (and could be)."""
        return tuple(p.name for p in self.recipients if p.signing_key and not p.verified)


@dataclass(frozen=True)
class ShareChoices:
    """What the user chose to share.

    An inquiry goes as people mean it: the question with every wording, the entries linked to
    it and its actions; with ``since``, only entries written since that day and actions added
    or changed since. Without an inquiry, ``since`` takes every entry written since. Either way
    coaching notes stay out unless ``include_coaching``. Entries chosen by id always go, with
    their actions. With no ``to``, the default trio receives it."""

    to: tuple[str, ...] = ()
    inquiry_id: str | None = None
    entry_ids: tuple[str, ...] = ()
    since: date | None = None
    include_actions: bool = True
    include_coaching: bool = False
    include_assessment: bool = False
    note: str = ""
    # Connections never leave unless chosen, and then only as counts by sector per month.
    include_connections: bool = False


@dataclass(frozen=True)
class Sources:
    """The journal services a summary is gathered from."""

    inquiries: InquiryService
    entries: EntryService
    actions: ActionService
    assessments: AssessmentService
    frameworks: FrameworkCatalog
    connections: ConnectionService


class SharingService:
    def __init__(
        self,
        sources: Sources,
        keys: KeyService,
        peers: PeerService,
        clock: Clock,
        bundle_cipher: RawPassphraseCipher = RAW_AGE_SCRYPT,
    ):
        self._sources = sources
        self._keys = keys
        self._peers = peers
        self._clock = clock
        self._bundle_cipher = bundle_cipher

    def preview(
        self,
        to: Sequence[str] = (),
        inquiry_id: str | None = None,
        entry_ids: Sequence[str] = (),
        since: date | None = None,
        include_actions: bool = True,
        include_coaching: bool = False,
        include_assessment: bool = False,
        note: str = "",
        include_connections: bool = False,
    ) -> SharePreview:
        """The items that :meth:`share` would send, with warnings (see :class:`ShareChoices`)."""
        choices = ShareChoices(
            tuple(to), inquiry_id, tuple(entry_ids), since, include_actions, include_coaching,
            include_assessment, note, include_connections,
        )  # fmt: skip
        return self.scanned(self.gather(choices))

    def gather(self, choices: ShareChoices) -> SharePreview:
        """The items :meth:`share` would send, not yet scanned for identifiers: reading the
        journal is quick, the scan of a long share is not (see :meth:`scanned`)."""
        c = choices
        src = self._sources
        inquiry = src.inquiries.get(c.inquiry_id) if c.inquiry_id else None
        entries = self._entries(inquiry, c.entry_ids, c.since, c.include_coaching)
        items: list[Item] = [inquiry_item(inquiry)] if inquiry else []
        if c.note.strip():
            items.append({"type": "note", "text": c.note.strip()})
        items += [self._entry_item(entry) for entry in entries]
        if c.include_actions:
            items += [action_item(a) for a in self._actions(inquiry, entries, c.since)]
        latest = src.assessments.history()[-1:] if c.include_assessment else []
        items += [self._assessment_item(a) for a in latest]
        if c.include_connections:
            items.append(connection_counts_item(src.connections.counts()))
        if not items:
            raise BadInput(Msg.SHARE_NOTHING)
        return SharePreview(tuple(self._peers.recipients(c.to)), tuple(items), ())

    def scanned(self, preview: SharePreview) -> SharePreview:
        """``preview`` with its warnings. Reads nothing from the journal, so a front end may
        run it off its UI thread."""
        today = self._clock().astimezone().date()
        return replace(preview, findings=tuple(find_in_items(preview.items, today)))

    def share(self, preview: SharePreview, out_path: Path, passphrase: str | None = None) -> Path:
        """Seal the previewed items to its recipients and the sender (or with ``passphrase``)
        and write them to ``out_path`` (``.reflect`` is added if missing)."""
        content = BundleContent(BundleKind.SUMMARY, preview.items, to_text(self._clock()))
        sealed_bundle = sealed(
            self._keys, content, preview.recipients, passphrase, self._bundle_cipher
        )
        return write_bundle(out_path, sealed_bundle)

    def _entries(
        self,
        inquiry: Inquiry | None,
        entry_ids: Sequence[str],
        since: date | None,
        include_coaching: bool,
    ) -> list[Entry]:
        entries = self._sources.entries
        chosen = {entry.id: entry for entry in map(entries.get, entry_ids)}
        for entry in chosen.values():
            if entry.deleted is not None:
                raise NotFound(Msg.ENTRY_NOT_FOUND, id=entry.id)
        if since is not None or inquiry is not None:
            filt = EntryFilter(
                inquiry_id=inquiry.id if inquiry else None,
                since=local_day_start(since) if since is not None else None,
            )
            for entry in entries.page(filt, limit=max(entries.count(filt), 1)):
                if include_coaching or entry.kind is not EntryKind.COACHING:
                    chosen.setdefault(entry.id, entry)
        return sorted(chosen.values(), key=lambda e: e.created)

    def _actions(
        self, inquiry: Inquiry | None, entries: list[Entry], since: date | None
    ) -> list[Action]:
        """Those that came from the shared entries, and the inquiry's (added or changed since
        ``since``, when given: an action done since the last session is news)."""
        entry_ids = {entry.id for entry in entries}
        start = local_day_start(since) if since is not None else ""
        return [
            action
            for action in self._sources.actions.find()
            if action.entry_id in entry_ids
            or (inquiry and action.inquiry_id == inquiry.id and changed_since(action, start))
        ]

    def _entry_item(self, entry: Entry) -> Item:
        framework = self._sources.frameworks.find(entry.framework_id or "")
        labels = {p.id: p.label for p in framework.prompts} if framework else {}
        return {
            "type": "entry",
            "id": entry.id,
            "kind": str(entry.kind),
            "title": entry.title,
            "body": entry.body,
            "created": entry.created,
            "updated": entry.updated,
            "tags": list(entry.tags),
            "inquiry_id": entry.inquiry_id,
            "framework_id": entry.framework_id,
            "responses": [
                {"prompt_id": r.prompt_id, "label": labels.get(r.prompt_id, ""), "text": r.text}
                for r in entry.responses
            ],
        }

    def _assessment_item(self, assessment: Assessment) -> Item:
        framework = self._sources.frameworks.find(assessment.framework_id)
        return {
            "type": "assessment",
            "id": assessment.id,
            "framework_id": assessment.framework_id,
            "framework_name": framework.name if framework else "",
            "created": assessment.created,
            "scores": [
                {"domain_id": s.domain_id, "score": s.score, "evidence": s.evidence}
                for s in assessment.scores
            ],
            "inquiry_id": assessment.inquiry_id,
            "note": assessment.note,
        }


def sealed(
    keys: KeyService,
    content: BundleContent,
    to: Sequence[Peer],
    passphrase: str | None,
    cipher: RawPassphraseCipher = RAW_AGE_SCRYPT,
) -> bytes:
    """``content`` signed with the user's keys, encrypted to ``to`` and the user, or with
    ``passphrase`` when one is given."""
    sender = keys.sender()
    signing_key = keys.identity().signing_key()
    if passphrase is not None:
        return seal_with_passphrase(content, signing_key, sender, passphrase, cipher=cipher)
    if not to:
        raise BadInput(Msg.SHARE_NO_RECIPIENTS)
    return seal(content, signing_key, sender, [peer.age_recipient for peer in to])


def inquiry_item(inquiry: Inquiry) -> Item:
    return {
        "type": "inquiry",
        "id": inquiry.id,
        "question": inquiry.question,
        "wordings": [{"question": w.question, "created": w.created} for w in inquiry.wordings],
        "why": inquiry.why,
        "status": str(inquiry.status),
        "status_note": inquiry.status_note,
        "created": inquiry.created or None,
    }


def changed_since(action: Action, start: str) -> bool:
    """Whether ``action`` was added or changed at or after ``start`` (UTC text; "" for ever)."""
    return max(action.updated or "", action.created or "") >= start


def action_item(action: Action) -> Item:
    return {
        "type": "action",
        "id": action.id,
        "text": action.text,
        "kind": str(action.kind),
        "status": str(action.status),
        "due": action.due,
        "created": action.created,
        "entry_id": action.entry_id,
        "inquiry_id": action.inquiry_id,
    }


def connection_counts_item(months: Sequence[SectorCounts]) -> Item:
    """How many connections of each sector were made per month: no names, places or notes."""
    return {
        "type": "connection-counts",
        "months": [
            {"month": m.month, **{str(sector): n for sector, n in m.counts}} for m in months
        ],
    }
