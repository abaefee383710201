"""User files: written atomically, read with one error policy.

A write goes to a temporary file in the same folder, flushed, then renamed, so a reader (or a
crash) sees the old file or the complete new one, never half. Reading and writing failures
(missing, unreadable, not text, disk full, no permission) become one clear error naming the file.

Everything Reflect writes is its owner's alone on POSIX systems: files mode 600, folders it makes
700, and what an older version left open is tightened (:func:`tighten`). Windows keeps user
files in the user's profile, whose access list already excludes other accounts.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from reflect.errors import BadInput, StorageError
from reflect.messages import Msg


def write_bytes(path: Path, data: bytes) -> None:
    with translated_os_errors(path):
        private_folder(path.parent)
        # mkstemp makes the file mode 600 whatever the umask, so the rename keeps it private.
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


def write_new_private_text(path: Path, text: str) -> None:
    """Write a new owner-only file, not atomically: for files inside a folder that is itself
    renamed into place when whole (a Markdown export), where one rename covers them all."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)


def private_folder(folder: Path) -> None:
    """Make ``folder`` and any missing parents, each owner-only; an existing one is left as is."""
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for made in reversed(missing):
        made.mkdir(mode=0o700, exist_ok=True)  # a race with another maker is fine


def create_private_file(path: Path) -> None:
    """Make ``path`` an owner-only file (created empty if missing, tightened if not), so that
    whatever writes it next (SQLite, a copy) writes into a private file; SQLite gives a
    database's WAL and journal the database's own mode."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    tighten(path)


def tighten(path: Path) -> None:
    """Take away group and others' access to ``path`` (not following a link); best effort:
    a file that is not ours, or a folder we cannot change, is left as it is."""
    if os.name != "posix":
        return
    try:
        current = stat.S_IMODE(path.lstat().st_mode)
        if current & 0o077 and not stat.S_ISLNK(path.lstat().st_mode):
            path.chmod(current & ~0o077)
    except OSError:
        return


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


def read_bytes(path: Path, most: int | None = None) -> bytes:
    """The file's bytes; with ``most``, no more than ``most + 1`` of them, so that a caller can
    tell a file that is too large (or endless, like /dev/zero) at the cost of one bounded read."""
    require_exists(path)
    try:
        if most is None:
            return path.read_bytes()
        with path.open("rb") as handle:
            return handle.read(most + 1)
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
