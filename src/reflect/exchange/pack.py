"""Facilitator packs (``.reflectpack``): a programme signed by the facilitator who wrote it.

A pack is a UTF-8 JSON document (``format``, ``version``, the programme, its events, the
frameworks it carries, the facilitator's public keys) with an Ed25519 signature over its
canonical form (see :mod:`reflect.exchange.canonical`). Nothing in it is secret, so it is not
encrypted: a facilitator can post it anywhere and IT can place it beside the installer. The
signature proves the pack is as its facilitator made it; which facilitator to trust is settled
when the first version is installed, and every update must be signed by the same key.
docs/facilitators.md describes the fields.

A pack that asks for an evaluation (docs/evaluation.md) carries it as ``evaluation`` and is
written as version 2, so a Reflect too old to honour the plan refuses the pack as too new
rather than silently dropping the section; every other pack is still written as version 1,
byte for byte as before, and older Reflects install it as they always did.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reflect.core.evaluation import EvaluationPlan
from reflect.core.framework import Framework, Origin
from reflect.core.ids import stable_id
from reflect.core.programme import Event, Facilitator, Programme
from reflect.errors import BadInput
from reflect.exchange.canonical import (
    signature_bytes,
    signature_matches,
    signature_text,
    signing_key_bytes,
)
from reflect.exchange.card import Card, fingerprint, parse_card
from reflect.exchange.identity import Identity
from reflect.formats.evaluation_spec import SECTION, evaluation_document, read_evaluation
from reflect.formats.framework_toml import dump_framework, parse_framework
from reflect.formats.pack_spec import (
    EVENT_KEYS,
    EventSpec,
    PackSpec,
    bounded_text,
    check_framework_named,
    positive,
    read_events,
)
from reflect.formats.toml_table import Invalid, Table
from reflect.messages import Msg

FORMAT = "reflect-pack"
VERSION = 2
EVALUATION_VERSION = 2  # the first version that may carry an [evaluation] section
SUFFIX = ".reflectpack"
MAX_BYTES = 5_000_000
MAX_TEXT = 50_000

_TOP_KEYS = (
    "format", "version", "id", "name", "pack_version", "created", "welcome", "framework",
    "facilitator", "uses", "frameworks", "events", "signature", SECTION,
)  # fmt: skip
_FACILITATOR_KEYS = ("name", "contact", "signing_key", "age_recipient")
_CARRIED_KEYS = ("id", "toml")


@dataclass(frozen=True)
class Pack:
    """A pack whose signature and contents were checked."""

    programme: Programme
    uses: tuple[str, ...]  # frameworks shipped with Reflect that the programme relies on
    frameworks: tuple[tuple[str, str], ...]  # (id, framework file text) carried in the pack
    created: str
    fingerprint: str  # of the facilitator's keys, to compare with what they read out
    document: bytes  # the file as it came, kept with the programme


def pack_bytes(spec: PackSpec, facilitator: Identity, created: str) -> bytes:
    """The signed pack document for ``spec``, signed with the facilitator's keys."""
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": 1 if spec.evaluation is None else EVALUATION_VERSION,
        "id": spec.id,
        "name": spec.name,
        "pack_version": spec.version,
        "created": created,
        "welcome": spec.welcome,
        "framework": spec.framework_id,
        "facilitator": {
            "name": spec.facilitator_name,
            "contact": spec.contact,
            "signing_key": facilitator.signing_public,
            "age_recipient": facilitator.recipient,
        },
        "uses": list(spec.uses),
        "frameworks": [{"id": f.id, "toml": dump_framework(f)} for f in spec.frameworks],
        "events": [_event_document(e) for e in spec.events],
    }
    if spec.evaluation is not None:
        document[SECTION] = evaluation_document(spec.evaluation)
    document["signature"] = signature_text(document, facilitator.signing_key())
    text = json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True)
    return (text + "\n").encode("utf-8")


def _event_document(event: EventSpec) -> dict[str, Any]:
    return {
        "id": event.key,
        "date": event.day.isoformat(),
        "time": event.time,
        "kind": event.kind.value,
        "title": event.title,
        "description": event.description,
        "framework": event.framework_id,
    }


