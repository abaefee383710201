"""The no-network guard for Python processes the tests start (``python -m reflect``).

The test run puts this folder first on ``PYTHONPATH`` and names a log file in
``REFLECT_TEST_NETWORK_LOG``; Python imports this module at start-up, so the child blocks the
network as the tests do (see ``tests/network_guard.py``) and appends each attempt to the log,
where the parent test finds it and fails.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_LOG = os.environ.get("REFLECT_TEST_NETWORK_LOG")


def _append(attempt: str) -> None:
    assert _LOG is not None
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(attempt + "\n")


if _LOG:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    try:
        import network_guard
    finally:
        sys.path.pop(0)
    network_guard.install(_append)
