"""The schema of a bundle's JSON document: which fields each part has, checked field by field.

The reader is lenient where it can be (unknown extra fields are kept, optional fields get their
defaults) and precise where it cannot: a document from a newer version is refused as such, and
any other problem names the field, such as ``items[2].kind``. docs/exchange.md lists the same
fields for people.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from reflect.core.action import ActionKind, ActionStatus
from reflect.core.clock import is_showable
from reflect.core.connection import Sector
from reflect.core.entry import EntryKind
from reflect.core.inquiry import InquiryStatus
from reflect.errors import BadInput
from reflect.exchange.canonical import SIGNATURE_BYTES, signature_bytes, signing_key_bytes
from reflect.messages import Msg

FORMAT = "reflect-bundle"
# 2: the connection-counts item and the "learning" entry kind. A bundle holding neither is
# still written as version 1 (see version_for), so older readers open every bundle they can.
VERSION = 2
MAX_NUMBER = 1_000_000  # far beyond any rating scale
UNSIGNED = base64.b64encode(bytes(SIGNATURE_BYTES)).decode("ascii")

Item = dict[str, Any]
Check = Callable[[Any, str], Any]


class BundleKind(StrEnum):
    SUMMARY = "summary"  # before a coaching session: what the sender chose to share
    FEEDBACK = "feedback"  # after it: comments on the recipient's shared entries


class Invalid(Exception):
    """One field that does not fit; becomes BUNDLE_INVALID naming it."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where} {reason}")
        self.where = where
        self.reason = reason


@dataclass(frozen=True)
class Field:
    check: Check
    required: bool = True
    default: Any = None


@dataclass(frozen=True)
class CheckedBundle:
    """The parts of a document the opener needs, after every check passed."""

    id: str
    kind: str
    created: str
    sender: dict[str, str]
    recipients: tuple[str, ...]
    items: tuple[Item, ...]


