"""Which reader or writer handles each format name the CLI and the menus offer.

Readers are imported only when asked for, so start-up does not pay for parsers nobody uses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from reflect.core.entry import Entry
from reflect.errors import BadInput
from reflect.formats.progress import Progress
from reflect.messages import Msg

EntryReader = Callable[[Path, Progress], Iterator[Entry]]

IMPORT_FORMATS = ("jrnl", "dayone", "markdown", "json")
EXPORT_FORMATS = ("json", "markdown")


def entry_reader(name: str) -> EntryReader:
    """The streaming reader for a foreign journal format (everything but ``json``)."""
    if name == "jrnl":
        from reflect.formats.jrnl_import import read_jrnl

        return read_jrnl
    if name == "dayone":
        from reflect.formats.dayone_import import read_dayone

        return read_dayone
    if name == "markdown":
        from reflect.formats.markdown_import import read_markdown

        return read_markdown
    raise unknown_format(name, IMPORT_FORMATS)


def check_format(name: str, known: tuple[str, ...]) -> str:
    if name not in known:
        raise unknown_format(name, known)
    return name


def unknown_format(name: str, known: tuple[str, ...]) -> BadInput:
    return BadInput(Msg.UNKNOWN_FORMAT, name=name, choices=", ".join(known))