def read_pack(data: bytes, path: Path) -> Pack:
    """Check a pack file's bytes: format, version, signature, then every field."""
    if len(data) > MAX_BYTES:
        raise BadInput(Msg.PACK_TOO_LARGE, path=path, limit_mb=MAX_BYTES // 1_000_000)
    document = _json(data, path)
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BadInput(Msg.PACK_INVALID, path=path, field="version", reason="is missing")
    if version > VERSION:
        raise BadInput(Msg.PACK_TOO_NEW, path=path, version=version)
    try:
        _check_signature(document, path)
        return _pack(document, data, path, version)
    except Invalid as exc:
        raise BadInput(Msg.PACK_INVALID, path=path, field=exc.field, reason=exc.reason) from None


def _json(data: bytes, path: Path) -> dict[str, Any]:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BadInput(Msg.PACK_NOT_PACK, path=path) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BadInput(Msg.PACK_NOT_PACK, path=path)
    return document


def _check_signature(document: dict[str, Any], path: Path) -> None:
    top = Table(document, "", None)  # the keys are checked after the signature
    facilitator = top.table("facilitator", None)
    try:
        public = signing_key_bytes(facilitator.text("signing_key"))
    except ValueError as exc:
        raise Invalid(facilitator.field("signing_key"), str(exc)) from None
    try:
        signature = signature_bytes(top.text("signature"))
    except ValueError as exc:
        raise Invalid("signature", str(exc)) from None
    try:
        matches = signature_matches(document, public, signature)
    except (UnicodeEncodeError, ValueError):  # lone surrogates, NaN: not what a signer wrote
        matches = False
    if not matches:
        raise BadInput(Msg.PACK_BAD_SIGNATURE, path=path)


def _pack(document: dict[str, Any], data: bytes, path: Path, version: int) -> Pack:
    top = Table(document, "", _TOP_KEYS)
    pack_id = top.slug("id")
    uses = tuple(_strings(top, "uses"))
    tables = top.tables("frameworks", _CARRIED_KEYS, required=False)
    parsed = [_carried(table, path) for table in tables]
    carried = tuple((framework.id, text) for framework, text in parsed)
    _check_unique(top, uses, [framework_id for framework_id, _ in carried])
    available = {*uses, *(framework_id for framework_id, _ in carried)}
    framework_id = top.text("framework", required=False) or None
    check_framework_named(top, "framework", framework_id, available)
    events = read_events(top.tables("events", EVENT_KEYS, required=False), available)
    facilitator = top.table("facilitator", _FACILITATOR_KEYS)
    keys = Facilitator(
        name=bounded_text(facilitator, "name", 200),
        contact=bounded_text(facilitator, "contact", 200, required=False),
        signing_key=facilitator.text("signing_key"),
        age_recipient=facilitator.text("age_recipient", required=False),
    )
    programme = Programme(
        pack_id=pack_id,
        name=bounded_text(top, "name", 200),
        pack_version=positive(top, "pack_version"),
        welcome=bounded_text(top, "welcome", MAX_TEXT, required=False),
        facilitator=keys,
        framework_id=framework_id,
        events=tuple(_event(pack_id, e) for e in events),
        evaluation=_evaluation(top, version, dict.fromkeys(uses) | {f.id: f for f, _ in parsed}),
    )
    card = Card(keys.name, keys.age_recipient, keys.signing_key)
    return Pack(programme, uses, carried, top.text("created"), fingerprint(card), data)


def _evaluation(
    top: Table, version: int, frameworks: dict[str, Framework | None]
) -> EvaluationPlan | None:
    """The plan, checked as a spec's is; shipped frameworks' domains are checked on install."""
    section = top.optional_table(SECTION, None)
    if section is None:
        return None
    if version < EVALUATION_VERSION:
        raise Invalid(
            SECTION, f"needs pack format {EVALUATION_VERSION}, and this pack says {version}"
        )
    plan = read_evaluation(section, frameworks, bool(top.data.get("events")), None)
    problem = evaluator_card_problem(plan.evaluator_card)
    if problem:
        raise Invalid(section.field("evaluator_card"), problem)
    return plan


def evaluator_card_problem(text: str) -> str | None:
    """Why ``text`` is not a usable evaluator's contact card, or None when it is one."""
    try:
        card = parse_card(text)
    except BadInput as exc:
        return "is not a contact card: " + exc.text.removesuffix(".")
    if not card.verifiable:
        return "is a plain age recipient: give the evaluator's whole contact card"
    return None


def evaluation_in(document: bytes) -> EvaluationPlan | None:
    """The plan in a pack document that was checked when it was installed (the programmes
    table keeps the document verbatim), or None when it has none."""
    top = Table(json.loads(document.decode("utf-8-sig")), "", None)
    section = top.optional_table(SECTION, None)
    if section is None:
        return None
    named = [
        *_strings(top, "uses"),
        *(t.text("id") for t in top.tables("frameworks", None, required=False)),
    ]
    return read_evaluation(section, dict.fromkeys(named), bool(top.data.get("events")), None)


def _event(pack_id: str, spec: EventSpec) -> Event:
    return Event(
        id=event_id(pack_id, spec.key),
        pack_id=pack_id,
        day=spec.day,
        kind=spec.kind,
        title=spec.title,
        time=spec.time,
        description=spec.description,
        framework_id=spec.framework_id,
    )


def event_id(pack_id: str, key: str) -> str:
    """The same for every version of the pack, so entries stay linked through updates."""
    return stable_id("event", pack_id, key)


def _check_unique(top: Table, uses: tuple[str, ...], carried: list[str]) -> None:
    """A framework id is named once: two files for one id would make the catalog guess."""
    seen: dict[str, str] = {}
    named = [(f"uses[{n}]", i) for n, i in enumerate(uses)]
    named += [(f"frameworks[{n}].id", i) for n, i in enumerate(carried)]
    for where, framework_id in named:
        first = seen.setdefault(framework_id, where)
        if first != where:
            raise Invalid(top.field(where), f'repeats the framework id "{framework_id}" of {first}')


def _strings(top: Table, key: str) -> list[str]:
    value = top.data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise Invalid(top.field(key), "must be a list of framework ids")
    return value


def _carried(table: Table, path: Path) -> tuple[Framework, str]:
    text = table.text("toml")
    try:
        framework = parse_framework(text, path, Origin.PACK)
    except BadInput as exc:
        field = exc.params.get("field", "toml")
        reason = exc.params.get("reason", exc.text.removesuffix("."))
        raise Invalid(f"{table.field('toml')} ({field})", str(reason)) from None
    if framework.id != table.text("id"):
        raise Invalid(table.field("id"), f'does not match the framework\'s own id "{framework.id}"')
    return framework, text
