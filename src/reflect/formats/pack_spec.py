"""Pack specs: the TOML a facilitator writes to describe a programme (docs/facilitators.md).

Reading is strict and every complaint names the field (``events[3].date``), because a typo in a
date would put a workshop on the wrong day for a whole cohort. The same event and facilitator
checks read the signed pack document (JSON) later, so a spec and a pack agree on what is valid.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reflect.core.evaluation import EvaluationPlan
from reflect.core.framework import Framework, Origin
from reflect.core.programme import EventKind
from reflect.errors import BadInput
from reflect.files import decode_utf8, read_bytes
from reflect.formats.evaluation_spec import SECTION, read_evaluation
from reflect.formats.framework_toml import framework_from_document, read_framework
from reflect.formats.toml_table import Invalid, Table, parse_toml
from reflect.messages import Msg

FORMAT = "reflect-pack-spec"
FORMAT_VERSION = 1
MAX_BYTES = 2_000_000
MAX_EVENTS = 500  # nine months of weekly events is forty; this is a mistake, not a programme
MAX_TITLE = 200
MAX_WELCOME = 50_000
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d")

_TOP_KEYS = (
    "format", "format_version", "pack", "facilitator", "frameworks", "events", SECTION,
)  # fmt: skip
_PACK_KEYS = ("id", "name", "version", "framework", "welcome", "welcome_file")
FACILITATOR_KEYS = ("name", "contact")
EVENT_KEYS = ("id", "date", "time", "kind", "title", "description", "framework")
_BY_ID_KEYS = ("id",)
_FILE_KEYS = ("file",)

KnownFramework = Callable[[str], Framework | None]


@dataclass(frozen=True)
class EventSpec:
    key: str  # the facilitator's id for the event, unique within the pack
    day: date
    kind: EventKind
    title: str
    time: str = ""
    description: str = ""
    framework_id: str | None = None


@dataclass(frozen=True)
class PackSpec:
    id: str
    name: str
    version: int
    welcome: str
    facilitator_name: str
    contact: str
    framework_id: str | None
    uses: tuple[str, ...]  # frameworks shipped with Reflect, by id
    frameworks: tuple[Framework, ...]  # frameworks carried inside the pack
    events: tuple[EventSpec, ...]
    evaluation: EvaluationPlan | None = None  # the optional [evaluation] section


def read_spec(path: Path, known: KnownFramework) -> PackSpec:
    """Read and check a spec file; ``known`` finds frameworks shipped with Reflect by id."""
    data = read_bytes(path)
    if len(data) > MAX_BYTES:
        raise _invalid(path, "the file", f"is larger than {MAX_BYTES // 1_000_000} MB")
    text = decode_utf8(data, path)
    try:
        return _spec(parse_toml(text), path, known)
    except Invalid as exc:
        raise _invalid(path, exc.field, exc.reason) from None


def _spec(document: dict[str, Any], path: Path, known: KnownFramework) -> PackSpec:
    _check_format(document)
    top = Table(document, "", _TOP_KEYS)
    pack = top.table("pack", _PACK_KEYS)
    uses, carried = _frameworks(top, path, known)
    available = {*uses, *(f.id for f in carried)}
    framework_id = pack.text("framework", required=False) or None
    check_framework_named(pack, "framework", framework_id, available)
    facilitator = top.table("facilitator", FACILITATOR_KEYS)
    events = read_events(top.tables("events", EVENT_KEYS, required=False), available)
    section = top.optional_table(SECTION, None)
    frameworks = {**{i: known(i) for i in uses}, **{f.id: f for f in carried}}
    evaluation = (
        None if section is None else read_evaluation(section, frameworks, bool(events), path.parent)
    )
    return PackSpec(
        id=pack.slug("id"),
        name=bounded_text(pack, "name", MAX_TITLE),
        version=positive(pack, "version"),
        welcome=_welcome(pack, path),
        facilitator_name=bounded_text(facilitator, "name", MAX_TITLE),
        contact=bounded_text(facilitator, "contact", MAX_TITLE, required=False),
        framework_id=framework_id,
        uses=uses,
        frameworks=carried,
        events=events,
        evaluation=evaluation,
    )


def _check_format(document: dict[str, Any]) -> None:
    if document.get("format") != FORMAT:
        raise Invalid("format", f'must be "{FORMAT}" (the file should start: format = "{FORMAT}")')
    version = document.get("format_version")
    if version is None:
        raise Invalid("format_version", "is missing")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise Invalid("format_version", "must be a whole number from 1")
    if version > FORMAT_VERSION:
        raise Invalid("format_version", f"is {version}; this version of Reflect reads up to 1")


def _welcome(pack: Table, path: Path) -> str:
    inline = pack.text("welcome", required=False)
    named = pack.text("welcome_file", required=False)
    if inline and named:
        raise Invalid(pack.field("welcome_file"), "cannot be given as well as welcome")
    if named:
        try:
            text = decode_utf8(read_bytes(path.parent / named), path.parent / named)
        except BadInput as exc:
            raise Invalid(pack.field("welcome_file"), _cannot_use(exc)) from None
    else:
        text = inline
    if len(text) > MAX_WELCOME:
        raise Invalid(pack.field("welcome"), f"is longer than {MAX_WELCOME} characters")
    return text


def _frameworks(
    top: Table, path: Path, known: KnownFramework
) -> tuple[tuple[str, ...], tuple[Framework, ...]]:
    raw = top.tables("frameworks", None, required=False)
    uses: list[str] = []
    carried: list[Framework] = []
    seen: dict[str, str] = {}
    for table in raw:
        keys = set(table.keys())
        if "format" in keys:
            framework = _carried(table, path, None)
        elif keys == {"file"}:
            framework = _carried(table, path, path.parent / table.text("file"))
        else:
            Table(table.data, table.where, _BY_ID_KEYS if "id" in keys else _FILE_KEYS)
            framework_id = table.slug("id")
            if known(framework_id) is None:
                raise Invalid(table.field("id"), f'"{framework_id}" is not a framework in Reflect')
            uses.append(framework_id)
            seen_at = seen.setdefault(framework_id, table.where)
            if seen_at != table.where:
                raise Invalid(table.field("id"), f'repeats "{framework_id}" of {seen_at}')
            continue
        if known(framework.id) is not None:
            raise Invalid(
                table.where,
                f'has the id "{framework.id}" of a framework that comes with Reflect: '
                f'give yours its own id, or use the shipped one with id = "{framework.id}"',
            )
        seen_at = seen.setdefault(framework.id, table.where)
        if seen_at != table.where:
            raise Invalid(table.where, f'repeats the framework id "{framework.id}" of {seen_at}')
        carried.append(framework)
    return tuple(uses), tuple(carried)


def _carried(table: Table, spec: Path, file: Path | None) -> Framework:
    """A framework written inline (``file`` None) or in its own file, its problems named
    from the spec's point of view."""
    try:
        if file is None:
            return framework_from_document(table.data, spec, Origin.PACK)
        return read_framework(file, Origin.PACK)
    except BadInput as exc:
        if file is None and exc.msg is Msg.FRAMEWORK_INVALID:
            raise Invalid(f"{table.where}.{exc.params['field']}", exc.params["reason"]) from None
        where = table.field("file" if file else "format")
        raise Invalid(where, _cannot_use(exc)) from None