def checked(document: Any) -> CheckedBundle:
    """``document`` checked against the schema, or the BadInput that says what is wrong."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BadInput(Msg.BUNDLE_NOT_REFLECT)
    try:
        _check_version(document.get("version"))
        top = _object(document, TOP_FIELDS, "")
        items = _items(top["items"], top["kind"])
    except Invalid as exc:
        raise BadInput(Msg.BUNDLE_INVALID, field=exc.where, reason=exc.reason) from None
    return CheckedBundle(
        id=top["id"],
        kind=top["kind"],
        created=top["created"],
        sender=top["sender"],
        recipients=tuple(top["recipients"]),
        items=items,
    )


def version_for(items: Sequence[Mapping[str, Any]]) -> int:
    """The lowest version whose readers understand every item: older readers refuse what
    they do not know as "from a newer version of Reflect" rather than as damage."""
    newer = any(
        item.get("type") == "connection-counts"
        or (item.get("type") == "entry" and item.get("kind") == str(EntryKind.LEARNING))
        for item in items
    )
    return 2 if newer else 1


def checked_unsigned(document: dict[str, Any]) -> CheckedBundle:
    """:func:`checked` for a document about to be signed, which has no signature yet."""
    return checked({**document, "signature": UNSIGNED})


def _check_version(version: Any) -> None:
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise Invalid("version", "must be a whole number from 1")
    if version > VERSION:
        raise BadInput(Msg.BUNDLE_TOO_NEW, version=version)


def _object(raw: Any, fields: Mapping[str, Field], where: str) -> Item:
    if not isinstance(raw, dict):
        raise Invalid(where or "the document", "must be an object")
    result = dict(raw)
    for name, spec in fields.items():
        path = f"{where}.{name}" if where else name
        if name in raw:
            result[name] = spec.check(raw[name], path)
        elif spec.required:
            raise Invalid(path, "is missing")
        else:
            result[name] = list(spec.default) if isinstance(spec.default, list) else spec.default
    return result


def _items(raw: Any, kind: str) -> tuple[Item, ...]:
    allowed = KIND_ITEMS[kind]
    checked_items = []
    for n, item in enumerate(raw):
        where = f"items[{n}]"
        if not isinstance(item, dict):
            raise Invalid(where, "must be an object")
        item_type = item.get("type")
        if item_type not in allowed:
            raise Invalid(f"{where}.type", f"must be one of: {', '.join(allowed)} (for {kind})")
        checked_items.append(_object(item, ITEM_FIELDS[item_type], where))
    return tuple(checked_items)


# Field checks ---------------------------------------------------------------------------------


def text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise Invalid(where, "must be text")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        # Lone surrogates, which JSON's \u escapes can produce, have no UTF-8 form.
        raise Invalid(where, "must be text (it holds a lone surrogate)") from None
    return value


def filled(value: Any, where: str) -> str:
    if not text(value, where).strip():
        raise Invalid(where, "must not be empty")
    return str(value)


def optional_text(value: Any, where: str) -> str | None:
    return None if value is None else text(value, where)


def moment(value: Any, where: str) -> str:
    try:
        parsed = datetime.fromisoformat(text(value, where))
    except ValueError:
        raise Invalid(where, "must be an ISO 8601 timestamp") from None
    if parsed.tzinfo is None:
        raise Invalid(where, "must have a UTC offset")
    if not is_showable(parsed):
        raise Invalid(where, "is too far in the past or the future")
    return str(value)


def optional_moment(value: Any, where: str) -> str | None:
    return None if value is None else moment(value, where)


def optional_day(value: Any, where: str) -> str | None:
    if value is None:
        return None
    try:
        date.fromisoformat(text(value, where))
    except ValueError:
        raise Invalid(where, "must be a date written YYYY-MM-DD") from None
    return str(value)


def bundle_uuid(value: Any, where: str) -> str:
    try:
        uuid.UUID(text(value, where))
    except ValueError:
        raise Invalid(where, "must be a UUID") from None
    return str(value)


def whole_number(value: Any, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or abs(value) > MAX_NUMBER:
        raise Invalid(where, f"must be a whole number from -{MAX_NUMBER} to {MAX_NUMBER}")
    return value


def month(value: Any, where: str) -> str:
    try:
        date.fromisoformat(f"{text(value, where)}-01")
    except ValueError:
        raise Invalid(where, "must be a month written YYYY-MM") from None
    if len(value) != 7:
        raise Invalid(where, "must be a month written YYYY-MM")
    return str(value)


def count(value: Any, where: str) -> int:
    if whole_number(value, where) < 0:
        raise Invalid(where, "must not be negative")
    return int(value)


def choice(enum: type[StrEnum]) -> Check:
    names = [str(member) for member in enum]

    def check(value: Any, where: str) -> str:
        if value not in names:
            raise Invalid(where, f"must be one of: {', '.join(names)}")
        return str(value)

    return check


def list_of(check: Check) -> Check:
    def check_list(value: Any, where: str) -> list[Any]:
        if not isinstance(value, list):
            raise Invalid(where, "must be a list")
        return [check(v, f"{where}[{n}]") for n, v in enumerate(value)]

    return check_list


def one_object(fields: Mapping[str, Field]) -> Check:
    def check(value: Any, where: str) -> Item:
        return _object(value, fields, where)

    return check


def objects(fields: Mapping[str, Field]) -> Check:
    return list_of(one_object(fields))


def anything(value: Any, where: str) -> Any:
    return value


def age_recipient(value: Any, where: str) -> str:
    import pyrage  # type: ignore[import-untyped, unused-ignore]

    try:
        pyrage.x25519.Recipient.from_str(text(value, where))
    except pyrage.RecipientError:
        raise Invalid(where, "must be an age recipient (age1...)") from None
    return str(value)


def signing_key(value: Any, where: str) -> str:
    try:
        signing_key_bytes(text(value, where))
    except ValueError as exc:
        raise Invalid(where, f"must be an ed25519:<base64> signing key; it {exc}") from None
    return str(value)


def signature(value: Any, where: str) -> str:
    try:
        signature_bytes(text(value, where))
    except ValueError as exc:
        raise Invalid(where, f"must be a base64 Ed25519 signature; it {exc}") from None
    return str(value)


# The schema -----------------------------------------------------------------------------------

SENDER = {
    "name": Field(filled),
    "recipient": Field(age_recipient),
    "signing_key": Field(signing_key),
}
# "kind" comes before "items", whose allowed types depend on it (dicts keep this order).
TOP_FIELDS = {
    "id": Field(bundle_uuid),
    "kind": Field(choice(BundleKind)),
    "created": Field(moment),
    "sender": Field(one_object(SENDER)),
    "recipients": Field(list_of(age_recipient)),
    "items": Field(list_of(anything)),
    "signature": Field(signature),
}
OPTIONAL_ID = Field(optional_text, required=False)
WORDING = {"question": Field(text), "created": Field(optional_moment, required=False)}
RESPONSE = {
    "prompt_id": Field(text),
    "label": Field(text, required=False, default=""),
    "text": Field(text),
}
SCORE = {
    "domain_id": Field(text),
    "score": Field(whole_number),
    "evidence": Field(text, required=False, default=""),
}

# Counts only: a share never carries who a connection is, where they were met or any note.
SECTOR_COUNTS = {
    "month": Field(month),
    **{str(sector): Field(count, required=False, default=0) for sector in Sector},
}

ITEM_FIELDS: dict[str, dict[str, Field]] = {
    "inquiry": {
        "id": Field(filled),
        "question": Field(filled),
        "wordings": Field(objects(WORDING), required=False, default=[]),
        "why": Field(text, required=False, default=""),
        "status": Field(choice(InquiryStatus), required=False, default="active"),
        "status_note": Field(text, required=False, default=""),
        "created": Field(optional_moment, required=False),
    },
    "entry": {
        "id": Field(filled),
        "kind": Field(choice(EntryKind)),
        "title": Field(text, required=False, default=""),
        "body": Field(text, required=False, default=""),
        "created": Field(moment),
        "updated": Field(optional_moment, required=False),
        "tags": Field(list_of(text), required=False, default=[]),
        "inquiry_id": OPTIONAL_ID,
        "framework_id": OPTIONAL_ID,
        "responses": Field(objects(RESPONSE), required=False, default=[]),
    },
    "action": {
        "id": Field(filled),
        "text": Field(filled),
        "kind": Field(choice(ActionKind)),
        "status": Field(choice(ActionStatus), required=False, default="open"),
        "due": Field(optional_day, required=False),
        "created": Field(optional_moment, required=False),
        "entry_id": OPTIONAL_ID,
        "inquiry_id": OPTIONAL_ID,
    },
    "assessment": {
        "id": Field(filled),
        "framework_id": Field(filled),
        "framework_name": Field(text, required=False, default=""),
        "created": Field(moment),
        "scores": Field(objects(SCORE)),
        "inquiry_id": OPTIONAL_ID,
        "note": Field(text, required=False, default=""),
    },
    "note": {
        "id": OPTIONAL_ID,
        "text": Field(filled),
    },
    "connection-counts": {
        "months": Field(objects(SECTOR_COUNTS)),
    },
    "comment": {
        "id": Field(filled),
        "about": Field(filled),
        "body": Field(filled),
        "created": Field(optional_moment, required=False),
    },
}

KIND_ITEMS = {
    "summary": ("inquiry", "entry", "action", "assessment", "note", "connection-counts"),
    "feedback": ("comment", "note"),
}
