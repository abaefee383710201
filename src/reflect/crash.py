"""The one place unexpected errors (bugs) end up: a log file the user can send to us."""

from __future__ import annotations

import traceback
from datetime import UTC, datetime
from pathlib import Path

from reflect import __version__


def write_crash_log(log_dir: Path, exc: BaseException) -> Path | None:
    """Write the traceback to a new file under ``log_dir``; None if even that fails."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = log_dir / f"crash-{stamp}.log"
    details = "".join(traceback.format_exception(exc))
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Reflect {__version__}\n\n{details}", encoding="utf-8")
    except OSError:
        return None
    return path