def read_events(tables: list[Table], frameworks: set[str]) -> tuple[EventSpec, ...]:
    """Events from a spec or a pack document, checked field by field; ids must be unique and
    a suggested framework must be one the pack has."""
    if len(tables) > MAX_EVENTS:
        raise Invalid("events", f"has more than {MAX_EVENTS} events")
    events: list[EventSpec] = []
    seen: dict[str, str] = {}
    for table in tables:
        event = _event(table)
        check_framework_named(table, "framework", event.framework_id, frameworks)
        first = seen.setdefault(event.key, table.field("id"))
        if first != table.field("id"):
            raise Invalid(table.field("id"), f'repeats the event id "{event.key}" of {first}')
        events.append(event)
    return tuple(sorted(events, key=lambda e: (e.day, e.time, e.key)))


def _event(table: Table) -> EventSpec:
    kind = table.text("kind")
    choices = [k.value for k in EventKind]
    if kind not in choices:
        raise Invalid(table.field("kind"), f"must be one of {', '.join(choices)}")
    time = table.text("time", required=False)
    if time and not _TIME.fullmatch(time):
        raise Invalid(table.field("time"), 'must be a 24-hour time such as "14:30"')
    return EventSpec(
        key=table.slug("id"),
        day=event_day(table),
        kind=EventKind(kind),
        title=bounded_text(table, "title", MAX_TITLE),
        time=time,
        description=bounded_text(table, "description", MAX_WELCOME, required=False),
        framework_id=table.text("framework", required=False) or None,
    )


def event_day(table: Table) -> date:
    value = table.data.get("date")
    if value is None:
        raise Invalid(table.field("date"), "is missing")
    if isinstance(value, str) and _DAY.fullmatch(value):
        with contextlib.suppress(ValueError):  # 2027-02-30 falls through to the message below
            value = date.fromisoformat(value)
    if not isinstance(value, date) or hasattr(value, "hour"):
        raise Invalid(table.field("date"), "must be a date such as 2027-01-14")
    return value


def check_framework_named(
    table: Table, key: str, framework_id: str | None, available: set[str]
) -> None:
    if framework_id is not None and framework_id not in available:
        listed = ", ".join(sorted(available)) or "none"
        raise Invalid(
            table.field(key), f'"{framework_id}" is not one of the pack\'s frameworks ({listed})'
        )


def bounded_text(table: Table, key: str, limit: int, *, required: bool = True) -> str:
    value = table.text(key, required=required).strip()
    if len(value) > limit:
        raise Invalid(table.field(key), f"is longer than {limit} characters")
    return value


def positive(table: Table, key: str) -> int:
    value = table.integer(key)
    if value is None or not 1 <= value <= 1_000_000:
        raise Invalid(table.field(key), "must be a whole number from 1")
    return value


def _cannot_use(exc: BadInput) -> str:
    # the message names the file's problem as a sentence; PACK_SPEC_INVALID ends the sentence
    return "cannot be used: " + exc.text.removesuffix(".")


def _invalid(path: Path, field: str, reason: str) -> BadInput:
    return BadInput(Msg.PACK_SPEC_INVALID, path=path, field=field, reason=reason)
