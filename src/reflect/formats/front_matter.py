"""Front matter: the block of YAML between ``---`` lines at the top of a Markdown note.

The block is read by PyYAML with its base loader, so every scalar stays text: ``2024-03-01``,
``yes`` and ``1.5`` reach the caller exactly as written, and the importer converts the fields it
knows. Values are text, lists and maps, nested as YAML allows. Within bounds, so a note cannot
make an import slow or large: a block over 64 KiB, anchors and aliases (a "billion laughs"
document expands a few lines into billions of strings), nesting over 20 levels and a key given
twice are refused with a ValueError naming the line, counting the opening ``---`` as line 1.
"""

from __future__ import annotations

from typing import Any, Protocol

import yaml
from yaml.events import AliasEvent, NodeEvent
from yaml.nodes import MappingNode, Node, ScalarNode

FrontMatter = dict[str, object]


class _Mark(Protocol):
    """Where PyYAML found something (its pure-Python and libyaml marks both have this)."""

    line: int


_OPEN = "---"
_CLOSE = ("---", "...")
MAX_CHARS = 64 * 1024
MAX_DEPTH = 20
# The block's first line is the file's second: the opening fence is line 1.
_FIRST_LINE = 2


def split_front_matter(text: str) -> tuple[FrontMatter, str]:
    """Return ``(fields, body)``; a text without front matter gives ``({}, text)``."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != _OPEN:
        return {}, text
    size = 0
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() in _CLOSE:
            return _parse_block("".join(lines[1:index])), "".join(lines[index + 1 :])
        size += len(line)
        if size > MAX_CHARS:
            raise ValueError(
                f"line 1: the front matter is longer than {MAX_CHARS // 1024} KiB; "
                "keep long text in the note itself"
            )
    raise ValueError("line 1: front matter is not closed (no --- line after it)")


def _parse_block(block: str) -> FrontMatter:
    try:
        data = _load(block)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise ValueError(f"{_line(mark)}: this is not valid YAML ({exc.problem})") from None
    except yaml.reader.ReaderError as exc:
        line = block.count("\n", 0, exc.position) + _FIRST_LINE
        raise ValueError(
            f"line {line}: this is not valid YAML (a character it cannot hold, "
            f"#x{exc.character:04x})"
        ) from None
    if data in (None, ""):
        return {}
    if not isinstance(data, dict):
        raise ValueError(f"line {_FIRST_LINE}: the front matter should be 'key: value' lines")
    return data


def _load(block: str) -> object:
    loader = _BoundedLoader(block)  # checks every character first: may raise ReaderError
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _line(mark: _Mark | None) -> str:
    return f"line {mark.line + _FIRST_LINE}" if mark else f"line {_FIRST_LINE}"


class _Refused(ValueError):
    pass


class _BoundedLoader(yaml.BaseLoader):
    """PyYAML's base loader (text, lists and maps only), refusing what could blow up."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, AliasEvent) or (
            isinstance(event, NodeEvent) and event.anchor is not None
        ):
            raise _refused(event.start_mark, "YAML anchors (&) and aliases (*) are not supported")
        if self._depth >= MAX_DEPTH:
            raise _refused(
                event.start_mark, f"the front matter nests more than {MAX_DEPTH} levels deep"
            )
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_scalar(self, node: ScalarNode) -> Any:
        value = super().construct_scalar(node)
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            # "\ud800" is a lone surrogate: not text, and no file or database could hold it.
            raise _refused(node.start_mark, "the value is not text (\\uD800-\\uDFFF)") from None
        return value

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> Any:
        seen: set[str] = set()
        for key_node, _ in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _refused(key_node.start_mark, "a key must be text, not a list or a map")
            key = self.construct_scalar(key_node)
            if key in seen:
                raise _refused(key_node.start_mark, f"the key {key!r} appears twice")
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _refused(mark: _Mark | None, reason: str) -> _Refused:
    return _Refused(f"{_line(mark)}: {reason}")
