"""Writing files atomically: a temporary file in the same folder, flushed, then renamed.

A reader (or a crash) sees either the old file or the complete new one, never half of it.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reflect.errors import StorageError
from reflect.messages import Msg


def write_bytes(path: Path, data: bytes) -> None:
    with translated_os_errors(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        sync_folder(path.parent)


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no folder handles to sync)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def translated_os_errors(path: Path) -> Iterator[None]:
    """Turn disk-full and permission failures into user errors naming ``path``."""
    try:
        yield
    except OSError as exc:
        raise os_error(exc, path) from exc


def os_error(exc: OSError, path: Path) -> StorageError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageError(Msg.DISK_FULL)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StorageError(Msg.READ_ONLY, path=path.parent if path.suffix else path)
    return StorageError(Msg.WRITE_FAILED, path=path, reason=exc.strerror or str(exc))
