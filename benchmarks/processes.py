"""Run a whole process and measure it: wall time from spawn to exit, and its peak memory.

Each command runs under a small launcher (``scripts/measured.py``) that times it and reads its
own ``ru_maxrss`` from ``wait4``; started from the runner directly, a child would inherit the
runner's peak memory across fork and exec. Children run with this checkout's
``src`` first on ``PYTHONPATH``, so the code measured is the code beside the benchmarks.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAUNCHER = Path(__file__).resolve().parent / "scripts" / "measured.py"


@dataclass(frozen=True)
class Run:
    seconds: float
    max_rss_kb: int
    returncode: int
    stdout: bytes
    stderr: bytes


class ProcessFailed(RuntimeError):
    pass


def environment(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    paths = [str(ROOT / "src"), str(ROOT)]
    if env.get("PYTHONPATH"):
        paths.append(env["PYTHONPATH"])
    env["PYTHONPATH"] = os.pathsep.join(paths)
    # An installed app runs from compiled bytecode; without it every start would first compile
    # Reflect's modules (the warm-up run writes the .pyc files; git ignores them).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(extra or {})
    return env


def reflect(python: str, *args: str) -> list[str]:
    """``reflect ARGS`` from this checkout, run by ``python``, as the installed command is."""
    return [python, "-m", "reflect", *args]


def run(command: Sequence[str], env: Mapping[str, str] | None = None, check: bool = True) -> Run:
    """Start ``command``, wait for it, and say how long it took and how much memory it held."""
    with tempfile.TemporaryDirectory(prefix="reflect-bench-") as folder:
        out, err = Path(folder, "stdout"), Path(folder, "stderr")
        launcher = [sys.executable, "-I", "-S", str(LAUNCHER), str(out), str(err)]
        report = subprocess.run(
            [*launcher, *command], env=environment(env), capture_output=True, check=True
        )
        measured = json.loads(report.stdout)
        result = Run(
            measured["seconds"],
            measured["max_rss_kb"],
            measured["returncode"],
            out.read_bytes(),
            err.read_bytes(),
        )
    if check and result.returncode != 0:
        raise ProcessFailed(
            f"{' '.join(command)} exited {result.returncode}:\n"
            + result.stderr.decode(errors="replace")
        )
    return result
