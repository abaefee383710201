"""The one place unexpected errors (bugs) end up: a log file the user can send to us."""

from __future__ import annotations

import os
import traceback
from datetime import UTC, datetime
from pathlib import Path

from reflect import __version__


def write_crash_log(log_dir: Path, exc: BaseException) -> Path | None:
    """Write the traceback to a new file under ``log_dir``; None if even that fails."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    details = "".join(traceback.format_exception(exc))
    try:
        log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        for attempt in range(100):
            path = log_dir / f"crash-{stamp}{f'-{attempt}' if attempt else ''}.log"
            try:
                # O_EXCL: never overwrite an earlier crash's log; 600: a traceback may quote text.
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    handle.write(f"Reflect {__version__}\n\n{details}")
            except FileExistsError:
                continue
            return path
    except OSError:
        return None
    return None
