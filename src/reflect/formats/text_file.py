"""Reading user-supplied text files with the same clear errors everywhere."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

from reflect.errors import BadInput
from reflect.messages import Msg

T = TypeVar("T")


class Malformed(Exception):
    """Why a file cannot be read; :func:`reported` adds the path and the format's name."""


def reported(items: Iterator[T], path: Path, format_name: str) -> Iterator[T]:
    """Pass ``items`` through, turning a :class:`Malformed` into the user's one clear message."""
    try:
        yield from items
    except Malformed as exc:
        raise BadInput(Msg.FILE_MALFORMED, path=path, format=format_name, reason=str(exc)) from None


def is_text(value: str) -> bool:
    """False for strings with lone surrogates, which JSON's \\u escapes can produce."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def require_exists(path: Path) -> None:
    try:
        found = path.exists()
    except (OSError, ValueError) as exc:  # a name too long, or holding a NUL: no such file
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise BadInput(Msg.FILE_NOT_READABLE, path=path, reason=reason) from exc
    if not found:
        raise BadInput(Msg.FILE_NOT_FOUND, path=path)


def read_bytes(path: Path) -> bytes:
    require_exists(path)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise BadInput(Msg.FILE_NOT_READABLE, path=path, reason=exc.strerror or exc) from exc


def decode_utf8(data: bytes, path: Path) -> str:
    """Decode UTF-8 (a leading byte-order mark is allowed) or say where it breaks."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(Msg.FILE_NOT_UTF8, path=path, offset=exc.start) from exc


def read_text(path: Path) -> str:
    return decode_utf8(read_bytes(path), path)
