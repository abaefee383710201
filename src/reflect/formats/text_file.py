"""Reading user-supplied text files with the same clear errors everywhere."""

from __future__ import annotations

from pathlib import Path

from reflect.errors import BadInput
from reflect.messages import Msg


def require_exists(path: Path) -> None:
    if not path.exists():
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
