"""Modules stay small enough to read in one sitting: no more than 400 lines each.

The one exception is the message catalogue, which is a table of every user-facing message and
reads as a list, not as code.
"""

from __future__ import annotations

from pathlib import Path

import reflect

MOST_LINES = 400
CATALOGUES = {"messages.py"}


def test_no_module_is_longer_than_400_lines() -> None:
    root = Path(reflect.__file__).parent
    long = {
        str(path.relative_to(root)): lines
        for path in root.rglob("*.py")
        if path.name not in CATALOGUES
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES
    }
    assert long == {}, "split these by what each part does"
