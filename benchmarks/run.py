"""Run Reflect's benchmarks: ``python3 benchmarks/run.py [--quick] [--sizes 1k,10k,100k]``.

This checkout's ``src`` comes first on the path, so the code measured is the code beside this
file even where another copy of Reflect is installed. See docs/benchmarks.md.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from benchmarks.runner import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
