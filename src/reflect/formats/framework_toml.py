"""Framework files (``reflect-framework`` TOML, documented in docs/frameworks.md): read, write.

Reading is strict: a typo in a key, a wrong type or a repeated id is refused with a message
naming the file and the field (``sections[2].prompts[0].label``), because a framework that
silently loses a prompt would lose what people write under it. Version 2 requires the source's
year and may say what was and was not checked against it; version 1 files (no year needed)
still read, since users' own files and old packs carry them. Writing produces the newest
version that can hold the framework (version 1 only for a framework read from a version 1
file without a year), and ``read(dump(f)) == f``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from reflect.core.entry import EntryKind
from reflect.core.framework import (
    Domain,
    Framework,
    Origin,
    Prompt,
    Scale,
    Section,
    Source,
)
from reflect.errors import BadInput
from reflect.files import decode_utf8, read_bytes
from reflect.formats.toml_table import Invalid, Table, is_int, parse_toml
from reflect.messages import Msg

FORMAT = "reflect-framework"
FORMAT_VERSION = 2
YEAR_REQUIRED_FROM = 2  # the first format version in which source.year is required
MAX_BYTES = 1_000_000  # frameworks are a few kilobytes; anything this big is not one
SCALE_LIMITS = (0, 100)
YEAR_LIMITS = (1000, 9999)

_TOP_KEYS = (
    "format", "format_version", "id", "name", "version", "kind", "description", "verified",
    "source", "sections", "domains", "scale",
)  # fmt: skip
_SOURCE_KEYS_V1 = ("title", "publisher", "year", "link", "note")
_SOURCE_KEYS = (*_SOURCE_KEYS_V1, "checked", "not_checked")
_SECTION_KEYS = ("id", "title", "prompts")
_ITEM_KEYS = ("id", "label", "help")  # prompts and domains
_SCALE_KEYS = ("low", "high", "labels")


def read_framework(path: Path, origin: Origin) -> Framework:
    """Read and validate one framework file, or raise :class:`BadInput` saying what is wrong."""
    return framework_from_bytes(read_bytes(path), path, origin)


def framework_from_bytes(data: bytes, path: Path, origin: Origin) -> Framework:
    """Validate a framework file's bytes; ``path`` names the file in messages."""
    if len(data) > MAX_BYTES:
        raise _invalid(path, "the file", f"is larger than {MAX_BYTES // 1_000_000} MB")
    return parse_framework(decode_utf8(data, path), path, origin)


def parse_framework(text: str, path: Path, origin: Origin) -> Framework:
    """Validate TOML text; ``path`` only names the file in messages."""
    try:
        document = parse_toml(text)
    except Invalid as exc:
        raise _invalid(path, exc.field, exc.reason) from None
    return framework_from_document(document, path, origin)


def framework_from_document(document: dict[str, Any], path: Path, origin: Origin) -> Framework:
    """Validate an already parsed framework table (a pack spec holds frameworks inline)."""
    try:
        version = _check_format(document, path)
        return _framework(Table(document, "", _TOP_KEYS), origin, version)
    except Invalid as exc:
        raise _invalid(path, exc.field, exc.reason) from None


def _check_format(document: dict[str, Any], path: Path) -> int:
    """The format name and version come first: a newer file may have keys this one lacks."""
    if "format" not in document:
        raise Invalid("format", f'is missing (the file should start: format = "{FORMAT}")')
    if document["format"] != FORMAT:
        raise Invalid("format", f'is not "{FORMAT}"')
    version = document.get("format_version")
    if version is None:
        raise Invalid("format_version", "is missing")
    if not is_int(version) or version < 1:
        raise Invalid("format_version", "must be a whole number from 1")
    if version > FORMAT_VERSION:
        raise BadInput(Msg.FRAMEWORK_TOO_NEW, path=path, version=version)
    return int(version)


def _framework(top: Table, origin: Origin, version: int) -> Framework:
    ids = _IdRegister()
    return Framework(
        id=top.slug("id"),
        name=top.text("name"),
        version=top.text("version"),
        kind=_kind(top),
        description=top.text("description"),
        verified=top.boolean("verified"),
        source=_source(top, version),
        sections=tuple(_section(t, ids) for t in top.tables("sections", _SECTION_KEYS)),
        domains=tuple(_domain(t, ids) for t in top.tables("domains", _ITEM_KEYS, required=False)),
        scale=_scale(top.optional_table("scale", _SCALE_KEYS)),
        origin=origin,
    )


def _kind(top: Table) -> EntryKind:
    value = top.text("kind")
    choices = [k.value for k in EntryKind]
    if value not in choices:
        raise Invalid(top.field("kind"), f"must be one of {', '.join(choices)}")
    return EntryKind(value)


def _source(top: Table, version: int) -> Source:
    table = top.table("source", _SOURCE_KEYS if version >= YEAR_REQUIRED_FROM else _SOURCE_KEYS_V1)
    link = table.text("link", required=False)
    if link and not link.startswith("https://"):
        raise Invalid(table.field("link"), "must be a web address starting with https://")
    title = table.text("title")
    # Without a title and a year nobody can find the source again to check it.
    if version >= YEAR_REQUIRED_FROM and "year" not in table.data:
        raise Invalid(
            table.field("year"),
            "is missing: say the year the source was published, such as year = 2024",
        )
    year = table.integer("year", required=False)
    if year is not None and not YEAR_LIMITS[0] <= year <= YEAR_LIMITS[1]:
        raise Invalid(table.field("year"), "must be a four-digit year")
    return Source(
        title=title,
        publisher=table.text("publisher", required=False),
        year=year,
        link=link,
        note=table.text("note", required=False),
        checked=table.text("checked", required=False),
        not_checked=table.text("not_checked", required=False),
    )


