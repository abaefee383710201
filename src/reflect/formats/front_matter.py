"""Front matter: the small block of YAML between ``---`` lines at the top of a Markdown note.

Only the subset people actually write by hand (Obsidian, Jekyll, Reflect's own export) is
understood: ``key: value`` scalars, quoted strings, inline ``[a, b]`` lists, block lists of
``- item`` lines, comments and blank lines. Every scalar stays a string, so dates and numbers
reach the caller exactly as written. Anything richer is refused with a ValueError naming the
line, rather than guessed at, so an import never silently mangles a note. PyYAML is not needed.
"""

from __future__ import annotations

import re

FrontMatter = dict[str, object]

_OPEN = "---"
_CLOSE = ("---", "...")
_KEY_LINE = re.compile(r"([A-Za-z0-9_][\w .-]*?)[ \t]*:(?:[ \t]+(.*))?")
_LIST_ITEM = re.compile(r"[ \t]*-(?:[ \t]+(.*))?")
_COMMENT = re.compile(r"(?:^|[ \t]+)#.*$")
_DOUBLE_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "n": "\n", "t": "\t"}
_UNSUPPORTED_START = {
    "|": "multi-line strings (| or >) are not supported",
    ">": "multi-line strings (| or >) are not supported",
    "{": "nested maps are not supported",
    "&": "YAML anchors are not supported",
    "*": "YAML aliases are not supported",
    "!": "YAML tags are not supported",
    "@": "a value cannot start with @ unless it is quoted",
    "`": "a value cannot start with ` unless it is quoted",
}


def split_front_matter(text: str) -> tuple[FrontMatter, str]:
    """Return ``(fields, body)``; a text without front matter gives ``({}, text)``."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != _OPEN:
        return {}, text
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() in _CLOSE:
            fields = _parse_block([raw.rstrip("\r\n") for raw in lines[1:index]])
            return fields, "".join(lines[index + 1 :])
    raise ValueError("line 1: front matter is not closed (no --- line after it)")


def _parse_block(lines: list[str]) -> FrontMatter:
    """Parse the lines between the fences; line numbers count the opening fence as line 1."""
    fields: FrontMatter = {}
    list_key = ""
    for number, line in enumerate(lines, start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _LIST_ITEM.fullmatch(line)
        if item and list_key:
            _append_item(fields, list_key, _list_item(item.group(1) or "", number))
            continue
        if line[0] in " \t":
            raise ValueError(
                f"line {number}: indented lines (nested maps or multi-line values) "
                "are not supported"
            )
        key, value = _key_value(line, number)
        if key in fields:
            raise ValueError(f"line {number}: the key {key!r} appears twice")
        fields[key] = value
        # Only a key with nothing after the colon can own the block list that follows.
        list_key = key if value is None else ""
    return fields


def _append_item(fields: FrontMatter, key: str, item: str) -> None:
    items = fields[key]
    if isinstance(items, list):
        items.append(item)
    else:
        fields[key] = [item]


def _key_value(line: str, number: int) -> tuple[str, object]:
    """One ``key: value`` line; an empty value is None until list items follow it."""
    match = _KEY_LINE.fullmatch(line)
    if not match:
        raise ValueError(f"line {number}: expected 'key: value'")
    raw = (match.group(2) or "").strip()
    if not raw or raw.startswith("#"):
        return match.group(1), None
    if raw.startswith("["):
        return match.group(1), _inline_list(raw, number)
    return match.group(1), _scalar(raw, number)


def _list_item(raw: str, number: int) -> str:
    raw = raw.strip()
    if raw.startswith("[") or raw.startswith("- ") or raw == "-":
        raise ValueError(f"line {number}: nested lists are not supported")
    if _KEY_LINE.fullmatch(raw) and not raw.startswith(("'", '"')):
        raise ValueError(f"line {number}: nested maps are not supported")
    return _scalar(raw, number)


def _inline_list(raw: str, number: int) -> list[str]:
    inner = _strip_comment(raw)
    if not inner.endswith("]"):
        raise ValueError(f"line {number}: the list is not closed with ]")
    parts = (part.strip() for part in _split_commas(inner[1:-1], number))
    # A trailing comma is allowed in YAML's inline lists, so empty parts are dropped.
    return [_scalar(part, number, in_list=True) for part in parts if part]


def _split_commas(inner: str, number: int) -> list[str]:
    """Split on the commas that are outside quoted strings."""
    parts: list[str] = []
    start = 0
    quote = ""
    index = 0
    while index < len(inner):
        char = inner[index]
        if quote:
            if quote == '"' and char == "\\":
                index += 1
            elif char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char in "[]{}":
            raise ValueError(f"line {number}: nested lists and maps are not supported")
        elif char == ",":
            parts.append(inner[start:index])
            start = index + 1
        index += 1
    parts.append(inner[start:])
    return parts


def _scalar(raw: str, number: int, in_list: bool = False) -> str:
    first = raw[:1]
    if first and first in _UNSUPPORTED_START:
        raise ValueError(f"line {number}: {_UNSUPPORTED_START[first]}")
    if first in ("'", '"'):
        return _quoted(raw, number)
    value = raw if in_list else _strip_comment(raw)
    if ": " in value or value.endswith(":"):
        raise ValueError(f"line {number}: a value containing ': ' must be quoted")
    return value


def _quoted(raw: str, number: int) -> str:
    quote = raw[0]
    end = _closing_quote(raw, quote)
    if end < 0:
        raise ValueError(f"line {number}: the quoted string is not closed")
    rest = raw[end + 1 :].strip()
    if rest and not rest.startswith("#"):
        raise ValueError(f"line {number}: unexpected text after the closing quote")
    inner = raw[1:end]
    return inner.replace("''", "'") if quote == "'" else _unescape_double(inner, number)


def _closing_quote(raw: str, quote: str) -> int:
    index = 1
    while index < len(raw):
        char = raw[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and raw[index + 1 : index + 2] == "'":
                index += 2
                continue
            return index
        index += 1
    return -1


def _unescape_double(inner: str, number: int) -> str:
    def replace(match: re.Match[str]) -> str:
        escape = match.group(1)
        if escape.startswith("u"):
            code = int(escape[1:], 16)
            if 0xD800 <= code <= 0xDFFF:
                # A lone surrogate is not text and could not be stored as UTF-8 later.
                raise ValueError(f"line {number}: \\{escape} is not a character")
            return chr(code)
        if escape not in _DOUBLE_ESCAPES:
            raise ValueError(f"line {number}: unknown escape \\{escape} in a quoted string")
        return _DOUBLE_ESCAPES[escape]

    return re.sub(r"\\(u[0-9A-Fa-f]{4}|.)", replace, inner, flags=re.DOTALL)


def _strip_comment(raw: str) -> str:
    return _COMMENT.sub("", raw).strip()