def _section(table: Table, ids: _IdRegister) -> Section:
    return Section(
        id=ids.add("section", table),
        title=table.text("title"),
        prompts=tuple(
            Prompt(ids.add("prompt", t), t.text("label"), t.text("help", required=False))
            for t in table.tables("prompts", _ITEM_KEYS)
        ),
    )


def _domain(table: Table, ids: _IdRegister) -> Domain:
    return Domain(ids.add("domain", table), table.text("label"), table.text("help", required=False))


def _scale(table: Table | None) -> Scale:
    if table is None:
        return Scale()
    low, high = table.integer("low"), table.integer("high")
    assert low is not None and high is not None
    for key, value in (("low", low), ("high", high)):
        if not SCALE_LIMITS[0] <= value <= SCALE_LIMITS[1]:
            raise Invalid(table.field(key), "must be a whole number from 0 to 100")
    if low >= high:
        raise Invalid(table.field("low"), f"({low}) must be less than high ({high})")
    return Scale(low, high, _scale_labels(table, low, high))


def _scale_labels(scale: Table, low: int, high: int) -> dict[int, str]:
    table = scale.optional_table("labels", None)
    labels: dict[int, str] = {}
    for key in table.keys() if table else ():
        assert table is not None
        if not re.fullmatch(r"-?\d{1,4}", key):
            raise Invalid(table.field(key), "must be a score, a whole number such as 3")
        if not low <= int(key) <= high:
            raise Invalid(table.field(key), f"is outside the scale {low} to {high}")
        labels[int(key)] = table.text(key)
    return dict(sorted(labels.items()))


def _invalid(path: Path, field: str, reason: str) -> BadInput:
    return BadInput(Msg.FRAMEWORK_INVALID, path=path, field=field, reason=reason)


class _IdRegister:
    """Ids must be unique among sections, among prompts (across sections) and among domains."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, str], str] = {}

    def add(self, kind: str, table: Table) -> str:
        value = table.slug("id")
        first = self._seen.setdefault((kind, value), table.field("id"))
        if first != table.field("id"):
            raise Invalid(table.field("id"), f'repeats the {kind} id "{value}" of {first}')
        return value


def dump_framework(framework: Framework) -> str:
    """The framework as TOML in the newest format that holds it (its origin is where it
    lives, not data): version 1 only when it has no year, which only a version 1 file gives."""
    f = framework
    lines = [
        _pair("format", FORMAT),
        _pair("format_version", written_version(f)),
        _pair("id", f.id),
        _pair("name", f.name),
        _pair("version", f.version),
        _pair("kind", f.kind.value),
        _pair("description", f.description),
        _pair("verified", f.verified),
        "",
        "[source]",
        *_source_lines(f.source),
        *_scale_lines(f.scale),
    ]
    for domain in f.domains:
        lines += ["", "[[domains]]", *_item_lines(domain.id, domain.label, domain.help)]
    for section in f.sections:
        lines += ["", "[[sections]]", _pair("id", section.id), _pair("title", section.title)]
        for prompt in section.prompts:
            lines += [
                "",
                "[[sections.prompts]]",
                *_item_lines(prompt.id, prompt.label, prompt.help),
            ]
    return "\n".join(lines) + "\n"


def written_version(framework: Framework) -> int:
    """The format version ``dump_framework`` writes: the newest, unless the year is missing."""
    source = framework.source
    if source.year is not None:
        return FORMAT_VERSION
    if source.checked or source.not_checked:
        raise ValueError("a framework that says what was checked needs its source's year")
    return YEAR_REQUIRED_FROM - 1


def _source_lines(source: Source) -> list[str]:
    optional: list[tuple[str, str | int | None]] = [
        ("publisher", source.publisher),
        ("year", source.year),
        ("link", source.link),
        ("checked", source.checked),
        ("not_checked", source.not_checked),
        ("note", source.note),
    ]
    lines = [_pair("title", source.title)]
    return lines + [_pair(key, value) for key, value in optional if value not in ("", None)]


def _scale_lines(scale: Scale) -> list[str]:
    if scale == Scale():
        return []
    lines = ["", "[scale]", _pair("low", scale.low), _pair("high", scale.high)]
    if scale.labels:
        lines += ["", "[scale.labels]"]
        lines += [f'"{score}" = {_string(text)}' for score, text in sorted(scale.labels.items())]
    return lines


def _item_lines(item_id: str, label: str, help_text: str) -> list[str]:
    lines = [_pair("id", item_id), _pair("label", label)]
    return lines + ([_pair("help", help_text)] if help_text else [])


def _pair(key: str, value: str | int | bool | None) -> str:
    if isinstance(value, bool):
        return f"{key} = {'true' if value else 'false'}"
    if isinstance(value, int):
        return f"{key} = {value}"
    return f"{key} = {_string(value or '')}"


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f"}
_ESCAPES["\r"] = "\\r"


def _string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'
